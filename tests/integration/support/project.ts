// Shared by the compatibility, cache and concurrency tests: a temporary copy of the example app as
// a project of its own, the built package, and real ESLint command-line runs on it.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);

/** The command-line entry points of the two ESLint majors the plugin supports. */
export const ESLINT_10_BIN = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
export const ESLINT_9_BIN = path.join(root, 'node_modules', 'eslint9', 'bin', 'eslint.js');

const example = path.join(root, 'examples', 'saas-app');

/**
 * The part of `examples/saas-app` the tests lint: the shared clients in `src/lib`, routes that use
 * them through `settings.cdp.clients` and the `trackEvent` wrapper, a worker, a Lambda handler, a
 * Next.js route handler and a one-off script, plus the settings file and the tsconfig.
 */
export const SAAS_FILES = [
  'cdp.settings.js',
  'tsconfig.json',
  'src/auth.ts',
  'src/config.ts',
  'src/db.ts',
  'src/lib/analytics.ts',
  'src/lib/cio.ts',
  'src/lib/events.ts',
  'src/lib/klaviyo.ts',
  'src/lib/time.ts',
  'src/routes/admin.ts',
  'src/routes/orders.ts',
  'src/routes/signup.ts',
  'src/routes/webhooks.ts',
  'src/services/billing.ts',
  'src/worker/sync-users.ts',
  'src/lambda/order-events.ts',
  'src/app/api/track/route.ts',
  'scripts/backfill-signups.ts',
] as const;

/** What the tests lint in the copied project (everything but the settings file). */
export const LINT_TARGETS = ['src', 'scripts'];

/** The TypeScript and JavaScript files among `SAAS_FILES`, which a run over `LINT_TARGETS` lints. */
export const LINTED_FILES = SAAS_FILES.filter((file) => /^(?:src|scripts)\//.test(file));

/** The newest modification time of the files under a directory. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** CI builds before testing; a developer's run rebuilds a missing or stale `dist/`. */
export function ensureBuilt(): void {
  const entry = path.join(root, 'dist', 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(path.join(root, 'src'))) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/**
 * A fresh temporary project holding a copy of `SAAS_FILES` and a `node_modules` whose entries link
 * to this repository's own (the SDKs, the parser, `@types/node`), with `eslint-plugin-cdp` linked
 * to the repository itself, so a config file there imports the built package by its name, exactly
 * as in a project that installed it.
 */
export function createSaasProject(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cdp-${prefix}-`));
  for (const file of SAAS_FILES) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(example, file), path.join(dir, file));
  }
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'saas-app-copy', private: true, type: 'module' }, null, 2)}\n`,
  );
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry), 'junction');
  }
  symlinkSync(root, path.join(modules, 'eslint-plugin-cdp'), 'junction');
  return dir;
}

export function removeProject(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * An `eslint.config.mjs` as a user writes it: the TypeScript parser for `.ts` files, one preset of
 * the installed plugin, and the app's `settings.cdp` read from its settings file.
 */
export function flatConfigFile(preset: string): string {
  return `import parser from '@typescript-eslint/parser';
import cdp from 'eslint-plugin-cdp';
import { cdpSettings } from './cdp.settings.js';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser } },
  cdp.configs[${JSON.stringify(preset)}],
  { settings: { cdp: cdpSettings } },
];
`;
}

/** The settings the example app declares, as plain data (what ESLint hashes into its cache key). */
export async function saasSettings(dir: string): Promise<Record<string, unknown>> {
  const { href } = pathToFileURL(path.join(dir, 'cdp.settings.js'));
  const loaded = (await import(/* @vite-ignore */ href)) as { cdpSettings: Record<string, unknown> };
  return loaded.cdpSettings;
}

/** One message of a lint result, as an editor or a report shows it. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  ruleId: string | null;
  messageId?: string;
  message: string;
  severity: number;
  fatal?: boolean;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

interface ResultLike {
  filePath: string;
  messages: Omit<Finding, 'file'>[];
}

/** Every message of a run, each with its file relative to the project, in a stable order. */
export function findingsOf(results: readonly ResultLike[], cwd: string): Finding[] {
  const findings: Finding[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      const { line, column, endLine, endColumn, ruleId, messageId, message: text, severity, fatal, fix, suggestions } =
        message;
      findings.push({
        file,
        line,
        column,
        endLine,
        endColumn,
        ruleId,
        messageId,
        message: text,
        severity,
        ...(fatal ? { fatal } : {}),
        ...(fix ? { fix } : {}),
        ...(suggestions ? { suggestions: suggestions.map(({ desc, fix: change }) => ({ desc, fix: change })) } : {}),
      });
    }
  }
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      String(a.ruleId).localeCompare(String(b.ruleId)) ||
      a.message.localeCompare(b.message),
  );
}

/** `file:line ruleId` of each finding: enough to compare runs and to read a failure. */
export const brief = (findings: readonly Finding[]): string[] =>
  findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);

/** The 1-based line of the first line of a copied file that contains `text`. */
export function lineOf(source: string, text: string): number {
  const index = source.split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`the example no longer contains ${JSON.stringify(text)}`);
  return index + 1;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an ESLint command line in its own Node process, as a terminal or a CI job does. Variables
 * that would change which config system ESLint uses, or print debug output, are taken from `env`
 * only, never inherited.
 */
export function runCli(bin: string, args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(?:ESLINT_|DEBUG$|NODE_OPTIONS$)/.test(name)),
  );
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...inherited, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The results of a `--format json` run; fails with ESLint's own output when it printed none. */
export function jsonResults(run: CliRun): ResultLike[] {
  try {
    return JSON.parse(run.stdout) as ResultLike[];
  } catch {
    throw new Error(`ESLint printed no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}
