// `npm run bench`: lint a large real corpus and an SDK-dense one with and without `cdp/all`,
// untyped and type-checked, in alternating child processes; print a table and write results.md.
//
//   node bench/run.mjs [--reps 3] [--typed-reps N] [--sdk-files 3000] [--typed rxjs|all|none] [--only large|sdk-dense]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pluginDir } from './lib/configs.mjs';
import { installLargeCorpus } from './lib/large-corpus.mjs';
import { machine, renderConsole, renderMarkdown } from './lib/report.mjs';
import { generateSdkCorpus } from './lib/sdk-corpus.mjs';
import { summarise } from './lib/stats.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const workDir = path.join(benchDir, '.work');

const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    // Type-checked runs are several times slower; they may be repeated less often.
    'typed-reps': { type: 'string' },
    'sdk-files': { type: 'string', default: '3000' },
    // Typed linting of all 545k lines takes too long on a small machine: rxjs stands in by default.
    typed: { type: 'string', default: 'rxjs' },
    only: { type: 'string' },
    out: { type: 'string', default: path.join(benchDir, 'results.md') },
  },
});
const reps = Number(args.reps);
const typedReps = Number(args['typed-reps'] ?? args.reps);
if (![reps, typedReps].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--reps and --typed-reps must be positive integers');

const log = (line) => console.log(`[bench] ${line}`);

if (!existsSync(path.join(pluginDir, 'index.js'))) {
  console.error(`[bench] no built plugin in ${pluginDir}: run \`npm run build\` (or set CDP_PLUGIN_DIR)`);
  process.exit(1);
}

mkdirSync(workDir, { recursive: true });
const startedAt = new Date();
const loadBefore = machine().load;
// Read before the run: the build measured is the one `npm run bench` made from this state.
const source = sourceState();

const packages = installLargeCorpus(path.join(benchDir, 'corpus'), log);
const large = {
  name: 'large',
  dir: path.join(benchDir, 'corpus'),
  files: packages.flatMap((pkg) => pkg.files),
  lines: packages.reduce((sum, pkg) => sum + pkg.lines, 0),
  settings: [],
};
const dense = await generateSdkCorpus(repoRoot, path.join(workDir, 'sdk-dense'), Number(args['sdk-files']));
for (const pkg of packages) log(`corpus ${pkg.name}: ${pkg.files.length} files, ${pkg.lines} lines`);
log(`corpus large: ${large.files.length} files, ${large.lines} lines`);
log(`corpus sdk-dense: ${dense.files.length} files, ${dense.lines} lines (${dense.templates} templates x ${dense.replicas})`);

const typedCorpora = {
  none: [],
  rxjs: packages.filter((pkg) => pkg.name.startsWith('rxjs@')),
  all: packages,
}[args.typed];
if (!typedCorpora) throw new Error('--typed must be rxjs, all or none');

/** A scenario is one corpus linted by one pair of configs. */
const scenarios = [
  { title: 'large, untyped', corpus: large, pair: ['baseline', 'cdp'], target: 0.02 },
  { title: 'SDK-dense, untyped', corpus: dense, pair: ['baseline', 'cdp'], target: 0.1 },
  ...typedCorpora.map((pkg) => ({
    title: `${pkg.name} (large subset), typed`,
    // The package's own directory is the typed project's root: its tsconfig.json is there.
    corpus: { ...pkg, settings: [] },
    pair: ['typed-baseline', 'typed-cdp'],
    target: 0.02,
  })),
  ...(args.typed === 'none'
    ? []
    : [{ title: 'SDK-dense, typed', corpus: dense, pair: ['typed-baseline', 'typed-cdp'], target: 0.1 }]),
].filter((scenario) => !args.only || scenario.corpus.name === args.only || scenario.title.startsWith(args.only));

const results = [];
for (const scenario of scenarios) {
  const { corpus } = scenario;
  const slug = corpus.name.replace(/[^\w.-]+/g, '-');
  const listFile = path.join(workDir, `files-${slug}.txt`);
  const settingsFile = path.join(workDir, `settings-${slug}.json`);
  writeFileSync(listFile, `${corpus.files.join('\n')}\n`);
  writeFileSync(settingsFile, JSON.stringify(corpus.settings ?? []));
  const runs = [];
  const repetitions = scenario.pair[0].startsWith('typed-') ? typedReps : reps;
  for (let rep = 0; rep < repetitions; rep += 1) {
    // ABBA order: a slow drift of the machine's load hits both configs alike.
    const order = rep % 2 === 0 ? scenario.pair : [...scenario.pair].reverse();
    for (const config of order) {
      const run = lintOnce(config, listFile, corpus.dir, settingsFile);
      log(`${scenario.title} ${config} #${rep + 1}: ${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(run.maxRssKb / 1024)} MB`);
      runs.push({ ...run, rep });
    }
  }
  const [baseline, cdp] = scenario.pair;
  // Per-rule times come from one extra run with ESLint's timers on, kept out of the wall times.
  const timed = lintOnce(cdp, listFile, corpus.dir, settingsFile, { stats: true });
  log(`${scenario.title} ${cdp} with stats: ${(timed.wallMs / 1000).toFixed(1)} s`);
  // Live memory from one run per config with the heap probe (forced collections, so untimed).
  const heap = Object.fromEntries(
    scenario.pair.map((config) => {
      const { liveHeap } = lintOnce(config, listFile, corpus.dir, settingsFile, { heap: true });
      log(`${scenario.title} ${config} live heap: peak ${Math.round(liveHeap.peakKb / 1024)} MB over ${liveHeap.samples} sampled files`);
      return [config, liveHeap];
    }),
  );
  const summary = summarise(runs, timed, { baseline, cdp, pluginPrefix: 'cdp/', heap });
  results.push({ ...scenario, reps: repetitions, summary });
  // Written after every scenario: a long run cut short still leaves what it measured.
  writeReport(results.length < scenarios.length);
}
console.log(renderConsole(buildReport(false)));
log(`wrote ${path.relative(process.cwd(), args.out)}`);

function buildReport(partial) {
  return {
    source,
    machine: { ...machine(), loadBefore, loadAfter: machine().load },
    startedAt,
    finishedAt: new Date(),
    partial: partial ? `${results.length} of ${scenarios.length} scenarios` : undefined,
    pluginDir: pluginDir.startsWith(repoRoot + path.sep)
      ? `\`${path.relative(repoRoot, pluginDir)}/\``
      : // A build outside the repository is named by the variable only: the report is committed.
        'the build named by `CDP_PLUGIN_DIR`',
    corpora: { packages, large, dense },
    typedNote: args.typed,
    results,
  };
}

function writeReport(partial) {
  writeFileSync(args.out, renderMarkdown(buildReport(partial)));
}

function lintOnce(config, listFile, root, settingsFile, { stats = false, heap = false } = {}) {
  const child = spawnSync(
    process.execPath,
    [
      ...(heap ? ['--expose-gc'] : []),
      path.join(benchDir, 'lint-once.mjs'),
      ...['--config', config, '--files', listFile, '--root', root, '--settings', settingsFile],
      ...(stats ? ['--stats'] : []),
      ...(heap ? ['--heap'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    console.error(`[bench] ${config} on ${path.relative(repoRoot, root)} failed (exit ${child.status ?? child.signal})`);
    process.exit(1);
  }
  const last = child.stdout.trim().split('\n').pop();
  return JSON.parse(last);
}

/** Which code was measured: the commit, and whether src/ differed from it. */
function sourceState() {
  const git = (...gitArgs) => spawnSync('git', gitArgs, { cwd: repoRoot, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'not a git checkout';
  const dirty = git('status', '--porcelain', '--', 'src').stdout.trim() !== '';
  return `commit ${head.stdout.trim()}${dirty ? ' with uncommitted changes in src/' : ''}`;
}
