import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { findProperty, isFunction, memberName, staticName, unwrap, type FunctionNode } from './ast.js';
import { returnedExpressions, singleValueOfVariable, staticValue, variableOf } from './values.js';

/**
 * What a timestamp expression holds, decided from its syntax: `Date.now()` is milliseconds,
 * `Math.floor(ms / 1000)` is whole seconds, `d.toISOString()` is an ISO string. Anything the
 * classifier does not recognise is `unknown`, and callers stay silent on it.
 */
export type TimeKind =
  /** Milliseconds since the epoch. */
  | 'millis'
  /** Whole seconds since the epoch. */
  | 'seconds'
  /** Seconds since the epoch with a fraction (`ms / 1000` not rounded). */
  | 'fractionalSeconds'
  /** A date object (`Date`, Day.js, Moment, Luxon `DateTime`). */
  | 'date'
  /** A string that holds a formatted date (`toISOString()`, an ISO literal, `format()`). */
  | 'dateString'
  /** A value typed `string` (only from type information): its format is not known. */
  | 'string'
  /** Digits of a number turned into a string (`String(seconds)`, `ms.toString()`). */
  | 'numericString'
  /** `null` or `undefined`: no value. */
  | 'absent'
  | 'unknown';

/** The library a date object belongs to: it decides how to convert it. */
export type DateLib = 'native' | 'dayjs' | 'moment' | 'luxon';

export interface TimeValue {
  kind: TimeKind;
  /**
   * Written in place as an unambiguous millisecond expression: `Date.now()`, `x.getTime()`,
   * `+new Date()` or a 13-digit literal. Safe to rewrite as `Math.floor(<expr> / 1000)`.
   */
  certain: boolean;
  /** Reached through a binding, an object property or a local helper's return value. */
  indirect: boolean;
  /** Some branch of a conditional (or a helper's return) is `null`/`undefined`. */
  partial: boolean;
  /** For strings: known to be ISO-8601. */
  iso: boolean;
  /** For `date`: which library's object. */
  lib?: DateLib;
  /** For values a method computed from a date object (`d.toISOString()`): that object. */
  source?: { node: TSESTree.Expression; lib?: DateLib };
  /** For `numericString`: the unit of the number inside. */
  digitsOf?: 'millis' | 'seconds' | 'fractionalSeconds';
  /** For literals: the static value. */
  literal?: number | string;
}

type SourceCode = Readonly<TSESLint.SourceCode>;

const base = { certain: false, indirect: false, partial: false, iso: false };
const UNKNOWN: TimeValue = { kind: 'unknown', ...base };
const ABSENT: TimeValue = { kind: 'absent', ...base };
const make = (kind: TimeKind, extra: Partial<TimeValue> = {}): TimeValue => ({ kind, ...base, ...extra });

/** Number kinds that arithmetic keeps. */
const NUMERIC = new Set<TimeKind>(['millis', 'seconds', 'fractionalSeconds']);

/** Integers of 13 digits are milliseconds in 2001-2286, of 10 digits seconds in the same span. */
export function classifyNumber(value: number): TimeKind {
  if (!Number.isFinite(value)) return 'unknown';
  if (value >= 1e12 && value < 1e13) return Number.isInteger(value) ? 'millis' : 'unknown';
  if (value >= 1e9 && value < 1e10) return Number.isInteger(value) ? 'seconds' : 'fractionalSeconds';
  return 'unknown';
}

/** `2024-01-01`, `2024-01-01T10:00`, `2024-01-01T10:00:00.000Z`, `2024-01-01 10:00:00+02:00`. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function isIsoDateString(text: string): boolean {
  return ISO_DATE.test(text);
}

/**
 * The whole seconds an ISO string stands for, when it parses the same everywhere: a date alone
 * (UTC by definition) or a date-time with an explicit zone. Local date-times depend on the machine.
 */
export function isoToUnixSeconds(text: string): number | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const dateOnly = text.length === 10;
  const zoned = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(text.slice(10));
  if (!dateOnly && !zoned) return undefined;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

// ---- What date libraries return, by method name. Facts about date libraries, not about SDKs. ----

/** Methods that return milliseconds on any receiver (`getTime` is `Date`'s, `toMillis` Luxon's). */
const MILLIS_METHODS = new Set(['getTime', 'toMillis']);
/** `Date` setters return the new time in milliseconds. */
const NATIVE_SETTERS = /^set(?:UTC)?(?:FullYear|Month|Date|Hours|Minutes|Seconds|Milliseconds|Time)$/;
/** Whole seconds: Day.js / Moment `unix()`, Luxon `toUnixInteger()`. */
const SECONDS_METHODS = new Set(['unix', 'toUnixInteger']);
/** Method names that return a date string whatever the receiver is. */
const DATE_STRING_METHODS: ReadonlyMap<string, { iso: boolean; lib?: DateLib }> = new Map([
  ['toISOString', { iso: true }],
  ['toISO', { iso: true, lib: 'luxon' }],
  ['toISODate', { iso: true, lib: 'luxon' }],
  ['toUTCString', { iso: false, lib: 'native' }],
  ['toGMTString', { iso: false, lib: 'native' }],
  ['toDateString', { iso: false, lib: 'native' }],
  ['toTimeString', { iso: false, lib: 'native' }],
  ['toLocaleDateString', { iso: false, lib: 'native' }],
  ['toLocaleTimeString', { iso: false, lib: 'native' }],
  ['toFormat', { iso: false, lib: 'luxon' }],
  ['toRFC2822', { iso: false, lib: 'luxon' }],
  ['toHTTP', { iso: false, lib: 'luxon' }],
]);
/** Method names that turn a date object into a string only when the receiver is a known date. */
const DATE_OBJECT_STRING_METHODS = new Set(['toJSON', 'toString', 'toLocaleString', 'format']);
/** Methods returning a native `Date`: Day.js / Moment / Firestore `toDate()`, Luxon `toJSDate()`. */
const NATIVE_DATE_METHODS = new Set(['toDate', 'toJSDate']);
/** Methods of a date-library object that return another object of the same library. */
const CHAIN_METHODS: Readonly<Record<Exclude<DateLib, 'native'>, ReadonlySet<string>>> = {
  dayjs: new Set(['add', 'subtract', 'startOf', 'endOf', 'utc', 'local', 'tz', 'clone', 'set', 'utcOffset']),
  moment: new Set(['add', 'subtract', 'startOf', 'endOf', 'utc', 'local', 'tz', 'clone', 'set', 'utcOffset']),
  luxon: new Set(['plus', 'minus', 'startOf', 'endOf', 'set', 'setZone', 'toUTC', 'toLocal', 'setLocale', 'reconfigure']),
};
/** Static factories of the date libraries: `dayjs.utc()`, `moment.unix(s)`, `DateTime.fromISO(s)`. */
const LIB_FACTORIES: Readonly<Record<Exclude<DateLib, 'native'>, ReadonlySet<string>>> = {
  dayjs: new Set(['utc', 'unix', 'tz']),
  moment: new Set(['utc', 'unix', 'tz', 'parseZone']),
  luxon: new Set([
    'now', 'local', 'utc', 'fromISO', 'fromJSDate', 'fromMillis', 'fromSeconds', 'fromSQL', 'fromFormat',
    'fromObject', 'fromRFC2822', 'fromHTTP',
  ]),
};
const LIB_MODULES: ReadonlyMap<string, Exclude<DateLib, 'native'>> = new Map([
  ['dayjs', 'dayjs'],
  ['moment', 'moment'],
  ['moment-timezone', 'moment'],
  ['luxon', 'luxon'],
]);
/** The conventional local names, for projects that re-export the library from their own module. */
const LIB_NAMES: ReadonlyMap<string, Exclude<DateLib, 'native'>> = new Map([
  ['dayjs', 'dayjs'],
  ['moment', 'moment'],
  ['DateTime', 'luxon'],
]);

/** date-fns functions by what they return. Only trusted when imported from date-fns. */
const DATE_FNS_MODULE = /^date-fns(?:-tz)?(?:\/|$)/;
const DATE_FNS_STRINGS: ReadonlyMap<string, boolean> = new Map([
  ['formatISO', true],
  ['formatRFC3339', true],
  ['formatISO9075', false],
  ['formatRFC7231', false],
  ['format', false],
  ['lightFormat', false],
  ['formatInTimeZone', false],
]);
const DATE_FNS_DATES = /^(?:(?:add|sub|startOf|endOf|set|lastDayOf|roundTo)[A-Z]\w*|fromUnixTime|parseISO|parseJSON|toDate|parse|max|min|closestTo|toZonedTime|fromZonedTime|utcToZonedTime|zonedTimeToUtc)$/;

/** Every factory name of any library: most `x.y()` calls are ruled out by `y` before `x` is resolved. */
const ANY_LIB_FACTORY: ReadonlySet<string> = new Set(Object.values(LIB_FACTORIES).flatMap((names) => [...names]));

const ROUNDING = new Set(['floor', 'round', 'trunc', 'ceil']);
const MAX_DEPTH = 12;

/**
 * Classifies timestamp expressions of one file. Follows `const` bindings (and `let`s never
 * reassigned), properties of local object literals, and the return values of local helpers.
 */
export class TimeClassifier {
  private readonly memo = new Map<TSESTree.Node, TimeValue>();
  private readonly returnMemo = new Map<FunctionNode, TimeValue>();
  private readonly inProgress = new Set<TSESTree.Node>();
  /** Scope lookups by identifier: one call asks about its callee up to five times. */
  private readonly variables = new Map<TSESTree.Identifier, Scope.Variable | null>();
  /** Static numeric values by node (null: not a constant number). */
  private readonly numbers = new Map<TSESTree.Node, number | null>();
  private depth = 0;

  constructor(private readonly sourceCode: SourceCode) {}

  classify(node: TSESTree.Node): TimeValue {
    const target = unwrap(node);
    const known = this.memo.get(target);
    if (known) return known;
    if (this.depth > MAX_DEPTH || this.inProgress.has(target)) return UNKNOWN;
    this.depth++;
    this.inProgress.add(target);
    let value: TimeValue;
    try {
      value = this.classifyInner(target);
    } finally {
      this.depth--;
      this.inProgress.delete(target);
    }
    this.memo.set(target, value);
    return value;
  }

  private classifyInner(node: TSESTree.Node): TimeValue {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return this.literal(node);
      case AST_NODE_TYPES.TemplateLiteral:
        return this.template(node);
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      case AST_NODE_TYPES.NewExpression:
        return this.isGlobal(node.callee, 'Date') ? make('date', { lib: 'native' }) : UNKNOWN;
      case AST_NODE_TYPES.UnaryExpression:
        return this.unary(node);
      case AST_NODE_TYPES.BinaryExpression:
        return this.binary(node);
      case AST_NODE_TYPES.ConditionalExpression:
        return combine([this.classify(node.consequent), this.classify(node.alternate)]);
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` gives `a` only when it is falsy: no timestamp then.
        return node.operator === '&&'
          ? combine([ABSENT, this.classify(node.right)])
          : combine([this.classify(node.left), this.classify(node.right)]);
      case AST_NODE_TYPES.AwaitExpression:
        return this.awaited(node.argument);
      case AST_NODE_TYPES.SequenceExpression:
        return this.classify(node.expressions[node.expressions.length - 1]);
      default:
        return UNKNOWN;
    }
  }

  private literal(node: TSESTree.Literal): TimeValue {
    if (node.value === null && !('regex' in node) && !('bigint' in node)) return ABSENT;
    if (typeof node.value === 'number') {
      const kind = classifyNumber(node.value);
      return kind === 'unknown' ? UNKNOWN : make(kind, { certain: kind === 'millis', literal: node.value });
    }
    if (typeof node.value === 'string' && isIsoDateString(node.value)) {
      return make('dateString', { iso: true, literal: node.value });
    }
    return UNKNOWN;
  }

  private template(node: TSESTree.TemplateLiteral): TimeValue {
    if (node.expressions.length === 0) {
      const text = node.quasis[0]?.value.cooked;
      return text && isIsoDateString(text) ? make('dateString', { iso: true, literal: text }) : UNKNOWN;
    }
    // `${seconds}`: the digits of a number.
    if (node.expressions.length === 1 && node.quasis.every((quasi) => quasi.value.cooked === '')) {
      return this.stringOf(node.expressions[0]);
    }
    return UNKNOWN;
  }

  private identifier(node: TSESTree.Identifier): TimeValue {
    if (node.name === 'undefined' && this.isGlobal(node, 'undefined')) return ABSENT;
    const init = singleValueOfVariable(this.variableOf(node));
    if (init) return asIndirect(this.classify(init));
    // `const` numbers built from constants (`const TS = 1704067200 * 1000`) are handled by
    // the initialiser above; nothing else is known about a binding.
    return UNKNOWN;
  }

  /** `event.ts` where `const event = { ts: Date.now() }` and nothing writes `event.ts`. */
  private member(node: TSESTree.MemberExpression): TimeValue {
    const name = memberName(node);
    const object = unwrap(node.object);
    if (name === undefined || object.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
    const variable = this.variableOf(object);
    const init = singleValueOfVariable(variable);
    const literal = init && unwrap(init);
    if (literal?.type !== AST_NODE_TYPES.ObjectExpression) return UNKNOWN;
    if (writesMemberOf(variable, name)) return UNKNOWN;
    const property = findProperty(literal, name);
    if (!property || property.value.type === AST_NODE_TYPES.AssignmentPattern) return UNKNOWN;
    return asIndirect(this.classify(property.value));
  }

  private awaited(argument: TSESTree.Expression): TimeValue {
    const target = unwrap(argument);
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const fn = this.localFunction(target.callee);
      if (fn?.async) return this.returns(fn);
    }
    return this.classify(argument);
  }

  private call(node: TSESTree.CallExpression): TimeValue {
    const callee = unwrap(node.callee);
    const args = node.arguments;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name === undefined) return UNKNOWN;
      const object = unwrap(callee.object);
      if (this.isGlobal(object, 'Date')) {
        if (name === 'now') return make('millis', { certain: true });
        if (name === 'parse' || name === 'UTC') return make('millis');
        return UNKNOWN;
      }
      if (this.isGlobal(object, 'Math')) return ROUNDING.has(name) && args[0] ? this.rounded(args[0]) : UNKNOWN;
      const dateFns = this.dateFnsNamespace(object);
      if (dateFns) return this.dateFnsCall(name, node);
      const factory = this.libFactory(object, name);
      if (factory) return make('date', { lib: factory });
      return this.method(callee.object, name, node);
    }
    if (callee.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
    // `Date()` called without `new` returns a string like 'Mon Jan 01 2024 ...'.
    if (this.isGlobal(callee, 'Date')) return make('dateString');
    if (this.isGlobal(callee, 'Number')) return args[0] ? this.numberOf(args[0]) : UNKNOWN;
    if (this.isGlobal(callee, 'String')) return args[0] ? this.stringOf(args[0]) : UNKNOWN;
    const lib = this.libRoot(callee);
    if (lib) return make('date', { lib });
    const imported = importOfVariable(this.variableOf(callee));
    if (imported && DATE_FNS_MODULE.test(imported.module)) return this.dateFnsCall(imported.name, node);
    // date-fns `getUnixTime` under any import: it is only ever used to be silent.
    if (callee.name === 'getUnixTime') return make('seconds');
    const fn = this.localFunction(callee);
    // An async helper returns a promise: only `await helper()` gives its value.
    return fn && !fn.async ? this.returns(fn) : UNKNOWN;
  }

  /** What `receiver.name(...)` gives. */
  private method(receiverNode: TSESTree.Expression, name: string, node: TSESTree.CallExpression): TimeValue {
    const receiver = this.classify(receiverNode);
    const dateLib = receiver.kind === 'date' ? receiver.lib : undefined;
    const source = { node: receiverNode, lib: dateLib };
    if (MILLIS_METHODS.has(name)) {
      return make('millis', { certain: name === 'getTime' && node.arguments.length === 0 });
    }
    if (name === 'valueOf') {
      if (NUMERIC.has(receiver.kind)) return make(receiver.kind, { indirect: receiver.indirect });
      if (receiver.kind === 'date') return make('millis');
      // An object of unknown kind: `valueOf()` in a timestamp slot is a date's. Literals are not.
      const object = unwrap(receiverNode);
      const literal = object.type === AST_NODE_TYPES.Literal || object.type === AST_NODE_TYPES.TemplateLiteral;
      return receiver.kind === 'unknown' && !literal ? make('millis') : UNKNOWN;
    }
    if (SECONDS_METHODS.has(name)) return make('seconds');
    if (name === 'toSeconds') return make('fractionalSeconds', { source: { node: receiverNode, lib: dateLib ?? 'luxon' } });
    if (NATIVE_DATE_METHODS.has(name)) return make('date', { lib: 'native' });
    const stringMethod = DATE_STRING_METHODS.get(name);
    if (stringMethod) return make('dateString', { iso: stringMethod.iso, source: { node: receiverNode, lib: dateLib ?? stringMethod.lib } });
    if (dateLib) {
      if (DATE_OBJECT_STRING_METHODS.has(name)) {
        const iso = name === 'toJSON' || (name === 'format' && dateLib !== 'native' && node.arguments.length === 0);
        return make('dateString', { iso, source });
      }
      if (dateLib === 'native' && NATIVE_SETTERS.test(name)) return make('millis');
      if (dateLib !== 'native' && CHAIN_METHODS[dateLib].has(name)) return make('date', { lib: dateLib });
      return UNKNOWN;
    }
    if (name === 'toString' || name === 'toFixed') return this.stringOf(receiverNode);
    return UNKNOWN;
  }

  /** `Math.floor(x)` and friends: whole seconds from seconds; milliseconds stay milliseconds. */
  private rounded(argument: TSESTree.CallExpressionArgument): TimeValue {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    const inner = this.classify(argument);
    if (inner.kind === 'fractionalSeconds' || inner.kind === 'seconds') return make('seconds', { indirect: inner.indirect });
    if (inner.kind === 'millis') return make('millis', { indirect: inner.indirect });
    return UNKNOWN;
  }

  /** `x | 0`, `~~x`, `x >> 0`: 32-bit truncation, right for seconds, garbage for milliseconds. */
  private truncated(operand: TSESTree.Node): TimeValue {
    const inner = this.classify(operand);
    return inner.kind === 'fractionalSeconds' || inner.kind === 'seconds'
      ? make('seconds', { indirect: inner.indirect })
      : UNKNOWN;
  }

  /** `Number(x)` and `+x`. */
  private numberOf(argument: TSESTree.Node): TimeValue {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    const inner = this.classify(argument);
    if (inner.kind === 'date') return make('millis', { indirect: inner.indirect });
    if (NUMERIC.has(inner.kind)) return make(inner.kind, { indirect: inner.indirect });
    if (inner.kind === 'numericString' && inner.digitsOf) return make(inner.digitsOf, { indirect: inner.indirect });
    return UNKNOWN;
  }

  /** `String(x)`, `x.toString()`, `${x}`. */
  private stringOf(argument: TSESTree.Node): TimeValue {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    const inner = this.classify(argument);
    if (NUMERIC.has(inner.kind)) {
      return make('numericString', { digitsOf: inner.kind as TimeValue['digitsOf'], indirect: inner.indirect });
    }
    if (inner.kind === 'numericString') return inner;
    if (inner.kind === 'date') return make('dateString', { source: { node: argument as TSESTree.Expression, lib: inner.lib }, indirect: inner.indirect });
    return UNKNOWN;
  }

  private unary(node: TSESTree.UnaryExpression): TimeValue {
    if (node.operator === '+') {
      const value = this.numberOf(node.argument);
      // `+new Date()` written in place is as unambiguous as `Date.now()`.
      const argument = unwrap(node.argument);
      const certain = value.kind === 'millis' && argument.type === AST_NODE_TYPES.NewExpression && !value.indirect;
      return certain ? { ...value, certain } : value;
    }
    if (node.operator === '~') {
      const argument = unwrap(node.argument);
      if (argument.type === AST_NODE_TYPES.UnaryExpression && argument.operator === '~') return this.truncated(argument.argument);
      return UNKNOWN;
    }
    if (node.operator === 'void') return ABSENT;
    return this.staticNumber(node);
  }

  private binary(node: TSESTree.BinaryExpression): TimeValue {
    const fromStatic = this.staticNumber(node);
    if (fromStatic.kind !== 'unknown') return fromStatic;
    if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return UNKNOWN;
    const { left, right, operator } = node;
    const rightNumber = this.staticNumberValue(right);
    switch (operator) {
      case '/':
        return rightNumber === 1000 ? this.divided(left) : UNKNOWN;
      case '*': {
        const leftNumber = this.staticNumberValue(left);
        if (rightNumber === 0.001) return this.divided(left);
        if (leftNumber === 0.001) return this.divided(right);
        if (rightNumber === 1000) return this.multiplied(left);
        if (leftNumber === 1000) return this.multiplied(right);
        return UNKNOWN;
      }
      case '|':
      case '>>':
      case '>>>':
        return rightNumber === 0 ? this.truncated(left) : UNKNOWN;
      case '+':
        return this.offset(left, right, true);
      case '-':
        return this.offset(left, right, false);
      default:
        return UNKNOWN;
    }
  }

  /** `x / 1000`, `x * 0.001`. */
  private divided(operand: TSESTree.Node): TimeValue {
    const inner = this.classify(operand);
    if (inner.kind === 'millis' || inner.kind === 'date') return make('fractionalSeconds', { indirect: inner.indirect });
    return UNKNOWN;
  }

  /** `x * 1000`: seconds become milliseconds. */
  private multiplied(operand: TSESTree.Node): TimeValue {
    const inner = this.classify(operand);
    return inner.kind === 'seconds' || inner.kind === 'fractionalSeconds'
      ? make('millis', { indirect: inner.indirect })
      : UNKNOWN;
  }

  /**
   * A time plus or minus a duration is a time of the same unit: `Date.now() + 3600 * 1000`.
   * A difference of two times, or a time minus an unknown value, may be a duration: unknown.
   */
  private offset(left: TSESTree.Node, right: TSESTree.Node, plus: boolean): TimeValue {
    const a = this.classify(left);
    const b = this.classify(right);
    const time = NUMERIC.has(a.kind) ? a : plus && NUMERIC.has(b.kind) ? b : undefined;
    if (!time) return UNKNOWN;
    const otherNode = unwrap(time === a ? right : left);
    const otherValue = time === a ? b : a;
    if (isStringish(otherNode)) return UNKNOWN;
    // A constant is a duration whatever its size (30 days in milliseconds has 10 digits).
    const constant = this.staticNumberValue(otherNode) !== undefined;
    if (!constant && otherValue.kind !== 'unknown') return UNKNOWN;
    if (!plus && !constant && !isArithmetic(otherNode)) return UNKNOWN;
    return make(time.kind, { indirect: time.indirect });
  }

  /** A constant numeric expression (`1704067200 * 1000`, `ONE_DAY_MS`), classified by magnitude. */
  private staticNumber(node: TSESTree.Node): TimeValue {
    const value = this.staticNumberValue(node);
    if (value === undefined) return UNKNOWN;
    const kind = classifyNumber(value);
    return kind === 'unknown' ? UNKNOWN : make(kind, { literal: value });
  }

  /** Memoised: `binary` and `offset` ask about the same operands the enclosing expression evaluated. */
  private staticNumberValue(node: TSESTree.Node): number | undefined {
    let value = this.numbers.get(node);
    if (value === undefined) {
      const found = staticValue(this.sourceCode, node);
      value = typeof found?.value === 'number' ? found.value : null;
      this.numbers.set(node, value);
    }
    return value ?? undefined;
  }

  private dateFnsCall(name: string, node: TSESTree.CallExpression): TimeValue {
    if (name === 'getUnixTime') return make('seconds');
    if (name === 'getTime') return make('millis');
    const iso = DATE_FNS_STRINGS.get(name);
    if (iso !== undefined) {
      const first = node.arguments[0];
      const source = first && first.type !== AST_NODE_TYPES.SpreadElement ? { node: first, lib: 'native' as const } : undefined;
      return make('dateString', { iso, source });
    }
    return DATE_FNS_DATES.test(name) ? make('date', { lib: 'native' }) : UNKNOWN;
  }

  /** `import * as dateFns from 'date-fns'` → `dateFns.getUnixTime(d)`. */
  private dateFnsNamespace(object: TSESTree.Node): boolean {
    if (object.type !== AST_NODE_TYPES.Identifier) return false;
    const imported = importOfVariable(this.variableOf(object));
    return imported !== undefined && DATE_FNS_MODULE.test(imported.module) && (imported.name === '*' || imported.name === 'default');
  }

  /** `dayjs(...)`, `moment(...)`: the library called as a function. */
  private libRoot(callee: TSESTree.Identifier): Exclude<DateLib, 'native'> | undefined {
    const lib = this.libOf(callee);
    return lib === 'luxon' ? undefined : lib;
  }

  /** `dayjs.utc()`, `moment.unix(s)`, `DateTime.now()`. */
  private libFactory(object: TSESTree.Node, name: string): Exclude<DateLib, 'native'> | undefined {
    if (!ANY_LIB_FACTORY.has(name) || object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const lib = this.libOf(object);
    return lib && LIB_FACTORIES[lib].has(name) ? lib : undefined;
  }

  private libOf(identifier: TSESTree.Identifier): Exclude<DateLib, 'native'> | undefined {
    const variable = this.variableOf(identifier);
    const imported = importOfVariable(variable);
    if (imported) {
      const lib = LIB_MODULES.get(imported.module);
      if (lib === 'luxon') return imported.name === 'DateTime' ? lib : undefined;
      if (lib) return imported.name === 'default' || imported.name === '*' ? lib : undefined;
    }
    // A local that is not an import of the library: only trust the conventional name when it
    // is not a function or class declared here (projects re-export a configured `dayjs`).
    if (variable?.defs.some((def) => def.type === 'FunctionName' || def.type === 'ClassName' || def.type === 'Parameter')) {
      return undefined;
    }
    return LIB_NAMES.get(identifier.name);
  }

  private localFunction(callee: TSESTree.Node): FunctionNode | undefined {
    const target = unwrap(callee);
    if (isFunction(target)) return target;
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(target);
    const def = variable?.defs[0];
    if (!def || variable.defs.length !== 1) return undefined;
    if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    const init = singleValueOfVariable(variable);
    const fn = init && unwrap(init);
    return fn && isFunction(fn) ? fn : undefined;
  }

  /** A helper's value: every `return` must agree (`null`/`undefined` returns aside). */
  private returns(fn: FunctionNode): TimeValue {
    const known = this.returnMemo.get(fn);
    if (known) return known;
    const results = fn.generator ? [] : returnedExpressions(fn);
    const value = results.length === 0 ? UNKNOWN : asIndirect(combine(results.map((result) => this.classify(result))));
    // Not memoised while a return is still being classified (recursion gives a partial answer).
    if (!results.some((result) => this.inProgress.has(unwrap(result)))) this.returnMemo.set(fn, value);
    return value;
  }

  /** An unshadowed global (`Date`, `Math`, `undefined`). */
  private isGlobal(node: TSESTree.Node, name: string): boolean {
    if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return false;
    const variable = this.variableOf(node);
    return !variable || variable.defs.length === 0;
  }

  /** The variable an identifier reads, looked up in its scope once per identifier. */
  private variableOf(identifier: TSESTree.Identifier): Scope.Variable | undefined {
    let variable = this.variables.get(identifier);
    if (variable === undefined) {
      variable = variableOf(this.sourceCode, identifier) ?? null;
      this.variables.set(identifier, variable);
    }
    return variable ?? undefined;
  }
}

/** Conditional branches: all present branches must agree on the kind (and date library). */
export function combine(values: readonly TimeValue[]): TimeValue {
  const present = values.filter((value) => value.kind !== 'absent');
  if (present.length === 0) return ABSENT;
  const [first] = present;
  if (first.kind === 'unknown') return UNKNOWN;
  for (const value of present) {
    if (value.kind !== first.kind || value.lib !== first.lib || value.digitsOf !== first.digitsOf) return UNKNOWN;
  }
  if (present.length === 1 && values.length === 1) return first;
  return make(first.kind, {
    indirect: present.some((value) => value.indirect),
    partial: present.length < values.length || present.some((value) => value.partial),
    iso: present.every((value) => value.iso),
    lib: first.lib,
    digitsOf: first.digitsOf,
  });
}

function asIndirect(value: TimeValue): TimeValue {
  if (value.kind === 'unknown' || value.kind === 'absent') return value;
  return { ...value, indirect: true, certain: false, source: undefined };
}

function isStringish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/** `7 * DAY_MS`, `hours * 3600 * 1000`: something that computes a number. */
function isArithmetic(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.BinaryExpression &&
    (node.operator === '*' || node.operator === '/' || node.operator === '%' || node.operator === '**')
  );
}

/** Does the file write `name` on the object a binding holds (`attrs.created_at = ...`, `attrs[key] = ...`)? */
export function writesMember(sourceCode: SourceCode, identifier: TSESTree.Identifier, name: string): boolean {
  return writesMemberOf(variableOf(sourceCode, identifier), name);
}

function writesMemberOf(variable: Scope.Variable | undefined, name: string): boolean {
  if (!variable) return false;
  return variable.references.some((reference: Scope.Reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
    const key = memberName(parent);
    if (key !== undefined && key !== name) return false;
    const user = parent.parent;
    return (
      (user?.type === AST_NODE_TYPES.AssignmentExpression && user.left === parent) ||
      (user?.type === AST_NODE_TYPES.UpdateExpression && user.argument === parent) ||
      (user?.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'delete')
    );
  });
}

/** The module and export name a binding was imported or required from. */
export function importOf(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): { module: string; name: string } | undefined {
  return importOfVariable(variableOf(sourceCode, identifier));
}

function importOfVariable(variable: Scope.Variable | undefined): { module: string; name: string } | undefined {
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const spec = def.node;
    if (spec.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = spec.moduleReference;
      return ref.type === AST_NODE_TYPES.TSExternalModuleReference && typeof ref.expression.value === 'string'
        ? { module: ref.expression.value, name: '*' }
        : undefined;
    }
    const declaration = spec.parent as TSESTree.ImportDeclaration;
    const module = declaration.source.value;
    if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, name: '*' };
    if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, name: 'default' };
    return { module, name: staticName(spec.imported, false) ?? 'default' };
  }
  if (def.type !== 'Variable' || !def.node.init) return undefined;
  // `const dayjs = require('dayjs')`, `const { DateTime } = require('luxon')`, `require('x').default`.
  let init = unwrap(def.node.init);
  let property: string | undefined;
  if (init.type === AST_NODE_TYPES.MemberExpression) {
    property = memberName(init);
    init = unwrap(init.object);
  }
  if (
    init.type !== AST_NODE_TYPES.CallExpression ||
    init.callee.type !== AST_NODE_TYPES.Identifier ||
    init.callee.name !== 'require' ||
    init.arguments[0]?.type !== AST_NODE_TYPES.Literal ||
    typeof init.arguments[0].value !== 'string'
  ) {
    return undefined;
  }
  const module = init.arguments[0].value;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return { module, name: property ?? 'default' };
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern && property === undefined) {
    for (const prop of def.node.id.properties) {
      if (prop.type === AST_NODE_TYPES.Property && unwrapPattern(prop.value) === def.name) {
        return { module, name: staticName(prop.key, prop.computed) ?? 'default' };
      }
    }
  }
  return undefined;
}

function unwrapPattern(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.AssignmentPattern ? node.left : node;
}

/** From type information: a value typed `string` or `Date` (after removing `null`/`undefined`). */
export type TypedTime = 'string' | 'date';

export function typedTimeOf(sourceCode: SourceCode, node: TSESTree.Node): TypedTime | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const tsNode = map.get(node as never);
  if (!tsNode) return undefined;
  const checker = program.getTypeChecker();
  const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
  const stringType = checker.getStringType();
  const isString = (t: typeof type): boolean => t === stringType || t.isStringLiteral();
  if (isString(type) || (type.isUnion() && type.types.every(isString))) return 'string';
  const symbol = type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (symbol?.getName() === 'Date' && declaration && program.isSourceFileDefaultLibrary(declaration.getSourceFile())) {
    return 'date';
  }
  return undefined;
}

/** A value from type information, for when the syntax decided nothing. */
export function classifyByType(sourceCode: SourceCode, node: TSESTree.Node): TimeValue | undefined {
  const typed = typedTimeOf(sourceCode, unwrap(node));
  if (typed === 'date') return make('date', { lib: 'native' });
  if (typed === 'string') return make('string');
  return undefined;
}

/**
 * `String(n)`, `n.toString()`, `n.toFixed()`, `` `${n}` ``: the digits of a number, whose type is
 * `string` but whose content is no date format. Types alone must not report these.
 */
export function isStringification(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return target.expressions.length > 0;
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(target.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String';
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return name === 'toString' || name === 'toFixed' || name === 'toPrecision';
}
