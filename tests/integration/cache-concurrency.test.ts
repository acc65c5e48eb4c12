// Scale-out: the plugin's results are a pure function of the file and the config, so ESLint's
// `--cache` may reuse them and `--concurrency` may spread files over worker threads. Checked with
// the real `eslint` command line (ESLint 10) on a copy of the example app whose
// `eslint.config.mjs` imports the built package and reads `settings.cdp` from `cdp.settings.js`.
// ESLint's own debug output (the `DEBUG` variable) tells which results came from the cache and how
// many threads linted.
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import {
  brief,
  createSaasProject,
  ensureBuilt,
  ESLINT_10_BIN,
  findingsOf,
  flatConfigFile,
  jsonResults,
  LINT_TARGETS,
  LINTED_FILES,
  lineOf,
  removeProject,
  runCli,
  saasSettings,
  type CliRun,
  type Finding,
} from './support/project.js';

const PRESET = 'all';
const LONG = 120_000;
const DEBUG = 'eslint:eslint,eslint:eslint-helpers*,eslint:lint-result-cache';

let project: string;
let cacheDir: string;
let originalSettings: string;
let settings: Record<string, unknown>;

beforeAll(async () => {
  ensureBuilt();
  project = createSaasProject('cache');
  writeFileSync(path.join(project, 'eslint.config.mjs'), flatConfigFile(PRESET));
  cacheDir = path.join(project, '.cache', 'eslint');
  originalSettings = readFileSync(path.join(project, 'cdp.settings.js'), 'utf8');
  settings = await saasSettings(project);
}, LONG);

afterAll(() => removeProject(project));

interface Run extends CliRun {
  findings: Finding[];
}

/** `eslint --format json src scripts` with extra flags, in the project, with ESLint's debug log. */
function eslint(...flags: string[]): Run {
  const run = runCli(ESLINT_10_BIN, ['--format', 'json', ...flags, ...LINT_TARGETS], project, { DEBUG });
  expect(run.status, run.stderr).toBe(1);
  return { ...run, findings: findingsOf(jsonResults(run), project) };
}
const cached = (...flags: string[]) => eslint('--cache', '--cache-location', `${cacheDir}${path.sep}`, ...flags);

/** The project-relative files a debug log names after `prefix`. */
function logged(stderr: string, prefix: string): string[] {
  const files: string[] = [];
  for (const line of stderr.split('\n')) {
    const at = line.indexOf(prefix);
    if (at < 0) continue;
    files.push(path.relative(project, line.slice(at + prefix.length).trim()).split(path.sep).join('/'));
  }
  return files.sort();
}
const relinted = (run: Run) => logged(run.stderr, 'Cache entry not found or no longer valid: ');
const fromCache = (run: Run) => logged(run.stderr, "Skipping file since it hasn't changed: ");

const ALL_FILES = [...LINTED_FILES].sort();

/** The finding that only exists when settings.cdp.clients tells the engine what `cio` is. */
function settingsAnchor(): string {
  const source = readFileSync(path.join(project, 'src/routes/signup.ts'), 'utf8');
  const line = lineOf(source, 'await cio.track(user.id, { name: EVENTS.SIGNED_UP');
  return `src/routes/signup.ts:${line}:`;
}
const hasAnchor = (findings: Finding[], anchor: string) =>
  brief(findings).some((finding) => finding.startsWith(anchor) && finding.endsWith(' cdp/identify-before-track'));

describe('eslint --cache', () => {
  let baseline: Run;

  it(
    'serves a second run from the cache, with the same report',
    () => {
      baseline = cached();
      expect(baseline.findings.length).toBeGreaterThan(0);
      expect(baseline.findings.filter((finding) => finding.fatal)).toEqual([]);
      expect(relinted(baseline)).toEqual(ALL_FILES);
      expect(existsSync(cacheDir) && readdirSync(cacheDir).length).toBe(1);

      const second = cached();
      expect(fromCache(second)).toEqual(ALL_FILES);
      expect(relinted(second)).toEqual([]);
      expect(second.findings).toEqual(baseline.findings);
      expect(JSON.parse(second.stdout)).toEqual(JSON.parse(baseline.stdout));
    },
    LONG,
  );

  it(
    'lints every file again when settings.cdp changes, and again when it changes back',
    () => {
      const anchor = settingsAnchor();
      expect(hasAnchor(baseline.findings, anchor)).toBe(true);

      // The same settings without the module that exports `cio`: calls on it are unknown again.
      const clients = { ...(settings.clients as Record<string, unknown>) };
      delete clients['./lib/cio'];
      const edited = { ...settings, clients };
      writeFileSync(
        path.join(project, 'cdp.settings.js'),
        `export const cdpSettings = ${JSON.stringify(edited, null, 2)};\n`,
      );
      const withoutCio = cached();
      expect(relinted(withoutCio)).toEqual(ALL_FILES);
      expect(fromCache(withoutCio)).toEqual([]);
      expect(hasAnchor(withoutCio.findings, anchor)).toBe(false);
      expect(withoutCio.findings.length).toBeLessThan(baseline.findings.length);

      writeFileSync(path.join(project, 'cdp.settings.js'), originalSettings);
      const restored = cached();
      expect(relinted(restored)).toEqual(ALL_FILES);
      expect(restored.findings).toEqual(baseline.findings);
    },
    LONG,
  );

  it(
    'lints only the edited file again; the others keep their cached results',
    () => {
      appendFileSync(path.join(project, 'src/routes/signup.ts'), '\n// Edited after the first run.\n');
      const run = cached();
      expect(relinted(run)).toEqual(['src/routes/signup.ts']);
      expect(fromCache(run)).toEqual(ALL_FILES.filter((file) => file !== 'src/routes/signup.ts'));
      expect(run.findings).toEqual(baseline.findings);
    },
    LONG,
  );

  it(
    'shares its cache with worker threads',
    () => {
      const run = cached('--concurrency', '2');
      expect(run.stderr).toContain('Linting using 2 worker thread(s).');
      expect(fromCache(run)).toEqual(ALL_FILES);
      expect(run.findings).toEqual(baseline.findings);
    },
    LONG,
  );
});

describe('eslint --concurrency', () => {
  it(
    'reports and fixes the same from two worker threads as from one thread',
    () => {
      const outputs = (run: Run) =>
        Object.fromEntries(
          (JSON.parse(run.stdout) as { filePath: string; output?: string }[])
            .filter((result) => result.output !== undefined)
            .map((result) => [path.relative(project, result.filePath).split(path.sep).join('/'), result.output]),
        );
      // `--fix-dry-run` reports what is left after the fixes and prints each fixed file's text.
      const single = eslint('--fix-dry-run');
      expect(single.stderr).toContain('Linting in single-thread mode.');
      const threaded = eslint('--fix-dry-run', '--concurrency', '2');
      // The config file is loaded again in each worker: a config passed in memory could not be.
      expect(threaded.stderr).toContain('Linting using 2 worker thread(s).');
      expect(threaded.findings.length).toBeGreaterThan(0);
      expect(threaded.findings).toEqual(single.findings);
      expect(Object.keys(outputs(single)).length).toBeGreaterThan(0);
      expect(outputs(threaded)).toEqual(outputs(single));
    },
    LONG,
  );
});

describe('one process, many files', () => {
  // ESLint reuses the plugin's modules for every file of a run (and an editor for hours): whatever
  // the engine caches must not let one file's analysis leak into another's.
  const overrideConfig: Linter.Config[] = [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
    (plugin.configs as unknown as Record<string, Linter.Config>)[PRESET],
  ];

  it(
    'gives each file the same findings whatever was linted before it',
    async () => {
      const create = () =>
        new ESLint({
          cwd: project,
          overrideConfigFile: true,
          overrideConfig: [...overrideConfig, { settings: { cdp: settings } }],
        });
      const files = ALL_FILES.map((file) => path.join(project, file));
      const forward = findingsOf(await create().lintFiles(files), project);
      const backward = findingsOf(await create().lintFiles([...files].reverse()), project);
      const eslint = create();
      const oneByOne: Finding[] = [];
      for (const file of files) oneByOne.push(...findingsOf(await eslint.lintFiles([file]), project));

      expect(forward.length).toBeGreaterThan(0);
      expect(backward).toEqual(forward);
      expect(findingsOf(oneByOne.map(toResult), project)).toEqual(forward);
    },
    LONG,
  );
});

/** A finding back as a one-message result, so `findingsOf` can sort a concatenation. */
function toResult(finding: Finding): { filePath: string; messages: Omit<Finding, 'file'>[] } {
  const { file, ...message } = finding;
  return { filePath: path.join(project, file), messages: [message] };
}
