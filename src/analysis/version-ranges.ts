/**
 * npm dependency specifiers, read well enough to tell a pinned version from one that floats and
 * to name the exact version a range stands for. Not a full semver implementation: a specifier it
 * cannot read is left alone rather than guessed at.
 */

/** A specifier that lets an install pick a version nobody reviewed. */
export interface FloatingSpecifier {
  kind: 'range' | 'tag' | 'any' | 'git';
  /** The version range (or tag) inside the specifier; empty for a git URL without a reference. */
  range: string;
  /** What comes before the range: `npm:klaviyo-api@`, `github:owner/repo#semver:`. */
  prefix: string;
}

type Triple = [number, number, number];

interface Version {
  triple: Triple;
  prerelease: readonly string[];
}

interface Comparator {
  operator: '<' | '<=' | '>' | '>=' | '=';
  version: Version;
}

const NUMBER = String.raw`\d+`;
const PART = String.raw`(?:\d+|[xX*])`;
const PRERELEASE = String.raw`(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?`;
const EXACT = new RegExp(String.raw`^=?\s*v?${NUMBER}\.${NUMBER}\.${NUMBER}${PRERELEASE}$`);
const PARTIAL = new RegExp(String.raw`^(\^|~>?|>=|<=|>|<|=)?\s*v?(${PART})(?:\.(${PART}))?(?:\.(${PART}))?${PRERELEASE}$`);
const VERSION = new RegExp(String.raw`^v?(${NUMBER})\.(${NUMBER})\.(${NUMBER})${PRERELEASE}$`);
const ALIAS = /^npm:((?:@[^/@\s]+\/)?[^@\s]+)(?:@(.*))?$/s;
const GIT = /^(?:git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:|[\w.-]+\/[\w.-]+(?:#|$))/i;
const HOSTED_GIT_URL = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[^/]+\/[^/#]+(?:#|$)/i;
const PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;
const TAG = /^[a-z][\w.-]*$/i;

/** The package an `npm:` alias installs: `npm:klaviyo-api@^23` → `klaviyo-api`. */
export function aliasTarget(specifier: string): string | undefined {
  return ALIAS.exec(specifier.trim())?.[1];
}

/**
 * Why a specifier floats, or undefined when it names one version (`1.2.3`, `npm:x@1.2.3`), a local
 * or workspace package, a tarball, a git commit or tag, or is not something this module can read.
 */
export function floatingSpecifier(specifier: string): FloatingSpecifier | undefined {
  const text = specifier.trim();
  const alias = ALIAS.exec(text);
  if (alias) {
    // `npm:klaviyo-api` alone means its latest version.
    if (alias[2] === undefined) return { kind: 'any', range: '', prefix: `${text}@` };
    return floatingRange(alias[2], text.slice(0, text.length - alias[2].length));
  }
  if (GIT.test(text) || HOSTED_GIT_URL.test(text) || (/^https?:/i.test(text) && /\.git(?:#|$)/i.test(text))) {
    const hash = text.indexOf('#');
    // Without a reference, a git dependency follows the default branch.
    if (hash < 0) return { kind: 'git', range: '', prefix: text };
    const reference = text.slice(hash + 1);
    if (!reference.startsWith('semver:')) return undefined;
    return floatingRange(reference.slice('semver:'.length), text.slice(0, hash + 1 + 'semver:'.length));
  }
  // `file:`, `link:`, `workspace:`, `catalog:`, `patch:`, tarball URLs: the version is decided elsewhere.
  if (PROTOCOL.test(text)) return undefined;
  return floatingRange(text, '');
}

function floatingRange(raw: string, prefix: string): FloatingSpecifier | undefined {
  const range = raw.trim();
  if (range === '' || range === '*' || range === 'x' || range === 'X') return { kind: 'any', range, prefix };
  if (EXACT.test(range)) return undefined;
  if (TAG.test(range) && !/^v\d/i.test(range) && !/^[xX](?:\.|$)/.test(range)) return { kind: 'tag', range, prefix };
  return parseRange(range) ? { kind: 'range', range, prefix } : undefined;
}

/**
 * The exact version a range starts at: `^23.0.0` → `23.0.0`, `~1.2` → `1.2.0`, `>=2 <4` → `2.0.0`.
 * Undefined without one lower bound (`*`, `<3`, `>1.2.3`, `^1 || ^2`).
 */
export function lowerBound(range: string): string | undefined {
  const sets = parseRange(range.trim());
  if (!sets || sets.length !== 1) return undefined;
  const lower = sets[0].find((comparator) => comparator.operator === '>=' || comparator.operator === '=');
  if (!lower) return undefined;
  const { triple, prerelease } = lower.version;
  return `${triple.join('.')}${prerelease.length > 0 ? `-${prerelease.join('.')}` : ''}`;
}

/** Does an exact version fall in a range? False for anything this module cannot read. */
export function satisfies(version: string, range: string): boolean {
  const parsed = parseVersion(version);
  const sets = parseRange(range.trim() === '' ? '*' : range.trim());
  if (!parsed || !sets) return false;
  return sets.some((set) => {
    if (!set.every((comparator) => test(parsed, comparator))) return false;
    // As npm: a prerelease only matches a range that names a prerelease of the same version.
    if (parsed.prerelease.length === 0) return true;
    return set.some(
      (comparator) => comparator.version.prerelease.length > 0 && compareTriples(comparator.version.triple, parsed.triple) === 0,
    );
  });
}

function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return { triple: [Number(match[1]), Number(match[2]), Number(match[3])], prerelease: match[4]?.split('.') ?? [] };
}

/** Each `||` alternative as a list of comparators that must all hold; undefined if unreadable. */
function parseRange(range: string): Comparator[][] | undefined {
  const sets: Comparator[][] = [];
  for (const alternative of range.split('||')) {
    const text = alternative.trim().replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    const parts = hyphen
      ? [desugar('>=', hyphen[1]), desugar('<=', hyphen[2])]
      : (text === '' ? ['*'] : text.split(/\s+/)).map((part) => desugar(undefined, part));
    if (parts.some((part) => part === undefined)) return undefined;
    sets.push(parts.flat() as Comparator[]);
  }
  return sets;
}

/** One written comparator (`^1.2`, `~1`, `1.x`, `>=2`) as plain comparators on full versions. */
function desugar(forced: '>=' | '<=' | undefined, text: string): Comparator[] | undefined {
  const match = PARTIAL.exec(text);
  if (!match) return undefined;
  const operator = forced ?? (match[1] ?? '');
  const wild = (part: string | undefined): boolean => part === undefined || /^[xX*]$/.test(part);
  if (wild(match[2])) return operator === '<' || operator === '>' ? undefined : [];
  const major = Number(match[2]);
  const minorWild = wild(match[3]);
  const patchWild = minorWild || wild(match[4]);
  const minor = minorWild ? 0 : Number(match[3]);
  const patch = patchWild ? 0 : Number(match[4]);
  const prerelease = match[5]?.split('.') ?? [];
  const at = (triple: Triple, pre: readonly string[] = []): Version => ({ triple, prerelease: pre });
  const from: Comparator = { operator: '>=', version: at([major, minor, patch], prerelease) };
  // The first version past the written prefix: `1.2` → 1.3.0, `1` → 2.0.0.
  const next = minorWild ? at([major + 1, 0, 0]) : at([major, minor + 1, 0]);
  switch (operator) {
    case '^': {
      const upper: Triple =
        major > 0 || minorWild ? [major + 1, 0, 0] : minor > 0 || patchWild ? [0, minor + 1, 0] : [0, 0, patch + 1];
      return [from, { operator: '<', version: at(upper) }];
    }
    case '~':
    case '~>':
      return [from, { operator: '<', version: minorWild ? at([major + 1, 0, 0]) : at([major, minor + 1, 0]) }];
    case '>=':
      return [from];
    case '>':
      return patchWild ? [{ operator: '>=', version: next }] : [{ operator: '>', version: from.version }];
    case '<':
      return [{ operator: '<', version: from.version }];
    case '<=':
      return patchWild ? [{ operator: '<', version: next }] : [{ operator: '<=', version: from.version }];
    default:
      return patchWild ? [from, { operator: '<', version: next }] : [{ operator: '=', version: from.version }];
  }
}

function test(version: Version, comparator: Comparator): boolean {
  const order = compare(version, comparator.version);
  switch (comparator.operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    default:
      return order === 0;
  }
}

function compareTriples(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function compare(a: Version, b: Version): number {
  const triples = compareTriples(a.triple, b.triple);
  if (triples !== 0) return triples;
  // A release sorts after its prereleases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (numeric) return Number(x) - Number(y);
    if (/^\d+$/.test(x)) return -1;
    if (/^\d+$/.test(y)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
