// Lints the way the VS Code ESLint extension does: one `ESLint` instance per working directory
// (`new ESLint({ cwd })`, the config found by flat config discovery, not passed in), and each open
// editor's unsaved text linted with `lintText(text, { filePath })`. The extension then draws every
// message from its `line/column/endLine/endColumn`, offers "Fix this problem" from `fix`
// (`range` + `text` applied to the buffer) and one quick fix per entry of `suggestions` (titled
// with its `desc`). These tests check exactly those fields, on ESLint 10 and on ESLint 9, against
// a temporary monorepo whose configs import the built plugin.
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './support/project.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'dist', 'index.js');

// ---------------------------------------------------------------------------------------------
// The workspace: a monorepo with two packages, each with its own `eslint.config.js`, as the docs
// describe it for `eslint.workingDirectories`. `web` lints without type information; `api` uses
// `recommended-type-checked` and its own tsconfig.json.
// ---------------------------------------------------------------------------------------------

const webConfig = (plugin: string) => `import tsParser from '@typescript-eslint/parser';
import cdp from '${plugin}';

export default [
  { ignores: ['src/generated/**'] },
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  cdp.configs.recommended,
];
`;

const apiConfig = (plugin: string) => `import cdp from '${plugin}';

export default [
  { files: ['**/*.ts'] },
  cdp.configs['recommended-type-checked'],
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
];
`;

const API_TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ['src/**/*.ts'],
  },
  null,
  2,
);

const API_CLIENT = `import { TrackClient, RegionEU } from 'customerio-node';

export const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!, {
  region: RegionEU,
});
`;

/** What `api/src/signup.ts` holds on disk: nothing to report. */
const API_SIGNUP_ON_DISK = `import { cio } from './lib/cio.js';

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email });
}
`;

/** The same file being edited, not yet saved: the client comes from another module. */
const API_SIGNUP_BUFFER = `import { cio } from './lib/cio.js';

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;

/** An unsaved TypeScript buffer with an autofixable finding and two that only have suggestions. */
const TS_BUFFER = `import { TrackClient } from 'customerio-node';

const cio = new TrackClient('3f9a2c1d8e7b6a5f4c3d', 'b7e1c0d2a9f84e6c3b5a');

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;

const SITE_ID = `'3f9a2c1d8e7b6a5f4c3d'`;
const API_KEY = `'b7e1c0d2a9f84e6c3b5a'`;
const FIXED_TIMESTAMP = 'Math.floor(Date.now() / 1000)';

/** A CommonJS file (language `javascript`): `require` with destructuring, no TypeScript parser. */
const JS_BUFFER = `const { TrackClient } = require('customerio-node');

const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY);

async function markActive(userId) {
  await cio.track(userId, { name: 'active', timestamp: Date.now() });
}

module.exports = { markActive };
`;

/** A React component file (language `typescriptreact`). */
const TSX_BUFFER = `import { TrackClient } from 'customerio-node';

const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);

export async function Welcome({ id }: { id: string }) {
  await cio.identify(id, { created_at: Date.now() });
  return <p>Welcome</p>;
}
`;

interface Range {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The offset of a 1-based line and column, as the editor maps a diagnostic onto its buffer. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let index = 0; index < line - 1; index += 1) offset += lines[index].length + 1;
  return offset + column - 1;
}

/** The text a diagnostic underlines. */
function underlined(text: string, message: Range): string {
  return text.slice(offsetOf(text, message.line, message.column), offsetOf(text, message.endLine!, message.endColumn!));
}

/** Applies one edit the way the extension's "Fix this problem" and quick fixes do. */
function applyEdit(text: string, edit: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

/** Applies every fix, last first so earlier ranges stay valid ("Fix all auto-fixable problems"). */
function applyAll(text: string, edits: { range: readonly [number, number]; text: string }[]): string {
  return [...edits].sort((a, b) => b.range[0] - a.range[0]).reduce(applyEdit, text);
}

/**
 * The rules these buffers are written for. Other rules of the preset may have their own opinion on
 * the same code; what is checked here is how findings travel to the editor, so it follows these.
 */
const WATCHED = new Set(['cdp/no-hardcoded-credentials', 'cdp/valid-timestamps']);
const watched = <T extends { ruleId: string | null; fatal?: boolean }>(messages: T[]): T[] =>
  messages.filter((message) => message.fatal || WATCHED.has(message.ruleId ?? ''));

const versions = [
  { label: 'ESLint 10', major: '10', ESLint: ESLint10 },
  { label: 'ESLint 9', major: '9', ESLint: ESLint9 as unknown as typeof ESLint10 },
];

let workspace: string;
let web: string;
let api: string;

beforeAll(() => {
  ensureBuilt();
  workspace = mkdtempSync(path.join(tmpdir(), 'cdp-vscode-'));
  web = path.join(workspace, 'packages', 'web');
  api = path.join(workspace, 'packages', 'api');
  mkdirSync(path.join(web, 'src'), { recursive: true });
  mkdirSync(path.join(api, 'src', 'lib'), { recursive: true });
  // The workspace's dependencies: ESLint, the parser, TypeScript and the SDKs' types.
  symlinkSync(path.join(root, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  // The configs load the built plugin from its file URL, as a linked or installed package would.
  const plugin = pathToFileURL(entry).href;
  writeFileSync(path.join(web, 'eslint.config.js'), webConfig(plugin));
  writeFileSync(path.join(api, 'eslint.config.js'), apiConfig(plugin));
  writeFileSync(path.join(api, 'tsconfig.json'), API_TSCONFIG);
  writeFileSync(path.join(api, 'src', 'lib', 'cio.ts'), API_CLIENT);
  writeFileSync(path.join(api, 'src', 'signup.ts'), API_SIGNUP_ON_DISK);
}, 120_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe.each(versions)('$label, as the VS Code extension lints', ({ major, ESLint }) => {
  const webEslint = (options: ConstructorParameters<typeof ESLint10>[0] = {}) => new ESLint({ cwd: web, ...options });

  it('is the major version under test', () => {
    expect(ESLint.version.split('.')[0]).toBe(major);
  });

  it("finds each working directory's own eslint.config.js", async () => {
    const webFile = path.join(web, 'src', 'signup.ts');
    const apiFile = path.join(api, 'src', 'signup.ts');
    const webRules = ((await webEslint().calculateConfigForFile(webFile)) as { rules: Record<string, unknown> }).rules;
    const apiConfigFor = (await new ESLint({ cwd: api }).calculateConfigForFile(apiFile)) as {
      rules: Record<string, unknown>;
      languageOptions: { parserOptions: { projectService?: boolean } };
    };
    expect(Object.keys(webRules)).toContain('cdp/valid-timestamps');
    expect(Object.keys(apiConfigFor.rules)).toContain('cdp/valid-timestamps');
    expect(apiConfigFor.languageOptions.parserOptions.projectService).toBe(true);
    expect(await webEslint().isPathIgnored(path.join(web, 'src', 'generated', 'client.ts'))).toBe(true);
    expect(await webEslint().isPathIgnored(webFile)).toBe(false);
  });

  it('from the workspace root, finds the package config only on ESLint 10 (ESLint 9 needs eslint.workingDirectories)', async () => {
    const filePath = path.join(web, 'src', 'signup.ts');
    const fromRoot = new ESLint({ cwd: workspace });
    if (major === '10') {
      const [result] = await fromRoot.lintText(TS_BUFFER, { filePath });
      expect(watched(result.messages).map((message) => message.ruleId)).toEqual([
        'cdp/no-hardcoded-credentials',
        'cdp/no-hardcoded-credentials',
        'cdp/valid-timestamps',
      ]);
    } else {
      await expect(fromRoot.lintText(TS_BUFFER, { filePath })).rejects.toThrow(/config/i);
    }
  });

  it('says why a TypeScript file no config covers shows nothing', async () => {
    const bare = path.join(workspace, 'packages', 'bare');
    mkdirSync(bare, { recursive: true });
    writeFileSync(
      path.join(bare, 'eslint.config.js'),
      `import cdp from '${pathToFileURL(entry).href}';\n\nexport default [cdp.configs.recommended];\n`,
    );
    const [result] = await new ESLint({ cwd: bare }).lintText(TS_BUFFER, { filePath: path.join(bare, 'signup.ts') });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ ruleId: null, severity: 1 });
    expect(result.messages[0].message).toBe('File ignored because no matching configuration was supplied.');
  });

  describe('an unsaved TypeScript buffer', () => {
    const filePath = () => path.join(web, 'src', 'signup.ts');
    const lint = async (text: string, options: ConstructorParameters<typeof ESLint10>[0] = {}) => {
      const [result] = await webEslint(options).lintText(text, { filePath: filePath() });
      return { ...result, messages: watched(result.messages) };
    };

    it('reports each finding with the range the editor underlines', async () => {
      const result = await lint(TS_BUFFER);
      expect(result.filePath).toBe(filePath());
      expect(
        result.messages.map(({ ruleId, messageId, severity, line, column, endLine, endColumn }) => ({
          ruleId,
          messageId,
          severity,
          line,
          column,
          endLine,
          endColumn,
        })),
      ).toEqual([
        {
          ruleId: 'cdp/no-hardcoded-credentials',
          messageId: 'hardcodedPublic',
          severity: 2,
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 51,
        },
        {
          ruleId: 'cdp/no-hardcoded-credentials',
          messageId: 'hardcoded',
          severity: 2,
          line: 3,
          column: 53,
          endLine: 3,
          endColumn: 75,
        },
        {
          ruleId: 'cdp/valid-timestamps',
          messageId: 'millisecondsForSeconds',
          severity: 2,
          line: 6,
          column: 64,
          endLine: 6,
          endColumn: 74,
        },
      ]);
      expect(result.messages.map((message) => underlined(TS_BUFFER, message))).toEqual([SITE_ID, API_KEY, 'Date.now()']);
    });

    it('shows a message that names the problem without printing the whole key', async () => {
      const result = await lint(TS_BUFFER);
      for (const message of result.messages) {
        expect(message.message.length).toBeGreaterThan(40);
        expect(message.message).not.toContain('3f9a2c1d8e7b6a5f4c3d');
        expect(message.message).not.toContain('b7e1c0d2a9f84e6c3b5a');
      }
      expect(result.messages[2].message).toMatch(/Unix seconds/);
    });

    it('offers "Fix this problem" with an edit over exactly the underlined text', async () => {
      const result = await lint(TS_BUFFER);
      const fixable = result.messages.filter((message) => message.fix);
      expect(fixable.map((message) => message.ruleId)).toEqual(['cdp/valid-timestamps']);
      const [{ fix, line, column, endLine, endColumn }] = fixable;
      expect(fix!.range).toEqual([offsetOf(TS_BUFFER, line, column), offsetOf(TS_BUFFER, endLine!, endColumn!)]);
      expect(TS_BUFFER.slice(...fix!.range)).toBe('Date.now()');
      expect(fix!.text).toBe(FIXED_TIMESTAMP);
      const fixed = applyEdit(TS_BUFFER, fix!);
      expect(fixed).toBe(TS_BUFFER.replace('created_at: Date.now()', `created_at: ${FIXED_TIMESTAMP}`));
      // The edited buffer is linted again on the next keystroke: that finding is gone, nothing new.
      const again = await lint(fixed);
      expect(again.messages.map((message) => message.ruleId)).toEqual([
        'cdp/no-hardcoded-credentials',
        'cdp/no-hardcoded-credentials',
      ]);
    });

    it('"Fix all auto-fixable problems" gives the same text as ESLint\'s own fixer', async () => {
      const result = await lint(TS_BUFFER);
      const edits = result.messages.flatMap((message) => (message.fix ? [message.fix] : []));
      const fixedByEslint = await lint(TS_BUFFER, { fix: true });
      expect(fixedByEslint.output).toBe(applyAll(TS_BUFFER, edits));
      expect(fixedByEslint.messages.map((message) => message.ruleId)).not.toContain('cdp/valid-timestamps');
    });

    it('offers each suggestion as a quick fix titled with its description', async () => {
      const result = await lint(TS_BUFFER);
      const credentials = result.messages.filter((message) => message.ruleId === 'cdp/no-hardcoded-credentials');
      expect(
        credentials.map((message) =>
          (message.suggestions ?? []).map(({ desc, messageId, fix }) => ({ desc, messageId, fix })),
        ),
      ).toEqual([
        [
          {
            desc: 'Read the Customer.io site ID from process.env.CUSTOMERIO_SITE_ID.',
            messageId: 'useEnv',
            fix: { range: [76, 98], text: 'process.env.CUSTOMERIO_SITE_ID!' },
          },
        ],
        [
          {
            desc: 'Read the Customer.io Track API key from process.env.CUSTOMERIO_TRACK_API_KEY.',
            messageId: 'useEnv',
            fix: { range: [100, 122], text: 'process.env.CUSTOMERIO_TRACK_API_KEY!' },
          },
        ],
      ]);
      // A suggestion is never applied by --fix: it changes behaviour the user has to accept.
      expect(credentials.every((message) => message.fix === undefined)).toBe(true);
      expect(TS_BUFFER.slice(76, 98)).toBe(SITE_ID);
      expect(TS_BUFFER.slice(100, 122)).toBe(API_KEY);

      // Choosing the first quick fix, then the second one offered on the re-linted buffer.
      const first = applyEdit(TS_BUFFER, credentials[0].suggestions![0].fix);
      expect(first).toContain("new TrackClient(process.env.CUSTOMERIO_SITE_ID!, 'b7e1c0d2a9f84e6c3b5a')");
      const afterFirst = await lint(first);
      expect(afterFirst.messages.filter((message) => message.fatal)).toEqual([]);
      const remaining = afterFirst.messages.filter((message) => message.ruleId === 'cdp/no-hardcoded-credentials');
      expect(remaining.map((message) => message.messageId)).toEqual(['hardcoded']);
      expect(underlined(first, remaining[0])).toBe(API_KEY);
      const second = applyEdit(first, remaining[0].suggestions![0].fix);
      expect(second).toContain(
        'new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!)',
      );
      const afterSecond = await lint(second);
      expect(afterSecond.messages.map((message) => message.ruleId)).toEqual(['cdp/valid-timestamps']);
    });

    it('lints the buffer, not the file on disk (which does not exist yet)', async () => {
      expect(existsSync(filePath())).toBe(false);
      const clean = TS_BUFFER.replace(SITE_ID, 'process.env.CUSTOMERIO_SITE_ID!')
        .replace(API_KEY, 'process.env.CUSTOMERIO_TRACK_API_KEY!')
        .replace('created_at: Date.now()', `created_at: ${FIXED_TIMESTAMP}`);
      expect((await lint(clean)).messages).toEqual([]);
    });

    it('reports a parse error as one fatal message instead of failing', async () => {
      const result = await lint(TS_BUFFER.replace('await cio.identify(', 'await cio.identify(('));
      expect(result.messages).toHaveLength(1);
      expect(result.messages[0]).toMatchObject({ fatal: true, severity: 2, ruleId: null });
    });
  });

  it('lints a CommonJS JavaScript buffer', async () => {
    const filePath = path.join(web, 'src', 'active.cjs');
    const [result] = await webEslint().lintText(JS_BUFFER, { filePath });
    result.messages = watched(result.messages);
    expect(result.messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'cdp/valid-timestamps', line: 6, column: 56, endLine: 6, endColumn: 66 },
    ]);
    expect(underlined(JS_BUFFER, result.messages[0])).toBe('Date.now()');
    expect(applyEdit(JS_BUFFER, result.messages[0].fix!)).toContain(`timestamp: ${FIXED_TIMESTAMP} }`);
  });

  it('lints a TSX buffer', async () => {
    const filePath = path.join(web, 'src', 'welcome.tsx');
    const [result] = await webEslint().lintText(TSX_BUFFER, { filePath });
    result.messages = watched(result.messages);
    expect(result.messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'cdp/valid-timestamps', line: 6, column: 40, endLine: 6, endColumn: 50 },
    ]);
    expect(underlined(TSX_BUFFER, result.messages[0])).toBe('Date.now()');
  });

  it('skips an ignored file: no findings, only the notice the extension silences', async () => {
    const filePath = path.join(web, 'src', 'generated', 'client.ts');
    expect(await webEslint().lintText(TS_BUFFER, { filePath, warnIgnored: false })).toEqual([]);
    const [warned] = await webEslint().lintText(TS_BUFFER, { filePath });
    expect(warned.messages).toHaveLength(1);
    expect(warned.messages[0]).toMatchObject({ ruleId: null, severity: 1 });
    expect(warned.messages[0].message).toMatch(/ignore pattern/);
  });

  it('with type information, resolves a client imported from another module in the unsaved text', async () => {
    const eslint = new ESLint({ cwd: api });
    const filePath = path.join(api, 'src', 'signup.ts');
    const [onDisk] = await eslint.lintFiles([filePath]);
    expect(watched(onDisk.messages)).toEqual([]);
    const [result] = await eslint.lintText(API_SIGNUP_BUFFER, { filePath });
    result.messages = watched(result.messages);
    expect(result.messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'cdp/valid-timestamps', line: 4, column: 64, endLine: 4, endColumn: 74 },
    ]);
    expect(underlined(API_SIGNUP_BUFFER, result.messages[0])).toBe('Date.now()');
    expect(applyEdit(API_SIGNUP_BUFFER, result.messages[0].fix!)).toBe(
      API_SIGNUP_BUFFER.replace('Date.now()', FIXED_TIMESTAMP),
    );
  }, 60_000);
});
