// The built `cdp-lint` command, run as a separate process the way users and CI run it: on the
// example app and on temporary repositories, with each format, option and exit status.
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORRECT,
  ensureBuilt,
  example,
  exampleSecrets,
  fileUrl,
  findingsOf,
  linted,
  makeProject,
  MINIFIED,
  MISTAKE_SECRET,
  MISTAKES,
  MISTAKES_RULES,
  removeProject,
  resolveFromRoot,
  root,
  runCli,
  type CliRun,
  type JsonResult,
} from './helpers.js';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

/** A stack trace line, which a user mistake must never print. */
const STACK = /^\s+at .+[:(]/m;

function expectUsageError(run: CliRun, message: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  expect(lines[0]).toMatch(/^cdp-lint: /);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(STACK);
  expect(lines.length).toBeLessThanOrEqual(2);
}

const parseJson = (run: CliRun): JsonResult[] => JSON.parse(run.stdout) as JsonResult[];

beforeAll(() => {
  ensureBuilt();
}, 180_000);

describe('package wiring', () => {
  it('declares both command names for the built entry point', () => {
    expect(pkg.bin).toEqual({ 'cdp-lint': './dist/cli/index.js', 'eslint-plugin-cdp': './dist/cli/index.js' });
    expect(readFileSync(path.join(root, 'dist/cli/index.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints the usage with --help and exits 0', () => {
    const run = runCli(['--help'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: cdp-lint \[options\] \[paths\.\.\.\]/);
    for (const option of ['--format', '--output', '--fix', '--fix-dry-run', '--rule', '--config', '--max-warnings', '--quiet', '--use-config', '--typed', '--settings']) {
      expect(run.stdout).toContain(option);
    }
  });

  it('prints the version with --version', () => {
    const run = runCli(['--version'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^cdp-lint ${pkg.version.replace(/\./g, '\\.')} \\(eslint-plugin-cdp, ESLint \\d+\\.\\d+\\.\\d+\\)\\n$`));
  });
});

describe('usage errors: exit 2, one line, no stack trace', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({
      'src/app.ts': CORRECT,
      'bad-region.json': JSON.stringify({ region: 'Mars' }),
      'bad-wrapper.js': "export default { wrappers: [{ name: 'track', calls: 'TrackClient.nope', args: ['0'] }] };\n",
      'broken.json': '{ "region": ',
      'notes.txt': 'hello',
    });
  });
  afterAll(() => removeProject(dir));

  it.each([
    ['an unknown option', ['--frobnicate'], /unknown option '--frobnicate'/],
    ['a bad format name', ['--format', 'xml'], /invalid value 'xml' for --format: expected report, stylish, json, sarif/],
    ['a bad preset name', ['--config', 'everything'], /invalid value 'everything' for --config/],
    ['a missing path', ['does/not/exist'], /no such file or folder: does\/not\/exist/],
    ['an option without its value', ['--output'], /option --output needs a value/],
    ['a bad --max-warnings', ['--max-warnings', 'lots'], /invalid value 'lots' for --max-warnings/],
    ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run'], /--fix and --fix-dry-run cannot be used together/],
    ['an unknown rule', ['--rule', 'cdp/valid-timestamp'], /unknown rule 'cdp\/valid-timestamp' \(did you mean cdp\/valid-timestamps\?\)/],
    ['a settings file that does not exist', ['--settings', 'nope.json'], /settings file not found: nope\.json/],
    ['an invalid setting', ['--settings', 'bad-region.json'], /invalid settings file bad-region\.json: invalid settings\.cdp\.region: expected 'US' or 'EU'/],
    ['a wrapper naming an unknown method', ['--settings', 'bad-wrapper.js'], /invalid settings file bad-wrapper\.js: .*TrackClient has no method 'nope'/],
    ['a settings file that is not JSON', ['--settings', 'broken.json'], /invalid settings file broken\.json: /],
    ['a path with no source files', ['notes.txt'], /no JavaScript or TypeScript files to lint in notes\.txt/],
  ])('%s', (_name, args, message) => {
    expectUsageError(runCli(args, dir), message);
  });

  it('--use-config without an ESLint config in the project', () => {
    expectUsageError(runCli(['--use-config'], dir), /could not find config file/i);
  });
});

describe('the example app', () => {
  const runs: Record<string, CliRun> = {};
  let json: JsonResult[];
  let secrets: string[];
  let dryRunWroteNothing = false;

  beforeAll(() => {
    // The demo's command: every rule, settings picked up from the example's cdp.settings.js.
    runs.report = runCli(['--config', 'all'], example);
    runs.json = runCli(['--config', 'all', '--format', 'json'], example);
    runs.sarif = runCli(['--config', 'all', '--format', 'sarif'], example);
    runs.stylish = runCli(['--config', 'all', '--format', 'stylish'], example);
    json = parseJson(runs.json);
    secrets = exampleSecrets(json);
    const contents = () => json.map((result) => readFileSync(result.filePath, 'utf8'));
    const before = contents();
    runs['fix-dry-run'] = runCli(['--config', 'all', '--fix-dry-run'], example);
    dryRunWroteNothing = contents().every((text, i) => text === before[i]);
  }, 120_000);

  it('--fix-dry-run shows the example’s autofixes as diffs and writes nothing', () => {
    expect(dryRunWroteNothing).toBe(true);
    const out = runs['fix-dry-run'].stdout;
    expect(out).toMatch(/^Changes --fix would make \(\d+ files\):$/m);
    expect(out).toContain('\n-    created_at: Date.now(), // wrong: milliseconds\n+    created_at: Math.floor(Date.now() / 1000), // wrong: milliseconds\n');
  });

  it('exits 1 with every format, because the example has findings', () => {
    for (const [format, run] of Object.entries(runs)) {
      expect({ format, status: run.status, stderr: run.stderr }).toEqual({ format, status: 1, stderr: '' });
    }
  });

  it('json: ESLint results for every linted file, without file contents', () => {
    expect(json.length).toBeGreaterThan(20);
    for (const result of json) {
      expect(path.isAbsolute(result.filePath)).toBe(true);
      expect(result.source).toBeUndefined();
      expect(result.output).toBeUndefined();
      expect(result.errorCount).toBe(result.messages.filter((message) => message.severity === 2).length);
    }
    const findings = findingsOf(json, example);
    // A few of the example's documented mistakes, each through a different kind of resolution.
    expect(findings['src/routes/signup.ts']).toEqual(expect.arrayContaining(['cdp/valid-timestamps', 'cdp/identify-before-track']));
    expect(findings['src/routes/orders.ts']).toEqual(expect.arrayContaining(['cdp/no-dynamic-event-names', 'cdp/valid-send-request']));
    expect(findings['scripts/backfill-signups.ts']).toEqual(expect.arrayContaining(['cdp/no-hardcoded-credentials']));
    expect(findings['scripts/import-contacts.js']).toEqual(expect.arrayContaining(['cdp/no-legacy-import']));
    // The correct forms stay clean.
    expect(findings['src/config.ts']).toBeUndefined();
    expect(findings['src/lib/events.ts']).toBeUndefined();
    for (const result of json) for (const message of result.messages) expect(message.ruleId).toMatch(/^cdp\//);
    // Fixes are kept, for tools that apply them.
    const signup = json.find((result) => result.filePath.endsWith(path.join('src', 'routes', 'signup.ts')));
    const milliseconds = signup?.messages.find((message) => message.ruleId === 'cdp/valid-timestamps' && message.line === 20);
    expect(milliseconds?.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: 'Math.floor(Date.now() / 1000)' });
  });

  it('the report groups findings by rule with the why, the fix and a summary line', () => {
    const out = runs.report.stdout;
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^cdp-lint \d+\.\d+\.\d+ · all rules · \d+ files · settings from cdp\.settings\.js$/);
    const total = json.reduce((sum, result) => sum + result.messages.length, 0);
    const files = json.filter((result) => result.messages.length > 0).length;
    expect(lines.at(-1)).toMatch(new RegExp(`^✖ ${total} errors in ${files} of ${json.length} files: .*invalid timestamps \\(\\d+\\)`));
    // One group per rule that reported, with its description, docs link and every finding's position.
    const timestamps = out.slice(out.indexOf('cdp/valid-timestamps  '));
    expect(timestamps).toMatch(/^cdp\/valid-timestamps {2}\d+ errors\n {2}Why: enforce timestamps in the unit each SDK field expects/);
    expect(timestamps).toMatch(/\n {2}Fix: https:\/\/github\.com\/eslint-plugin-cdp\/eslint-plugin-cdp\/blob\/v[\d.]+\/docs\/rules\/valid-timestamps\.md \(\d+ fixable with --fix, \d+ with editor suggestions\)/);
    expect(out).toMatch(/\n {4}src\/routes\/signup\.ts:20:17 {2}`created_at` gets a millisecond timestamp.*\[autofix\]\n/);
    expect(out).toMatch(/\nBy severity: \d+ errors, 0 warnings \(\d+ fixable with --fix, \d+ with editor suggestions\)\n/);
    expect(out).toMatch(/\nFindings by rule\n {2}cdp\/consistent-attribute-types +\d+\n/);
    expect(out.includes('\u001b[')).toBe(false);
  });

  it('stylish: problems per file and the totals, like ESLint', () => {
    const out = runs.stylish.stdout;
    expect(out).toContain(`\n${path.join(example, 'src/routes/signup.ts')}\n`);
    expect(out).toMatch(/\n {2}20:17 +error +`created_at` gets a millisecond timestamp.* +cdp\/valid-timestamps\n/);
    expect(out).toMatch(/\n✖ \d+ problems \(\d+ errors, 0 warnings\)\n {2}\d+ errors and 0 warnings potentially fixable with the `--fix` option\.\n/);
  });

  it('sarif: valid against the SARIF 2.1.0 schema', () => {
    const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
    const { $schema, id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $schema: string; id: string };
    // The official schema declares draft-04, whose keywords it uses are the same in draft-07 but
    // for the root `id` (`$id` since draft-06); Ajv reads draft-07.
    expect($schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(id).toMatch(/sarif-2\.1\.0-rtm\.5\.json$/);
    // One of its patterns (`language`) has a stray `]`, valid only without the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    formats.default(ajv);
    const validate = ajv.compile({ ...schema, $id: id });
    const sarif = JSON.parse(runs.sarif.stdout) as { runs: { results: { level: string }[] }[] };
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    // The validator does reject what the schema forbids.
    sarif.runs[0].results[0].level = 'fatal';
    expect(validate(sarif)).toBe(false);
  });

  it('sarif: what GitHub code scanning reads', () => {
    interface SarifRule {
      id: string;
      shortDescription: { text: string };
      helpUri: string;
      defaultConfiguration: { level: string };
    }
    interface SarifResult {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
    }
    interface SarifLog {
      version: string;
      runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }; results: SarifResult[] }[];
    }
    const sarif = JSON.parse(runs.sarif.stdout) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver).toMatchObject({ name: 'cdp-lint', version: pkg.version });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    // Every enabled rule, with a description, a docs link and a default level.
    expect(run.tool.driver.rules.length).toBeGreaterThanOrEqual(20);
    for (const rule of run.tool.driver.rules) {
      expect(rule.id).toMatch(/^cdp\//);
      expect(rule.shortDescription.text).toMatch(/^[A-Z].+\.$/);
      expect(rule.helpUri).toMatch(/^https:\/\/.+\.md$/);
      expect(rule.defaultConfiguration.level).toBe('error');
    }
    const total = json.reduce((sum, result) => sum + result.messages.length, 0);
    expect(run.results).toHaveLength(total);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.level).toBe('error');
      expect(result.message.text.length).toBeGreaterThan(20);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      // Relative to the repository root, which is where GitHub resolves it.
      expect(artifactLocation.uri).toMatch(/^examples\/saas-app\/(src|scripts)\/.+\.(ts|tsx|js)$/);
      expect(existsSync(path.join(root, decodeURI(artifactLocation.uri)))).toBe(true);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    }
    const signup = run.results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'examples/saas-app/src/routes/signup.ts' && result.ruleId === 'cdp/valid-timestamps');
    expect(signup?.locations[0].physicalLocation.region).toEqual({ startLine: 20, startColumn: 17, endLine: 20, endColumn: 27 });
  });

  it('no output contains a whole credential written in the example', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    expect(secrets).toContain('pk_EXAMPLEexampleEXAMPLEexample000000');
    for (const [format, run] of Object.entries(runs)) {
      for (const secret of secrets) {
        expect({ format, leaked: run.stdout.includes(secret) }).toEqual({ format, leaked: false });
      }
    }
  });
});

describe('a repository with ignored, generated and vendored files', () => {
  // Every file below has the same two mistakes; only some must be linted.
  const files = {
    '.gitignore': 'ignored/\n*.generated.ts\n',
    'src/signup.ts': MISTAKES,
    'src/clean.ts': CORRECT,
    'src/legacy.cjs': `const { TrackClient } = require('customerio-node');\nconst cio = new TrackClient('3f9a2c1d8e7b6a5f4c3d', process.env.KEY);\nmodule.exports = { cio };\n`,
    'src/widget.jsx': `import { TrackClient } from 'customerio-node';\nconst cio = new TrackClient(process.env.SITE, process.env.KEY);\nexport const Button = () => <button onClick={() => cio.track('1', { name: 'clicked', timestamp: Date.now() })}>Go</button>;\n`,
    'src/types.d.ts': 'export declare const x: number;\n',
    'ignored/old.ts': MISTAKES,
    'src/api.generated.ts': MISTAKES,
    'node_modules/some-sdk/index.ts': MISTAKES,
    'dist/server.js': MISTAKES.replace('!', ''),
    'packages/web/build/app.js': MISTAKES.replace('!', ''),
    'public/app.min.js': MINIFIED,
    'public/vendor.js': MINIFIED,
  };
  const expected = ['src/clean.ts', 'src/legacy.cjs', 'src/signup.ts', 'src/widget.jsx'];
  let repo: string;
  let plain: string;
  beforeAll(() => {
    repo = makeProject(files, { git: true });
    plain = makeProject(files);
  });
  afterAll(() => {
    removeProject(repo);
    removeProject(plain);
  });

  it.each([
    ['inside a git work tree (git ls-files)', () => repo],
    ['outside git (.gitignore read directly)', () => plain],
  ])('lints only the project source, %s', (_name, dir) => {
    const run = runCli(['--format', 'json'], dir());
    expect(run.status).toBe(1);
    const results = parseJson(run);
    expect(linted(results, dir())).toEqual(expected);
    expect(findingsOf(results, dir())).toEqual({
      'src/signup.ts': MISTAKES_RULES,
      'src/legacy.cjs': ['cdp/no-hardcoded-credentials'],
      // JSX: a component, so the server SDK in it is reported too.
      'src/widget.jsx': ['cdp/no-server-sdk-in-browser', 'cdp/valid-timestamps'],
    });
  });

  it('says which files it skipped as minified', () => {
    const run = runCli([], repo);
    expect(run.stdout.split('\n')[1]).toBe('Skipped 2 minified or generated files: public/app.min.js, public/vendor.js');
  });

  it('lints a file named on the command line even when it would be skipped in a folder walk', () => {
    const run = runCli(['--format', 'json', 'ignored/old.ts', 'src/clean.ts'], repo);
    expect(run.status).toBe(1);
    expect(findingsOf(parseJson(run), repo)).toEqual({ 'ignored/old.ts': MISTAKES_RULES });
  });

  it('lints the given folders only', () => {
    const run = runCli(['--format', 'json', 'src'], plain);
    expect(linted(parseJson(run), plain)).toEqual(expected);
  });

  it('--rule runs only the named rules', () => {
    const run = runCli(['--format', 'json', '--rule', 'cdp/valid-timestamps'], repo);
    expect(run.status).toBe(1);
    expect(findingsOf(parseJson(run), repo)).toEqual({ 'src/signup.ts': ['cdp/valid-timestamps'], 'src/widget.jsx': ['cdp/valid-timestamps'] });
    const header = runCli(['--rule', 'no-hardcoded-credentials,cdp/valid-timestamps'], repo).stdout.split('\n')[0];
    expect(header).toMatch(/ · selected rules · 4 files$/);
  });

  it('--output writes the report to a file and prints nothing', () => {
    const run = runCli(['--format', 'sarif', '--output', 'reports/cdp.sarif'], repo);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    const sarif = JSON.parse(readFileSync(path.join(repo, 'reports/cdp.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0].results).toHaveLength(5);
  });

  it('exits 0 and says so when there is nothing to report', () => {
    const run = runCli(['src/clean.ts', 'src/types.d.ts'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✔ No problems in 1 file');
  });
});

describe('--config', () => {
  // `event-name-casing` is in `strict` only; the file also breaks a `recommended` rule.
  const code = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE!, process.env.KEY!);
export async function done(id: string) {
  await cio.track(id, { name: 'order_placed' });
  await cio.track(id, { name: 'order_shipped' });
  await cio.track(id, { name: 'Order Completed', timestamp: Date.now() });
}
`;
  let dir: string;
  beforeAll(() => {
    dir = makeProject({ 'jobs/orders.ts': code });
  });
  afterAll(() => removeProject(dir));

  it.each([
    ['recommended', ['cdp/valid-timestamps']],
    ['strict', ['cdp/event-name-casing', 'cdp/valid-timestamps']],
    ['all', ['cdp/event-name-casing', 'cdp/valid-timestamps']],
  ])('%s', (config, expected) => {
    const run = runCli(['--format', 'json', '--config', config], dir);
    expect(run.status).toBe(1);
    expect([...new Set(parseJson(run)[0].messages.map((message) => message.ruleId))].sort()).toEqual(expected);
  });
});

describe('--fix and --fix-dry-run', () => {
  let dir: string;
  const source = MISTAKES;
  beforeAll(() => {
    dir = makeProject({ 'src/signup.ts': source, 'src/copy.ts': source });
  });
  afterAll(() => removeProject(dir));

  it('--fix-dry-run shows the change and writes nothing', () => {
    const run = runCli(['--fix-dry-run', 'src/signup.ts'], dir);
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(dir, 'src/signup.ts'), 'utf8')).toBe(source);
    expect(run.stdout).toContain(
      [
        '--- a/src/signup.ts',
        '+++ b/src/signup.ts',
        '@@ -3,5 +3,5 @@',
        // The key on a context line is masked, as in the messages.
        " const cio = new TrackClient('3f…3d', process.env.CUSTOMERIO_TRACK_API_KEY!);",
        ' ',
        ' export async function signUp(user: { id: string; email: string }) {',
        '-  await cio.identify(user.id, { email: user.email, created_at: Date.now() });',
        '+  await cio.identify(user.id, { email: user.email, created_at: Math.floor(Date.now() / 1000) });',
        ' }',
      ].join('\n'),
    );
    // What --fix would leave: the key, which has no automatic fix.
    expect(run.stdout).toMatch(/--fix would change 1 file \(nothing was written\)/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 error in 1 of 1 file: hardcoded credentials (1)');
    expect(run.stdout).not.toContain(MISTAKE_SECRET);
  });

  it('--fix-dry-run in the stylish format prints the diff before the problems', () => {
    const run = runCli(['--fix-dry-run', '--format', 'stylish', 'src/signup.ts'], dir);
    expect(run.stdout.startsWith('--- a/src/signup.ts\n')).toBe(true);
    expect(run.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
  });

  it('--fix writes the fixes and reports what is left', () => {
    const run = runCli(['--fix', 'src/copy.ts'], dir);
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(dir, 'src/copy.ts'), 'utf8')).toBe(
      source.replace('created_at: Date.now()', 'created_at: Math.floor(Date.now() / 1000)'),
    );
    expect(run.stdout).toContain('\nFixed 1 file: src/copy.ts\n');
    const again = parseJson(runCli(['--format', 'json', 'src/copy.ts'], dir));
    expect(again[0].messages.map((message) => message.ruleId)).toEqual(['cdp/no-hardcoded-credentials']);
  });
});

describe('--use-config: the project’s own ESLint config', () => {
  let dir: string;
  beforeAll(() => {
    // The config a user writes, with the built plugin and the parser loaded from this checkout.
    const config = `import cdp from ${JSON.stringify(fileUrl(path.join(root, 'dist/index.js')))};
import parser from ${JSON.stringify(fileUrl(resolveFromRoot('@typescript-eslint/parser')))};

export default [
  { ignores: ['legacy/**'] },
  { files: ['**/*.ts'], languageOptions: { parser } },
  {
    plugins: { cdp },
    rules: { 'cdp/no-hardcoded-credentials': 'error', 'cdp/valid-timestamps': 'warn', 'no-debugger': 'error' },
  },
];
`;
    const crashing = config.replace(
      'export default [',
      `const crashing = { rules: { boom: { meta: { schema: [] }, create: () => ({ Program() { throw new TypeError('no moon'); } }) } } };

export default [
  { plugins: { crashing }, rules: { 'crashing/boom': 'error' } },`,
    );
    dir = makeProject({
      'eslint.config.mjs': config,
      'crash/eslint.config.mjs': crashing,
      'crash/a.ts': 'export const a = 1;\n',
      'src/signup.ts': MISTAKES,
      'src/debug.ts': 'export function f() {\n  debugger;\n}\n',
      'legacy/old.ts': MISTAKES,
    });
  });
  afterAll(() => removeProject(dir));

  it('runs the rules and severities the config sets, with its ignores', () => {
    const run = runCli(['--use-config', '--format', 'json', 'src', 'legacy', 'eslint.config.mjs'], dir);
    expect(run.status).toBe(1);
    const results = parseJson(run);
    // legacy/ is in the config's ignores.
    expect(linted(results, dir)).toEqual(['eslint.config.mjs', 'src/debug.ts', 'src/signup.ts']);
    const messages = results.flatMap((result) => result.messages.map(({ ruleId, severity }) => ({ ruleId, severity })));
    expect(messages).toEqual([
      { ruleId: 'no-debugger', severity: 2 },
      { ruleId: 'cdp/no-hardcoded-credentials', severity: 2 },
      { ruleId: 'cdp/valid-timestamps', severity: 1 },
    ]);
  });

  it('reports the project’s other rules in their own group', () => {
    const run = runCli(['--use-config', 'src', 'eslint.config.mjs'], dir);
    expect(run.stdout.split('\n')[0]).toMatch(/ · your ESLint config · 3 files$/);
    expect(run.stdout).toMatch(/\nno-debugger {2}1 error\n {2}Why: Disallow the use of `debugger`\n/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 2 errors and 1 warning in 2 of 3 files: hardcoded credentials (1), invalid timestamps (1), debugger (1)',
    );
  });

  it('a rule that crashes is an internal error: exit 2, one line, no stack trace', () => {
    const run = runCli(['--use-config'], path.join(dir, 'crash'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    // The rule crashes on every file; which one ESLint finishes first is not fixed.
    expect(run.stderr).toMatch(/^cdp-lint: internal error: no moon \(occurred while linting .*(a\.ts|eslint\.config\.mjs):1\)\nRun again with --debug for the stack trace/);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('--max-warnings: warnings alone pass until there are more than allowed', () => {
    const warningsOnly = ['--use-config', '--rule', 'cdp/valid-timestamps', 'src'];
    expect(runCli(warningsOnly, dir).status).toBe(0);
    expect(runCli([...warningsOnly, '--max-warnings', '1'], dir).status).toBe(0);
    const over = runCli([...warningsOnly, '--max-warnings', '0'], dir);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('cdp-lint: too many warnings (1; --max-warnings is 0)\n');
  });

  it('--quiet reports errors only', () => {
    const run = runCli(['--use-config', '--quiet', '--format', 'json', 'src'], dir);
    expect(run.status).toBe(1);
    const ruleIds = parseJson(run).flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(ruleIds.sort()).toEqual(['cdp/no-hardcoded-credentials', 'no-debugger']);
  });
});

describe('--typed', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject(
      {
        'package.json': JSON.stringify({ name: 'typed-app', private: true, type: 'module' }),
        'tsconfig.json': JSON.stringify({
          compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] },
          include: ['src'],
        }),
        'src/lib/cio.ts': `import { TrackClient } from 'customerio-node';\nexport const cio = new TrackClient(process.env.SITE_ID!, process.env.TRACK_KEY!);\n`,
        'src/signup.ts': `import { cio } from './lib/cio.js';\n\nexport async function signUp(id: string) {\n  await cio.identify(id, { created_at: Date.now() });\n}\n`,
        // Outside the TypeScript project: linted without types.
        'scripts/seed.js': `import { TrackClient } from 'customerio-node';\nexport const cio = new TrackClient('3f9a2c1d8e7b6a5f4c3d', process.env.TRACK_KEY);\n`,
      },
      { linkNodeModules: true },
    );
  });
  afterAll(() => removeProject(dir));

  it('without types, a client imported from another module is not resolved', () => {
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(parseJson(run), dir)).toEqual({ 'scripts/seed.js': ['cdp/no-hardcoded-credentials'] });
  });

  it('with types, it is; files outside the TypeScript project are still linted', () => {
    const run = runCli(['--typed', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(findingsOf(parseJson(run), dir)).toEqual({
      'scripts/seed.js': ['cdp/no-hardcoded-credentials'],
      'src/signup.ts': ['cdp/valid-timestamps'],
    });
    const report = runCli(['--typed'], dir).stdout;
    expect(report.split('\n')[0]).toMatch(/ · recommended rules · 4 files · with type information$/);
    expect(report.split('\n')[1]).toBe('1 file outside every TypeScript project linted without type information');
  });
});

describe('the demo', () => {
  it('runs the CLI on the example app and exits 0', () => {
    const output = execFileSync(process.execPath, [path.join(root, 'scripts/demo.js')], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(output.split('\n')[0]).toBe('$ cd examples/saas-app && npx cdp-lint --config all');
    expect(output).toMatch(/\nFindings by rule\n/);
    expect(output.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ errors in \d+ of \d+ files: /);
  }, 60_000);
});

describe('package.json', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({
      'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { 'klaviyo-api': '^23.0.0', express: '^5.1.0' } }, null, 2),
      'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { 'customerio-node': '5.2.0' } }, null, 2),
      'src/signup.js': MISTAKES,
    });
  });
  afterAll(() => removeProject(dir));

  it('is checked with every preset: SDK ranges are findings, exact versions and other packages are not', () => {
    const run = runCli(['--format', 'json'], dir);
    expect(run.status).toBe(1);
    const results = parseJson(run);
    expect(findingsOf(results, dir)).toEqual({ 'package.json': ['cdp/pinned-sdk-versions'], 'src/signup.js': MISTAKES_RULES });
    expect(linted(results, dir)).toEqual(['package.json', 'packages/api/package.json', 'src/signup.js']);
  });

  it('--rule with a JSON rule lints package.json files only; a JavaScript rule skips them', () => {
    expect(findingsOf(parseJson(runCli(['--rule', 'pinned-sdk-versions', '--format', 'json'], dir)), dir)).toEqual({
      'package.json': ['cdp/pinned-sdk-versions'],
    });
    expect(findingsOf(parseJson(runCli(['--rule', 'valid-timestamps', '--format', 'json'], dir)), dir)).toEqual({
      'src/signup.js': ['cdp/valid-timestamps'],
    });
  });
});
