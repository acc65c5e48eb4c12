// One measurement: lint one corpus with one config in this process, print one JSON line.
// Each measurement runs in its own process so that no run warms the caches of the next one.
//
//   node bench/lint-once.mjs --config baseline|cdp|typed-baseline|typed-cdp \
//     --files <list file> --root <corpus dir> [--settings <json file>] [--stats | --heap]
//
// With --stats ESLint times every rule listener, which slows it down: timed runs go without.
// With --heap (Node started with --expose-gc) a probe rule, configured after every other rule,
// collects garbage at the end of a sample of files and reads the heap: the live memory of a file's
// lint with everything every rule keeps for it. Peak RSS mostly measures when V8 chose to collect
// garbage, and varies by tens of percent between identical runs; this does not. The forced
// collections make the run's times meaningless, so it is a run of its own.
import { readFileSync, statSync } from 'node:fs';
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
    heap: { type: 'boolean', default: false },
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
const heapProbe = args.heap ? liveHeapProbe(files) : undefined;
if (heapProbe) overrideConfig.push(heapProbe.config);
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

const lintStartedAt = performance.now();
const { finishedAt, cpu, fileCount, ruleTimes, parseMs, fatal, messagesByRule } = await lintAndCount();
// The results are out of reach now: what is still live is what ESLint and the rules keep.
heapProbe?.afterResultsDropped();

/**
 * Lints and counts. A function of its own so that the results array dies with its frame (a
 * top-level `await` keeps the awaited value alive for the whole module).
 */
async function lintAndCount() {
  let results;
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
  const counts = { finishedAt: performance.now(), cpu: process.cpuUsage(), fileCount: results.length, ruleTimes: {}, parseMs: 0, fatal: [], messagesByRule: {} };
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      counts.parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
        counts.ruleTimes[ruleId] = (counts.ruleTimes[ruleId] ?? 0) + total;
      }
    }
    for (const message of result.messages) {
      // A parse error, or a file ESLint skipped: either way a file nobody measured.
      if (message.fatal || (message.ruleId === null && message.message.startsWith('File ignored'))) counts.fatal.push(`${result.filePath}:${message.line ?? 0}: ${message.message}`);
      const key = message.ruleId ?? '(none)';
      counts.messagesByRule[key] = (counts.messagesByRule[key] ?? 0) + 1;
    }
  }
  // ESLint keeps every file's messages, fixes and suggestions until the run ends: the run's
  // output, which a config that reports more keeps more of. Measured with them, then without.
  heapProbe?.withResults();
  return counts;
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
    files: fileCount,
    // From process start: includes loading ESLint, the parser and the plugin.
    wallMs: finishedAt,
    setupMs: lintStartedAt - startedAt,
    lintMs: finishedAt - lintStartedAt,
    parseMs,
    // CPU time of all threads (V8's GC helpers included): unlike wall time, it barely moves when
    // other processes compete for the cores.
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    ...(heapProbe && { liveHeap: heapProbe.result() }),
    ruleTimes,
    messagesByRule,
  }),
);

/**
 * The probe samples the 25 largest files (where the peak is) and every k-th file of the list
 * (about 100 more), the same files for every config.
 */
function kb(bytes) {
  return Math.round(bytes / 1024);
}

function liveHeapProbe(fileList) {
  if (typeof globalThis.gc !== 'function') {
    console.error('--heap needs node --expose-gc');
    process.exit(2);
  }
  const bySize = fileList.map((file) => [file, statSync(file).size]).sort((a, b) => b[1] - a[1]);
  const step = Math.max(1, Math.ceil(fileList.length / 100));
  const sampled = new Set([...bySize.slice(0, 25).map(([file]) => file), ...fileList.filter((_, i) => i % step === 0)]);
  const heapUsed = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heapUsed();
  let peak = 0;
  let first;
  let last = 0;
  const rule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      if (!sampled.has(context.filename)) return {};
      return {
        'Program:exit'() {
          const used = heapUsed();
          first ??= used;
          last = used;
          peak = Math.max(peak, used);
        },
      };
    },
  };
  let afterRun;
  let withoutResults;
  return {
    withResults() {
      afterRun = heapUsed();
    },
    afterResultsDropped() {
      withoutResults = heapUsed();
    },
    config: { plugins: { 'bench-probe': { rules: { 'live-heap': rule } } }, rules: { 'bench-probe/live-heap': 'error' } },
    // What is still live after the first and the last sampled file tells a leak (memory kept
    // across files) from the memory one file needs.
    result: () => ({
      samples: sampled.size,
      beforeKb: kb(before),
      firstKb: kb(first ?? 0),
      lastKb: kb(last),
      peakKb: kb(peak),
      afterRunKb: kb(afterRun ?? 0),
      withoutResultsKb: kb(withoutResults ?? 0),
    }),
  };
}
