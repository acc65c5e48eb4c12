import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { IgnoreFile } from './gitignore.js';

/** The extensions ESLint can lint with the TypeScript parser. */
export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;
export const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);

/**
 * Folders that hold dependencies, build output, caches or other tools' data, never code that
 * calls an SDK the way a person wrote it. Skipped at any depth below a folder being linted (a
 * path given on the command line is linted even if it is one of them).
 */
export const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'dist',
  'build',
  'out',
  'output',
  'lib-cov',
  'coverage',
  '.nyc_output',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.output',
  '.vercel',
  '.netlify',
  '.serverless',
  '.aws-sam',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.docusaurus',
  '.expo',
  '.angular',
  '.yarn',
  '.pnpm-store',
  'storybook-static',
  '.git',
  '.hg',
  '.svn',
]);

/** Bundles: `app.min.js`, `vendor-min.mjs`, `chunk.bundle.js`. */
const MINIFIED_NAME = /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/i;
const DECLARATION = /\.d\.[cm]?ts$/i;
/** Larger files are generated (or data), and linting them is slow. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Minified code: a very long line in a file whose lines are long on average. */
const LONG_LINE = 1000;
const LONG_AVERAGE = 150;

export type SkipReason = 'minified' | 'too large';

export interface Discovery {
  /** Absolute paths, sorted. */
  files: string[];
  /** Files with a source extension that were left out, and why. */
  skipped: { file: string; reason: SkipReason }[];
  /** Explicitly named files that are not JavaScript or TypeScript. */
  unsupported: string[];
  /** How the listing was made: `git` (tracked and untracked, not ignored) or `walk` (.gitignore read directly). */
  method: 'git' | 'walk';
}

export function isSourceFile(file: string): boolean {
  const lower = file.toLowerCase();
  return SOURCE_EXTENSIONS.some((extension) => lower.endsWith(extension)) && !DECLARATION.test(lower);
}

/** `package.json` files: linted by the plugin's JSON rules (`pinned-sdk-versions`) when `@eslint/json` is installed. */
export function isPackageManifest(file: string): boolean {
  return path.basename(file) === 'package.json';
}

export function isTypeScriptFile(file: string): boolean {
  return TYPESCRIPT_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** Why a file found in a folder is not linted, if it is not. */
export function skipReason(file: string): SkipReason | undefined {
  if (MINIFIED_NAME.test(file)) return 'minified';
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  if (size > MAX_FILE_BYTES) return 'too large';
  if (size < LONG_LINE) return undefined;
  const text = readFileSync(file, 'utf8');
  let longest = 0;
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    longest = Math.max(longest, end - start);
    lines++;
    start = end + 1;
  }
  return longest >= LONG_LINE && text.length / lines >= LONG_AVERAGE ? 'minified' : undefined;
}

/** The files of a folder as git sees them (tracked, plus untracked that are not ignored), or undefined outside a work tree. */
function gitFiles(dir: string): string[] | undefined {
  const git = (args: string[]): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  try {
    if (git(['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return undefined;
    return git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
      .split('\0')
      .filter(Boolean)
      .map((relative) => path.join(dir, relative));
  } catch {
    // Not a repository, or git is not installed.
    return undefined;
  }
}

/**
 * A walk that reads `.gitignore` files on the way down, starting with those of the folders
 * between `boundary` (the current folder, when the walk starts inside it) and the walk's root.
 */
function walkFiles(root: string, boundary: string): string[] {
  const found: string[] = [];
  const inherited: { base: string; file: IgnoreFile }[] = [];
  if (!path.relative(boundary, root).startsWith('..') && boundary !== root) {
    const between: string[] = [];
    for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
      between.unshift(dir);
      if (dir === boundary || dir === path.dirname(dir)) break;
    }
    for (const dir of between) {
      const file = readIgnore(dir);
      if (file) inherited.push({ base: dir, file });
    }
  }
  const visit = (dir: string, ignores: { base: string; file: IgnoreFile }[]): void => {
    const local = readIgnore(dir);
    const active = local ? [...ignores, { base: dir, file: local }] : ignores;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // Symbolic links are not followed: they can loop, and they usually point at other packages.
      if (entry.isSymbolicLink()) continue;
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) continue;
      if (isDir && SKIPPED_FOLDERS.has(entry.name)) continue;
      if (ignored(active, full, isDir)) continue;
      if (isDir) visit(full, active);
      else found.push(full);
    }
  };
  if (ignored(inherited, root, true)) return found;
  visit(root, inherited);
  return found;
}

function readIgnore(dir: string): IgnoreFile | undefined {
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    const parsed = new IgnoreFile(readFileSync(file, 'utf8'));
    return parsed.empty ? undefined : parsed;
  } catch {
    return undefined;
  }
}

/** Later (deeper) files override earlier ones, as in git. */
function ignored(stack: { base: string; file: IgnoreFile }[], full: string, isDir: boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const relative = path.relative(stack[i].base, full).split(path.sep).join('/');
    const verdict = stack[i].file.test(relative, isDir);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

/** Does a path below `root` pass through a skipped folder? */
function inSkippedFolder(root: string, file: string): boolean {
  const segments = path.relative(root, file).split(path.sep);
  segments.pop();
  return segments.some((segment) => SKIPPED_FOLDERS.has(segment));
}

/** Is the start of a file text (not binary)? Used only for explicitly named files. */
function looksBinary(file: string): boolean {
  const buffer = Buffer.alloc(512);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).includes(0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The files to lint under the given paths. A folder lists its JavaScript and TypeScript files and
 * its `package.json` files, respecting `.gitignore` (through `git ls-files` inside a work tree,
 * else by reading the ignore files) and skipping dependency, build and cache folders and minified bundles. A file named on
 * the command line is linted as it is, whatever the ignore rules say.
 */
export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const files = new Set<string>();
  const skipped: Discovery['skipped'] = [];
  const unsupported: string[] = [];
  let method: Discovery['method'] = 'git';
  let sawFolder = false;

  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stats.isFile()) {
      if ((isSourceFile(full) || isPackageManifest(full)) && !looksBinary(full)) files.add(full);
      else unsupported.push(full);
      continue;
    }
    if (!stats.isDirectory()) throw new UsageError(`not a file or folder: ${given}`);
    sawFolder = true;
    let listed = gitFiles(full);
    // Nothing listed: not a repository, or a folder git ignores as a whole (linted because it was named).
    if (listed === undefined || listed.length === 0) {
      method = 'walk';
      listed = walkFiles(full, cwd);
    }
    for (const file of listed) {
      if (!(isSourceFile(file) || isPackageManifest(file)) || inSkippedFolder(full, file)) continue;
      // `git ls-files --cached` also lists files deleted from the work tree, and submodules.
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
      const reason = skipReason(file);
      if (reason) skipped.push({ file, reason });
      else files.add(file);
    }
  }

  return {
    files: [...files].sort(),
    skipped: skipped.sort((a, b) => a.file.localeCompare(b.file)),
    unsupported,
    method: sawFolder ? method : 'git',
  };
}
