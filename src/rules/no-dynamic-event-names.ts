import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { findProperty, isFunction, memberName, patternPath, staticName, unwrap, type FunctionNode } from '../analysis/ast.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { cannotBeLiteralTyped, typeAt } from '../analysis/literal-types.js';
import { memoStaticValue } from '../analysis/naming.js';
import { calledFunction, returnedExpressions, staticValue, variableOf } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ reportUnknown?: boolean }];
type MessageIds = 'dynamicName' | 'dynamicPii' | 'unknownName';
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * What an event-name expression can be:
 * - `static`: a fixed vocabulary (literals, constants, enum members, imported constants, lookups in constant tables);
 * - `dynamic`: assembled from at least one value that is not static (`parts`);
 * - `unknown`: a value of unknown origin passed through as is (a loop variable, `req.body.event`).
 */
type Verdict =
  | { kind: 'static' }
  | { kind: 'unknown'; part: TSESTree.Node }
  | { kind: 'dynamic'; parts: TSESTree.Node[] };

const STATIC: Verdict = { kind: 'static' };
const unknown = (part: TSESTree.Node): Verdict => ({ kind: 'unknown', part });
const partsOf = (verdict: Verdict): TSESTree.Node[] =>
  verdict.kind === 'static' ? [] : verdict.kind === 'unknown' ? [verdict.part] : verdict.parts;

/** A value assembled from pieces: static only when every piece is. */
function built(verdicts: readonly Verdict[]): Verdict {
  const parts = verdicts.flatMap(partsOf);
  return parts.length > 0 ? { kind: 'dynamic', parts } : STATIC;
}

/** One of several values (branches, writes): static when all are, dynamic when any is. */
function oneOf(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.some((verdict) => verdict.kind === 'dynamic')) return { kind: 'dynamic', parts: verdicts.flatMap(partsOf) };
  return verdicts.find((verdict) => verdict.kind === 'unknown') ?? STATIC;
}

// String methods that keep the vocabulary as closed (or as open) as the string they are called on.
const TRANSFORMS = new Set([
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd',
  'normalize', 'slice', 'substring', 'substr',
]);
// Methods that build a new string out of their receiver and arguments.
const BUILDERS = new Set(['concat', 'join', 'replace', 'replaceAll', 'toString', 'padStart', 'padEnd', 'repeat']);
// `EVENT_PREFIX`, `Events.SIGNED_UP`: named as a constant by convention.
const isConstantName = (name: string): boolean => name.length > 1 && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(name);
const MAX_DEPTH = 16;

/** Decides whether an expression is drawn from a fixed vocabulary, following bindings in this file. */
class Classifier {
  private depth = 0;
  private readonly visiting = new Set<unknown>();

  constructor(private readonly sourceCode: SourceCode) {}

  classify(node: TSESTree.Node): Verdict {
    if (this.depth > MAX_DEPTH) return unknown(node);
    this.depth++;
    try {
      return this.classifyInner(node);
    } finally {
      this.depth--;
    }
  }

  private classifyInner(raw: TSESTree.Node): Verdict {
    // `kind as 'a' | 'b'`: the author states the vocabulary.
    if (
      (raw.type === AST_NODE_TYPES.TSAsExpression || raw.type === AST_NODE_TYPES.TSTypeAssertion) &&
      isLiteralType(this.sourceCode, raw.typeAnnotation)
    ) {
      return STATIC;
    }
    const node = unwrap(raw);
    if (memoStaticValue(this.sourceCode, node)) return STATIC;
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node);
      case AST_NODE_TYPES.TemplateLiteral:
        return built(node.expressions.map((expression) => this.classify(expression)));
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === '+' ? built([this.classify(node.left), this.classify(node.right)]) : unknown(node);
      case AST_NODE_TYPES.ConditionalExpression:
        return oneOf([this.classify(node.consequent), this.classify(node.alternate)]);
      case AST_NODE_TYPES.LogicalExpression:
        return oneOf([this.classify(node.left), this.classify(node.right)]);
      case AST_NODE_TYPES.SequenceExpression:
        return this.classify(node.expressions[node.expressions.length - 1]);
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? this.classify(node.right) : unknown(node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      default:
        return unknown(node);
    }
  }

  private identifier(node: TSESTree.Identifier): Verdict {
    const variable = variableOf(this.sourceCode, node);
    // A global such as a build-time define (`EVENT_PREFIX`) is constant by name only.
    if (!variable || variable.defs.length === 0) return isConstantName(node.name) ? STATIC : unknown(node);
    if (variable.defs.length !== 1 || this.visiting.has(variable)) return unknown(node);
    this.visiting.add(variable);
    try {
      return this.variable(variable, variable.defs[0], node);
    } finally {
      this.visiting.delete(variable);
    }
  }

  private variable(variable: Scope.Variable, def: Scope.Definition, node: TSESTree.Identifier): Verdict {
    switch (def.type) {
      // Imported bindings are almost always constants (`import { EVENTS } from './events'`).
      case 'ImportBinding':
      case 'TSEnumName':
        return STATIC;
      case 'Parameter':
        return def.name.type === AST_NODE_TYPES.Identifier && isLiteralType(this.sourceCode, def.name.typeAnnotation?.typeAnnotation)
          ? STATIC
          : unknown(node);
      case 'Variable': {
        const declarator = def.node;
        if (declarator.id !== def.name) {
          // `const { SIGNED_UP } = EVENTS`: a read of the destructured source.
          const path = patternPath(declarator.id, def.name);
          return declarator.init && path ? this.readPath(declarator.init, path, node) : unknown(node);
        }
        if (isLiteralType(this.sourceCode, declarator.id.typeAnnotation?.typeAnnotation)) return STATIC;
        const loop = declarator.parent.parent;
        if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return unknown(node);
        const values: Verdict[] = declarator.init ? [this.classify(declarator.init)] : [];
        for (const reference of variable.references) {
          if (!reference.isWrite() || reference.init) continue;
          const parent = reference.identifier.parent;
          if (parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== reference.identifier) return unknown(node);
          if (parent.operator === '=') values.push(this.classify(parent.right));
          else if (parent.operator === '+=') values.push(built([this.classify(parent.right)]));
          else return unknown(node);
        }
        return values.length > 0 ? oneOf(values) : unknown(node);
      }
      default:
        return unknown(node);
    }
  }

  /** The value at `path` inside `source`: `EVENTS.user.signup`, `const { SIGNED_UP } = EVENTS`. */
  private readPath(source: TSESTree.Node, path: readonly (string | undefined)[], node: TSESTree.Node): Verdict {
    const target = unwrap(source);
    if (path.length === 0) return this.classify(target);
    switch (target.type) {
      case AST_NODE_TYPES.MemberExpression:
        return this.readPath(target.object, [this.keyOf(target), ...path], node);
      case AST_NODE_TYPES.MetaProperty:
        // `import.meta.env.X`: configuration, fixed per deployment.
        return path[0] === 'env' ? STATIC : unknown(node);
      case AST_NODE_TYPES.ObjectExpression:
        return this.lookup(target, path, node);
      case AST_NODE_TYPES.CallExpression:
        // `require('./events').SIGNED_UP`: another module's constants, as with imports.
        return isRequire(target) ? STATIC : unknown(node);
      case AST_NODE_TYPES.Identifier:
        break;
      default:
        return unknown(node);
    }
    const variable = variableOf(this.sourceCode, target);
    if (!variable || variable.defs.length === 0) {
      // `process.env.EVENT_NAME`: configuration, fixed per deployment.
      return target.name === 'process' && path[0] === 'env' ? STATIC : unknown(node);
    }
    if (variable.defs.length !== 1 || this.visiting.has(variable)) return unknown(node);
    const def = variable.defs[0];
    if (def.type === 'ImportBinding' || def.type === 'TSEnumName') return STATIC;
    if (def.type === 'ClassName' && path.length === 1 && path[0] !== undefined) return this.staticMember(def.node, path[0], node);
    if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return unknown(node);
    // Mutations through properties (`EVENTS.x = …`) are not tracked; a reassigned binding is.
    if (def.parent.kind !== 'const' && variable.references.some((reference) => reference.isWrite() && !reference.init)) {
      return unknown(node);
    }
    this.visiting.add(variable);
    try {
      return this.readPath(def.node.init, path, node);
    } finally {
      this.visiting.delete(variable);
    }
  }

  private member(node: TSESTree.MemberExpression): Verdict {
    const found = this.readPath(node.object, [this.keyOf(node)], node);
    if (found.kind !== 'unknown') return found;
    const name = memberName(node);
    return name !== undefined && isConstantName(name) ? STATIC : found;
  }

  private keyOf(node: TSESTree.MemberExpression): string | undefined {
    const name = memberName(node);
    if (name !== undefined || !node.computed) return name;
    const value = staticValue(this.sourceCode, node.property);
    return value && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : undefined;
  }

  /** `class Events { static readonly SIGNED_UP = 'signed_up' }` */
  private staticMember(
    owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    name: string,
    node: TSESTree.Node,
  ): Verdict {
    for (const element of owner.body.body) {
      if (
        element.type === AST_NODE_TYPES.PropertyDefinition &&
        element.static &&
        element.value &&
        staticName(element.key, element.computed) === name
      ) {
        return this.classify(element.value);
      }
    }
    return unknown(node);
  }

  /** Reads a path in an object literal; an unknown key (`EVENTS[kind]`) reads any of its values. */
  private lookup(object: TSESTree.ObjectExpression, path: readonly (string | undefined)[], node: TSESTree.Node): Verdict {
    if (path.length === 0) return unknown(node);
    const [key, ...rest] = path;
    const values: TSESTree.Node[] = [];
    if (key === undefined) {
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) return unknown(node);
        values.push(property.value);
      }
    } else {
      const property = findProperty(object, key);
      if (!property) return unknown(node);
      values.push(property.value);
    }
    if (values.length === 0) return unknown(node);
    return oneOf(values.map((value) => (rest.length === 0 ? this.classify(value) : this.readPath(value, rest, node))));
  }

  private call(node: TSESTree.CallExpression): Verdict {
    const callee = unwrap(node.callee);
    const args = (): Verdict[] =>
      node.arguments.map((arg) => (arg.type === AST_NODE_TYPES.SpreadElement ? unknown(arg) : this.classify(arg)));
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && !variableOf(this.sourceCode, callee)?.defs.length) {
      return built(args());
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      const receiver = unwrap(callee.object);
      if (name !== undefined && TRANSFORMS.has(name)) return this.classify(receiver);
      if (name === 'join' && receiver.type === AST_NODE_TYPES.ArrayExpression) {
        const elements = receiver.elements.map((element) =>
          !element ? STATIC : element.type === AST_NODE_TYPES.SpreadElement ? unknown(element) : this.classify(element),
        );
        return built([...elements, ...args()]);
      }
      if (name !== undefined && BUILDERS.has(name)) return built([this.classify(receiver), ...args()]);
    }
    const fn = calledFunction(this.sourceCode, node.callee);
    if (!fn || this.visiting.has(fn)) return unknown(node);
    const results = returnedExpressions(fn);
    if (results.length === 0) return unknown(node);
    this.visiting.add(fn);
    try {
      // `eventFor('product')` where `eventFor = (kind) => `${kind}_viewed``: the arguments decide.
      return this.substitute(oneOf(results.map((result) => this.classify(result))), fn, node.arguments);
    } finally {
      this.visiting.delete(fn);
    }
  }

  /** Replaces the parts of a verdict that are `fn`'s own parameters with the arguments of one call. */
  substitute(verdict: Verdict, fn: FunctionNode, args: readonly TSESTree.CallExpressionArgument[]): Verdict {
    if (verdict.kind === 'static') return verdict;
    const replaced = partsOf(verdict).map((part): Verdict => {
      const index = this.parameterIndex(part, fn);
      if (index === undefined) return unknown(part);
      const arg = args[index];
      if (arg?.type === AST_NODE_TYPES.SpreadElement) return unknown(arg);
      if (arg) return this.classify(arg);
      const param = fn.params[index];
      return param.type === AST_NODE_TYPES.AssignmentPattern ? this.classify(param.right) : STATIC;
    });
    return verdict.kind === 'unknown' ? replaced[0] : built(replaced);
  }

  /** The function whose plain parameter this identifier reads, if any. */
  parameterOwner(node: TSESTree.Node): FunctionNode | undefined {
    const target = unwrap(node);
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = variableOf(this.sourceCode, target)?.defs[0];
    return def?.type === 'Parameter' && isFunction(def.node) ? def.node : undefined;
  }

  private parameterIndex(node: TSESTree.Node, fn: FunctionNode): number | undefined {
    if (this.parameterOwner(node) !== fn) return undefined;
    const name = (unwrap(node) as TSESTree.Identifier).name;
    const index = fn.params.findIndex((param) => {
      const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
      const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
      return id.type === AST_NODE_TYPES.Identifier && id.name === name;
    });
    return index >= 0 ? index : undefined;
  }
}

function isRequire(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0].type === AST_NODE_TYPES.Literal
  );
}

/** A type annotation that names a closed set of values: `'a' | 'b'`, a local enum, a local alias of those. */
function isLiteralType(sourceCode: SourceCode, type: TSESTree.TypeNode | undefined, depth = 0): boolean {
  if (!type || depth > 4) return false;
  switch (type.type) {
    case AST_NODE_TYPES.TSLiteralType:
      return (
        type.literal.type === AST_NODE_TYPES.Literal ||
        (type.literal.type === AST_NODE_TYPES.TemplateLiteral && type.literal.expressions.length === 0)
      );
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every((member) => isLiteralType(sourceCode, member, depth + 1));
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(type), type.typeName);
      const def = variable?.defs[0];
      if (def?.type === 'TSEnumName') return true;
      return def?.type === 'Type' && def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration
        ? isLiteralType(sourceCode, def.node.typeAnnotation, depth + 1)
        : false;
    }
    default:
      return false;
  }
}

/** A callback's parameters are data (`names.forEach((name) => …)`); other functions' are a wrapper's. */
function isCallback(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.some((arg) => arg === fn)
  );
}

/** Every call of a local function, or undefined when it is also used in a way that hides its arguments. */
function callSites(sourceCode: SourceCode, fn: FunctionNode): TSESTree.CallExpression[] | undefined {
  const parent = fn.parent;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn &&
    !parent.static
  ) {
    const name = staticName(parent.key, parent.computed);
    return name === undefined ? undefined : methodCallSites(sourceCode, parent.parent, name);
  }
  let variable: Scope.Variable | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === fn.id?.name);
  } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn) {
    variable = sourceCode.getDeclaredVariables(parent)[0];
  }
  if (!variable) return undefined;
  const sites: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = reference.identifier.parent;
    if (use.type === AST_NODE_TYPES.CallExpression && use.callee === reference.identifier) sites.push(use);
    else if (use.type !== AST_NODE_TYPES.ExportSpecifier) return undefined;
  }
  return sites;
}

/** `this.name(...)` calls inside the class; undefined when `this.name` is also read without a call. */
function methodCallSites(sourceCode: SourceCode, body: TSESTree.ClassBody, name: string): TSESTree.CallExpression[] | undefined {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const sites: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.ThisExpression &&
      memberName(node) === name
    ) {
      const parent = node.parent;
      if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee !== node) return undefined;
      sites.push(parent);
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
      }
    }
  }
  return sites;
}

// Personal data, by the name of the value: `email`, `user.phoneNumber`, `customer.firstName`, `user.name`.
const PII_WORDS = new Set(['email', 'phone', 'msisdn', 'telephone', 'address', 'surname',
  'firstname', 'lastname', 'fullname', 'username', 'emailaddress', 'phonenumber']);
const PHONE_WORDS = new Set(['phone', 'mobile', 'telephone', 'tel', 'cell']);
const NAME_QUALIFIERS = new Set(['first', 'last', 'full', 'given', 'family', 'middle', 'display', 'user', 'real',
  'legal', 'customer', 'person', 'contact', 'member', 'sur', 'nick', 'maiden', 'recipient', 'sender']);
const PERSONS = new Set(['user', 'customer', 'person', 'profile', 'member', 'contact', 'recipient', 'subscriber',
  'author', 'owner', 'buyer', 'patient', 'employee', 'lead', 'sender', 'guest', 'visitor', 'me', 'student']);
// Addresses of machines and contracts, not of people.
const NOT_POSTAL = new Set(['mac', 'server', 'host', 'wallet', 'contract', 'memory', 'socket', 'bind', 'listen', 'base']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_$-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function isPersonalName(name: string, owner: string | undefined): boolean {
  const parts = words(name);
  const last = parts.at(-1);
  const before = parts.at(-2);
  if (last === undefined) return false;
  const ownerLast = owner === undefined ? undefined : words(owner).at(-1);
  if (last === 'address') return !NOT_POSTAL.has(before ?? ownerLast ?? '');
  if (PII_WORDS.has(last)) return true;
  if (last === 'number' && before !== undefined) return PHONE_WORDS.has(before);
  if (last !== 'name') return false;
  if (before !== undefined) return NAME_QUALIFIERS.has(before);
  return ownerLast !== undefined && PERSONS.has(ownerLast);
}

function ownerName(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  return target.type === AST_NODE_TYPES.MemberExpression ? memberName(target) : undefined;
}

/** Does the value (a part of a name, as the classifier returns it) have a name that says it is personal data? */
function namesPersonalData(node: TSESTree.Node, depth = 0): boolean {
  const target = unwrap(node);
  if (depth > 8) return false;
  if (target.type === AST_NODE_TYPES.Identifier) return isPersonalName(target.name, undefined);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    return (name !== undefined && isPersonalName(name, ownerName(target.object))) || namesPersonalData(target.object, depth + 1);
  }
  // `user.email.split('@')[0]`, `email.toLowerCase()`: the value the method is called on.
  return (
    target.type === AST_NODE_TYPES.CallExpression &&
    target.callee.type === AST_NODE_TYPES.MemberExpression &&
    namesPersonalData(target.callee.object, depth + 1)
  );
}

/** With type information: a string-literal type or a union of literals is a closed vocabulary. */
function literalTyped(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, node: TSESTree.Node): boolean {
  const sourceCode = context.sourceCode;
  const checker = sourceCode.parserServices?.program?.getTypeChecker();
  if (!checker || cannotBeLiteralTyped(sourceCode, node)) return false;
  const found = typeAt(sourceCode, node);
  if (!found) return false;
  try {
    const type = checker.getNonNullableType(found);
    const members = type.isUnion() ? type.types : [type];
    return members.length > 0 && members.every((member) => member.isLiteral());
  } catch {
    return false;
  }
}

function excerpt(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Where the SDK call keeps event properties (`data`, `properties`): the fix's destination. */
function propertiesKey(call: SdkCall): string {
  const spec = call.method.fields.find((field) => field.role === 'eventProperties');
  return spec?.at.path?.at(-1) ?? 'properties';
}

export default createRule<Options, MessageIds>({
  name: 'no-dynamic-event-names',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'disallow event names built from data instead of a fixed vocabulary',
      recommended: 'recommended',
    },
    messages: {
      dynamicName:
        'This event name is built from data ({{ part }}): every distinct value becomes a new event type, which clutters the workspace, breaks campaign triggers and segment filters, and runs into event-type limits. Use a fixed name and send the variable part in the event\'s `{{ properties }}`.',
      dynamicPii:
        'This event name is built from personal data ({{ part }}): it leaks that data into the event vocabulary everyone with workspace access sees, and creates a new event type per person. Use a fixed name and send the value, if needed at all, in the event\'s `{{ properties }}`.',
      unknownName:
        'This event name comes from {{ part }}, which is not a known constant: if it varies, every distinct value becomes a new event type and breaks campaign triggers and segment filters. Pass a fixed name (a literal, a constant or an enum member) and send the variable part in the event\'s `{{ properties }}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportUnknown: {
            type: 'boolean',
            description:
              'Also report event names taken as-is from a value of unknown origin (a loop variable, `req.body.event`, a callback parameter), which may or may not be constant.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportUnknown: false }],
  },
  defaultOptions: [{ reportUnknown: false }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const reportUnknown = options.reportUnknown === true;

    const check = (call: SdkCall, node: TSESTree.Expression, classifier: Classifier): void => {
      // A parameter of a wrapper function: checked where the wrapper is called.
      const owner = classifier.parameterOwner(node);
      if (owner && !isCallback(owner)) return;

      let verdict = classifier.classify(node);
      if (verdict.kind === 'dynamic') verdict = composedFromStaticArguments(verdict, classifier);
      if (verdict.kind === 'static') return;
      let personal = partsOf(verdict).find((part) => namesPersonalData(part));
      if (verdict.kind === 'unknown' && !personal && !reportUnknown) return;

      // Types are consulted only now, for a value that would otherwise be reported.
      if (literalTyped(context, node)) return;
      if (verdict.kind === 'dynamic') {
        const parts = verdict.parts.filter((part) => !literalTyped(context, part));
        if (parts.length === 0) return;
        verdict = { kind: 'dynamic', parts };
        personal = parts.find((part) => namesPersonalData(part));
      }

      const data = { part: `\`${excerpt(sourceCode, personal ?? partsOf(verdict)[0])}\``, properties: propertiesKey(call) };
      const messageId = personal ? 'dynamicPii' : verdict.kind === 'dynamic' ? 'dynamicName' : 'unknownName';
      context.report({ node, messageId, data });
    };

    /**
     * `function trackClick(button) { … name: `clicked_${button}` … }` is a helper that names events
     * from its arguments: when every call in this file passes constants, the vocabulary is fixed.
     */
    const composedFromStaticArguments = (verdict: Verdict, classifier: Classifier): Verdict => {
      const owners = new Set(partsOf(verdict).map((part) => classifier.parameterOwner(part)));
      if (owners.size !== 1) return verdict;
      const [fn] = owners;
      if (!fn || isCallback(fn)) return verdict;
      const sites = callSites(sourceCode, fn);
      if (!sites || sites.length === 0) return verdict;
      return sites.every((site) => classifier.substitute(verdict, fn, site.arguments).kind === 'static') ? STATIC : verdict;
    };

    return {
      Program() {
        const classifier = new Classifier(sourceCode);
        const seen = new Set<TSESTree.Node>();
        for (const call of analysis.calls) {
          for (const field of call.fields) {
            if (field.spec.role !== 'eventName' || seen.has(field.node)) continue;
            seen.add(field.node);
            check(call, field.node, classifier);
          }
        }
      },
    };
  },
});
