// The CLI's building blocks on their own: argument parsing, .gitignore matching, file discovery,
// settings files, the dry-run diff, the progress line, colours and the report's wording.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { palette, plain, wantsColor } from '../../src/cli/color.js';
import { unifiedDiff } from '../../src/cli/diff.js';
import { describeError, isSetupError, UsageError } from '../../src/cli/errors.js';
import { discoverFiles, isSourceFile, skipReason } from '../../src/cli/files.js';
import { sarifUri } from '../../src/cli/formats/sarif.js';
import { IgnoreFile } from '../../src/cli/gitignore.js';
import { Progress } from '../../src/cli/progress.js';
import { topicOf } from '../../src/cli/report.js';
import { findSettings, loadSettingsFile } from '../../src/cli/settings.js';
import { CORRECT, makeProject, MINIFIED, removeProject } from './helpers.js';

describe('parseCliArgs', () => {
  it('has the documented defaults', () => {
    expect(parseCliArgs([])).toEqual({
      paths: ['.'],
      format: 'report',
      output: undefined,
      config: 'recommended',
      configGiven: false,
      rules: [],
      useConfig: false,
      typed: false,
      settings: undefined,
      fix: false,
      fixDryRun: false,
      maxWarnings: -1,
      quiet: false,
      color: undefined,
      debug: false,
      help: false,
      version: false,
    });
  });

  it('reads every option, short forms and repeated rules', () => {
    const options = parseCliArgs([
      'src',
      '-f',
      'sarif',
      '-o',
      'out.sarif',
      '-c',
      'strict',
      '--rule',
      'cdp/valid-timestamps,no-hardcoded-credentials',
      '--rule',
      'cdp/valid-timestamps',
      '--typed',
      '--settings',
      'cdp.json',
      '--fix-dry-run',
      '--max-warnings',
      '0',
      '-q',
      '--no-color',
      '--debug',
      'lib',
    ]);
    expect(options).toMatchObject({
      paths: ['src', 'lib'],
      format: 'sarif',
      output: 'out.sarif',
      config: 'strict',
      configGiven: true,
      rules: ['valid-timestamps', 'no-hardcoded-credentials'],
      typed: true,
      settings: 'cdp.json',
      fixDryRun: true,
      maxWarnings: 0,
      quiet: true,
      color: false,
      debug: true,
    });
    expect(parseCliArgs(['--color', '--use-config', '--max-warnings=-1'])).toMatchObject({ color: true, useConfig: true, maxWarnings: -1 });
    // ESLint's way of saying "no limit" reads as an option to Node's parser; it is taken as the value.
    expect(parseCliArgs(['--max-warnings', '-1', 'src'])).toMatchObject({ maxWarnings: -1, paths: ['src'] });
    expect(parseCliArgs(['-h', '-v'])).toMatchObject({ help: true, version: true });
  });

  it.each([
    [['--nope'], "unknown option '--nope'"],
    [['-x'], "unknown option '-x'"],
    [['--format'], 'option --format needs a value'],
    [['--format', '--fix'], 'option --format needs a value'],
    [['--fix=yes'], 'option --fix takes no value'],
    [['--format', 'html'], "invalid value 'html' for --format: expected report, stylish, json, sarif"],
    [['--config', 'typed'], "invalid value 'typed' for --config: expected recommended, strict, all"],
    [['--max-warnings', '1.5'], "invalid value '1.5' for --max-warnings: expected a whole number, 0 or more"],
    [['--max-warnings=-2'], "invalid value '-2' for --max-warnings: expected a whole number, 0 or more"],
    [['--fix', '--fix-dry-run'], '--fix and --fix-dry-run cannot be used together'],
    [['--use-config', '--config', 'all'], '--config and --use-config cannot be used together: --use-config runs the rules your ESLint config enables'],
    [['--color', '--no-color'], '--color and --no-color cannot be used together'],
    [['--output', ' '], 'option --output needs a value'],
    [['--settings='], 'option --settings needs a value'],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(new UsageError(message));
  });
});

describe('errors', () => {
  it('tells user mistakes from bugs', () => {
    expect(isSetupError(new UsageError('x'))).toBe(true);
    expect(isSetupError(Object.assign(new Error('Could not find config file.'), { messageTemplate: 'config-file-missing' }))).toBe(true);
    expect(isSetupError(new Error("eslint-plugin-cdp: invalid settings.cdp.region: expected 'US' or 'EU'"))).toBe(true);
    expect(isSetupError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isSetupError('a string')).toBe(false);
    const missing = Object.assign(new Error("Cannot find package 'x' imported from /p/eslint.config.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(isSetupError(missing)).toBe(true);
    expect(describeError(missing)).toBe("Cannot find package 'x' imported from /p/eslint.config.js (are the project's dependencies installed?)");
  });

  it('keeps the first line and where ESLint says it happened', () => {
    expect(describeError(new Error('boom\nOccurred while linting /x/a.ts:3\nRule: "cdp/x"'))).toBe(
      'boom (occurred while linting /x/a.ts:3)',
    );
    expect(describeError(new Error('one line'))).toBe('one line');
    expect(describeError('thrown text')).toBe('thrown text');
    expect(describeError(new Error(''))).toBe('unknown error');
  });
});

describe('IgnoreFile', () => {
  const rules = new IgnoreFile(
    [
      '# build output',
      'dist/',
      '/tmp',
      '*.log',
      'secret?.ts',
      'gen/**/*.ts',
      '!gen/**/keep.ts',
      'docs/**',
      '**/fixtures/big',
      'a[0-9].js',
      'b[!0-9].js',
      '\\#literal.ts',
      'trailing.ts   ',
      '',
    ].join('\n'),
  );

  it.each([
    ['dist', true, true],
    ['dist', false, undefined],
    ['packages/app/dist', true, true],
    ['tmp', true, true],
    ['src/tmp', true, undefined],
    ['debug.log', false, true],
    ['deep/er/debug.log', false, true],
    ['secret1.ts', false, true],
    ['secret12.ts', false, undefined],
    ['gen/a/b/x.ts', false, true],
    ['gen/x.ts', false, true],
    ['gen/a/keep.ts', false, false],
    ['docs/guide/x.ts', false, true],
    ['fixtures/big', true, true],
    ['a/b/fixtures/big', false, true],
    ['a1.js', false, true],
    ['ax.js', false, undefined],
    ['bx.js', false, true],
    ['b1.js', false, undefined],
    ['#literal.ts', false, true],
    ['trailing.ts', false, true],
    ['src/index.ts', false, undefined],
  ])('%s (folder: %s) → %s', (relative, isDir, verdict) => {
    expect(rules.test(relative, isDir)).toBe(verdict);
  });

  it('ignores comments and blank lines', () => {
    expect(new IgnoreFile('# only a comment\n\n   \n').empty).toBe(true);
    expect(new IgnoreFile('!\n/\n').empty).toBe(true);
  });

  it('treats an unclosed bracket literally', () => {
    expect(new IgnoreFile('x[.ts').test('x[.ts', false)).toBe(true);
  });
});

describe('discoverFiles outside git', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({
      '.gitignore': 'generated/\n*.snap.ts\n!keep.snap.ts\n',
      'src/app.ts': CORRECT,
      'src/app.test.ts': CORRECT,
      'src/keep.snap.ts': CORRECT,
      'src/drop.snap.ts': CORRECT,
      'src/nested/.gitignore': 'local.ts\n',
      'src/nested/local.ts': CORRECT,
      'src/nested/kept.mts': CORRECT,
      'src/types.d.ts': 'export {};\n',
      'src/readme.md': '# x\n',
      'generated/api.ts': CORRECT,
      'coverage/lcov.js': CORRECT,
      '.next/server.js': CORRECT,
      'public/app.min.js': MINIFIED,
      'public/huge.js': `// generated\n${'x'.repeat(10)}\n`,
      'tools/binary.ts': 'a\u0000b',
    });
    mkdirSync(path.join(dir, 'empty'));
  });
  afterAll(() => removeProject(dir));

  const relative = (files: string[]) => files.map((file) => path.relative(dir, file).split(path.sep).join('/'));

  it('walks folders, reading .gitignore files on the way down', () => {
    const found = discoverFiles(['.'], dir);
    expect(found.method).toBe('walk');
    expect(relative(found.files)).toEqual([
      'public/huge.js',
      'src/app.test.ts',
      'src/app.ts',
      'src/keep.snap.ts',
      'src/nested/kept.mts',
      'tools/binary.ts',
    ]);
    expect(found.skipped.map((skip) => ({ ...skip, file: relative([skip.file])[0] }))).toEqual([
      { file: 'public/app.min.js', reason: 'minified' },
    ]);
  });

  it('applies the .gitignore of the current folder to a subfolder that is walked', () => {
    expect(relative(discoverFiles(['src'], dir).files)).toEqual([
      'src/app.test.ts',
      'src/app.ts',
      'src/keep.snap.ts',
      'src/nested/kept.mts',
    ]);
  });

  it('lints a named folder that is otherwise skipped, and named files as they are', () => {
    expect(relative(discoverFiles(['coverage'], dir).files)).toEqual(['coverage/lcov.js']);
    const named = discoverFiles(['generated/api.ts', 'src/readme.md', 'tools/binary.ts'], dir);
    expect(relative(named.files)).toEqual(['generated/api.ts']);
    expect(relative(named.unsupported)).toEqual(['src/readme.md', 'tools/binary.ts']);
  });

  it('finds nothing in an empty folder, and rejects a missing path', () => {
    expect(discoverFiles(['empty'], dir).files).toEqual([]);
    expect(() => discoverFiles(['missing'], dir)).toThrow(new UsageError('no such file or folder: missing'));
  });

  it('recognises source files and minified bundles', () => {
    expect(['a.js', 'a.JSX', 'a.mjs', 'a.cjs', 'a.ts', 'a.tsx', 'a.mts', 'a.cts'].every(isSourceFile)).toBe(true);
    expect(['a.d.ts', 'a.d.mts', 'a.json', 'a.vue', 'a.ts.orig'].some(isSourceFile)).toBe(false);
    expect(skipReason(path.join(dir, 'public/app.min.js'))).toBe('minified');
    expect(skipReason(path.join(dir, 'src/app.ts'))).toBeUndefined();
    expect(skipReason(path.join(dir, 'does-not-exist.js'))).toBeUndefined();
    const big = path.join(dir, 'big.js');
    writeFileSync(big, `${'const a = 1;\n'.repeat(90_000)}`);
    expect(skipReason(big)).toBe('too large');
    const wide = path.join(dir, 'wide.js');
    writeFileSync(wide, `const data = '${'x'.repeat(1500)}';\n${'const b = 2;\n'.repeat(50)}`);
    expect(skipReason(wide)).toBeUndefined();
    const bundle = path.join(dir, 'bundle.js');
    writeFileSync(bundle, `${'a=1;'.repeat(600)}\n${'b=2;'.repeat(600)}\n`);
    expect(skipReason(bundle)).toBe('minified');
  });
});

describe('settings files', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({
      'plain.json': JSON.stringify({ region: 'EU', clients: { './lib/cio': ['cio'] } }),
      'wrapped.json': JSON.stringify({ cdp: { region: 'US' } }),
      'default.mjs': "export default { region: 'EU' };\n",
      'named.js': "export const cdpSettings = { clients: { './lib/klaviyo': { events: 'EventsApi' } } };\n",
      'common.cjs': "module.exports = { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name'] }] };\n",
      'throws.mjs': "throw new Error('cannot load');\n",
      'array.json': '[]',
      'settings.yaml': 'region: EU\n',
      'auto/cdp.settings.json': JSON.stringify({ region: 'EU' }),
      'bad-class.json': JSON.stringify({ clients: { './lib/cio': { cio: 'TrackClientt' } } }),
    });
  });
  afterAll(() => removeProject(dir));

  it.each([
    ['plain.json', { region: 'EU', clients: { './lib/cio': ['cio'] } }],
    ['wrapped.json', { region: 'US' }],
    ['default.mjs', { region: 'EU' }],
    ['named.js', { clients: { './lib/klaviyo': { events: 'EventsApi' } } }],
    ['common.cjs', { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name'] }] }],
  ])('loads %s', async (file, cdp) => {
    const loaded = await loadSettingsFile(file, dir);
    expect(loaded).toEqual({ file: path.join(dir, file), cdp });
  });

  it.each([
    ['throws.mjs', 'could not load settings file throws.mjs: cannot load'],
    ['array.json', "invalid settings file array.json: expected an object (the value of settings.cdp) as its default export, its 'cdpSettings' export or its JSON"],
    ['settings.yaml', 'settings file settings.yaml must be .json, .js, .mjs or .cjs'],
    ['bad-class.json', "invalid settings file bad-class.json: invalid settings.cdp.clients['./lib/cio'].cio: unknown client class 'TrackClientt'; did you mean 'TrackClient'?"],
    ['missing.json', 'settings file not found: missing.json'],
  ])('rejects %s', async (file, message) => {
    await expect(loadSettingsFile(file, dir)).rejects.toThrow(new UsageError(message));
  });

  it('finds cdp.settings.* in the current folder unless told not to', async () => {
    const auto = path.join(dir, 'auto');
    expect(await findSettings(undefined, auto, true)).toEqual({ file: path.join(auto, 'cdp.settings.json'), cdp: { region: 'EU' } });
    expect(await findSettings(undefined, auto, false)).toBeUndefined();
    expect(await findSettings(undefined, dir, true)).toBeUndefined();
    expect((await findSettings('plain.json', auto.replace(/auto$/, ''), false))?.cdp).toMatchObject({ region: 'EU' });
  });
});

describe('unifiedDiff', () => {
  it('shows changed lines with three lines of context, removals first', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'].join('\n') + '\n';
    const after = before.replace('e\n', 'E\n').replace('m\n', 'M\nM2\n');
    expect(unifiedDiff('x.ts', before, after)).toBe(
      [
        '--- a/x.ts',
        '+++ b/x.ts',
        '@@ -2,7 +2,7 @@',
        ' b',
        ' c',
        ' d',
        '-e',
        '+E',
        ' f',
        ' g',
        ' h',
        '@@ -10,5 +10,6 @@',
        ' j',
        ' k',
        ' l',
        '-m',
        '+M',
        '+M2',
        ' n',
      ].join('\n'),
    );
  });

  it('merges nearby changes into one hunk, and handles additions at the start and removals at the end', () => {
    expect(unifiedDiff('y.js', 'a\nb\nc\n', 'z\na\nb\n')).toBe(['--- a/y.js', '+++ b/y.js', '@@ -1,3 +1,3 @@', '+z', ' a', ' b', '-c'].join('\n'));
    expect(unifiedDiff('e.js', '', 'x\n')).toBe(['--- a/e.js', '+++ b/e.js', '@@ -0,0 +1,1 @@', '+x'].join('\n'));
    expect(unifiedDiff('same.js', 'a\n', 'a\n')).toBe('');
  });

  it('masks key-shaped values, as the messages do', () => {
    const diff = unifiedDiff('k.ts', "const k = 'pk_EXAMPLEexampleEXAMPLEexample000000';\nf(Date.now());\n", "const k = 'pk_EXAMPLEexampleEXAMPLEexample000000';\nf(Math.floor(Date.now() / 1000));\n");
    expect(diff).not.toContain('pk_EXAMPLEexampleEXAMPLEexample000000');
    expect(diff).toContain(" const k = 'pk_E…00';");
  });

  it('shows a very large rewrite as one block', () => {
    const before = Array.from({ length: 2500 }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: 2500 }, (_, i) => `b${i}`).join('\n');
    const lines = unifiedDiff('big.js', before, after).split('\n');
    expect(lines[2]).toBe('@@ -1,2500 +1,2500 @@');
    expect(lines[3]).toBe('-a0');
    expect(lines[2503]).toBe('+b0');
  });
});

describe('Progress', () => {
  const stream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, isTTY, columns: 40, write: (text: string) => writes.push(text) };
  };

  it('draws on a terminal after a moment, at most ten times a second, and erases itself', () => {
    let now = 0;
    const out = stream(true);
    const progress = new Progress(out, 200, { now: () => now, delayMs: 500 });
    progress.update(10);
    expect(out.writes).toEqual([]);
    now = 600;
    progress.update(50, 'src/a-file-with-a-rather-long-name.ts');
    now = 650;
    progress.update(60);
    now = 800;
    progress.update(200);
    progress.finish();
    progress.finish();
    expect(out.writes).toEqual([
      '\r\u001b[2KLinting 50/200 files (25%) src/a-file-…',
      '\r\u001b[2KLinting 200/200 files (100%)',
      '\r\u001b[2K',
    ]);
  });

  it('stays silent when the output is not a terminal, when disabled, or for a single file', () => {
    for (const progress of [
      new Progress(stream(false), 100, { delayMs: 0 }),
      new Progress(stream(true), 100, { delayMs: 0, enabled: false }),
      new Progress(stream(true), 1, { delayMs: 0 }),
    ]) {
      progress.update(50);
      progress.finish();
      expect((progress as unknown as { stream: { writes: string[] } }).stream.writes).toEqual([]);
    }
  });
});

describe('colours', () => {
  it('follow the flags, then NO_COLOR and FORCE_COLOR, then the terminal', () => {
    expect(wantsColor(true, {}, false, false)).toBe(true);
    expect(wantsColor(false, {}, true, false)).toBe(false);
    expect(wantsColor(true, {}, true, true)).toBe(false);
    expect(wantsColor(undefined, { NO_COLOR: '1' }, true, false)).toBe(false);
    expect(wantsColor(undefined, { FORCE_COLOR: '1' }, false, false)).toBe(true);
    expect(wantsColor(undefined, { FORCE_COLOR: '0' }, true, false)).toBe(false);
    expect(wantsColor(undefined, {}, true, false)).toBe(true);
    expect(wantsColor(undefined, { TERM: 'dumb' }, true, false)).toBe(false);
    expect(wantsColor(undefined, {}, false, false)).toBe(false);
  });

  it('styles text only when on', () => {
    expect(palette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(palette(true).bold('')).toBe('');
    expect(palette(false).red('x')).toBe('x');
    expect(plain(palette(true).underline(palette(true).cyan('y')))).toBe('y');
  });
});

describe('report wording', () => {
  it.each([
    ['cdp/no-hardcoded-credentials', 'hardcoded credentials'],
    ['cdp/valid-timestamps', 'invalid timestamps'],
    ['cdp/require-flush', 'missing flush'],
    ['cdp/consistent-attribute-types', 'inconsistent attribute types'],
    ['cdp/no-blocking-sdk-calls', 'blocking SDK calls'],
    ['cdp/identify-before-track', 'identify before track'],
    ['@scope/plugin/prefer-x', 'not preferred: x'],
    ['no-debugger', 'debugger'],
  ])('%s is about %s', (ruleId, topic) => {
    expect(topicOf(ruleId)).toBe(topic);
  });

  it('SARIF locations are relative, with / and escaped', () => {
    expect(sarifUri(path.join('/repo', 'src', 'a b#1.ts'), '/repo')).toBe('src/a%20b%231.ts');
  });
});
