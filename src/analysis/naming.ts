import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { staticValue } from './values.js';

/**
 * Naming conventions for event names: splitting a name into words, checking it against a
 * convention, converting it, and finding the closest name of a list (a tracking plan).
 */

export type Convention = 'snake_case' | 'camelCase' | 'PascalCase' | 'kebab-case' | 'Title Case' | 'Object Action';

export const CONVENTIONS: readonly Convention[] = [
  'snake_case',
  'camelCase',
  'PascalCase',
  'kebab-case',
  'Title Case',
  'Object Action',
];

/** How a message shows each convention: its name and an example. */
export const CONVENTION_EXAMPLES: Readonly<Record<Convention, string>> = {
  snake_case: 'order_completed',
  camelCase: 'orderCompleted',
  PascalCase: 'OrderCompleted',
  'kebab-case': 'order-completed',
  'Title Case': 'Order Completed',
  'Object Action': 'Order Completed',
};

// Lower-case letters and digits, upper-case letters: any script, not only ASCII.
const LOWER = String.raw`[\p{Ll}\p{Lo}\p{Nd}]`;
const UPPER = String.raw`[\p{Lu}\p{Lt}]`;
const WORD_START = String.raw`[\p{Lu}\p{Lt}\p{Lo}\p{Nd}]`;

/** Short words that stay lower case inside a Title Case name: `Product Added to Wishlist`. */
const CONNECTORS = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with',
  'into', 'onto', 'via', 'per', 'as', 'vs',
]);

const PATTERNS: Readonly<Record<Exclude<Convention, 'Title Case' | 'Object Action'>, RegExp>> = {
  snake_case: new RegExp(`^${LOWER}+(?:_${LOWER}+)*$`, 'u'),
  'kebab-case': new RegExp(`^${LOWER}+(?:-${LOWER}+)*$`, 'u'),
  camelCase: new RegExp(`^[\\p{Ll}\\p{Lo}]${LOWER}*(?:${UPPER}${LOWER}*)*$`, 'u'),
  PascalCase: new RegExp(`^${UPPER}${LOWER}*(?:${UPPER}${LOWER}*)*$`, 'u'),
};

// One Title Case word: a capital (or a digit) first, then letters and digits of any case (`SMS`),
// or a brand that starts lower case before a capital (`iOS`, `eBay`).
const TITLE_WORD = new RegExp(`^(?:${WORD_START}|\\p{Ll}\\p{Lu})[\\p{L}\\p{Nd}]*$`, 'u');

/**
 * Past participles that do not end in `-ed`: the action of an Object Action name
 * (`Message Sent`, `Invoice Paid`, `Video Shown`).
 */
const IRREGULAR_PARTICIPLES = new Set([
  'begun', 'bought', 'brought', 'built', 'caught', 'chosen', 'cut', 'dealt', 'done', 'drawn', 'driven', 'eaten',
  'fallen', 'felt', 'found', 'forgotten', 'frozen', 'given', 'gone', 'got', 'gotten', 'grown', 'heard', 'held',
  'hidden', 'hit', 'kept', 'known', 'laid', 'led', 'left', 'lent', 'let', 'lost', 'made', 'meant', 'met', 'paid',
  'put', 'quit', 'read', 'rebuilt', 'redone', 'reset', 'resent', 'rewritten', 'ridden', 'run', 'rung', 'said',
  'seen', 'sent', 'set', 'shown', 'shut', 'sold', 'spent', 'split', 'spun', 'stolen', 'struck', 'sung', 'sworn',
  'taken', 'taught', 'thrown', 'told', 'torn', 'understood', 'undone', 'upheld', 'won', 'withdrawn', 'woken',
  'worn', 'written', 'broken', 'overridden', 'upset', 'bound', 'forbidden', 'forgiven',
]);

/** Particles that complete a phrasal action whose object is implied: `Signed Up`, `Logged In`, `Opted Out`. */
const PARTICLES = new Set(['up', 'in', 'out', 'off', 'on', 'down', 'back', 'over', 'away']);

/** The words of a name, whatever its convention: `orderCompleted`, `Order Completed` → `order`, `completed`. */
export function words(name: string): string[] {
  return name
    .replace(/(\p{Ll}|\p{Nd})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function isPastParticiple(word: string): boolean {
  const lower = word.toLowerCase();
  return (lower.length > 3 && lower.endsWith('ed')) || IRREGULAR_PARTICIPLES.has(lower);
}

/** Title Case words separated by single spaces; connectors may stay lower case after the first word. */
function titleWords(name: string): string[] | undefined {
  const parts = name.split(' ');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (TITLE_WORD.test(part)) continue;
    if (i > 0 && CONNECTORS.has(part)) continue;
    return undefined;
  }
  return parts;
}

/**
 * Object Action (Segment's naming framework): an object, then the past-tense action done to it,
 * in Title Case: `Order Completed`, `Product Added to Wishlist`.
 */
function isObjectAction(name: string): boolean {
  const parts = titleWords(name);
  if (!parts || parts.length < 2) return false;
  const last = parts.length - 1;
  // Segment's own specs name some events by a phrasal action alone: `Signed Up`, `Signed Out`.
  if (PARTICLES.has(parts[last].toLowerCase()) && isPastParticiple(parts[last - 1])) return true;
  const connector = parts.findIndex((part, i) => i > 0 && CONNECTORS.has(part));
  const action = connector < 0 ? last : connector - 1;
  return action >= 1 && isPastParticiple(parts[action]);
}

/** Does the name follow the convention? */
export function follows(name: string, convention: Convention): boolean {
  switch (convention) {
    case 'Title Case':
      return titleWords(name) !== undefined;
    case 'Object Action':
      return isObjectAction(name);
    default:
      return PATTERNS[convention].test(name);
  }
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The name rewritten in the convention, keeping its words; undefined when the result would still
 * not follow it (an Object Action name needs its words in a different order, which only a person
 * can choose).
 */
export function convert(name: string, convention: Convention): string | undefined {
  const parts = words(name);
  if (parts.length === 0) return undefined;
  let converted: string;
  switch (convention) {
    case 'snake_case':
      converted = parts.join('_');
      break;
    case 'kebab-case':
      converted = parts.join('-');
      break;
    case 'camelCase':
      converted = parts[0] + parts.slice(1).map(capitalise).join('');
      break;
    case 'PascalCase':
      converted = parts.map(capitalise).join('');
      break;
    default:
      converted = parts.map((part, i) => (i > 0 && CONNECTORS.has(part) ? part : capitalise(part))).join(' ');
      break;
  }
  return follows(converted, convention) ? converted : undefined;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The one name of `candidates` clearly closest to `name`: the same words in another style, or the
 * only one within a few edits (about one per four characters, at most three) with no other as close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const key = words(name).join(' ');
  if (key.length === 0) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 4)));
  const sameWords: string[] = [];
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const candidateKey = words(candidate).join(' ');
    if (candidateKey === key) {
      sameWords.push(candidate);
      continue;
    }
    const distance = editDistance(key, candidateKey, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && distance <= limit) {
      tie = true;
    }
  }
  if (sameWords.length > 0) return sameWords.length === 1 ? sameWords[0] : undefined;
  return best !== undefined && !tie ? best : undefined;
}

// ---------------------------------------------------------------------------------------------
// Static values of event names

/** Several rules evaluate every event name: each node is evaluated once (entries go with the tree). */
const staticValues = new WeakMap<TSESTree.Node, { value: unknown } | null>();

/** The static value of an expression (`staticValue`), remembered per node. */
export function memoStaticValue(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): { value: unknown } | undefined {
  let found = staticValues.get(node);
  if (found === undefined) {
    found = staticValue(sourceCode, node) ?? null;
    staticValues.set(node, found);
  }
  return found ?? undefined;
}

/** The string an event-name expression statically evaluates to (`staticString`), remembered per node. */
export function staticEventName(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  const found = memoStaticValue(sourceCode, node);
  return typeof found?.value === 'string' ? found.value : undefined;
}
