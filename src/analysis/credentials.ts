import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { credentialSpec } from '../sdk/index.js';
import type { CredentialKind, CredentialSpec } from '../sdk/types.js';
import { calleeName, isFunction, memberName, patternPath, staticName, unwrap, type FunctionNode } from './ast.js';
import { thisOwner } from './resolver.js';
import type { Construction, ResolvedField } from './sdk-calls.js';
import { staticString, variableOf } from './values.js';
import { BoundedMap } from '../util/bounded-map.js';

/**
 * Credential helpers shared by the credential rules: masking, literal shapes, placeholders, what
 * names say about a value, and where a credential's value is written (through `const` bindings,
 * config objects, fallbacks and local factories). The facts are data keyed by the model's
 * credential kinds; the rules only combine them.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

// ---------------------------------------------------------------------------------------------
// Vendors and labels

export type Vendor = 'customerio' | 'klaviyo' | 'segment' | 'posthog' | 'mixpanel' | 'amplitude';

/** Who issues each credential. Shapes and names are compared within one vendor's keys. */
export const VENDOR_OF: Readonly<Record<CredentialKind, Vendor>> = {
  'cio.siteId': 'customerio',
  'cio.trackApiKey': 'customerio',
  'cio.appApiKey': 'customerio',
  'cio.pipelinesWriteKey': 'customerio',
  'klaviyo.privateKey': 'klaviyo',
  'klaviyo.publicKey': 'klaviyo',
  'segment.writeKey': 'segment',
  'posthog.projectKey': 'posthog',
  'posthog.secretKey': 'posthog',
  'mixpanel.token': 'mixpanel',
  'mixpanel.apiSecret': 'mixpanel',
  'amplitude.apiKey': 'amplitude',
};

/** How messages name a vendor, and the name tokens that mean it (`CUSTOMERIO_…`, `cioKey`, `klaviyo.key`). */
export const VENDORS: Readonly<Record<Vendor, { name: string; tokens: readonly string[] }>> = {
  customerio: { name: 'Customer.io', tokens: ['customerio', 'cio'] },
  klaviyo: { name: 'Klaviyo', tokens: ['klaviyo'] },
  // Customer.io Data Pipelines is a Segment fork, and migrated code keeps `SEGMENT_WRITE_KEY`:
  // the name must not make a Pipelines write key look like another vendor's.
  segment: { name: 'Segment', tokens: [] },
  posthog: { name: 'PostHog', tokens: ['posthog'] },
  mixpanel: { name: 'Mixpanel', tokens: ['mixpanel'] },
  amplitude: { name: 'Amplitude', tokens: ['amplitude'] },
};

export const CREDENTIAL_KINDS = Object.keys(VENDOR_OF) as CredentialKind[];

/** "Customer.io Track API key". */
export function credentialLabel(kind: CredentialKind): string {
  return `${VENDORS[VENDOR_OF[kind]].name} ${credentialSpec(kind).label}`;
}

/** The labels of several kinds, preferring those of the vendor a slot belongs to. */
export function kindsLabel(kinds: readonly CredentialKind[], slot: CredentialKind): string {
  const same = kinds.filter((kind) => VENDOR_OF[kind] === VENDOR_OF[slot]);
  const shown = same.length > 0 ? same : kinds;
  const vendor = VENDOR_OF[shown[0]];
  return shown.every((kind) => VENDOR_OF[kind] === vendor)
    ? `${VENDORS[vendor].name} ${shown.map((kind) => credentialSpec(kind).label).join(' or ')}`
    : shown.map(credentialLabel).join(' or ');
}

// ---------------------------------------------------------------------------------------------
// Masking

/** Shows a few characters of a secret, never the whole: `'pk_a…9f'`, `'f8…99'`, `'A…'`. */
export function maskSecret(value: string): string {
  const prefix = /^[A-Za-z]{1,4}_(?=[A-Za-z0-9])/.exec(value)?.[0] ?? '';
  const rest = value.slice(prefix.length);
  if (rest.length < 4) return `'${prefix}…'`;
  if (rest.length < 8) return `'${prefix}${rest[0]}…'`;
  const head = prefix ? 1 : 2;
  return `'${prefix}${rest.slice(0, head)}…${rest.slice(-2)}'`;
}

/** Masks anything credential-like inside a piece of source text shown in a message. */
export function maskInText(text: string): string {
  return text.replace(/[A-Za-z0-9_]{16,}/g, (run) =>
    /\d/.test(run) && /[A-Za-z]/.test(run) ? maskSecret(run).slice(1, -1) : run,
  );
}

// ---------------------------------------------------------------------------------------------
// Literal shapes

/** Does a value have the shape the model gives for a credential? */
export function matchesShape(kind: CredentialKind, value: string): boolean {
  const shape = credentialSpec(kind).shape;
  return shape !== undefined && shape.test(value);
}

/** Every credential whose shape the value has. */
export function shapeKinds(value: string): CredentialKind[] {
  return CREDENTIAL_KINDS.filter((kind) => matchesShape(kind, value));
}

/** Does the value have the shape of any known credential? `shapeKinds(value).length > 0`, stopping at the first. */
export function hasCredentialShape(value: string): boolean {
  return CREDENTIAL_KINDS.some((kind) => matchesShape(kind, value));
}

/**
 * The credentials a value in a slot of `slot` looks like instead: only when the slot has a shape
 * the value lacks, and only among the same vendor's keys or shapes that identify themselves.
 */
export function confusedShapes(slot: CredentialKind, value: string): CredentialKind[] {
  if (!credentialSpec(slot).shape || matchesShape(slot, value)) return [];
  // The cheap tests first: only the candidates' shapes are tried.
  return CREDENTIAL_KINDS.filter(
    (kind) =>
      kind !== slot &&
      (VENDOR_OF[kind] === VENDOR_OF[slot] || credentialSpec(kind).distinctive === true) &&
      matchesShape(kind, value),
  );
}

export interface Scanner {
  kind: CredentialKind;
  /** Global, unanchored: finds the credential inside longer strings. */
  pattern: RegExp;
}

/** Credentials whose shape identifies them wherever they appear (Klaviyo's `pk_` keys). */
export const DISTINCTIVE: readonly Scanner[] = CREDENTIAL_KINDS.flatMap((kind) => {
  const spec = credentialSpec(kind);
  if (!spec.distinctive || !spec.shape) return [];
  const body = spec.shape.source.replace(/^\^/, '').replace(/\$$/, '');
  return [{ kind, pattern: new RegExp(`(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`, 'g') }];
});

/** One test of a file's text: could it hold a distinctive credential at all? */
export const DISTINCTIVE_NEEDLE: RegExp | undefined =
  DISTINCTIVE.length > 0 ? new RegExp(DISTINCTIVE.map((scanner) => scanner.pattern.source).join('|')) : undefined;

export interface Found {
  kind: CredentialKind;
  value: string;
  /** Offset in the searched text. */
  index: number;
}

export function findDistinctive(text: string): Found[] {
  const found: Found[] = [];
  for (const { kind, pattern } of DISTINCTIVE) {
    for (const match of text.matchAll(pattern)) found.push({ kind, value: match[0], index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------------
// Placeholders

/** Shorter values are not taken for keys, unless they have the exact shape of the slot's key. */
export const MIN_SECRET_LENGTH = 8;

const PLACEHOLDER_WORDS = new Set([
  'your', 'test', 'testing', 'dummy', 'fake', 'example', 'sample', 'placeholder', 'changeme', 'redacted',
  'todo', 'fixme', 'mock', 'mocked', 'demo', 'foo', 'bar', 'baz', 'insert', 'replace', 'here', 'none',
  'null', 'undefined', 'invalid', 'wrong', 'bad',
]);
/** Words that only describe a credential: `'my-api-key'`, `'site_id'`. */
const DESCRIPTIVE_WORDS = new Set([
  'my', 'the', 'a', 'an', 'api', 'key', 'keys', 'apikey', 'secret', 'token', 'id', 'site', 'siteid', 'write',
  'track', 'app', 'private', 'public', 'password', 'pass', 'value', 'string', 'env', 'cio', 'customerio',
  'klaviyo', 'company', 'auth', 'bearer', 'basic', 'some', 'real', 'prod', 'live', 'dev',
]);
const DUMMY_VALUES = new Set(['abc123', '123abc', 'abcdef', '123456', '1234567890', 'qwerty', 'asdf', 'asdfgh', 'letmein']);

/**
 * Is a value obviously not a real credential? Empty, templated (`'<key>'`, `'{{KEY}}'`), one or two
 * repeated characters, an environment variable's name, or made of placeholder words
 * (`'test-key'`, `'YOUR_API_KEY'`, `'changeme'`). A long value with the exact shape of a known key
 * is taken for real whatever letters it spells.
 */
export function isPlaceholder(value: string): boolean {
  // Both credential rules ask about the same values, and code bases repeat theirs.
  let answer = placeholderCache.get(value);
  if (answer === undefined) {
    answer = readPlaceholder(value);
    placeholderCache.set(value, answer);
  }
  return answer;
}

const placeholderCache = new BoundedMap<string, boolean>();

/** At most two distinct characters (`'xxxx'`, `'abab'`), counted without building a set. */
function atMostTwoCharacters(text: string): boolean {
  let first: string | undefined;
  let second: string | undefined;
  for (const char of text) {
    if (char === first || char === second) continue;
    if (first === undefined) first = char;
    else if (second === undefined) second = char;
    else return false;
  }
  return true;
}

function readPlaceholder(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  if (/^(?:<[^>]*>|\{\{?[^}]*\}\}?|\$\{[^}]*\}|%[^%]*%|\[[^\]]*\]|[*•.…-]+)$/.test(text)) return true;
  const body = text.replace(/^[A-Za-z]{1,4}_(?=[A-Za-z0-9])/, '').toLowerCase();
  if (atMostTwoCharacters(body)) return true;
  if (DUMMY_VALUES.has(text.toLowerCase())) return true;
  if (text.length >= 16 && CREDENTIAL_KINDS.some((kind) => matchesShape(kind, text))) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text)) return true;
  const words = tokenize(text);
  if (words.some((word) => PLACEHOLDER_WORDS.has(word) || /^x{3,}$/.test(word))) return true;
  return words.length > 0 && words.every((word) => DESCRIPTIVE_WORDS.has(word));
}

const allowNothing = (): boolean => false;

/** `allow` option entries: exact values, or `/pattern/flags`. A bad pattern is taken literally. */
export function allowMatcher(entries: readonly string[]): (value: string) => boolean {
  if (entries.length === 0) return allowNothing;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of entries) {
    const match = /^\/(.+)\/([a-z]*)$/.exec(entry);
    if (match) {
      try {
        patterns.push(new RegExp(match[1], match[2].replace(/[gy]/g, '')));
        continue;
      } catch {
        // not a valid pattern: an exact value
      }
    }
    exact.add(entry);
  }
  return (value) => exact.has(value) || patterns.some((pattern) => pattern.test(value));
}

// ---------------------------------------------------------------------------------------------
// Names

/** `CUSTOMERIO_APP_API_KEY` → customerio app api key; `cioAppKey` → cio app key; `siteID` → site id. */
export function tokenize(name: string): string[] {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  const raw = spaced
    .split(/[^A-Za-z0-9]+/)
    .filter((token) => token !== '')
    .map((token) => token.toLowerCase());
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 'customer' && raw[i + 1] === 'io') {
      tokens.push('customerio');
      i++;
    } else {
      tokens.push(raw[i]);
    }
  }
  return tokens;
}

/** Framework prefixes that expose a variable to the browser; they say nothing about the key (`REACT_APP_`). */
const ENV_PREFIXES: readonly (readonly string[])[] = [
  ['next', 'public'],
  ['expo', 'public'],
  ['nuxt', 'public'],
  ['nuxt', 'env'],
  ['react', 'app'],
  ['vue', 'app'],
  ['ng', 'app'],
  ['vite'],
  ['gatsby'],
  ['storybook'],
];

export interface NameHintSpec {
  /** Adjacent tokens inside one name segment. */
  tokens: readonly string[];
  /** The credentials a name with these tokens is meant to hold. */
  kinds: readonly CredentialKind[];
  /** Means a credential only next to a key word or a vendor (`appKey`, `cio.app`; not `app`). */
  weak?: boolean;
}

/** What names say. Generic words (`API_KEY`, `KEY`, `SECRET`, `TOKEN`) say nothing. */
export const NAME_HINTS: readonly NameHintSpec[] = [
  { tokens: ['transactional'], kinds: ['cio.appApiKey'] },
  { tokens: ['app'], kinds: ['cio.appApiKey'], weak: true },
  { tokens: ['track'], kinds: ['cio.trackApiKey'], weak: true },
  { tokens: ['tracking'], kinds: ['cio.trackApiKey'], weak: true },
  { tokens: ['site', 'id'], kinds: ['cio.siteId', 'klaviyo.publicKey'] },
  { tokens: ['siteid'], kinds: ['cio.siteId', 'klaviyo.publicKey'] },
  { tokens: ['write', 'key'], kinds: ['cio.pipelinesWriteKey'] },
  { tokens: ['writekey'], kinds: ['cio.pipelinesWriteKey'] },
  { tokens: ['cdp'], kinds: ['cio.pipelinesWriteKey'], weak: true },
  { tokens: ['pipelines'], kinds: ['cio.pipelinesWriteKey'], weak: true },
  { tokens: ['pipeline'], kinds: ['cio.pipelinesWriteKey'], weak: true },
  { tokens: ['public'], kinds: ['klaviyo.publicKey'], weak: true },
  { tokens: ['company', 'id'], kinds: ['klaviyo.publicKey'] },
];

/** Words that make a weak hint a credential name: `appKey`, `TRACK_TOKEN`. */
const KEY_WORDS = new Set(['key', 'keys', 'apikey', 'token', 'secret']);
/** Words a credential's name may carry besides its hint, without changing what it is. */
const NEUTRAL_WORDS = new Set([
  ...KEY_WORDS, 'api', 'id', 'site', 'write', 'company', 'credential', 'credentials', 'auth', 'bearer', 'basic',
  'password', 'pass', 'env', 'prod', 'production', 'dev', 'development', 'staging', 'stage', 'test', 'testing',
  'live', 'sandbox', 'us', 'eu', 'default', 'main', 'primary', 'secondary', 'value', 'raw', 'current', 'new', 'old',
  'my', 'server', 'backend', 'private', 'global', 'shared', 'workspace', 'account', 'client',
]);
const VENDOR_TOKENS = new Map<string, Vendor>(
  (Object.keys(VENDORS) as Vendor[]).flatMap((vendor) => VENDORS[vendor].tokens.map((token) => [token, vendor] as const)),
);
const HINT_TOKENS = new Set(NAME_HINTS.flatMap((hint) => hint.tokens));

function stripEnvPrefix(tokens: string[]): string[] {
  for (const prefix of ENV_PREFIXES) {
    if (tokens.length > prefix.length && prefix.every((token, i) => tokens[i] === token)) return tokens.slice(prefix.length);
  }
  return tokens;
}

function hasSequence(tokens: readonly string[], sequence: readonly string[]): boolean {
  for (let i = 0; i + sequence.length <= tokens.length; i++) {
    if (sequence.every((token, k) => tokens[i + k] === token)) return true;
  }
  return false;
}

type SegmentClass =
  | { type: 'hint'; kinds: CredentialKind[]; vendorOnly: boolean; vendorNamed: boolean }
  /** Only key words (`key`, `apiKey`): look at the segment before. */
  | { type: 'generic' }
  /** Anything else: stop, the name says nothing clear. */
  | { type: 'other' };

function vendorKindsOf(tokens: readonly string[]): Set<CredentialKind> {
  const kinds = new Set<CredentialKind>();
  for (const token of tokens) {
    const vendor = VENDOR_TOKENS.get(token);
    if (vendor) for (const kind of CREDENTIAL_KINDS) if (VENDOR_OF[kind] === vendor) kinds.add(kind);
  }
  return kinds;
}

function isVendorSegment(segment: string | undefined): boolean {
  if (segment === undefined) return false;
  const tokens = stripEnvPrefix(tokenize(segment));
  return tokens.some((token) => VENDOR_TOKENS.has(token)) && tokens.every((t) => VENDOR_TOKENS.has(t) || NEUTRAL_WORDS.has(t));
}

function classifySegment(segment: string, vendorBefore: boolean): SegmentClass {
  const tokens = stripEnvPrefix(tokenize(segment));
  if (tokens.length === 0) return { type: 'other' };
  if (!tokens.every((t) => VENDOR_TOKENS.has(t) || HINT_TOKENS.has(t) || NEUTRAL_WORDS.has(t) || /^v?\d+$/.test(t))) {
    return { type: 'other' };
  }
  const vendorKinds = vendorKindsOf(tokens);
  const companion = vendorBefore || vendorKinds.size > 0 || tokens.some((token) => KEY_WORDS.has(token));
  const hinted = new Set<CredentialKind>();
  let unsatisfied = false;
  for (const hint of NAME_HINTS) {
    if (!hasSequence(tokens, hint.tokens)) continue;
    if (hint.weak && !companion) {
      unsatisfied = true;
      continue;
    }
    for (const kind of hint.kinds) hinted.add(kind);
  }
  if (hinted.size > 0) {
    const kinds = vendorKinds.size > 0 ? [...hinted].filter((kind) => vendorKinds.has(kind)) : [...hinted];
    return kinds.length > 0
      ? { type: 'hint', kinds, vendorOnly: false, vendorNamed: vendorKinds.size > 0 || vendorBefore }
      : { type: 'other' };
  }
  if (unsatisfied) return { type: 'other' };
  if (vendorKinds.size > 0) return { type: 'hint', kinds: [...vendorKinds], vendorOnly: true, vendorNamed: true };
  return { type: 'generic' };
}

export interface NameHint {
  kinds: readonly CredentialKind[];
  /** Only a vendor is named (`cioKey`, `klaviyo.key`): good for telling vendors apart only. */
  vendorOnly: boolean;
  /** The name says whose key it is (`KLAVIYO_PUBLIC_KEY`, `cio.app`), not only what kind (`publicKey`). */
  vendorNamed: boolean;
  /** The segment that carries the hint. */
  segment: string;
}

/**
 * What a name made of segments (`config.cio.app`, `process.env.CUSTOMERIO_APP_API_KEY`) says the
 * value is. Walks from the last segment back over generic key words (`key`, `apiKey`) to the first
 * segment that carries a hint; stops at any other word. `undefined` segments are unknown parts.
 */
export function hintOfSegments(segments: readonly (string | undefined)[]): NameHint | undefined {
  // Names recur across a code base (`process.env.CIO_API_KEY`, `config.siteId`): read each once.
  const key = JSON.stringify(segments);
  if (hintCache.has(key)) return hintCache.get(key);
  const hint = readHint(segments);
  hintCache.set(key, hint);
  return hint;
}

const hintCache = new BoundedMap<string, NameHint | undefined>(10_000);

/** `hintOfSegments([name])` for a bare identifier, the most common name, keyed by the name itself. */
function hintOfName(name: string): NameHint | undefined {
  let hint = nameHintCache.get(name);
  if (hint === undefined && !nameHintCache.has(name)) {
    hint = readHint([name]);
    nameHintCache.set(name, hint);
  }
  return hint;
}

const nameHintCache = new BoundedMap<string, NameHint | undefined>(10_000);

function readHint(segments: readonly (string | undefined)[]): NameHint | undefined {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === undefined) return undefined;
    const result = classifySegment(segment, i > 0 && isVendorSegment(segments[i - 1]));
    if (result.type === 'generic') continue;
    if (result.type === 'other') return undefined;
    return { kinds: result.kinds, vendorOnly: result.vendorOnly, vendorNamed: result.vendorNamed, segment };
  }
  return undefined;
}

/** Does a name say it holds a credential at all, even a generic one (`apiKey`, `SECRET`, `siteId`)? */
export function namesCredential(segments: readonly (string | undefined)[]): boolean {
  const hint = hintOfSegments(segments);
  if (hint && !hint.vendorOnly) return true;
  const last = segments.at(-1);
  if (last === undefined) return false;
  const tokens = tokenize(last);
  return tokens.some((token) => KEY_WORDS.has(token)) || hasSequence(tokens, ['site', 'id']) || tokens.includes('siteid');
}

/** Calls that read a named setting: `configService.get('CIO_APP_KEY')`, `Deno.env.get('X')`, `required('X')`. */
const CONFIG_READERS =
  /^(?:get|getOrThrow|getString|require|required|requireEnv|env|getEnv|readEnv|mustEnv|mustGetEnv|getSecret|secret|getConfig|config)$/i;

/** The name segments of an expression; `undefined` marks a part that is not a name. */
export function segmentsOf(node: TSESTree.Node): (string | undefined)[] {
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return [target.name];
    case AST_NODE_TYPES.MemberExpression:
      return [...segmentsOf(target.object), memberName(target)];
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      const name = calleeName(target);
      const first = target.arguments[0];
      const key = first && literalText(first);
      if (name === undefined || !CONFIG_READERS.test(name) || key === undefined || !/^[\w.:-]+$/.test(key)) {
        return [undefined];
      }
      const head = callee.type === AST_NODE_TYPES.MemberExpression ? segmentsOf(callee.object) : [];
      return [...head, ...key.split(/[.:]/)];
    }
    default:
      return [undefined];
  }
}

function literalText(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

export interface NameEvidence extends NameHint {
  /** The expression whose name says it. */
  node: TSESTree.Node;
}

/** Methods that pass a string through unchanged: `process.env.X.trim()`. */
const PASS_THROUGH = new Set(['trim', 'toString', 'valueOf']);

/**
 * What the names feeding a value say it is: the identifier, member chain or setting read that
 * produces it, following local `const` bindings and destructuring, and both sides of fallbacks
 * and conditionals. Nearest first.
 */
export function nameEvidence(sourceCode: SourceCode, node: TSESTree.Node): NameEvidence[] {
  const found: NameEvidence[] = [];
  const seen = new Set<TSESTree.Node>();
  const addHint = (hint: NameHint | undefined, at: TSESTree.Node): boolean => {
    // Spelled out: V8 builds a spread followed by another property on its slow path.
    if (hint) {
      found.push({ kinds: hint.kinds, vendorOnly: hint.vendorOnly, vendorNamed: hint.vendorNamed, segment: hint.segment, node: at });
    }
    return hint !== undefined;
  };
  const add = (segments: readonly (string | undefined)[], at: TSESTree.Node): boolean =>
    addHint(hintOfSegments(segments), at);
  const visit = (current: TSESTree.Node, depth: number): void => {
    const target = unwrap(current);
    if (depth > 8 || seen.has(target)) return;
    seen.add(target);
    switch (target.type) {
      case AST_NODE_TYPES.LogicalExpression:
        if (target.operator !== '&&') visit(target.left, depth + 1);
        visit(target.right, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        visit(target.consequent, depth + 1);
        visit(target.alternate, depth + 1);
        return;
      case AST_NODE_TYPES.TemplateLiteral:
        if (target.expressions.length === 1 && target.quasis.every((quasi) => quasi.value.cooked === '')) {
          visit(target.expressions[0], depth + 1);
        }
        return;
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(target.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && target.arguments[0]) {
          visit(target.arguments[0], depth + 1);
          return;
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression && PASS_THROUGH.has(memberName(callee) ?? '')) {
          visit(callee.object, depth + 1);
          return;
        }
        add(segmentsOf(target), target);
        return;
      }
      case AST_NODE_TYPES.Identifier: {
        addHint(hintOfName(target.name), target);
        const binding = bindingOf(sourceCode, target);
        if (binding?.init && binding.path.length === 0) {
          visit(binding.init, depth + 1);
        } else if (binding?.init) {
          add([...segmentsOf(binding.init), ...binding.path], target);
        }
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const segments = segmentsOf(target);
        if (add(segments, target)) return;
        // `const cfg = config.cio; cfg.app`: read the root's own name chain.
        let root: TSESTree.Node = target;
        while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
        if (root.type !== AST_NODE_TYPES.Identifier) return;
        const binding = bindingOf(sourceCode, root);
        if (!binding?.init) return;
        add([...segmentsOf(binding.init), ...binding.path, ...segments.slice(1)], target);
        return;
      }
      default:
        return;
    }
  };
  visit(node, 0);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Bindings and objects

interface Binding {
  /** What the binding is initialised from (for destructuring, the destructured object). */
  init?: TSESTree.Expression;
  /** The keys from the destructured object to the binding: `const { cio: { app } } = config` → cio, app. */
  path: string[];
  /** A default value in the pattern: `const { KEY = 'x' } = process.env`, `function f(key = 'x')`. */
  defaultValue?: TSESTree.AssignmentPattern;
  kind: 'variable' | 'parameter';
  def: Scope.Definition;
}

/** `bindingOf` by identifier: the credential rules and helpers resolve the same names again and again. */
const bindingCache = new WeakMap<TSESTree.Identifier, Binding | null>();

/** The single definition a name has, when its value cannot change after it (at most one write). */
function bindingOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): Binding | undefined {
  let binding = bindingCache.get(identifier);
  if (binding === undefined) {
    binding = findBinding(sourceCode, identifier) ?? null;
    bindingCache.set(identifier, binding);
  }
  return binding ?? undefined;
}

function findBinding(sourceCode: SourceCode, identifier: TSESTree.Identifier): Binding | undefined {
  const variable = variableOf(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  const name = def.name as TSESTree.Node;
  // Written only where it is declared (its initialiser or default): it always holds that value.
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== name)) return undefined;
  const defaultValue =
    name.parent?.type === AST_NODE_TYPES.AssignmentPattern && name.parent.left === name ? name.parent : undefined;
  if (def.type === 'Variable') {
    const declarator = def.node;
    if (declarator.id === name) return { init: declarator.init ?? undefined, path: [], kind: 'variable', def };
    const path = patternPath(declarator.id, name);
    if (!path) return undefined;
    return { init: declarator.init ?? undefined, path, defaultValue, kind: 'variable', def };
  }
  if (def.type === 'Parameter') return { path: [], defaultValue, kind: 'parameter', def };
  return undefined;
}

/** The value of a property by name, last one winning; undefined after a later spread. */
function propertyValue(object: TSESTree.ObjectExpression, key: string, ignoreCase = false): TSESTree.Expression | undefined {
  let found: TSESTree.Property | undefined;
  const wanted = ignoreCase ? key.toLowerCase() : key;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      found = undefined;
      continue;
    }
    const name = staticName(property.key, property.computed);
    if (name !== undefined && (ignoreCase ? name.toLowerCase() : name) === wanted) found = property;
  }
  if (!found || found.value.type === AST_NODE_TYPES.AssignmentPattern) return undefined;
  return found.value as TSESTree.Expression;
}

/** The value of `this.name` in a class: its field initialiser. */
function classFieldValue(node: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const owner = thisOwner(node.object);
  const name = memberName(node);
  if (!owner || name === undefined) return undefined;
  if (owner.type === AST_NODE_TYPES.ObjectExpression) return propertyValue(owner, name);
  for (const element of owner.body.body) {
    if (
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      !element.static &&
      staticName(element.key, element.computed) === name &&
      element.value
    ) {
      return element.value;
    }
  }
  return undefined;
}

/** What a member expression reads, when it reads a property of an object literal in this file. */
function memberValue(sourceCode: SourceCode, node: TSESTree.MemberExpression, depth = 0): TSESTree.Expression | undefined {
  if (unwrap(node.object).type === AST_NODE_TYPES.ThisExpression) return classFieldValue(node);
  const name = memberName(node);
  const object = name === undefined ? undefined : objectOf(sourceCode, node.object, depth + 1);
  return object && name !== undefined ? propertyValue(object, name) : undefined;
}

/** The object literal an expression evaluates to, through `const` bindings and members. */
export function objectOf(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
  const target = unwrap(node);
  if (depth > 8) return undefined;
  switch (target.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return target;
    case AST_NODE_TYPES.Identifier: {
      const binding = bindingOf(sourceCode, target);
      if (!binding?.init) return undefined;
      let value: TSESTree.Node | undefined = binding.init;
      for (const key of binding.path) {
        const object: TSESTree.ObjectExpression | undefined = value && objectOf(sourceCode, value, depth + 1);
        value = object && propertyValue(object, key);
      }
      return value && objectOf(sourceCode, value, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const value = memberValue(sourceCode, target, depth);
      return value && objectOf(sourceCode, value, depth + 1);
    }
    case AST_NODE_TYPES.NewExpression: {
      // `new Headers({ ... })`
      const callee = unwrap(target.callee);
      const first = target.arguments[0];
      return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Headers' && first
        ? objectOf(sourceCode, first, depth + 1)
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The value at a key path inside an object an expression evaluates to. */
export function valueAtPath(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  path: readonly string[],
  ignoreCase = false,
): TSESTree.Expression | undefined {
  let value: TSESTree.Expression | undefined = node as TSESTree.Expression;
  for (const key of path) {
    const object: TSESTree.ObjectExpression | undefined = value && objectOf(sourceCode, value);
    value = object && propertyValue(object, key, ignoreCase);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Hard-coded values

/** How a literal reaches its slot: as the value, as a fallback (`env.X || '…'`), or in one branch. */
export type LiteralMode = 'direct' | 'fallback' | 'branch';

export interface LiteralSource {
  /** The literal, or the static expression (`'a' + 'b'`), that holds the value. */
  node: TSESTree.Node;
  value: string;
  mode: LiteralMode;
  /** For fallbacks: the expression to replace, and the part of it to keep. */
  drop?: { node: TSESTree.Node; keep: TSESTree.Node };
}

/**
 * The string values written in source that can reach a slot: literals, `const` bindings, config
 * objects, class fields, fallbacks (`||`, `??`, destructuring and parameter defaults) and branches.
 */
export function literalSources(sourceCode: SourceCode, node: TSESTree.Node): readonly LiteralSource[] {
  // Both credential rules read the sources of every credential slot.
  let found = sourcesCache.get(node);
  if (!found) {
    found = findLiteralSources(sourceCode, node);
    sourcesCache.set(node, found);
  }
  return found;
}

const sourcesCache = new WeakMap<TSESTree.Node, readonly LiteralSource[]>();

function findLiteralSources(sourceCode: SourceCode, node: TSESTree.Node): LiteralSource[] {
  const found: LiteralSource[] = [];
  const seen = new Set<TSESTree.Node>();
  const visit = (current: TSESTree.Node, mode: LiteralMode, drop: LiteralSource['drop'], depth: number): void => {
    const target = unwrap(current);
    if (depth > 8 || seen.has(target)) return;
    seen.add(target);
    switch (target.type) {
      case AST_NODE_TYPES.Literal:
        if (typeof target.value === 'string') found.push({ node: target, value: target.value, mode, drop });
        return;
      case AST_NODE_TYPES.LogicalExpression: {
        if (target.operator === '&&') {
          visit(target.right, mode === 'direct' ? 'branch' : mode, drop, depth + 1);
          return;
        }
        visit(target.left, mode, drop, depth + 1);
        // A static left side is always used (`'a' || 'b'`): the right one is dead code.
        if (staticString(sourceCode, target.left) === undefined) {
          visit(target.right, 'fallback', { node: target, keep: target.left }, depth + 1);
        }
        return;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        visit(target.consequent, mode === 'direct' ? 'branch' : mode, drop, depth + 1);
        visit(target.alternate, mode === 'direct' ? 'branch' : mode, drop, depth + 1);
        return;
      case AST_NODE_TYPES.Identifier: {
        const binding = bindingOf(sourceCode, target);
        if (!binding) return;
        if (binding.defaultValue) {
          visit(binding.defaultValue.right, 'fallback', { node: binding.defaultValue, keep: binding.defaultValue.left }, depth + 1);
        }
        if (binding.init) {
          const value = binding.path.length > 0 ? valueAtPath(sourceCode, binding.init, binding.path) : binding.init;
          if (value) visit(value, mode, drop, depth + 1);
        }
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const value = memberValue(sourceCode, target);
        if (value) visit(value, mode, drop, depth + 1);
        return;
      }
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression: {
        const value = staticString(sourceCode, target);
        if (value !== undefined) found.push({ node: target, value, mode, drop });
        return;
      }
      default:
        return;
    }
  };
  visit(node, 'direct', undefined, 0);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Where credentials are written

export interface CredentialSite {
  kind: CredentialKind;
  spec: CredentialSpec;
  /** The value as written: a constructor argument, or an argument of a local factory's call. */
  node: TSESTree.Expression;
  construction: Construction;
  field: ResolvedField;
  /** The call of a local factory (function, class constructor, static method) the value is passed to. */
  via?: TSESTree.CallExpression | TSESTree.NewExpression;
}

/**
 * Every credential value of every construction, publishable keys aside (they are meant to be seen,
 * and their clients check them server-side): the constructor's own arguments, and for a
 * construction inside a local factory (`function makeCio(siteId, key) { return new TrackClient(siteId, key) }`,
 * `class Cio { constructor(config) { this.cio = new TrackClient(config.siteId, config.key) } }`),
 * the arguments of each call of that factory in the file.
 */
export function credentialSites(sourceCode: SourceCode, constructions: readonly Construction[]): readonly CredentialSite[] {
  const cached = siteCache.get(constructions);
  if (cached) return cached;
  const sites = findCredentialSites(sourceCode, constructions);
  siteCache.set(constructions, sites);
  return sites;
}

/** The engine's constructions are one array per file: both credential rules share its sites. */
const siteCache = new WeakMap<readonly Construction[], readonly CredentialSite[]>();

function findCredentialSites(sourceCode: SourceCode, constructions: readonly Construction[]): CredentialSite[] {
  const sites: CredentialSite[] = [];
  for (const construction of constructions) {
    for (const field of construction.fields) {
      const kind = field.spec.credential;
      if (field.spec.role !== 'credential' || !kind) continue;
      const spec = credentialSpec(kind);
      if (spec.publishable) continue;
      // Every site has all the fields, `via` too: one shape, and no slow spread-then-add.
      sites.push({ kind, spec, node: field.node, construction, field, via: undefined });
      const parameter = parameterPath(sourceCode, field.node);
      if (!parameter) continue;
      for (const caller of callersOf(sourceCode, parameter.fn)) {
        const arg = caller.arguments[parameter.index];
        if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
        const node = parameter.path.length > 0 ? valueAtPath(sourceCode, arg, parameter.path) : arg;
        if (node) sites.push({ kind, spec, node, construction, field, via: caller });
      }
    }
  }
  return sites;
}

/** `key`, `config.cio.key` or a destructured `{ key }` read from a parameter of the enclosing function. */
function parameterPath(
  sourceCode: SourceCode,
  node: TSESTree.Node,
): { fn: FunctionNode; index: number; path: string[] } | undefined {
  let target = unwrap(node);
  const keys: string[] = [];
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    if (name === undefined) return undefined;
    keys.unshift(name);
    target = unwrap(target.object);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = bindingOf(sourceCode, target);
  if (binding?.kind !== 'parameter') return undefined;
  const fn = binding.def.node as TSESTree.Node;
  if (!isFunction(fn)) return undefined;
  const name = binding.def.name as TSESTree.Node;
  const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
  if (index < 0) return undefined;
  const param = fn.params[index];
  const path = patternPath(param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param, name);
  return path ? { fn, index, path: [...path, ...keys] } : undefined;
}

/** The calls of a local function, `new` of a local class, or calls of its static method. */
function callersOf(sourceCode: SourceCode, fn: FunctionNode): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  const parent = fn.parent;
  let declaration: TSESTree.Node | undefined;
  let binding: TSESTree.Identifier | undefined;
  let how: 'call' | 'new' = 'call';
  let method: string | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    declaration = fn;
    binding = fn.id;
  } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    declaration = parent;
    binding = parent.id;
  } else if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn) {
    const owner = parent.parent.parent;
    if (parent.kind === 'constructor') {
      how = 'new';
    } else if (parent.static && parent.kind === 'method') {
      method = staticName(parent.key, parent.computed);
      if (method === undefined) return [];
    } else {
      return [];
    }
    if (owner.type === AST_NODE_TYPES.ClassDeclaration && owner.id) {
      declaration = owner;
      binding = owner.id;
    } else if (
      owner.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      owner.parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      declaration = owner.parent;
      binding = owner.parent.id;
    }
  }
  if (!declaration || !binding) return [];
  const callers: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declaration)) {
    if (variable.name !== binding.name) continue;
    for (const reference of variable.references) {
      const identifier = reference.identifier as TSESTree.Node;
      let callee: TSESTree.Node = identifier;
      if (method !== undefined) {
        const member = identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || memberName(member) !== method) continue;
        callee = member;
      }
      const call = callee.parent;
      const wanted = how === 'new' ? AST_NODE_TYPES.NewExpression : AST_NODE_TYPES.CallExpression;
      if (
        (call?.type === AST_NODE_TYPES.NewExpression || call?.type === AST_NODE_TYPES.CallExpression) &&
        call.type === wanted &&
        call.callee === callee
      ) {
        callers.push(call);
      }
    }
  }
  return callers;
}

// ---------------------------------------------------------------------------------------------
// Fixes

/** TypeScript files get a non-null assertion on `process.env.X`, as the SDKs' types want a string. */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename) && !/\.d\.[cm]?tsx?$/.test(filename);
}

/** Where replacing a string literal with an expression keeps the code valid. */
export function isExpressionPosition(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node;
    case AST_NODE_TYPES.Property:
      return parent.value === node && !parent.shorthand && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.arguments.includes(node as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === node;
    case AST_NODE_TYPES.TemplateLiteral:
      return parent.expressions.includes(node as TSESTree.Expression);
    default:
      return false;
  }
}
