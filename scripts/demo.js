#!/usr/bin/env node
/**
 * `npm run demo`: runs the real `cdp-lint` command on the example app in `examples/saas-app`, with
 * every rule on, and prints its report: the findings grouped by rule, why each rule matters, how
 * to fix it, and the counts. It is the same command a user runs in their own repository
 * (`npx cdp-lint --config all`), started in the example's folder so that its `cdp.settings.js` is
 * picked up. The example makes its mistakes on purpose, so findings are the expected outcome and
 * the exit code is 0; it is 1 only when the demo itself cannot run (the plugin is not built, a
 * file of the example does not parse, or the command fails).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = path.join(root, 'examples', 'saas-app');
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

const args = ['--config', 'all', '--format', 'report', colour ? '--color' : '--no-color'];
console.log(bold(`$ cd ${path.relative(process.cwd(), example) || '.'} && npx cdp-lint --config all`));
console.log(
  `Every rule is on (the ${cyan('all')} config, not just ${cyan('recommended')}), so this shows everything the plugin finds.`,
);
console.log(dim('The example app makes these mistakes on purpose; its README lists what each file demonstrates.'));
console.log(dim('Its cdp.settings.js tells the plugin which of its modules export SDK clients; cdp-lint loads it by itself.'));
console.log('');

// stderr stays the terminal's, so the progress line shows while the example is linted.
const run = spawnSync(process.execPath, [cli, ...args], { cwd: example, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(run.stdout ?? '');

if (run.error || run.status === null || run.status > 1) {
  console.error(red(`\ncdp-lint could not lint the example (exit status ${run.status ?? 'none'}); the demo is incomplete.`));
  process.exitCode = 1;
} else if (/could not be parsed/.test(run.stdout ?? '')) {
  console.error(red('\nSome files of the example could not be parsed; the demo is incomplete.'));
  process.exitCode = 1;
}
