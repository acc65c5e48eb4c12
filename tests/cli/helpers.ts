// Shared by the CLI tests: the built command, temporary repositories, and the example's secrets.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const example = path.join(root, 'examples', 'saas-app');
export const cliEntry = path.join(root, 'dist', 'cli', 'index.js');
const require = createRequire(import.meta.url);

/** The newest modification time of the files under a directory. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const stale = (): boolean => !existsSync(cliEntry) || statSync(cliEntry).mtimeMs < newestMtime(path.join(root, 'src'));
const pause = (ms: number): void => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms) as unknown as void;

/**
 * CI builds before testing; a developer's run rebuilds a missing or stale `dist/`. The CLI test
 * files run in parallel, so one builds while the others wait for it to finish (a folder is the lock).
 */
export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = path.join(os.tmpdir(), `cdp-lint-build-${Buffer.from(root).toString('hex').slice(-32)}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than the longest build is left over.
      if (Date.now() - started > 240_000) rmSync(lock, { recursive: true, force: true });
      pause(250);
    }
  }
  try {
    if (stale()) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: root,
        stdio: 'inherit',
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command as a user does: a separate Node process, no terminal, no colour. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [cliEntry, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes files (path → content) under a new temporary folder; `git: true` makes it a repository. */
export function makeProject(files: Record<string, string>, options: { git?: boolean; linkNodeModules?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdp-lint-'));
  writeFiles(dir, files);
  if (options.linkNodeModules) symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
  }
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function removeProject(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export const fileUrl = (file: string): string => pathToFileURL(file).href;
export const resolveFromRoot = (name: string): string => require.resolve(name, { paths: [root] });

export interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    severity: number;
    message: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    fatal?: boolean;
    fix?: unknown;
    suggestions?: unknown[];
  }[];
  errorCount: number;
  warningCount: number;
  source?: string;
  output?: string;
}

/** `relative path → rule ids` of a JSON run, for compact assertions. */
export function findingsOf(results: JsonResult[], base: string): Record<string, string[]> {
  return Object.fromEntries(
    results
      .filter((result) => result.messages.length > 0)
      .map((result) => [
        path.relative(base, result.filePath).split(path.sep).join('/'),
        result.messages.map((message) => message.ruleId ?? 'parse-error'),
      ]),
  );
}

export const linted = (results: JsonResult[], base: string): string[] =>
  results.map((result) => path.relative(base, result.filePath).split(path.sep).join('/')).sort();

/** Source code with two mistakes the untyped engine finds: a key in the code and milliseconds. */
export const MISTAKES = `import { TrackClient } from 'customerio-node';

const cio = new TrackClient('3f9a2c1d8e7b6a5f4c3d', process.env.CUSTOMERIO_TRACK_API_KEY!);

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;
export const MISTAKES_RULES = ['cdp/no-hardcoded-credentials', 'cdp/valid-timestamps'];
export const MISTAKE_SECRET = '3f9a2c1d8e7b6a5f4c3d';

/** The same SDK calls, written correctly. */
export const CORRECT = `import { TrackClient } from 'customerio-node';

const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Math.floor(Date.now() / 1000) });
}
`;

/** A minified bundle: one very long line. */
export const MINIFIED = `var a=require("customerio-node");${'var x=1;'.repeat(400)}new a.TrackClient("3f9a2c1d8e7b6a5f4c3d","k").identify("1",{created_at:Date.now()});\n`;

/**
 * The credentials written in the example app, read from the source ranges its credential rules
 * report (the rules' messages only ever show them masked).
 */
export function exampleSecrets(results: JsonResult[]): string[] {
  const secrets = new Set<string>();
  for (const result of results) {
    const lines = readFileSync(result.filePath, 'utf8').split('\n');
    for (const message of result.messages) {
      if (!['cdp/no-hardcoded-credentials', 'cdp/no-mismatched-credentials'].includes(message.ruleId ?? '')) continue;
      if (message.endLine !== message.line || message.endColumn === undefined) continue;
      const text = lines[message.line - 1].slice(message.column - 1, message.endColumn - 1);
      for (const literal of text.matchAll(/['"`]([^'"`]{12,})['"`]/g)) secrets.add(literal[1]);
    }
  }
  return [...secrets];
}
