// The two documented ways to lint a commit, run for real in a temporary Git repository: the
// pre-commit framework's hook (`.pre-commit-hooks.yaml`: its entry runs from the repository root
// with the staged files of its types as arguments) and husky + lint-staged (the commands from
// docs/pre-commit.md, run on the staged files that match their pattern). Neither framework is
// installed: what they run is, the `cdp-lint` command as npm installs it and the ESLint CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/project.js';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types_or?: string[];
  args?: string[];
  additional_dependencies?: string[];
}

const hooks = parseYaml(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  bin?: string | Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const binOf = (name: string): string | undefined =>
  typeof packageJson.bin === 'string' ? undefined : packageJson.bin?.[name];

const docsPage = readFileSync(path.join(root, 'docs', 'pre-commit.md'), 'utf8');
/** The code blocks of docs/pre-commit.md in a language, without the list indentation of nested ones. */
const docsBlocks = (language: string): string[] =>
  [...docsPage.matchAll(new RegExp(`^( *)\`\`\`${language}\n([\\s\\S]*?)^ *\`\`\``, 'gm'))].map(([, indent, body]) =>
    body.replace(new RegExp(`^${indent}`, 'gm'), ''),
  );
/** The `lint-staged` configurations docs/pre-commit.md gives, in order. */
const docsLintStaged = docsBlocks('json')
  .map((block) => JSON.parse(block) as { 'lint-staged'?: Record<string, string> })
  .flatMap((json) => (json['lint-staged'] ? [json['lint-staged']] : []));

/** The tags pre-commit's file identification gives these extensions (the ones `types_or` names). */
const TAGS: Record<string, string[]> = {
  '.js': ['javascript'],
  '.mjs': ['javascript'],
  '.cjs': ['javascript'],
  '.jsx': ['jsx'],
  '.ts': ['ts'],
  '.mts': ['ts'],
  '.cts': ['ts'],
  '.tsx': ['tsx'],
  '.md': ['markdown'],
  '.json': ['json'],
};

/** lint-staged's patterns without a slash match the base name; `*` and `{a,b}` are all these use. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '[^/]*';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\?]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

// ---------------------------------------------------------------------------------------------
// The repository: committed config and one file, then each test stages its own change.
// ---------------------------------------------------------------------------------------------

const WITH_FINDING = `import { TrackClient, RegionEU } from 'customerio-node';

const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!, { region: RegionEU });

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;

const CLEAN = WITH_FINDING.replace('created_at: Date.now()', 'created_at: Math.floor(Date.now() / 1000)');

const JSX_WITH_FINDING = `import { TrackClient, RegionEU } from 'customerio-node';

const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY, { region: RegionEU });

export async function Welcome({ id }) {
  await cio.track(id, { name: 'welcome_viewed', timestamp: Date.now() });
  return <p>Welcome</p>;
}
`;

/** The project's own ESLint config, as the README's Usage section sets it up. */
const ESLINT_CONFIG = `import cdp from 'eslint-plugin-cdp';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['src/generated/**'] },
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  cdp.configs.recommended,
];
`;

let scratch: string;
let repo: string;
/** Where pre-commit's environment puts the hook's executables: first on PATH. */
let hookBin: string;

/** A command as npm links a package's `bin`: an executable that runs the file with Node. */
function linkBin(dir: string, name: string, target: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), `#!/bin/sh\nexec "${process.execPath}" "${target}" "$@"\n`, { mode: 0o755 });
}

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

/** Resets the index to the last commit, writes `files` and stages them; `remove` stages deletions. */
function stage(files: Record<string, string>, remove: string[] = []): void {
  git('reset', '-q');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    writeFileSync(path.join(repo, name), text);
    git('add', '--', name);
  }
  for (const name of remove) git('rm', '-q', '--cached', '--', name);
}

/** Added, copied, modified and renamed files, as both frameworks list them (no deletions). */
const stagedFiles = (): string[] =>
  git('diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z').split('\0').filter(Boolean);

interface Run {
  status: number | null;
  output: string;
  files: string[];
}

const env = (extraPath: string): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${extraPath}${path.delimiter}${process.env.PATH ?? ''}`,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
});

/** What `pre-commit run` does for one hook: entry, args, then the staged files of its types. */
function runHook(hook: Hook): Run | 'skipped' {
  const files = stagedFiles().filter((file) =>
    (TAGS[path.extname(file)] ?? []).some((tag) => (hook.types_or ?? []).includes(tag)),
  );
  if (files.length === 0) return 'skipped';
  const [command, ...entryArgs] = hook.entry.split(/\s+/);
  const result = spawnSync(command, [...entryArgs, ...(hook.args ?? []), ...files], {
    cwd: repo,
    env: env(hookBin),
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}`, files };
}

/** What lint-staged does: each pattern's command on the matching staged files, as absolute paths. */
function runLintStaged(config: Record<string, string>): Run[] {
  return Object.entries(config).flatMap(([pattern, commandLine]) => {
    const matcher = globToRegExp(pattern);
    const files = stagedFiles()
      .filter((file) => matcher.test(pattern.includes('/') ? file : path.posix.basename(file)))
      .map((file) => path.join(repo, file));
    if (files.length === 0) return [];
    const [command, ...args] = commandLine.split(/\s+/);
    const result = spawnSync(command, [...args, ...files], {
      cwd: repo,
      env: env(path.join(repo, 'node_modules', '.bin')),
      encoding: 'utf8',
    });
    if (result.error) throw result.error;
    return [{ status: result.status, output: `${result.stdout}${result.stderr}`, files }];
  });
}

const hook = hooks.find((candidate) => candidate.id === 'cdp-lint')!;

beforeAll(() => {
  ensureBuilt();
  scratch = mkdtempSync(path.join(tmpdir(), 'cdp-pre-commit-'));
  repo = path.join(scratch, 'repo');
  hookBin = path.join(scratch, 'hook-env', 'bin');
  mkdirSync(repo);

  // The hook's environment: the package's commands on PATH.
  for (const [name, target] of Object.entries(packageJson.bin ?? {})) linkBin(hookBin, name, path.join(root, target));
  // The project's devDependencies: the plugin, typescript-eslint and the commands lint-staged runs.
  const modules = path.join(repo, 'node_modules');
  mkdirSync(path.join(modules, '@typescript-eslint'), { recursive: true });
  symlinkSync(root, path.join(modules, 'eslint-plugin-cdp'), 'dir');
  symlinkSync(path.join(root, 'node_modules', 'typescript-eslint'), path.join(modules, 'typescript-eslint'), 'dir');
  symlinkSync(
    path.join(root, 'node_modules', '@typescript-eslint', 'parser'),
    path.join(modules, '@typescript-eslint', 'parser'),
    'dir',
  );
  linkBin(path.join(modules, '.bin'), 'eslint', path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'));
  const cdpLint = binOf('cdp-lint');
  if (cdpLint) linkBin(path.join(modules, '.bin'), 'cdp-lint', path.join(root, cdpLint));

  writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
  writeFileSync(path.join(repo, 'package.json'), `${JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(path.join(repo, 'eslint.config.js'), ESLINT_CONFIG);
  mkdirSync(path.join(repo, 'src'));
  // Already committed, with a finding of its own: deleting it must not make the hook lint it.
  writeFileSync(path.join(repo, 'src', 'legacy.ts'), WITH_FINDING);
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'init');
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the pre-commit framework hook', () => {
  it('is declared for JavaScript and TypeScript files, installed with Node', () => {
    expect(hook).toMatchObject({
      id: 'cdp-lint',
      entry: 'cdp-lint',
      language: 'node',
      types_or: ['javascript', 'jsx', 'ts', 'tsx'],
    });
    expect(hook.name).toBeTruthy();
  });

  it('installs the TypeScript parser and a TypeScript it supports with the hook', () => {
    const typescript = (JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string })
      .version;
    expect(hook.additional_dependencies).toEqual([
      `@typescript-eslint/parser@${packageJson.devDependencies['@typescript-eslint/parser']}`,
      `typescript@${typescript}`,
    ]);
    // Inside the range the package declares for its optional peer dependencies.
    expect(packageJson.peerDependencies['@typescript-eslint/parser']).toBe('^8.0.0');
    expect(packageJson.devDependencies['@typescript-eslint/parser']).toMatch(/^8\.\d+\.\d+$/);
    expect(packageJson.peerDependencies.typescript).toBe('>=4.8.4 <6.1.0');
    const [major, minor] = typescript.split('.').map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(408);
    expect(major * 100 + minor).toBeLessThan(601);
  });

  it('docs/pre-commit.md shows the hook with its id, and configs that parse', () => {
    const configs = docsBlocks('yaml').map((block) => parseYaml(block) as unknown);
    expect(configs.length).toBeGreaterThanOrEqual(3);
    const [first] = configs as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] }[];
    expect(first.repos[0].hooks).toEqual([{ id: hook.id }]);
    expect(first.repos[0].rev).toMatch(/^v\d+\.\d+\.\d+$/);
    const local = configs.find(
      (config) => (config as { repos?: { repo: string }[] }).repos?.[0].repo === 'local',
    ) as { repos: { hooks: Hook[] }[] };
    expect(local.repos[0].hooks[0]).toMatchObject({ id: hook.id, language: 'system', types_or: hook.types_or });
  });

  it("runs a command the package's bin provides", () => {
    const target = binOf(hook.entry.split(/\s+/)[0]);
    expect(target, `package.json has no bin named ${hook.entry}`).toBeDefined();
    expect(readFileSync(path.join(root, target!), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('blocks a commit that stages a finding, and names it', () => {
    stage({ 'src/signup.ts': WITH_FINDING, 'src/clean.ts': CLEAN, 'README.md': '# App\n' });
    const run = runHook(hook);
    expect(run).not.toBe('skipped');
    const { status, output, files } = run as Run;
    expect(files).toEqual(['src/clean.ts', 'src/signup.ts']);
    expect(output).toContain('cdp/valid-timestamps');
    expect(output).toContain('src/signup.ts:6:64');
    expect(output).not.toContain('src/clean.ts:');
    expect(status, output).toBe(1);
  });

  it('blocks a JSX file with a finding', () => {
    stage({ 'src/welcome.jsx': JSX_WITH_FINDING });
    const { status, output } = runHook(hook) as Run;
    expect(output).toContain('src/welcome.jsx:6:60');
    expect(status, output).toBe(1);
  });

  it('lets the commit through when the staged files are clean, even deleting a file with a finding', () => {
    stage({ 'src/clean.ts': CLEAN }, ['src/legacy.ts']);
    const { status, output, files } = runHook(hook) as Run;
    expect(files).toEqual(['src/clean.ts']);
    expect(output).not.toContain('src/legacy.ts');
    expect(status, output).toBe(0);
  });

  it("passes the hook's args before the file names", () => {
    stage({ 'src/signup.ts': WITH_FINDING });
    const { status, output } = runHook({ ...hook, args: ['--rule', 'cdp/no-hardcoded-credentials'] }) as Run;
    expect(status, output).toBe(0);
  });

  it('is not run for a commit without JavaScript or TypeScript files', () => {
    stage({ 'README.md': '# App\n\nUpdated.\n', 'data.json': '{}\n' });
    expect(runHook(hook)).toBe('skipped');
  });
});

describe('husky + lint-staged', () => {
  const [eslintRecipe, cdpLintRecipe] = docsLintStaged;

  it('docs/pre-commit.md gives two recipes, one with ESLint and one with cdp-lint', () => {
    expect(docsLintStaged).toHaveLength(2);
    expect(Object.values(eslintRecipe)).toEqual(['eslint --max-warnings 0 --no-warn-ignored']);
    expect(Object.values(cdpLintRecipe)).toEqual(['cdp-lint']);
    expect(Object.keys(eslintRecipe)).toEqual(['*.{js,jsx,ts,tsx}']);
    expect(Object.keys(cdpLintRecipe)).toEqual(['*.{js,jsx,ts,tsx}']);
  });

  describe('with the plugin in the project ESLint config', () => {
    it('blocks a commit that stages a finding', () => {
      stage({ 'src/signup.ts': WITH_FINDING, 'src/clean.ts': CLEAN, 'README.md': '# App\n' });
      const runs = runLintStaged(eslintRecipe);
      expect(runs).toHaveLength(1);
      const [{ status, output, files }] = runs;
      expect(files).toEqual([path.join(repo, 'src', 'clean.ts'), path.join(repo, 'src', 'signup.ts')]);
      expect(output).toContain(path.join(repo, 'src', 'signup.ts'));
      expect(output).toMatch(/6:64\s+error\s+.*Unix seconds.*cdp\/valid-timestamps/);
      expect(status, output).toBe(1);
    });

    it('lets clean files through, and a staged file the config ignores', () => {
      stage({ 'src/clean.ts': CLEAN, 'src/generated/client.ts': WITH_FINDING });
      const [{ status, output, files }] = runLintStaged(eslintRecipe);
      expect(files).toHaveLength(2);
      expect(output).toBe('');
      expect(status, output).toBe(0);
    });
  });

  describe('with cdp-lint', () => {
    it('blocks a commit that stages a finding', () => {
      stage({ 'src/signup.ts': WITH_FINDING, 'src/clean.ts': CLEAN });
      const [{ status, output }] = runLintStaged(cdpLintRecipe);
      expect(output).toContain('cdp/valid-timestamps');
      expect(output).toContain('src/signup.ts:6:64');
      expect(status, output).toBe(1);
    });

    it('lets clean files through', () => {
      stage({ 'src/clean.ts': CLEAN });
      const [{ status, output }] = runLintStaged(cdpLintRecipe);
      expect(status, output).toBe(0);
    });
  });
});
