// One measurement: lint one corpus with one config in this process, print one JSON line.
// Each measurement runs in its own process so that no run warms the caches of the next one.
//
//   node bench/lint-once.mjs --config baseline|cdp|typed-baseline|typed-cdp \
//     --files <list file> --root <corpus dir> [--settings <json file>] [--stats]
//
// With --stats ESLint times every rule listener, which slows it down: timed runs go without.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { buildConfig } from './lib/configs.mjs';

const { values: args } = parseArgs({
  options: {
    config: { type: 'string' },
    files: { type: 'string' },
    root: { type: 'string' },
    settings: { type: 'string' },
    stats: { type: 'boolean', default: false },
  },
});
if (!args.config || !args.files || !args.root) {
  console.error('usage: lint-once.mjs --config <name> --files <list file> --root <corpus dir> [--settings <file>]');
  process.exit(2);
}

const root = path.resolve(args.root);
const files = readFileSync(args.files, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((file) => path.resolve(root, file));
const settings = args.settings ? JSON.parse(readFileSync(args.settings, 'utf8')) : [];

const startedAt = performance.now();
const overrideConfig = await buildConfig(args.config, { root, settings });
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig,
  // The file list is explicit; ESLint still skips node_modules, which is why the corpus is unpacked elsewhere.
  ignore: false,
  cache: false,
  concurrency: 'off',
  stats: args.stats,
});

let results;
const lintStartedAt = performance.now();
try {
  results = await eslint.lintFiles(files);
} catch (error) {
  // ESLint rethrows a rule's exception with the file, line and rule appended to the message.
  const text = String(error?.message ?? error);
  const file = /Occurred while linting (.+)/.exec(text)?.[1];
  const rule = /Rule: "([^"]+)"/.exec(text)?.[1];
  console.error(file ? `RULE CRASH in ${rule ?? 'a rule'} on ${file}` : 'ESLint failed before linting');
  console.error(error?.stack ?? text);
  process.exit(3);
}
const finishedAt = performance.now();
const cpu = process.cpuUsage();

const ruleTimes = {};
let parseMs = 0;
const fatal = [];
const messagesByRule = {};
for (const result of results) {
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
      ruleTimes[ruleId] = (ruleTimes[ruleId] ?? 0) + total;
    }
  }
  for (const message of result.messages) {
    // A parse error, or a file ESLint skipped: either way a file nobody measured.
    if (message.fatal || (message.ruleId === null && message.message.startsWith('File ignored'))) fatal.push(`${result.filePath}:${message.line ?? 0}: ${message.message}`);
    const key = message.ruleId ?? '(none)';
    messagesByRule[key] = (messagesByRule[key] ?? 0) + 1;
  }
}

if (fatal.length > 0) {
  // A file that fails to parse is a file nobody measured: refuse to report a number for it.
  console.error(`${fatal.length} file(s) could not be linted:\n${fatal.slice(0, 20).join('\n')}`);
  process.exit(4);
}

console.log(
  JSON.stringify({
    config: args.config,
    stats: args.stats,
    files: results.length,
    // From process start: includes loading ESLint, the parser and the plugin.
    wallMs: finishedAt,
    setupMs: lintStartedAt - startedAt,
    lintMs: finishedAt - lintStartedAt,
    parseMs,
    // CPU time of all threads (V8's GC helpers included): unlike wall time, it barely moves when
    // other processes compete for the cores.
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    ruleTimes,
    messagesByRule,
  }),
);
