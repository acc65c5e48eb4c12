#!/usr/bin/env node
/**
 * `npm run demo`: runs the real `cdp-lint` command on the example apps in `examples/` and prints
 * each report: the findings grouped by rule, why each rule matters, how to fix it, and the counts.
 * `saas-app` is linted with every rule on, `klaviyo-store` and `product-analytics` with the
 * recommended rules. It is the same command a user runs in their own repository, started in each
 * example's folder so that its `cdp.settings.js` is picked up. The examples make their mistakes on
 * purpose, so findings are the expected outcome and the exit code is 0; it is 1 only when the demo
 * itself cannot run (the plugin is not built, a file of an example does not parse, or the command
 * fails).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist', 'cli', 'index.js');

const colour = process.argv.includes('--no-color')
  ? false
  : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0';
const paint = (code) => (text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : String(text));
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const cyan = paint('36');

if (!existsSync(cli)) {
  console.error(`${red('The plugin is not built.')} Run \`npm run demo\` (it builds first) or \`npm run build\`.`);
  process.exit(1);
}

/** The examples, each linted the way its README says: the first with every rule, the others with `recommended`. */
const examples = [
  {
    folder: 'saas-app',
    config: 'all',
    intro: [
      `Every rule is on (the ${cyan('all')} config, not just ${cyan('recommended')}), so this shows everything the plugin finds.`,
      dim('The example app makes these mistakes on purpose; its README lists what each file demonstrates.'),
      dim('Its cdp.settings.js tells the plugin which of its modules export SDK clients; cdp-lint loads it by itself.'),
    ],
  },
  {
    folder: 'klaviyo-store',
    config: 'recommended',
    intro: [`A Klaviyo-only store with the ${cyan('recommended')} rules: what a new user of the plugin sees first.`],
  },
  {
    folder: 'product-analytics',
    config: 'recommended',
    intro: [`Segment and PostHog (and Amplitude and Mixpanel in two jobs) with the ${cyan('recommended')} rules.`],
  },
];

for (const [index, { folder, config, intro }] of examples.entries()) {
  const example = path.join(root, 'examples', folder);
  if (index > 0) console.log(`\n${'─'.repeat(72)}\n`);
  console.log(bold(`$ cd ${path.relative(process.cwd(), example) || '.'} && npx cdp-lint --config ${config}`));
  for (const line of intro) console.log(line);
  console.log('');

  // stderr stays the terminal's, so the progress line shows while the example is linted.
  const args = ['--config', config, '--format', 'report', colour ? '--color' : '--no-color'];
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: example, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(run.stdout ?? '');

  if (run.error || run.status === null || run.status > 1) {
    console.error(red(`\ncdp-lint could not lint examples/${folder} (exit status ${run.status ?? 'none'}); the demo is incomplete.`));
    process.exitCode = 1;
  } else if (/could not be parsed/.test(run.stdout ?? '')) {
    console.error(red(`\nSome files of examples/${folder} could not be parsed; the demo is incomplete.`));
    process.exitCode = 1;
  }
}
