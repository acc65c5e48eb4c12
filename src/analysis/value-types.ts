import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, memberName, unwrap, type FunctionNode } from './ast.js';
import { TimeClassifier } from './time-units.js';
import { calledFunction, returnedExpressions, singleValueOf, variableOf } from './values.js';

/**
 * The JSON type a value has once an SDK sends it, decided from its syntax (literals, operators,
 * well-known functions and methods, `const` bindings, declared types) or, for what the syntax
 * leaves open, from type information. Anything else is unknown (`undefined`): callers stay silent.
 */
export type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'object';

/** What each type is on the wire: a date object is serialised as an ISO string. */
export const WIRE_TYPE: Readonly<Record<ValueType, Exclude<ValueType, 'date'>>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'string',
  array: 'array',
  object: 'object',
};

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `null` or `undefined`: the attribute is cleared or left out, which is no type at all. */
const ABSENT = 'absent';
type Kind = ValueType | typeof ABSENT | undefined;

const GLOBAL_CALLS: Readonly<Record<string, ValueType>> = {
  String: 'string',
  Number: 'number',
  parseInt: 'number',
  parseFloat: 'number',
  Boolean: 'boolean',
  isNaN: 'boolean',
  isFinite: 'boolean',
  encodeURIComponent: 'string',
  encodeURI: 'string',
};

/** `Object.method(...)` of a global namespace. */
const STATIC_CALLS: Readonly<Record<string, Readonly<Record<string, ValueType>>>> = {
  Math: {},
  Date: { now: 'number', parse: 'number', UTC: 'number' },
  JSON: { stringify: 'string' },
  Number: { parseInt: 'number', parseFloat: 'number', isInteger: 'boolean', isFinite: 'boolean', isNaN: 'boolean', isSafeInteger: 'boolean' },
  Array: { isArray: 'boolean', from: 'array', of: 'array' },
  Object: { keys: 'array', values: 'array', entries: 'array' },
};

/** Methods whose result type does not depend on the receiver in practice. */
const METHODS: Readonly<Record<string, ValueType>> = {
  ...Object.fromEntries(
    [
      'toString', 'toFixed', 'toPrecision', 'toExponential', 'toISOString', 'toUTCString', 'toDateString',
      'toTimeString', 'toLocaleDateString', 'toLocaleTimeString', 'toLocaleString', 'toLowerCase', 'toUpperCase',
      'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'padStart', 'padEnd', 'charAt',
      'substring', 'substr', 'replace', 'replaceAll', 'repeat', 'normalize', 'join',
    ].map((name) => [name, 'string' as const]),
  ),
  ...Object.fromEntries(
    [
      'getTime', 'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds',
      'getMilliseconds', 'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours',
      'getTimezoneOffset', 'indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'charCodeAt', 'codePointAt',
      'localeCompare',
    ].map((name) => [name, 'number' as const]),
  ),
  ...Object.fromEntries(
    ['includes', 'startsWith', 'endsWith', 'some', 'every', 'has', 'test', 'hasOwnProperty', 'isBefore', 'isAfter', 'isSame']
      .map((name) => [name, 'boolean' as const]),
  ),
  ...Object.fromEntries(['split', 'map', 'filter', 'flat', 'flatMap', 'toSorted', 'toReversed'].map((name) => [name, 'array' as const])),
};

const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'instanceof', 'in']);
const MAX_DEPTH = 10;

/** Classifies the values of one file; results are remembered per node. */
export class ValueTypeClassifier {
  private readonly memo = new Map<TSESTree.Node, Kind>();
  private readonly inProgress = new Set<TSESTree.Node>();
  private depth = 0;
  private time: TimeClassifier | undefined;

  constructor(private readonly sourceCode: SourceCode) {}

  /** The wire-relevant type of a value, or undefined when the syntax does not say. */
  classify(node: TSESTree.Node): ValueType | undefined {
    const kind = this.kind(node);
    return kind === ABSENT ? undefined : kind;
  }

  /** A literal `null`/`undefined` (or a branch of one): no value to compare. */
  isAbsent(node: TSESTree.Node): boolean {
    return this.kind(node) === ABSENT;
  }

  private kind(node: TSESTree.Node): Kind {
    if (this.memo.has(node)) return this.memo.get(node);
    if (this.depth > MAX_DEPTH || this.inProgress.has(node)) return undefined;
    this.depth++;
    this.inProgress.add(node);
    let kind: Kind;
    try {
      kind = this.inner(node);
    } finally {
      this.depth--;
      this.inProgress.delete(node);
    }
    this.memo.set(node, kind);
    return kind;
  }

  private inner(node: TSESTree.Node): Kind {
    switch (node.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        // `x as number`, `x satisfies string`: the author states the type.
        return fromTypeNode(this.sourceCode, node.typeAnnotation) ?? this.kind(node.expression);
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.ChainExpression:
        return this.kind(node.expression);
      case AST_NODE_TYPES.Literal:
        return literalKind(node);
      case AST_NODE_TYPES.TemplateLiteral:
        return 'string';
      case AST_NODE_TYPES.ArrayExpression:
        return 'array';
      case AST_NODE_TYPES.ObjectExpression:
        return 'object';
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node);
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === '!') return 'boolean';
        if (node.operator === 'typeof') return 'string';
        if (node.operator === 'void') return ABSENT;
        return node.operator === 'delete' ? 'boolean' : 'number';
      case AST_NODE_TYPES.UpdateExpression:
        return 'number';
      case AST_NODE_TYPES.BinaryExpression:
        return this.binary(node);
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` is `a` when it is falsy: a `false`, `0` or `''` of another type.
        return node.operator === '&&' ? undefined : same([this.kind(node.left), this.kind(node.right)]);
      case AST_NODE_TYPES.ConditionalExpression:
        return same([this.kind(node.consequent), this.kind(node.alternate)]);
      case AST_NODE_TYPES.SequenceExpression:
        return this.kind(node.expressions[node.expressions.length - 1]);
      case AST_NODE_TYPES.NewExpression:
        return this.isGlobal(node.callee, 'Date') ? 'date' : this.timeKind(node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      default:
        return undefined;
    }
  }

  private identifier(node: TSESTree.Identifier): Kind {
    const variable = variableOf(this.sourceCode, node);
    if (!variable || variable.defs.length === 0) return node.name === 'undefined' ? ABSENT : undefined;
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    const name = def.name as TSESTree.Node;
    if (name.type === AST_NODE_TYPES.Identifier && name.typeAnnotation) {
      const declared = fromTypeNode(this.sourceCode, name.typeAnnotation.typeAnnotation);
      if (declared) return declared;
    }
    if (def.type !== 'Variable') return undefined;
    const value = singleValueOf(this.sourceCode, node);
    return value ? this.kind(value) : undefined;
  }

  private member(node: TSESTree.MemberExpression): Kind {
    const name = memberName(node);
    if (name === 'length' && !node.computed) return 'number';
    const object = unwrap(node.object);
    if (name !== undefined && object.type === AST_NODE_TYPES.Identifier) {
      const def = variableOf(this.sourceCode, object)?.defs[0];
      // A member of a local enum: its initialiser, or a number when it has none.
      if (def?.type === 'TSEnumName' && def.node.type === AST_NODE_TYPES.TSEnumDeclaration) {
        const members = def.node.body?.members ?? (def.node as unknown as { members: TSESTree.TSEnumMember[] }).members;
        const member = members.find((m) => m.id.type === AST_NODE_TYPES.Identifier ? m.id.name === name : m.id.value === name);
        if (!member) return undefined;
        return member.initializer ? this.kind(member.initializer) : 'number';
      }
      // A property of a local object constant.
      const value = singleValueOf(this.sourceCode, object);
      const target = value && unwrap(value);
      if (target?.type === AST_NODE_TYPES.ObjectExpression) {
        const property = findProperty(target, name);
        if (property && property.kind === 'init' && !property.method && property.value.type !== AST_NODE_TYPES.AssignmentPattern) {
          return this.kind(property.value);
        }
        return undefined;
      }
    }
    return this.timeKind(node);
  }

  private binary(node: TSESTree.BinaryExpression): Kind {
    if (COMPARISONS.has(node.operator)) return 'boolean';
    if (node.operator !== '+') return 'number';
    const left = this.kind(node.left);
    const right = this.kind(node.right);
    if (left === 'string' || right === 'string' || left === 'date' || right === 'date') return 'string';
    return left === 'number' && right === 'number' ? 'number' : undefined;
  }

  private call(node: TSESTree.CallExpression): Kind {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && this.isGlobal(callee, callee.name) && callee.name in GLOBAL_CALLS) {
      return GLOBAL_CALLS[callee.name];
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      const object = unwrap(callee.object);
      if (name !== undefined && object.type === AST_NODE_TYPES.Identifier && this.isGlobal(object, object.name)) {
        if (object.name === 'Math') return 'number';
        const known = STATIC_CALLS[object.name]?.[name];
        if (known) return known;
      }
      if (name !== undefined && Object.hasOwn(METHODS, name)) return METHODS[name];
      // On an object of unknown kind, `valueOf()` says nothing.
      if (name === 'valueOf') return undefined;
    }
    const fn = calledFunction(this.sourceCode, node.callee);
    if (fn) return this.returns(fn);
    return this.timeKind(node);
  }

  /** What a local function returns: its declared return type, or the type all its returns agree on. */
  private returns(fn: FunctionNode): Kind {
    if (fn.async || fn.generator) return undefined;
    if (fn.returnType) return fromTypeNode(this.sourceCode, fn.returnType.typeAnnotation);
    const results = returnedExpressions(fn);
    return results.length > 0 ? same(results.map((result) => this.kind(result))) : undefined;
  }

  /** Dates and timestamps the timestamp classifier recognises (`dayjs()`, `Math.floor(ms / 1000)`). */
  private timeKind(node: TSESTree.Node): Kind {
    this.time ??= new TimeClassifier(this.sourceCode);
    switch (this.time.classify(node).kind) {
      case 'millis':
      case 'seconds':
      case 'fractionalSeconds':
        return 'number';
      case 'date':
        return 'date';
      case 'dateString':
      case 'numericString':
        return 'string';
      default:
        return undefined;
    }
  }

  private isGlobal(node: TSESTree.Node, name: string): boolean {
    const target = unwrap(node);
    if (target.type !== AST_NODE_TYPES.Identifier || target.name !== name) return false;
    const variable = variableOf(this.sourceCode, target);
    return !variable || variable.defs.length === 0;
  }
}

function literalKind(node: TSESTree.Literal): Kind {
  if ('regex' in node && node.regex) return undefined;
  if ('bigint' in node && node.bigint !== undefined) return undefined;
  switch (typeof node.value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isFinite(node.value) ? 'number' : undefined;
    case 'boolean':
      return 'boolean';
    default:
      return node.value === null ? ABSENT : undefined;
  }
}

/** The one type of several values, ignoring absent ones; undefined when they differ or one is unknown. */
function same(kinds: readonly Kind[]): Kind {
  const present = kinds.filter((kind) => kind !== ABSENT);
  if (present.length === 0) return kinds.length > 0 ? ABSENT : undefined;
  const [first] = present;
  if (first === undefined) return undefined;
  return present.every((kind) => kind !== undefined && WIRE_TYPE[kind] === WIRE_TYPE[first]) ? first : undefined;
}

/** A type annotation that names one JSON type: `string`, `'a' | 'b'`, `number[]`, `Date`, a local alias or enum. */
export function fromTypeNode(sourceCode: SourceCode, type: TSESTree.TypeNode | undefined, depth = 0): ValueType | undefined {
  if (!type || depth > 4) return undefined;
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSTemplateLiteralType:
      return 'string';
    case AST_NODE_TYPES.TSNumberKeyword:
      return 'number';
    case AST_NODE_TYPES.TSBooleanKeyword:
      return 'boolean';
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
      return 'array';
    case AST_NODE_TYPES.TSLiteralType: {
      const literal = type.literal;
      if (literal.type === AST_NODE_TYPES.TemplateLiteral) return 'string';
      if (literal.type === AST_NODE_TYPES.UnaryExpression) return 'number';
      const kind = literalKind(literal);
      return kind === ABSENT ? undefined : kind;
    }
    case AST_NODE_TYPES.TSUnionType: {
      const members = type.types.filter(
        (member) => member.type !== AST_NODE_TYPES.TSNullKeyword && member.type !== AST_NODE_TYPES.TSUndefinedKeyword,
      );
      const kinds = members.map((member) => fromTypeNode(sourceCode, member, depth + 1));
      const kind = same(kinds);
      return kind === ABSENT ? undefined : kind;
    }
    case AST_NODE_TYPES.TSTypeReference:
      return fromTypeReference(sourceCode, type, depth);
    default:
      return undefined;
  }
}

function fromTypeReference(sourceCode: SourceCode, type: TSESTree.TSTypeReference, depth: number): ValueType | undefined {
  if (type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(sourceCode, type.typeName);
  const def = variable?.defs[0];
  if (!def) {
    const name = type.typeName.name;
    if (name === 'Date') return 'date';
    return name === 'Array' || name === 'ReadonlyArray' ? 'array' : undefined;
  }
  if (def.type === 'Type' && def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration) {
    return fromTypeNode(sourceCode, def.node.typeAnnotation, depth + 1);
  }
  if (def.type === 'TSEnumName' && def.node.type === AST_NODE_TYPES.TSEnumDeclaration) {
    const members = def.node.body?.members ?? (def.node as unknown as { members: TSESTree.TSEnumMember[] }).members;
    const kinds = members.map((member): Kind => {
      const init = member.initializer;
      if (!init) return 'number';
      if (init.type === AST_NODE_TYPES.Literal) return literalKind(init);
      return init.type === AST_NODE_TYPES.TemplateLiteral ? 'string' : undefined;
    });
    const kind = same(kinds);
    return kind === ABSENT ? undefined : kind;
  }
  return undefined;
}

/**
 * From type information: the declared type of a value, when every member of it (after removing
 * `null` and `undefined`) has the same JSON type. Returns undefined without a type checker.
 */
export function typedValueType(sourceCode: SourceCode, node: TSESTree.Node): ValueType | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  try {
    const tsNode = map.get(node as never);
    if (!tsNode) return undefined;
    const checker = program.getTypeChecker();
    const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
    const stringType = checker.getStringType();
    const numberType = checker.getNumberType();
    const memberType = (member: typeof type): ValueType | undefined => {
      if (member === stringType || member.isStringLiteral()) return 'string';
      if (member === numberType || member.isNumberLiteral()) return 'number';
      const text = checker.typeToString(member);
      if (text === 'boolean' || text === 'true' || text === 'false') return 'boolean';
      if (checker.isArrayType(member) || checker.isTupleType(member)) return 'array';
      const symbol = member.getSymbol();
      const declaration = symbol?.declarations?.[0];
      if (symbol?.getName() === 'Date' && declaration && program.isSourceFileDefaultLibrary(declaration.getSourceFile())) {
        return 'date';
      }
      return undefined;
    };
    const members = type.isUnion() ? type.types : [type];
    const kinds = members.map(memberType);
    const kind = same(kinds);
    return kind === ABSENT ? undefined : kind;
  } catch {
    return undefined;
  }
}
