import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);
const versionOf = (name) => require(`${name}/package.json`).version;

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    eslint: versionOf('eslint'),
    typescriptEslint: versionOf('typescript-eslint'),
    typescript: versionOf('typescript'),
    load: os.loadavg().map((n) => n.toFixed(2)).join(' / '),
  };
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const pct = (ratio) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
const share = (fraction) => `${(fraction * 100).toFixed(1)}%`;
const MEMORY_TARGET = 0.05;

function verdicts({ summary, target }) {
  return {
    cpu: summary.cpuRatio - 1 <= target,
    wall: summary.wallRatio - 1 <= target,
    memory: summary.liveHeapRatio - 1 <= MEMORY_TARGET,
    rss: summary.rssRatio - 1 <= MEMORY_TARGET,
  };
}

const yes = (ok) => (ok ? 'met' : 'MISSED');

export function renderConsole(report) {
  const rows = report.results.map((result) => {
    const { summary: s } = result;
    const ok = verdicts(result);
    return [
      result.title,
      String(s.files),
      secs(s.baseline.wallMs),
      secs(s.cdp.wallMs),
      pct(s.wallRatio),
      pct(s.cpuRatio),
      share(s.ruleShare),
      `${s.baseline.filesPerSecond.toFixed(0)} -> ${s.cdp.filesPerSecond.toFixed(0)}`,
      pct(s.liveHeapRatio),
      pct(s.rssRatio),
      `${yes(ok.cpu)} / ${yes(ok.wall)} / ${yes(ok.memory)}`,
    ];
  });
  const header = ['scenario', 'files', 'baseline', 'cdp', 'wall', 'CPU', 'rule time', 'files/s', 'live heap', 'peak RSS', 'targets: CPU / wall / memory'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function renderMarkdown(report) {
  const { machine: m, corpora } = report;
  const out = [];
  out.push('# Benchmark results', '');
  out.push(
    'Written by `npm run bench` (see `bench/README.md`). Every number below was measured by that run on the machine described here; rerun it to refresh them.',
    '',
  );
  if (report.partial) out.push(`**Partial: the run stopped after ${report.partial}.**`, '');
  out.push('## Machine', '');
  out.push(`- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGb.toFixed(1)} GB; ${m.os}`);
  out.push(`- Node ${m.node}, ESLint ${m.eslint}, typescript-eslint ${m.typescriptEslint}, TypeScript ${m.typescript}`);
  out.push(`- Plugin source: ${report.source}`);
  out.push(`- Run from ${report.startedAt.toISOString()} to ${report.finishedAt.toISOString()}`);
  out.push(`- Load average (1/5/15 min) at start ${m.loadBefore}, at end ${m.loadAfter}`);
  out.push(
    '- The machine may be shared: when the load average is above the core count, wall times are noisy. Each pair reports the min–max of its runs and the median of the per-repetition ratios. CPU time (all threads of the lint process) and the plugin\'s share of the rule time in the `stats` run are much less sensitive to load than wall time.',
    '',
  );

  out.push('## Corpora', '');
  out.push('| corpus | files | lines |', '|---|---:|---:|');
  for (const pkg of corpora.packages) out.push(`| ${pkg.name} (\`src/**/*.ts\`) | ${pkg.files.length} | ${pkg.lines} |`);
  out.push(`| large (all of the above) | ${corpora.large.files.length} | ${corpora.large.lines} |`);
  out.push(
    `| SDK-dense (${corpora.dense.templates} files from \`examples/*/src\` and \`bench/sdk-samples\`, ${corpora.dense.replicas} renamed replicas) | ${corpora.dense.files.length} | ${corpora.dense.lines} |`,
    '',
  );
  const typed = { rxjs: 'rxjs only, a documented subset (one type-checked run of effect alone takes minutes and gigabytes; `--typed all` adds it, see `bench/README.md`)', all: 'every package of the large corpus', none: 'not run' }[report.typedNote];
  out.push(`Type-checked pairs: ${typed}, plus the SDK-dense corpus.`, '');

  out.push('## Configs', '');
  out.push('- `baseline`: `typescript-eslint` `recommended`; `cdp`: the same plus `cdp.configs.all`.');
  out.push('- `typed-baseline`: `recommendedTypeChecked` with `projectService`; `typed-cdp`: the same plus `cdp.configs.all` (every rule, with type information).');
  out.push(
    `- The plugin is loaded from ${report.pluginDir}. ESLint runs single-threaded. Wall times come from runs without \`stats\` (its per-listener timers slow ESLint down); per-rule times from one extra cdp run with \`stats: true\`.`,
    '',
  );

  out.push('## Results', '');
  out.push(
    'Overheads are medians of the per-repetition cdp/baseline ratios (each repetition listed after the semicolon).',
    '',
    '| scenario | files | reps | baseline wall, median (min–max) | cdp wall, median (min–max) | wall overhead | CPU-time overhead | plugin rule time share | files/s baseline → cdp | peak live heap baseline → cdp | peak RSS baseline → cdp | cdp findings |',
    '|---|---:|---:|---|---|---|---|---:|---|---|---|---:|',
  );
  for (const { title, reps, summary: s } of report.results) {
    out.push(
      `| ${title} | ${s.files} | ${reps} | ${secs(s.baseline.wallMs)} (${secs(s.baseline.minMs)}–${secs(s.baseline.maxMs)}) | ${secs(s.cdp.wallMs)} (${secs(s.cdp.minMs)}–${secs(s.cdp.maxMs)}) | ${pct(s.wallRatio)}; ${s.wallRatios.map(pct).join(', ')} | ${pct(s.cpuRatio)}; ${s.cpuRatios.map(pct).join(', ')} | ${share(s.ruleShare)} | ${s.baseline.filesPerSecond.toFixed(0)} → ${s.cdp.filesPerSecond.toFixed(0)} | ${mb(s.liveHeap.baseline.peakKb)} → ${mb(s.liveHeap.cdp.peakKb)} (${pct(s.liveHeapRatio)}) | ${mb(s.baseline.maxRssKb)} → ${mb(s.cdp.maxRssKb)} (${pct(s.rssRatio)}) | ${s.findings} |`,
    );
  }
  out.push('');

  out.push('## Targets', '');
  out.push(
    'The time targets are judged on CPU time, which other processes on a shared machine barely move; the wall-time verdict is shown beside it. The memory target is judged on the peak live heap, which repeats to within a fraction of a percent between identical runs; peak RSS, which mostly records when V8 chose to collect garbage (identical runs differ by tens of percent), is shown beside it.',
    '',
    '| scenario | time target | CPU time | met | wall time | met | memory target | peak live heap | met | peak RSS | met |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const result of report.results) {
    const ok = verdicts(result);
    const s = result.summary;
    const mark = (value) => (value ? 'yes' : '**no**');
    out.push(
      `| ${result.title} | ≤ +${result.target * 100}% | ${pct(s.cpuRatio)} | ${mark(ok.cpu)} | ${pct(s.wallRatio)} | ${mark(ok.wall)} | ≤ +${MEMORY_TARGET * 100}% | ${pct(s.liveHeapRatio)} | ${mark(ok.memory)} | ${pct(s.rssRatio)} | ${mark(ok.rss)} |`,
    );
  }
  out.push('');

  out.push(
    '## Live heap',
    '',
    'From one run per config with the heap probe: the heap after a full garbage collection, before linting (ESLint, the parsers and, for cdp, the plugin loaded) and at the end of the first and the last sampled file and of the fullest one. Memory that grows from the first sample to the last is kept across files: by the rules, or by ESLint, which holds every file\'s messages, fixes and suggestions until the run ends. The last two columns tell them apart: the heap once the run is over, with its results and without them.',
    '',
    '| scenario | config | before linting | first sample | last sample | peak | after the run | results dropped |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const { title, pair, summary: s } of report.results) {
    for (const config of pair) {
      const heap = s.liveHeap[config === pair[0] ? 'baseline' : 'cdp'];
      out.push(`| ${title} | ${config} | ${mb(heap.beforeKb)} | ${mb(heap.firstKb)} | ${mb(heap.lastKb)} | ${mb(heap.peakKb)} | ${mb(heap.afterRunKb)} | ${mb(heap.withoutResultsKb)} |`);
    }
  }
  out.push('');

  out.push(
    '## Slowest plugin rules',
    '',
    "Each rule's time summed across files, from the cdp run with `stats`. A rule's time includes its `create()`, so the engine's per-file work (the text check that skips files without an SDK, and the analysis of those with one) is counted in the first rule that asks for it.",
    '',
  );
  for (const { title, summary: s } of report.results) {
    out.push(`### ${title}`, '', `All plugin rules: ${Math.round(s.pluginRuleMs)} ms, ${share(s.ruleShare)} of the rest of that run.`, '');
    out.push('| rule | time | share of plugin time |', '|---|---:|---:|');
    for (const rule of s.pluginRules.slice(0, 10)) {
      out.push(`| \`${rule.name}\` | ${rule.ms.toFixed(0)} ms | ${share(s.pluginRuleMs ? rule.ms / s.pluginRuleMs : 0)} |`);
    }
    out.push('');
  }

  out.push('## Crash-freedom', '');
  out.push(
    'Every cdp run above linted its whole corpus with every rule of `cdp/all`; the harness exits non-zero, naming the rule and file, if any rule throws or any file fails to parse. This report exists only if none did.',
    '',
  );
  return `${out.join('\n')}\n`;
}
