// `main()` of the CLI in this process, with real ESLint instances and captured output: the same
// paths the built command takes (cli.test.ts runs that one as a separate process).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  CORRECT,
  ensureBuilt,
  example,
  fileUrl,
  findingsOf,
  linted,
  makeProject,
  MISTAKE_SECRET,
  MISTAKES,
  removeProject,
  resolveFromRoot,
  root,
  type JsonResult,
} from './helpers.js';

interface Captured {
  status: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string, options: { env?: NodeJS.ProcessEnv; tty?: boolean } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    cwd,
    env: options.env ?? { NO_COLOR: '1' },
    stdout: { isTTY: options.tty ?? false, write: (text: string) => (stdout += text) },
    stderr: { isTTY: false, write: (text: string) => (stderr += text) },
  });
  return { status, stdout, stderr };
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

/** A project whose ESLint config sets the plugin's rules (and one that crashes, on demand). */
function projectConfig(extra = ''): string {
  return `import cdp from ${JSON.stringify(fileUrl(path.join(root, 'dist/index.js')))};
import parser from ${JSON.stringify(fileUrl(resolveFromRoot('@typescript-eslint/parser')))};

const crashing = {
  rules: {
    boom: {
      meta: { type: 'problem', schema: [] },
      create: () => ({ Program() { throw new TypeError('cannot read the moon'); } }),
    },
  },
};

export default [
  { files: ['**/*.ts'], languageOptions: { parser } },
  { plugins: { cdp, crashing }, rules: { 'cdp/no-hardcoded-credentials': 'error', 'cdp/valid-timestamps': 'warn' } },
  ${extra}
];
`;
}

describe('help, version and usage errors', () => {
  it('--help and --version exit 0', async () => {
    expect((await cli(['--help'], root)).stdout).toMatch(/^Usage: cdp-lint/);
    const version = await cli(['--version'], root);
    expect(version).toMatchObject({ status: 0, stderr: '' });
    expect(version.stdout).toMatch(/^cdp-lint \d+\.\d+\.\d+ \(eslint-plugin-cdp, ESLint \d+\.\d+\.\d+\)\n$/);
  });

  it('a usage error is one line and the usage hint', async () => {
    expect(await cli(['--format', 'xml'], root)).toEqual({
      status: 2,
      stdout: '',
      stderr: "cdp-lint: invalid value 'xml' for --format: expected report, stylish, json, sarif\nRun 'cdp-lint --help' for usage.\n",
    });
  });
});

describe('the example app', () => {
  it('the report, in colour on a terminal', async () => {
    const run = await cli(['--config', 'all'], example, { env: {}, tty: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('\u001b[1mcdp/valid-timestamps\u001b[22m');
    expect(run.stdout).toContain('\u001b[36msrc/routes/signup.ts:20:17\u001b[39m');
    expect(lastLine(run.stdout).startsWith('\u001b[31m\u001b[1m✖ ')).toBe(true);
  });

  it('sarif and json carry no credential written in the code', async () => {
    const sarif = await cli(['--format', 'sarif'], example);
    const json = await cli(['--format', 'json', '--config', 'all'], example);
    for (const secret of ['pk_EXAMPLEexampleEXAMPLEexample000000', 'fedcba9876543210fedc', '0123456789abcdef0123']) {
      expect(sarif.stdout).not.toContain(secret);
      expect(json.stdout).not.toContain(secret);
    }
    // The suggestion that moves the per-request client (with its key) keeps its description, not its code.
    const results = JSON.parse(json.stdout) as JsonResult[];
    const hoist = results
      .flatMap((result) => result.messages)
      .find((message) => message.ruleId === 'cdp/no-client-per-request' && message.line === 26);
    expect(hoist?.suggestions).toHaveLength(1);
    expect(hoist?.suggestions?.[0]).not.toHaveProperty('fix');
    const sarifLog = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(new Set(sarifLog.runs[0].results.map((result) => result.ruleId)).size).toBeGreaterThan(5);
  });
});

describe('a small project', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({
      'src/signup.ts': MISTAKES,
      'src/fixme.ts': MISTAKES,
      'src/clean.ts': CORRECT,
      'src/broken.ts': 'export const = ;\n',
      'notes.md': '# notes\n',
    });
    mkdirSync(path.join(dir, 'out-dir.json'));
  });
  afterAll(() => removeProject(dir));

  it('--fix-dry-run prints the diff and the findings that would remain', async () => {
    const run = await cli(['--fix-dry-run', 'src/signup.ts'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Changes --fix would make (1 file):\n--- a/src/signup.ts\n+++ b/src/signup.ts\n@@ -3,5 +3,5 @@\n');
    expect(run.stdout).not.toContain(MISTAKE_SECRET);
    expect(readFileSync(path.join(dir, 'src/signup.ts'), 'utf8')).toBe(MISTAKES);
    const nothing = await cli(['--fix-dry-run', 'src/clean.ts'], dir);
    expect(nothing.stdout).toContain('\n--fix would change nothing\n');
  });

  it('--fix writes the file', async () => {
    const run = await cli(['--fix', '--format', 'json', 'src/fixme.ts'], dir);
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(dir, 'src/fixme.ts'), 'utf8')).toContain('created_at: Math.floor(Date.now() / 1000)');
  });

  it('reports files that do not parse', async () => {
    const run = await cli(['src/broken.ts', 'src/clean.ts'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\nFiles that could not be parsed \(1\)\n {4}src\/broken\.ts:1:13 {2}Parsing error: Variable declaration expected\.\n/);
    expect(lastLine(run.stdout)).toBe('✖ 1 error in 1 of 2 files: 1 parse error');
    const sarif = JSON.parse((await cli(['--format', 'sarif', 'src/broken.ts'], dir)).stdout) as {
      runs: { results: unknown[]; invocations: { toolExecutionNotifications: { level: string; descriptor: { id: string } }[] }[] }[];
    };
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toMatchObject([{ level: 'error', descriptor: { id: 'parse-error' } }]);
  });

  it('stylish lists problems per file', async () => {
    const run = await cli(['--format', 'stylish', 'src/signup.ts'], dir);
    expect(run.stdout).toMatch(/\n {2}3:29 +error +The Customer\.io site ID '3f…3d' is written in the source.* +cdp\/no-hardcoded-credentials\n/);
    expect((await cli(['--format', 'stylish', 'src/clean.ts'], dir)).stdout).toBe('');
  });

  it('--output that cannot be written is a usage error', async () => {
    expect(await cli(['--output', 'out-dir.json', 'src/clean.ts'], dir)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cdp-lint: cannot write --output out-dir.json (EISDIR)\n',
    });
  });

  it('warns about named files it cannot lint, and lints the rest', async () => {
    const run = await cli(['src/clean.ts', 'notes.md'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('cdp-lint: warning: notes.md is not a JavaScript or TypeScript file; skipped\n');
    expect(lastLine(run.stdout)).toBe('✔ No problems in 1 file');
  });
});

describe('--use-config', () => {
  let dir: string;
  beforeAll(() => {
    // The project's config loads the built plugin, as an installed one would be.
    ensureBuilt();
    dir = makeProject({
      'eslint.config.mjs': projectConfig(),
      'crash/eslint.config.mjs': projectConfig("{ rules: { 'crashing/boom': 'error' } },"),
      'crash/a.ts': 'export const a = 1;\n',
      'src/signup.ts': MISTAKES,
      'src/settings-needed.ts': `import { cio } from './lib/cio';\nexport const f = (id: string) => cio.identify(id, { created_at: Date.now() });\n`,
      'cdp.json': JSON.stringify({ clients: { './lib/cio': ['cio'] } }),
    });
  }, 180_000);
  afterAll(() => removeProject(dir));

  it('reports errors and warnings at the config’s severities', async () => {
    const run = await cli(['--use-config', 'src'], dir);
    expect(run.status).toBe(1);
    expect(lastLine(run.stdout)).toBe('✖ 1 error and 1 warning in 1 of 2 files: hardcoded credentials (1), invalid timestamps (1)');
    expect(run.stdout).toMatch(/\n {4}src\/signup\.ts:6:64 {2}warning `created_at` gets a millisecond timestamp/);
    expect(run.stdout).toMatch(/\nFindings by rule\n {2}cdp\/no-hardcoded-credentials +1\n {2}cdp\/valid-timestamps +1\n/);
  });

  it('takes settings.cdp from --settings (never auto-loaded with the project config)', async () => {
    const json = await cli(['--use-config', '--settings', 'cdp.json', '--format', 'json', 'src/settings-needed.ts'], dir);
    expect(findingsOf(JSON.parse(json.stdout) as JsonResult[], dir)).toEqual({ 'src/settings-needed.ts': ['cdp/valid-timestamps'] });
    expect(json.status).toBe(0);
  });

  it('--max-warnings and --quiet', async () => {
    const warnings = ['--use-config', '--rule', 'valid-timestamps', 'src'];
    expect((await cli(warnings, dir)).status).toBe(0);
    expect(await cli([...warnings, '--max-warnings', '0', '--format', 'json'], dir)).toMatchObject({
      status: 1,
      stderr: 'cdp-lint: too many warnings (1; --max-warnings is 0)\n',
    });
    const quiet = await cli([...warnings, '--quiet'], dir);
    expect(quiet.status).toBe(0);
    expect(lastLine(quiet.stdout)).toBe('✔ No problems in 2 files');
  });

  it('a crashing rule is an internal error: one line, and the stack only with --debug', async () => {
    const crash = path.join(dir, 'crash');
    const run = await cli(['--use-config'], crash);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    // The rule crashes on whichever file is linted first (the config file is a JS file too).
    expect(lines[0]).toMatch(/^cdp-lint: internal error: cannot read the moon \(occurred while linting .*\.(?:ts|mjs):1\)$/);
    expect(lines[1]).toMatch(/^Run again with --debug for the stack trace/);
    expect(lines).toHaveLength(2);
    const debug = await cli(['--use-config', '--debug'], crash);
    expect(debug.stderr).toMatch(/\n {4}at /);
  });
});

describe('--typed', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, types: [] }, include: ['src'] }),
        'package.json': JSON.stringify({ type: 'module' }),
        'src/lib/cio.ts': `import { TrackClient } from 'customerio-node';\nexport const cio = new TrackClient(process.env.SITE_ID!, process.env.TRACK_KEY!);\n`,
        'src/signup.ts': `import { cio } from './lib/cio.js';\nexport const f = (id: string) => cio.identify(id, { created_at: Date.now() });\n`,
        'scripts/seed.ts': `export const seeded = true;\n`,
      },
      { linkNodeModules: true },
    );
  });
  afterAll(() => removeProject(dir));

  it('resolves clients through types, and lints files outside the project without them', async () => {
    const run = await cli(['--typed', '--config', 'strict', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    // `strict` adds require-identify-email, which the untyped engine could not have reported either.
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(findingsOf(results, dir)).toEqual({
      'src/signup.ts': ['cdp/require-identify-email', 'cdp/valid-timestamps'],
    });
    expect(linted(results, dir)).toEqual(['package.json', 'scripts/seed.ts', 'src/lib/cio.ts', 'src/signup.ts']);
  });

  it('warns when there is no tsconfig.json in the current folder', async () => {
    const run = await cli(['--typed', '--format', 'json', '../src/signup.ts'], path.join(dir, 'scripts'));
    expect(run.stderr).toBe(
      'cdp-lint: warning: --typed: no tsconfig.json in the current folder; files outside every TypeScript project are linted without types\n',
    );
    expect(findingsOf(JSON.parse(run.stdout) as JsonResult[], dir)).toEqual({ 'src/signup.ts': ['cdp/valid-timestamps'] });
  });
});
