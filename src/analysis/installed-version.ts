import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Which major of an SDK a linted file runs against. Import shapes and call signatures changed
 * between majors (customerio-node 3.0 dropped the default export and the `/api` sub-path), so a
 * rule about them must know what is installed.
 *
 * Found, in order: the nearest `node_modules/<package>/package.json` above the file (what Node
 * would load), else the nearest `package.json` that lists the package, whose range gives its lowest
 * major. Unknown when neither exists; callers then assume the current major.
 */
export interface InstalledVersion {
  /** The exact version from `node_modules`, when installed. */
  version?: string;
  /** The major version; undefined when unknown. */
  major?: number;
  /** Where it was read. */
  source: 'node_modules' | 'package.json' | 'unknown';
}

const UNKNOWN: InstalledVersion = { source: 'unknown' };

/** Like eslint-plugin-n: answers stay fresh for a few seconds, so editors see `npm install`s. */
const TTL_MS = 5000;

interface Entry {
  value: InstalledVersion;
  expires: number;
}

/** Keyed by directories and files: an editor's session visits ever more of them, so the caches are bounded. */
const MAX_CACHE = 5000;
const cache = new Map<string, Entry>();
const manifestCache = new Map<string, { value: Manifest | null; expires: number }>();

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_CACHE && !map.has(key)) map.clear();
  map.set(key, value);
}

interface Manifest {
  version?: unknown;
  dependencies?: unknown;
  devDependencies?: unknown;
  peerDependencies?: unknown;
  optionalDependencies?: unknown;
}

/** Forget every cached answer (tests, long-running processes after an install). */
export function clearInstalledVersionCache(): void {
  cache.clear();
  manifestCache.clear();
}

/**
 * The installed version of `packageName` for a file. `filename` may be relative (to `cwd`) or a
 * pseudo name such as `<input>`; then the lookup starts at `cwd`. Never throws.
 */
export function installedVersion(packageName: string, filename: string, cwd = process.cwd()): InstalledVersion {
  let directory: string;
  try {
    const absolute = path.isAbsolute(filename) ? filename : path.resolve(cwd, filename);
    directory = filename.startsWith('<') ? path.resolve(cwd) : path.dirname(absolute);
  } catch {
    return UNKNOWN;
  }
  const key = `${packageName}\u0000${directory}`;
  const now = Date.now();
  const cached = cache.get(key);
  if (cached && cached.expires > now) return cached.value;
  const value = lookup(packageName, directory, now);
  remember(cache, key, { value, expires: now + TTL_MS });
  return value;
}

function lookup(packageName: string, start: string, now: number): InstalledVersion {
  for (const directory of ancestors(start)) {
    const manifest = readManifest(path.join(directory, 'node_modules', packageName, 'package.json'), now);
    const version = typeof manifest?.version === 'string' ? manifest.version : undefined;
    const major = version === undefined ? undefined : majorOf(version);
    if (version !== undefined && major !== undefined) return { version, major, source: 'node_modules' };
  }
  for (const directory of ancestors(start)) {
    const manifest = readManifest(path.join(directory, 'package.json'), now);
    if (!manifest) continue;
    const range = dependencyRange(manifest, packageName);
    if (range === undefined) continue;
    const major = lowestMajor(range);
    return major === undefined ? UNKNOWN : { major, source: 'package.json' };
  }
  return UNKNOWN;
}

/** The directory and every one above it, up to the root. */
function* ancestors(start: string): Generator<string> {
  let current = start;
  for (let i = 0; i < 64; i++) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function readManifest(file: string, now: number): Manifest | null {
  const cached = manifestCache.get(file);
  if (cached && cached.expires > now) return cached.value;
  let value: Manifest | null = null;
  // Most directories have no such file: asking first costs no exception (a thrown error with a
  // stack per directory was most of this lookup's time).
  if (exists(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) value = parsed;
    } catch {
      value = null; // unreadable or not JSON: as if absent
    }
  }
  remember(manifestCache, file, { value, expires: now + TTL_MS });
  return value;
}

function exists(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // a path component that is a file, or no permission
  }
}

function dependencyRange(manifest: Manifest, packageName: string): string | undefined {
  for (const group of [
    manifest.dependencies,
    manifest.devDependencies,
    manifest.peerDependencies,
    manifest.optionalDependencies,
  ]) {
    if (group && typeof group === 'object' && !Array.isArray(group)) {
      const range = (group as Record<string, unknown>)[packageName];
      if (typeof range === 'string') return range;
    }
  }
  return undefined;
}

function majorOf(version: string): number | undefined {
  const match = /^\s*v?(\d+)(?:\.|$|\s|-)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/**
 * The lowest major a dependency range allows: `^2.1.0` → 2, `>=3 <6` → 3, `2.x || 3.x` → 2,
 * `~4.4.0` → 4, `5` → 5. Unknown for tags, URLs, git and workspace references (`latest`, `file:…`).
 * `npm:customerio-node@^3` aliases are read through.
 */
export function lowestMajor(range: string): number | undefined {
  const text = range.trim().replace(/^npm:(?:@[^/]+\/)?[^@]+@/, '');
  // `latest`, `next` are tags; `v3.0.0` and `x` are versions.
  const tag = /^[a-z][\w.-]*$/i.test(text) && !/^v\d/i.test(text) && !/^[xX](?:\.|$)/.test(text);
  if (text === '' || text === '*' || /^[a-z]+:/i.test(text) || tag) return undefined;
  let lowest: number | undefined;
  for (const alternative of text.split('||')) {
    const major = lowestMajorOfSet(alternative.trim());
    if (major === undefined) return undefined;
    lowest = lowest === undefined ? major : Math.min(lowest, major);
  }
  return lowest;
}

function lowestMajorOfSet(text: string): number | undefined {
  // `>= 3` is `>=3`.
  const set = text.replace(/(\^|~|>=|>|<=|<|=)\s+/g, '$1');
  // `1.2.3 - 2.0.0`: the lower end.
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(set);
  const comparators = hyphen ? [hyphen[1]] : set.split(/\s+/).filter(Boolean);
  let lowest: number | undefined;
  for (const comparator of comparators) {
    const match = /^(\^|~|>=|>|<=|<|=)?\s*v?(\d+|[xX*])(?:\.(\d+|[xX*]))?/.exec(comparator);
    if (!match) return undefined;
    const [, operator = '', majorText, minorText] = match;
    if (operator === '<' || operator === '<=') continue; // an upper bound says nothing of the lowest
    if (!/^\d+$/.test(majorText)) return 0;
    let major = Number(majorText);
    // `>2` and `>2.x` exclude every 2.x; `>2.1` still allows 2.x.
    if (operator === '>' && (minorText === undefined || !/^\d+$/.test(minorText))) major += 1;
    lowest = lowest === undefined ? major : Math.max(lowest, major);
  }
  return lowest ?? 0;
}

/**
 * Does a major satisfy a model range such as `<3`, `>=3` or `>=3 <6`? An unknown major is taken
 * to be the current one: it satisfies lower bounds and fails upper bounds.
 */
export function majorSatisfies(major: number | undefined, range: string): boolean {
  const value = major ?? Number.POSITIVE_INFINITY;
  for (const comparator of range.trim().split(/\s+/).filter(Boolean)) {
    const match = /^(>=|>|<=|<|=)?v?(\d+)$/.exec(comparator);
    if (!match) return false;
    const bound = Number(match[2]);
    switch (match[1] ?? '=') {
      case '>=':
        if (!(value >= bound)) return false;
        break;
      case '>':
        if (!(value > bound)) return false;
        break;
      case '<=':
        if (!(value <= bound)) return false;
        break;
      case '<':
        if (!(value < bound)) return false;
        break;
      default:
        if (value !== bound) return false;
    }
  }
  return true;
}

/** `<3` → `before 3.0`, `>=3` → `3.0 and later`, for messages. */
export function describeMajorRange(range: string): string {
  const parts = range
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((comparator) => {
      const match = /^(>=|>|<=|<|=)?v?(\d+)$/.exec(comparator);
      if (!match) return comparator;
      const bound = Number(match[2]);
      switch (match[1] ?? '=') {
        case '>=':
          return `${bound}.0 and later`;
        case '>':
          return `${bound + 1}.0 and later`;
        case '<=':
          return `${bound}.x and earlier`;
        case '<':
          return `before ${bound}.0`;
        default:
          return `${bound}.x`;
      }
    });
  return parts.join(', ');
}

/** For messages: `5.2.0 is installed`, `package.json asks for 4.x or later`. */
export function describeInstalled(version: InstalledVersion): string {
  if (version.source === 'node_modules') return `${version.version} is installed`;
  if (version.source === 'package.json') return `package.json asks for ${version.major}.x or later`;
  return 'the installed version could not be read (the current one is assumed)';
}

/** The installed major version of each SDK for one linted file, looked up once per SDK. */
export function majorVersions(context: { physicalFilename: string; cwd: string }): (sdkId: string) => number | undefined {
  const majors = new Map<string, number | undefined>();
  return (sdkId) => {
    if (!majors.has(sdkId)) majors.set(sdkId, installedVersion(sdkId, context.physicalFilename, context.cwd).major);
    return majors.get(sdkId);
  };
}
