// Every preset loads and reports in real ESLint instances: ESLint 10 and ESLint 9 with flat config,
// ESLint 9 in eslintrc mode for the legacy presets, and the built package as users install it.
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { LegacyESLint } from 'eslint9/use-at-your-own-risk';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = path.join(root, 'tests/fixtures');
const require = createRequire(import.meta.url);

/** Two catalog mistakes the plain (untyped) engine resolves on its own. */
const UNTYPED_CODE = `import { TrackClient } from 'customerio-node';

const cio = new TrackClient('3f9a2c1d8e7b6a5f4c3d', process.env.CUSTOMERIO_TRACK_API_KEY!);

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;
const UNTYPED_EXPECTED = ['cdp/no-hardcoded-credentials', 'cdp/valid-timestamps'];
const FIXED_TIMESTAMP = 'created_at: Math.floor(Date.now() / 1000)';

/** A client imported from another module: only type information (or settings) tells what `cio` is. */
const IMPORTED_CLIENT_CODE = `import { cio } from './lib/cio';

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;

const FLAT = ['recommended', 'strict', 'all', 'recommended-type-checked'] as const;
type FlatName = (typeof FLAT)[number];

const configOf = (name: string): Linter.Config =>
  (plugin.configs as unknown as Record<string, Linter.Config>)[name];
const rulesOf = (name: string): string[] => Object.keys(configOf(name).rules ?? {});
const expectedFor = (name: string, candidates: string[]): string[] =>
  candidates.filter((id) => rulesOf(name).includes(id)).sort();

/** ESLint only lints `.ts` files a config names; the presets deliberately name no files. */
const TS_FILES: Linter.Config = { files: ['**/*.ts', '**/*.tsx'] };
const TS_PARSER: Linter.Config = { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } };

function overrideConfig(name: FlatName, extra: Linter.Config[] = []): Linter.Config[] {
  if (name === 'recommended-type-checked') {
    return [
      TS_FILES,
      configOf(name),
      { languageOptions: { parserOptions: { tsconfigRootDir: fixturesDir } } },
      ...extra,
    ];
  }
  return [TS_PARSER, configOf(name), ...extra];
}

interface Finding {
  ruleId: string | null;
  line: number;
  fatal?: boolean;
}

const summary = (messages: Finding[]) => ({
  fatal: messages.filter((message) => message.fatal),
  ruleIds: [...new Set(messages.map((message) => message.ruleId))].sort(),
});

const versions = [
  { label: 'ESLint 10', ESLint: ESLint10 },
  { label: 'ESLint 9', ESLint: ESLint9 as unknown as typeof ESLint10 },
];

describe.each(versions)('$label, flat config', ({ ESLint }) => {
  it('is the major version under test', () => {
    expect(ESLint.version.split('.')[0]).toBe(ESLint === ESLint10 ? '10' : '9');
  });

  describe.each(FLAT)('%s', (name) => {
    const typed = name === 'recommended-type-checked';
    // Typed linting needs a file inside a TypeScript project; the fixtures hold one.
    const filePath = typed ? path.join(fixturesDir, 'file.ts') : path.join(root, 'src', 'signup.ts');
    // Files under `fixtures/` count as test files, where hardcoded placeholders are skipped by default.
    const candidates = typed ? UNTYPED_EXPECTED.filter((id) => id !== 'cdp/no-hardcoded-credentials') : UNTYPED_EXPECTED;
    const expected = expectedFor(name, candidates);

    it('enables at least one of the rules this snippet breaks', () => {
      expect(expected.length).toBeGreaterThan(0);
    });

    it('loads and reports the SDK mistakes in a TypeScript file', async () => {
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: overrideConfig(name) });
      const [result] = await eslint.lintText(UNTYPED_CODE, { filePath });
      const { fatal, ruleIds } = summary(result.messages);
      expect(fatal).toEqual([]);
      expect(ruleIds).toEqual(expect.arrayContaining(expected));
      for (const id of ruleIds) expect(id).toMatch(/^cdp\//);
    });

    it('applies the autofix', async () => {
      if (!rulesOf(name).includes('cdp/valid-timestamps')) return;
      const eslint = new ESLint({ cwd: root, fix: true, overrideConfigFile: true, overrideConfig: overrideConfig(name) });
      const [result] = await eslint.lintText(UNTYPED_CODE, { filePath });
      expect(result.output).toContain(FIXED_TIMESTAMP);
    });

    it('stays silent on a file that does not use the SDKs', async () => {
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: overrideConfig(name) });
      const [result] = await eslint.lintText('export const now = () => Date.now();\n', { filePath });
      expect(result.messages).toEqual([]);
    });
  });

  it('recommended-type-checked resolves a client imported from another module', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: overrideConfig('recommended-type-checked'),
    });
    const [result] = await eslint.lintText(IMPORTED_CLIENT_CODE, { filePath: path.join(fixturesDir, 'file.ts') });
    expect(result.messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([
      { ruleId: 'cdp/valid-timestamps', line: 4 },
    ]);
  });

  it('recommended resolves the same client when settings.cdp.clients names its module', async () => {
    const settings = { cdp: { clients: { './lib/cio': ['cio'] } } };
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: overrideConfig('recommended', [{ settings }]),
    });
    const [result] = await eslint.lintText(IMPORTED_CLIENT_CODE, { filePath: path.join(root, 'src', 'signup.ts') });
    expect(result.messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([
      { ruleId: 'cdp/valid-timestamps', line: 4 },
    ]);
  });

  it('recommended without type information or settings does not guess what an imported name is', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: overrideConfig('recommended') });
    const [result] = await eslint.lintText(IMPORTED_CLIENT_CODE, { filePath: path.join(root, 'src', 'signup.ts') });
    expect(result.messages).toEqual([]);
  });
});

/** A small app: an SDK range in package.json, and a JavaScript file with a catalog mistake. */
const PACKAGE_JSON = `${JSON.stringify(
  { name: 'shop', private: true, dependencies: { 'customerio-node': '^5.2.0', 'klaviyo-api': '23.0.0' } },
  null,
  2,
)}\n`;
const SIGNUP_JS = `import { TrackClient } from 'customerio-node';

const cio = new TrackClient(process.env.CIO_SITE_ID, process.env.CIO_API_KEY);

export async function signUp(user) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;

describe.each(versions)('$label, package.json through @eslint/json', ({ ESLint }) => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(path.join(os.tmpdir(), 'cdp-package-json-'));
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'package.json'), PACKAGE_JSON);
    writeFileSync(path.join(project, 'src', 'signup.js'), SIGNUP_JS);
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const lint = async (overrideConfig: Linter.Config[]) => {
    const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig });
    const results = await eslint.lintFiles(['.']);
    return Object.fromEntries(
      results.map((result) => [
        path.relative(project, result.filePath).split(path.sep).join('/'),
        result.messages.map(({ ruleId, line, fatal, message }) => (fatal ? { fatal, message } : { ruleId, line })),
      ]),
    );
  };

  it('lints package.json with package-json and the JavaScript with recommended', async () => {
    const found = await lint([{ files: ['**/*.js'], ...configOf('recommended') }, configOf('package-json')]);
    expect(found).toEqual({
      'package.json': [{ ruleId: 'cdp/pinned-sdk-versions', line: 5 }],
      'src/signup.js': [{ ruleId: 'cdp/valid-timestamps', line: 6 }],
    });
  });

  // The JavaScript presets name no files, so they reach package.json too; their rules must find
  // nothing there rather than crash on a tree that is not ESTree.
  it.each(['recommended', 'all'])('stays quiet on package.json with %s, which names no files', async (name) => {
    const found = await lint([configOf(name), configOf('package-json')]);
    expect(found['package.json']).toEqual([{ ruleId: 'cdp/pinned-sdk-versions', line: 5 }]);
    expect(found['src/signup.js']).toEqual(expect.arrayContaining([{ ruleId: 'cdp/valid-timestamps', line: 6 }]));
  });
});

describe.each([
  ['recommended-legacy', 'recommended'],
  ['strict-legacy', 'strict'],
] as const)('ESLint 9, eslintrc mode: %s', (legacy, flat) => {
  const expected = expectedFor(flat, UNTYPED_EXPECTED);
  const create = (options: { fix?: boolean; settings?: Record<string, unknown> } = {}) =>
    new LegacyESLint({
      cwd: root,
      useEslintrc: false,
      fix: options.fix ?? false,
      plugins: { cdp: plugin },
      baseConfig: {
        root: true,
        parser: '@typescript-eslint/parser',
        plugins: ['cdp'],
        extends: [`plugin:cdp/${legacy}`],
        ...(options.settings ? { settings: options.settings } : {}),
      },
    });

  it('enables the same rules as its flat counterpart', async () => {
    const config = (await create().calculateConfigForFile(path.join(root, 'src', 'signup.ts'))) as {
      rules: Record<string, unknown>;
    };
    const enabled = Object.keys(config.rules).filter((id) => id.startsWith('cdp/')).sort();
    expect(enabled).toEqual(rulesOf(flat).sort());
  });

  it('loads and reports the SDK mistakes in a TypeScript file', async () => {
    const [result] = await create().lintText(UNTYPED_CODE, { filePath: path.join(root, 'src', 'signup.ts') });
    const { fatal, ruleIds } = summary(result.messages);
    expect(fatal).toEqual([]);
    expect(expected.length).toBeGreaterThan(0);
    expect(ruleIds).toEqual(expect.arrayContaining(expected));
  });

  it('applies the autofix', async () => {
    if (!rulesOf(flat).includes('cdp/valid-timestamps')) return;
    const [result] = await create({ fix: true }).lintText(UNTYPED_CODE, {
      filePath: path.join(root, 'src', 'signup.ts'),
    });
    expect(result.output).toContain(FIXED_TIMESTAMP);
  });

  it('reads settings.cdp', async () => {
    const settings = { cdp: { clients: { './lib/cio': ['cio'] } } };
    const [result] = await create({ settings }).lintText(IMPORTED_CLIENT_CODE, {
      filePath: path.join(root, 'src', 'signup.ts'),
    });
    expect(result.messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([
      { ruleId: 'cdp/valid-timestamps', line: 4 },
    ]);
  });
});

/** The newest modification time of the files under a directory. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

describe('the built package', () => {
  const entry = path.join(root, 'dist', 'index.js');

  beforeAll(() => {
    // CI builds before testing; a developer's `npm test` rebuilds a missing or stale `dist/`.
    if (!existsSync(entry) || statSync(entry).mtimeMs < newestMtime(path.join(root, 'src'))) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: root,
        stdio: 'inherit',
      });
    }
  }, 120_000);

  it('resolves the package name to dist/index.js', () => {
    expect(require.resolve('eslint-plugin-cdp')).toBe(entry);
  });

  it('returns the plugin itself from require(), the same object import() gives', () => {
    // A separate Node process, so the package is loaded exactly as a consumer loads it.
    const script = `
      import { createRequire } from 'node:module';
      import imported from 'eslint-plugin-cdp';
      const required = createRequire(import.meta.url)('eslint-plugin-cdp');
      console.log(JSON.stringify({
        same: required === imported,
        keys: Object.keys(required).sort(),
        meta: required.meta,
        rules: Object.keys(required.rules).sort(),
        configs: Object.keys(required.configs).sort(),
      }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const loaded = JSON.parse(output) as Record<string, unknown>;
    expect(loaded).toEqual({
      same: true,
      keys: ['configs', 'meta', 'rules'],
      meta: plugin.meta,
      rules: Object.keys(plugin.rules).sort(),
      configs: Object.keys(plugin.configs).sort(),
    });
  });

  it('works from a CommonJS ESLint setup', () => {
    const script = `
      const cdp = require('eslint-plugin-cdp');
      const { ESLint } = require('eslint');
      const parser = require('@typescript-eslint/parser');
      const eslint = new ESLint({
        overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser } }, cdp.configs.recommended],
      });
      eslint.lintText(${JSON.stringify(UNTYPED_CODE)}, { filePath: 'src/signup.ts' }).then(([result]) => {
        console.log(JSON.stringify([...new Set(result.messages.map((m) => m.ruleId))].sort()));
      });`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(expect.arrayContaining(expectedFor('recommended', UNTYPED_EXPECTED)));
  });
});
