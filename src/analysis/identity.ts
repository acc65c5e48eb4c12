import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calleeName, memberChain, memberName, staticName, unwrap } from './ast.js';
import { singleValueOf, singleValueOfVariable, staticValue, variableOf } from './values.js';
import { BoundedMap } from '../util/bounded-map.js';

/**
 * Identity helpers shared by the identity rules: does an expression hold an email address, is it
 * a hash of one, is a phone literal in E.164, and which keys an attributes object literal really
 * sends. Everything is decided from the syntax of one file; a value that cannot be classified is
 * `unknown`, and rules stay silent on it.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

// ---------------------------------------------------------------------------------------------
// Names

/** `customerEmail` → `customer email`, `EMAIL_ADDRESS` → `email address`, `sha256Hex` → `sha256 hex`. */
export function nameTokens(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+/g) ?? []).map((token) => token.toLowerCase());
}

// Words that make a name a hash, digest or encryption of what follows (`hashedEmail`, `email_sha256`).
const HASH_WORD = /^(?:hash|hashed|hashes|sha[0-9]*|md5|digest|hmac|encrypt|encrypted|crypt|bcrypt|argon2|scrypt|pseudonymi[sz]e[ds]?|anonymi[sz]e[ds]?|obfuscated|masked)$/;
// Leading words that make a name a flag or an action about an email, not the address itself.
const NOT_A_VALUE = new Set(['is', 'has', 'should', 'can', 'did', 'needs', 'send', 'sends', 'validate', 'verify']);

/** The name says it holds a hash of something (`emailHash`, `hashed_email`, `sha256`). */
export function namesHashed(name: string): boolean {
  return nameKind(name) === 'hashed';
}

/** The name says it holds an email address: `email`, `userEmail`, `email_address`, `EMAIL`. */
export function namesEmail(name: string): boolean {
  return nameKind(name) === 'email';
}

/**
 * The same names come back in every call of every file: each is read once. Bounded, since an
 * editor's ESLint server lives for hours and sees ever new names.
 */
const nameKinds = new BoundedMap<string, 'hashed' | 'email' | 'other'>();

function nameKind(name: string): 'hashed' | 'email' | 'other' {
  let kind = nameKinds.get(name);
  if (kind === undefined) {
    kind = nameTokens(name).some((token) => HASH_WORD.test(token)) ? 'hashed' : readsAsEmail(name) ? 'email' : 'other';
    nameKinds.set(name, kind);
  }
  return kind;
}

function readsAsEmail(name: string): boolean {
  const tokens = nameTokens(name);
  if (tokens.length === 0 || NOT_A_VALUE.has(tokens[0]) || tokens.some((token) => HASH_WORD.test(token))) return false;
  const last = tokens[tokens.length - 1];
  if (last === 'email') return true;
  return tokens.length >= 2 && tokens[tokens.length - 2] === 'email' && (last === 'address' || last === 'addr');
}

// ---------------------------------------------------------------------------------------------
// Literal shapes

const EMAIL_ADDRESS = /^[^\s@"'`<>()]+@[^\s@"'`<>()]+\.[A-Za-z]{2,}$/;

/** `jane@example.com`. */
export function isEmailAddress(text: string): boolean {
  return EMAIL_ADDRESS.test(text);
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** `+15551234567`: a plus, a country code that does not start with 0, at most 15 digits in all. */
export function isE164(text: string): boolean {
  return E164.test(text);
}

/**
 * The E.164 form of a number written with a leading `+` and formatting (`+1 (555) 123-4567`,
 * `+44 (0)20 7946 0958`), when removing the formatting is all it takes. Undefined when the country
 * code is missing (it would have to be guessed) or anything but formatting is wrong.
 */
export function toE164(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('+')) return undefined;
  // `(0)` is the national trunk prefix, which E.164 leaves out.
  const digits = trimmed.replace(/\(0\)/g, '').replace(/[\s\u00a0\-\u2010-\u2015.()/]/g, '');
  return isE164(digits) ? digits : undefined;
}

// ---------------------------------------------------------------------------------------------
// Emails and hashes

export type IdentityValue =
  /** An email address: a literal, or a value whose name says so (`user.email`, a parameter `email`). */
  | { kind: 'email'; how: 'literal' | 'name'; node: TSESTree.Node }
  /** A hash or digest of something (`sha256(email)`, `createHash(…).update(email).digest('hex')`). */
  | { kind: 'hashed'; node: TSESTree.Node }
  | { kind: 'unknown' };

const UNKNOWN: IdentityValue = { kind: 'unknown' };

// Methods whose result is the same address, re-cased or trimmed.
const SAME_ADDRESS = new Set(['toLowerCase', 'toLocaleLowerCase', 'toUpperCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'normalize', 'toString']);
const MAX_DEPTH = 8;

/**
 * What an expression holds, as far as identity goes. Follows `const` bindings, renamed
 * destructuring (`const { email: id } = user`), re-casing (`email.toLowerCase()`), `String(…)`,
 * `await`, and a fallback whose primary value is an email (`user.email || ''`).
 */
export class IdentityClassifier {
  private readonly visiting = new Set<unknown>();
  private depth = 0;

  constructor(private readonly sourceCode: SourceCode) {}

  classify(node: TSESTree.Node): IdentityValue {
    if (this.depth >= MAX_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      return this.inner(unwrap(node));
    } finally {
      this.depth--;
    }
  }

  private inner(node: TSESTree.Node): IdentityValue {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return typeof node.value === 'string' && isEmailAddress(node.value.trim())
          ? { kind: 'email', how: 'literal', node }
          : UNKNOWN;
      case AST_NODE_TYPES.TemplateLiteral:
        return this.template(node);
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.named(memberName(node), node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      case AST_NODE_TYPES.AwaitExpression:
        return this.classify(node.argument);
      case AST_NODE_TYPES.LogicalExpression:
        // `user.email || ''`, `email ?? anonymousId`: the value is the email whenever there is one.
        return node.operator === '&&' ? UNKNOWN : this.emailOnly(this.classify(node.left));
      case AST_NODE_TYPES.ConditionalExpression: {
        const consequent = this.classify(node.consequent);
        const alternate = this.classify(node.alternate);
        return consequent.kind === alternate.kind ? consequent : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private emailOnly(value: IdentityValue): IdentityValue {
    return value.kind === 'email' ? value : UNKNOWN;
  }

  private named(name: string | undefined, node: TSESTree.Node): IdentityValue {
    if (name === undefined) return UNKNOWN;
    if (namesHashed(name)) return { kind: 'hashed', node };
    return namesEmail(name) ? { kind: 'email', how: 'name', node } : UNKNOWN;
  }

  private template(node: TSESTree.TemplateLiteral): IdentityValue {
    const quasis = node.quasis.map((quasi) => quasi.value.cooked ?? '');
    // `${email}` is the value itself.
    if (node.expressions.length === 1 && quasis.every((text) => text === '')) return this.classify(node.expressions[0]);
    // `${name}@example.com`: an address whose `@` and domain are written in the template.
    const text = quasis.join('x');
    return quasis.some((quasi) => quasi.includes('@')) && isEmailAddress(text.trim())
      ? { kind: 'email', how: 'literal', node }
      : UNKNOWN;
  }

  private identifier(node: TSESTree.Identifier): IdentityValue {
    const held = this.bound(node);
    // `const email = sha256(raw)`: what the value is beats what the name says.
    if (held.kind === 'hashed') return held;
    const named = this.named(node.name, node);
    return named.kind !== 'unknown' ? named : held;
  }

  /** What the binding an identifier reads holds, as far as this file shows. */
  private bound(node: TSESTree.Identifier): IdentityValue {
    const variable = variableOf(this.sourceCode, node);
    if (!variable || variable.defs.length !== 1 || this.visiting.has(variable)) return UNKNOWN;
    // `const { email: id } = user`, `function f({ email: id })`: the key read says what it is.
    const renamed = renamedKey(variable.defs[0]);
    if (renamed !== undefined) return this.named(renamed, node);
    const value = singleValueOfVariable(variable);
    if (!value) return UNKNOWN;
    this.visiting.add(variable);
    try {
      return this.classify(value);
    } finally {
      this.visiting.delete(variable);
    }
  }

  private call(node: TSESTree.CallExpression): IdentityValue {
    const callee = unwrap(node.callee);
    const name = calleeName(node);
    if (name === undefined) return UNKNOWN;
    // `sha256(email)`, `hashEmail(email)`, `createHash('sha256').update(email).digest('hex')`.
    if (namesHashed(name)) return { kind: 'hashed', node };
    if (callee.type === AST_NODE_TYPES.MemberExpression && SAME_ADDRESS.has(name)) {
      return this.emailOnly(this.classify(callee.object));
    }
    const first = node.arguments[0] as TSESTree.CallExpressionArgument | undefined;
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'String' &&
      node.arguments.length === 1 &&
      first?.type !== AST_NODE_TYPES.SpreadElement &&
      !variableOf(this.sourceCode, callee)?.defs.length
    ) {
      return this.emailOnly(this.classify(first!));
    }
    return UNKNOWN;
  }
}

/** The key a destructured binding reads when it is renamed (`{ email: id }`), else undefined. */
function renamedKey(def: Scope.Definition): string | undefined {
  if (def.type !== 'Variable' && def.type !== 'Parameter') return undefined;
  let current: TSESTree.Node = def.name;
  if (current.parent?.type === AST_NODE_TYPES.AssignmentPattern && current.parent.left === current) current = current.parent;
  const property = current.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== current || property.shorthand) return undefined;
  if (property.parent.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  return staticName(property.key, property.computed);
}

// ---------------------------------------------------------------------------------------------
// Attribute objects

export interface KnownObject {
  object: TSESTree.ObjectExpression;
  /** The binding the object was reached through (`attrs` in `identify(id, attrs)`). */
  binding?: TSESTree.Identifier;
}

/**
 * The object literal an argument is, written in place or held by a local binding that nothing
 * changes afterwards. A binding that is written through (`attrs.email = …`), reassigned, or handed
 * to any function other than an SDK call (`Object.assign(attrs, …)`, `addDefaults(attrs)`) has
 * unknown contents: undefined.
 */
export function knownObject(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  isSdkCall: (call: TSESTree.Node) => boolean,
): KnownObject | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return { object: target };
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(sourceCode, target);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite() || !onlyReads(reference.identifier, isSdkCall)) return undefined;
  }
  return { object: init, binding: target };
}

/** A use of an object binding that cannot change its keys. */
function onlyReads(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier, isSdkCall: (call: TSESTree.Node) => boolean): boolean {
  let node: TSESTree.Node = identifier;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    node = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return true;
      const user = parent.parent;
      // `attrs.email = …`, `attrs.count++`, `delete attrs.email`, `attrs.push(…)`.
      if (user.type === AST_NODE_TYPES.AssignmentExpression && user.left === parent) return false;
      if (user.type === AST_NODE_TYPES.UpdateExpression) return false;
      if (user.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'delete') return false;
      if (user.type === AST_NODE_TYPES.CallExpression && user.callee === parent) return false;
      // `attrs.nested.x = …` and other deeper writes are not tracked: treat any deeper chain as a write.
      return user.type !== AST_NODE_TYPES.MemberExpression;
    }
    case AST_NODE_TYPES.SpreadElement:
      return parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee !== node && (isSdkCall(parent) || readsOnly(parent.callee));
    case AST_NODE_TYPES.Property:
      // `{ traits: attrs }` handed on as a value: read, unless that object is then changed.
      return parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.NewExpression:
      return isSdkCall(parent);
    default:
      return false;
  }
}

// Functions that look at an object without changing its keys: logging, serialising, listing keys.
const READERS = /^(?:console\.[a-z]+|JSON\.stringify|Object\.(?:keys|values|entries|freeze|isFrozen)|[A-Za-z_$][\w$]*\.(?:debug|info|log|warn|error|trace))$/;

function readsOnly(callee: TSESTree.Node): boolean {
  const chain = memberChain(callee);
  return chain !== undefined && chain.length === 2 && READERS.test(chain.join('.'));
}

/**
 * The keys an object literal sends, with the property that sets each (a later duplicate wins).
 * `complete` is false when a spread or a computed key may add keys nobody can see.
 */
export function objectKeys(object: TSESTree.ObjectExpression): { keys: Map<string, TSESTree.Property>; complete: boolean } {
  const keys = new Map<string, TSESTree.Property>();
  let complete = true;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // A spread may override any key set before it.
      keys.clear();
      complete = false;
      continue;
    }
    const key = staticName(property.key, property.computed);
    if (key === undefined) {
      complete = false;
      continue;
    }
    keys.set(key, property);
  }
  return { keys, complete };
}

// ---------------------------------------------------------------------------------------------
// Phone literals

export interface PhoneValue {
  /** The static value: a string, or a number (which loses the `+`). */
  value: string | number;
  /** The literal that writes it, when one literal does (for a suggestion). */
  literal?: TSESTree.StringLiteral | TSESTree.NumberLiteral | TSESTree.TemplateLiteral;
  /** The literal is written elsewhere (a `const`), not in the call. */
  indirect: boolean;
}

/** The phone number a literal, or a constant resolving to one, holds; undefined for anything else. */
export function staticPhone(sourceCode: SourceCode, node: TSESTree.Node): PhoneValue | undefined {
  const target = unwrap(node);
  const found = staticValue(sourceCode, target);
  if (!found || (typeof found.value !== 'string' && typeof found.value !== 'number')) return undefined;
  let literalNode: TSESTree.Node = target;
  let indirect = false;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const value = singleValueOf(sourceCode, target);
    if (value) {
      literalNode = unwrap(value);
      indirect = true;
    }
  }
  const literal =
    (literalNode.type === AST_NODE_TYPES.Literal &&
      (typeof literalNode.value === 'string' || typeof literalNode.value === 'number')) ||
    (literalNode.type === AST_NODE_TYPES.TemplateLiteral && literalNode.expressions.length === 0)
      ? (literalNode as PhoneValue['literal'])
      : undefined;
  return { value: found.value, literal, indirect };
}
