import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { API_HOSTS, METHOD_NAMES, MODULES, SDKS, uniformMethod } from '../sdk/index.js';
import type { ArgPath, ClientSpec, FieldRole, FieldSpec, MethodSpec, SdkDescriptor } from '../sdk/types.js';
import { calleeName, enclosingFunction, findProperty, isFunction, memberChain, memberName, staticName, unwrap, type FunctionNode } from './ast.js';
import { nodesOfType } from './file-index.js';
import { Resolver, exportAt, thisOwner, type ClassNode, type FileIndex } from './resolver.js';
import { readSettings, type CdpSettings } from './settings.js';
import { typedClientOf, type TypedClientOf } from './typed.js';
import type { ClientValue } from './values-model.js';

/** A value found at a role's position in a call. */
export interface ResolvedField {
  spec: FieldSpec;
  node: TSESTree.Expression;
  /** Reached through a variable (`const attrs = {...}; identify(id, attrs)`), not written in the call. */
  indirect: boolean;
}

/** Argument `arg` of a call (then `path` inside it) is what the SDK method receives at `landing`. */
export interface ArgBinding {
  arg: number;
  path: readonly string[];
  landing: ArgPath;
}

/** A call of an SDK method, or of a wrapper that stands for one. */
export interface SdkCall {
  node: TSESTree.CallExpression;
  sdk: SdkDescriptor;
  client: ClientSpec;
  method: MethodSpec;
  // Every call is built with every key (absent ones undefined), so that all share one shape.
  /** The client expression for direct calls (`cio` in `cio.track()`). */
  receiver?: TSESTree.Expression;
  /** How the client was found. */
  clientValue?: ClientValue;
  /** For a call of a wrapper: the SDK call inside it. */
  inner?: SdkCall;
  /** Where the values passed to this call land in the SDK method's arguments. */
  argMap: readonly ArgBinding[];
  fields: ResolvedField[];
}

/** A construction of an SDK class: a client, a session, a request object. */
export interface Construction {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  sdk: SdkDescriptor;
  client: ClientSpec;
  /** The import shape only works on customerio-node 2.x. */
  legacy: boolean;
  fields: ResolvedField[];
}

export interface SdkAnalysis {
  /** False when the file mentions no SDK: rules should return at once. */
  active: boolean;
  calls: readonly SdkCall[];
  constructions: readonly Construction[];
  callByNode: ReadonlyMap<TSESTree.Node, readonly SdkCall[]>;
  settings: CdpSettings;
  /** The client an expression evaluates to, if any. */
  clientOf(node: TSESTree.Node): ClientValue | undefined;
  /** The SDK export an expression names (`RegionEU`, `sdk.RegionEU`, a destructured `require`), if any. */
  exportOf(node: TSESTree.Node): SdkExport | undefined;
}

/** A named export of an SDK module. */
export interface SdkExport {
  sdk: SdkDescriptor;
  name: string;
  /** Reached through a module shape that only works on customerio-node 2.x. */
  legacy: boolean;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<TSESTree.Program, SdkAnalysis>();

/** The SDK facts of a file, computed once and shared by every rule. */
export function getSdkAnalysis(context: Context): SdkAnalysis {
  const sourceCode = context.sourceCode;
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const settings = readSettings(context.settings);
  const typed = sourceCode.parserServices?.program ? TYPED_NEEDLE : undefined;
  // Presets without `files` also reach files of other languages (a package.json linted with
  // @eslint/json): their trees are not ESTree and hold no SDK calls.
  const javascript = (sourceCode.ast.type as string) === 'Program';
  const analysis = javascript && (mentionsSdk(sourceCode.text, settings) || typed?.test(sourceCode.text))
    ? analyse(context, settings)
    : inactive(settings);
  cache.set(sourceCode.ast, analysis);
  return analysis;
}

function inactive(settings: CdpSettings): SdkAnalysis {
  return {
    active: false,
    calls: [],
    constructions: [],
    callByNode: new Map(),
    settings,
    clientOf: () => undefined,
    exportOf: () => undefined,
  };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BUILTIN_NEEDLES = [...MODULES.keys(), ...API_HOSTS];
const needleCache = new WeakMap<CdpSettings, RegExp>();
// With types, a client imported from any module can be resolved; a file needs at least a call of a known method name.
const TYPED_NEEDLE = new RegExp(`\\.\\s*(?:${[...METHOD_NAMES].map(escape).join('|')})\\s*\\(`);

/**
 * One regular-expression test on the text decides whether a file is worth analysing at all.
 * (`includes` prefilters on distinctive parts of the needles measured no faster: each is a scan of
 * its own, and the alternation already runs at one scan.)
 */
function mentionsSdk(text: string, settings: CdpSettings): boolean {
  let needles = needleCache.get(settings);
  if (!needles) {
    const words = [
      ...BUILTIN_NEEDLES,
      ...[...settings.clientModules.keys()].map((module) => module.split('/').at(-1) ?? module),
      ...settings.wrappers.map((wrapper) => wrapper.name.split('.').at(-1) ?? wrapper.name),
    ];
    needles = new RegExp(words.map(escape).join('|'));
    needleCache.set(settings, needles);
  }
  return needles.test(text);
}

/**
 * The returns and `this.x =` assignments of a file, indexed on first use: only files whose SDK
 * values flow through a factory or a class member need them.
 */
class LazyFileIndex implements FileIndex {
  private returns: Map<FunctionNode, TSESTree.Expression[]> | undefined;
  private thisAssignments: Map<ClassNode, Map<string, TSESTree.Expression[]>> | undefined;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  returnsOf(fn: FunctionNode): readonly TSESTree.Expression[] {
    this.returns ??= indexReturns(this.sourceCode);
    return this.returns.get(fn) ?? NO_EXPRESSIONS;
  }

  thisAssignmentsOf(owner: ClassNode, name: string): readonly TSESTree.Expression[] {
    this.thisAssignments ??= indexThisAssignments(this.sourceCode);
    return this.thisAssignments.get(owner)?.get(name) ?? NO_EXPRESSIONS;
  }
}
const NO_EXPRESSIONS: readonly TSESTree.Expression[] = [];

function indexReturns(sourceCode: Readonly<TSESLint.SourceCode>): Map<FunctionNode, TSESTree.Expression[]> {
  const returns = new Map<FunctionNode, TSESTree.Expression[]>();
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.ReturnStatement)) {
    const fn = node.argument && enclosingFunction(node);
    if (!fn || !node.argument) continue;
    const list = returns.get(fn);
    if (list) list.push(node.argument);
    else returns.set(fn, [node.argument]);
  }
  return returns;
}

function indexThisAssignments(sourceCode: Readonly<TSESLint.SourceCode>): Map<ClassNode, Map<string, TSESTree.Expression[]>> {
  const assignments = new Map<ClassNode, Map<string, TSESTree.Expression[]>>();
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.AssignmentExpression)) {
    const left = unwrap(node.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) continue;
    const owner = thisOwner(left.object);
    const name = memberName(left);
    if (!owner || owner.type === AST_NODE_TYPES.ObjectExpression || name === undefined) continue;
    let members = assignments.get(owner);
    if (!members) {
      members = new Map<string, TSESTree.Expression[]>();
      assignments.set(owner, members);
    }
    const list = members.get(name);
    if (list) list.push(node.right);
    else members.set(name, [node.right]);
  }
  return assignments;
}

function analyse(context: Context, settings: CdpSettings): SdkAnalysis {
  const sourceCode = context.sourceCode;
  const walked = {
    calls: nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression),
    news: nodesOfType(sourceCode, AST_NODE_TYPES.NewExpression),
  };
  const resolver = new Resolver(sourceCode, settings, new LazyFileIndex(sourceCode));
  const typed = typedClientOf(context);

  const constructions: Construction[] = [];
  const consider = (node: TSESTree.NewExpression | TSESTree.CallExpression, how: 'new' | 'call'): void => {
    const callee = resolver.resolve(node.callee);
    const constructed = callee && resolver.constructedBy(callee, how);
    if (!constructed) return;
    constructions.push({
      node,
      ...constructed,
      fields: resolveFields(constructed.client.ctorFields, node.arguments, positional(node.arguments.length)),
    });
  };
  for (const node of walked.news) consider(node, 'new');

  const calls: SdkCall[] = [];
  for (const node of walked.calls) {
    consider(node, 'call');
    const direct = directCall(node, resolver, typed);
    if (direct) calls.push(direct);
  }

  addWrapperCalls(calls, walked.calls, resolver, settings);
  calls.sort((a, b) => a.node.range[0] - b.node.range[0]);

  const callByNode = new Map<TSESTree.Node, SdkCall[]>();
  for (const call of calls) {
    const list = callByNode.get(call.node);
    if (list) list.push(call);
    else callByNode.set(call.node, [call]);
  }
  return {
    active: true,
    calls,
    constructions,
    callByNode,
    settings,
    clientOf: (node) => resolver.clientOf(node) ?? typed?.(node),
    exportOf: (node) => {
      const value = resolver.resolve(node);
      if (value?.kind !== 'module' || value.path.length === 0) return undefined;
      const found = exportAt(value.entries, value.path);
      return found && { sdk: found.sdk, name: value.path[value.path.length - 1], legacy: found.legacy };
    },
  };
}

/** A direct call: each argument lands where it is written. */
function positional(count: number): ArgBinding[] {
  const bindings: ArgBinding[] = new Array<ArgBinding>(count);
  for (let index = 0; index < count; index++) bindings[index] = { arg: index, path: NO_PATH, landing: { index } };
  return bindings;
}
const NO_PATH: readonly string[] = [];
const genericMethods = new WeakMap<ClientSpec, Map<string, MethodSpec>>();

/** A method the table does not list, on a client whose every method returns a promise. */
function findMethod(client: ClientSpec, name: string): MethodSpec | undefined {
  const listed = client.methods.find((method) => method.name === name);
  if (listed || !client.unlistedMethodsReturn) return listed;
  let byName = genericMethods.get(client);
  if (!byName) {
    byName = new Map();
    genericMethods.set(client, byName);
  }
  let method = byName.get(name);
  if (!method) {
    method = uniformMethod({ name, kind: 'other', returns: client.unlistedMethodsReturn, fields: [] });
    byName.set(name, method);
  }
  return method;
}

/**
 * For a client declared without a class: the clients (in table order) with that method, preferring
 * the one whose argument style fits the call — one payload object (`track({ userId, event })`)
 * or a positional person id (`track(id, { name })`).
 */
function inferClient(
  name: string,
  args: readonly TSESTree.CallExpressionArgument[],
): { sdk: SdkDescriptor; client: ClientSpec } | undefined {
  const payloadCall = args.length === 1 && unwrap(args[0]).type === AST_NODE_TYPES.ObjectExpression;
  let first: { sdk: SdkDescriptor; client: ClientSpec } | undefined;
  for (const sdk of SDKS) {
    for (const client of sdk.clients) {
      const method = client.kind === 'client' ? client.methods.find((m) => m.name === name) : undefined;
      if (!method) continue;
      const positional = method.fields.some((field) => field.at.index === 0 && !field.at.path);
      if (positional !== payloadCall) return { sdk, client };
      first ??= { sdk, client };
    }
  }
  return first;
}

function directCall(
  node: TSESTree.CallExpression,
  resolver: Resolver,
  typed: TypedClientOf | undefined,
): SdkCall | undefined {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return boundCall(node, callee, resolver);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  if (name === undefined || name === 'then' || name === 'catch' || name === 'finally') return undefined;
  const receiverValue = resolver.resolve(callee.object);
  let clientValue = receiverValue && resolver.asClient(receiverValue, callee.object);
  if (!clientValue && receiverValue?.kind === 'anyClient') {
    const inferred = inferClient(name, node.arguments);
    if (inferred) clientValue = { kind: 'client', ...inferred, origin: receiverValue.origin };
  }
  // Types only add resolutions, and only where names say it could be an SDK call.
  if (!clientValue && !receiverValue && typed) clientValue = typed(callee.object, name);
  if (!clientValue) return boundCall(node, callee, resolver);
  const method = findMethod(clientValue.client, name);
  if (!method) return undefined;
  if (method.returns === 'promiseHolder') promiseHolderCalls.add(node);
  const argMap = positional(node.arguments.length);
  return {
    node,
    sdk: clientValue.sdk,
    client: clientValue.client,
    method,
    receiver: callee.object,
    clientValue,
    inner: undefined,
    argMap,
    fields: resolveFields(method.fields, node.arguments, argMap),
  };
}

/**
 * `track(…)` imported from a module whose functions are the methods of its own client instance
 * (Amplitude): a call of that method with no receiver to show, so rules treat it as they treat a
 * declared wrapper's call, with the arguments where they are written.
 */
function boundCall(
  node: TSESTree.CallExpression,
  callee: TSESTree.Identifier | TSESTree.MemberExpression,
  resolver: Resolver,
): SdkCall | undefined {
  const value = resolver.resolve(callee);
  if (value?.kind !== 'module' || value.path.length === 0) return undefined;
  const found = exportAt(value.entries, value.path);
  const spec = found?.spec;
  if (!found || spec?.kind !== 'bound') return undefined;
  const client = found.sdk.clients.find((candidate) => candidate.name === spec.client);
  const method = client && findMethod(client, value.path[value.path.length - 1]);
  if (!client || !method) return undefined;
  if (method.returns === 'promiseHolder') promiseHolderCalls.add(node);
  const argMap = positional(node.arguments.length);
  return {
    node,
    sdk: found.sdk,
    client,
    method,
    receiver: undefined,
    clientValue: { kind: 'client', sdk: found.sdk, client, origin: callee },
    inner: undefined,
    argMap,
    fields: resolveFields(method.fields, node.arguments, argMap),
  };
}

/** Calls that return a promise holder (`{ promise }`), recorded as the engine resolves them. */
const promiseHolderCalls = new WeakSet<TSESTree.Node>();

/** Does this call return an object whose `promise` property is the promise (Amplitude's `track()`)? */
export function isPromiseHolderCall(node: TSESTree.Node): boolean {
  return promiseHolderCalls.has(node);
}

/** Finds each field's value in the arguments, through object literals and local `const` objects. */
export function resolveFields(
  specs: readonly FieldSpec[],
  args: readonly TSESTree.CallExpressionArgument[],
  bindings: readonly ArgBinding[],
): ResolvedField[] {
  // The most specific binding wins: `{ name }` passed separately beats the whole object.
  const ordered = bindings.some((binding) => binding.landing.path?.length)
    ? [...bindings].sort((a, b) => (b.landing.path?.length ?? 0) - (a.landing.path?.length ?? 0))
    : bindings;
  const fields: ResolvedField[] = [];
  for (const spec of specs) {
    const wanted = spec.at.path ?? NO_PATH;
    for (const binding of ordered) {
      if (!covers(binding.landing, spec.at)) continue;
      const arg = args[binding.arg] as TSESTree.CallExpressionArgument | undefined;
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) break;
      if (spec.unlessObject && wanted.length === 0 && binding.path.length === 0 && isObjectValue(arg)) break;
      const skip = binding.landing.path?.length ?? 0;
      const path = binding.path.length === 0 && skip === 0 ? wanted : [...binding.path, ...wanted.slice(skip)];
      const found = lookupPath(arg, path);
      if (found) fields.push({ spec, node: found.node, indirect: found.indirect || binding.path.length > 0 });
      break;
    }
  }
  return fields;
}

/** An object literal, written here or bound to a local `const`. */
function isObjectValue(node: TSESTree.Expression): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return true;
  return target.type === AST_NODE_TYPES.Identifier && constObjectInit(target) !== undefined;
}

function lookupPath(
  start: TSESTree.Expression,
  path: readonly string[],
): { node: TSESTree.Expression; indirect: boolean } | undefined {
  let node: TSESTree.Expression = start;
  let indirect = false;
  for (const key of path) {
    let target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const init = constObjectInit(target);
      if (!init) return undefined;
      target = init;
      indirect = true;
    }
    if (target.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const property = findProperty(target, key);
    if (!property || property.value.type === AST_NODE_TYPES.AssignmentPattern) return undefined;
    node = property.value as TSESTree.Expression;
  }
  return { node, indirect };
}

/**
 * The object literal a local binding was initialised with, when nothing reassigns it.
 * Mutations through properties (`attrs.x = 1`) are not tracked: rules only read keys they see.
 */
function constObjectInit(identifier: TSESTree.Identifier): TSESTree.ObjectExpression | undefined {
  const declarator = findDeclarator(identifier);
  const init = declarator?.init && unwrap(declarator.init);
  return init?.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

function findDeclarator(identifier: TSESTree.Identifier): TSESTree.VariableDeclarator | undefined {
  // Walk outwards through the scopes by hand: cheap, and avoids needing the scope manager here.
  for (let current: TSESTree.Node | undefined = identifier.parent; current; current = current.parent) {
    const body =
      current.type === AST_NODE_TYPES.BlockStatement || current.type === AST_NODE_TYPES.Program
        ? current.body
        : undefined;
    if (!body) continue;
    for (const statement of body) {
      if (statement.range[0] > identifier.range[0]) break;
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === identifier.name) {
          return declarator;
        }
      }
    }
  }
  return undefined;
}

interface WrapperSummary {
  fn: FunctionNode;
  inner: SdkCall;
  bindings: ArgBinding[];
}

/**
 * Wrapper summaries: a local function whose parameters flow into an SDK call's roles makes each
 * of its call sites an SDK call with those roles, so rules check the call site where the value is
 * written. Parameters may be passed on whole, destructured (`({ userId, name })`) or read as
 * members (`opts.name`). Declared wrappers (`settings.cdp.wrappers`) work the same way across files.
 */
function addWrapperCalls(
  calls: SdkCall[],
  allCalls: readonly TSESTree.CallExpression[],
  resolver: Resolver,
  settings: CdpSettings,
): void {
  const summaries = new Map<FunctionNode, WrapperSummary[]>();
  let pending = calls.slice();
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const fresh: WrapperSummary[] = [];
    for (const call of pending) {
      const summary = summarise(call);
      if (!summary) continue;
      const list = summaries.get(summary.fn) ?? [];
      list.push(summary);
      summaries.set(summary.fn, list);
      fresh.push(summary);
    }
    if (fresh.length === 0) break;
    const freshFns = new Set(fresh.map((summary) => summary.fn));
    pending = [];
    for (const node of allCalls) {
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const value = resolver.resolve(callee);
      if (value?.kind !== 'function' || !freshFns.has(value.node)) continue;
      for (const summary of summaries.get(value.node) ?? []) {
        if (!fresh.includes(summary)) continue;
        const derived = wrapperCall(node, summary.inner, summary.bindings);
        calls.push(derived);
        pending.push(derived);
        // The inner call delegates roles that hold a parameter itself to its callers, where the
        // values are written; a member read (`user.email`) still says something where it is.
        summary.inner.fields = summary.inner.fields.filter(
          (field) => unwrap(field.node).type !== AST_NODE_TYPES.Identifier || !parameterSource(field.node, summary.fn),
        );
      }
    }
  }
  if (settings.wrappers.length > 0) {
    const lastNames = wrapperLastNames(settings);
    for (const node of allCalls) {
      // The name called must end the wrapper's dotted name: check it before building the chain
      // (a computed key with a dot in it, `sdk['a.b']()`, takes the long way).
      const called = calleeName(node);
      if (called !== undefined && !called.includes('.') && !lastNames.has(called)) continue;
      const chain = memberChain(node.callee)?.join('.');
      if (!chain) continue;
      for (const wrapper of settings.wrappers) {
        if (wrapper.name !== chain) continue;
        const bindings = wrapper.params.flatMap((landing, arg) => (landing ? [{ arg, path: [], landing }] : []));
        calls.push({
          node,
          sdk: wrapper.sdk,
          client: wrapper.client,
          method: wrapper.method,
          receiver: undefined,
          clientValue: undefined,
          inner: undefined,
          argMap: bindings,
          fields: resolveFields(wrapper.method.fields, node.arguments, bindings),
        });
      }
    }
  }
}

const wrapperNames = new WeakMap<CdpSettings, ReadonlySet<string>>();

/** The last segment of each declared wrapper's name (`track` for `analytics.track`). */
function wrapperLastNames(settings: CdpSettings): ReadonlySet<string> {
  let names = wrapperNames.get(settings);
  if (!names) {
    names = new Set(settings.wrappers.map((wrapper) => wrapper.name.slice(wrapper.name.lastIndexOf('.') + 1)));
    wrapperNames.set(settings, names);
  }
  return names;
}

function wrapperCall(node: TSESTree.CallExpression, inner: SdkCall, bindings: ArgBinding[]): SdkCall {
  return {
    node,
    sdk: inner.sdk,
    client: inner.client,
    method: inner.method,
    receiver: undefined,
    clientValue: undefined,
    inner,
    argMap: bindings,
    fields: resolveFields(inner.method.fields, node.arguments, bindings),
  };
}

/** Where the parameters of the call's enclosing function land in the SDK method's arguments. */
function summarise(call: SdkCall): WrapperSummary | undefined {
  const fn = enclosingFunction(call.node);
  if (!fn || fn.params.length === 0) return undefined;
  const bindings: ArgBinding[] = [];
  const visit = (node: TSESTree.Node, path: readonly string[], landing: ArgPath, depth: number): void => {
    const source = parameterSource(node, fn);
    if (source) {
      bindings.push({ arg: source.arg, path: [...source.path, ...path], landing });
      return;
    }
    if (path.length > 0) {
      const found = lookupPath(node as TSESTree.Expression, path);
      if (found) visit(found.node, [], landing, depth);
      return;
    }
    const target = unwrap(node);
    if (target.type === AST_NODE_TYPES.ObjectExpression && depth < 4) {
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = staticName(property.key, false);
        if (key === undefined) continue;
        visit(property.value, [], { index: landing.index, path: [...(landing.path ?? []), key] }, depth + 1);
      }
    }
  };
  for (const binding of call.argMap) {
    const arg = call.node.arguments[binding.arg] as TSESTree.CallExpressionArgument | undefined;
    if (arg && arg.type !== AST_NODE_TYPES.SpreadElement) visit(arg, binding.path, binding.landing, 0);
  }
  const coversRole = call.method.fields.some((spec) => bindings.some((binding) => covers(binding.landing, spec.at)));
  return coversRole ? { fn, inner: call, bindings } : undefined;
}

function covers(landing: ArgPath, at: ArgPath): boolean {
  if (landing.index !== at.index) return false;
  const prefix = landing.path;
  if (!prefix) return true;
  const path = at.path ?? NO_PATH;
  if (prefix.length > path.length) return false;
  for (let k = 0; k < prefix.length; k++) if (path[k] !== prefix[k]) return false;
  return true;
}

/** The names a parameter declares, with the property path each is read from (`{ user: { id } }`). */
function parameterNames(param: TSESTree.Parameter): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const visit = (pattern: TSESTree.Node, path: string[], depth: number): void => {
    if (pattern.type === AST_NODE_TYPES.TSParameterProperty) return visit(pattern.parameter, path, depth);
    if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return visit(pattern.left, path, depth);
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      names.set(pattern.name, path);
      return;
    }
    if (pattern.type === AST_NODE_TYPES.ObjectPattern && depth < 3) {
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = staticName(property.key, property.computed);
        if (key !== undefined) visit(property.value, [...path, key], depth + 1);
      }
    }
  };
  visit(param, [], 0);
  return names;
}

interface ParameterName {
  arg: number;
  path: readonly string[];
}
const parameterNamesMemo = new WeakMap<FunctionNode, ReadonlyMap<string, ParameterName>>();

/**
 * Every name a function's parameters declare, with the first parameter that declares it, computed
 * once per function: wrapper summaries ask about every argument and property of every SDK call.
 */
function parametersOf(fn: FunctionNode): ReadonlyMap<string, ParameterName> {
  let names = parameterNamesMemo.get(fn);
  if (!names) {
    const byName = new Map<string, ParameterName>();
    fn.params.forEach((param, arg) => {
      for (const [name, path] of parameterNames(param)) if (!byName.has(name)) byName.set(name, { arg, path });
    });
    names = byName;
    parameterNamesMemo.set(fn, names);
  }
  return names;
}

/** The identifier a chain of static member reads starts from (`user` in `user.profile.email`). */
function chainRoot(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let target = unwrap(node);
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    if (memberName(target) === undefined) return undefined;
    target = unwrap(target.object);
  }
  return target.type === AST_NODE_TYPES.Identifier ? target : undefined;
}

/**
 * Which parameter of `fn` (and which property path inside it) an expression reads:
 * `name` for `(id, name)`, `opts.name` for `(id, opts)`, `name` for `({ name })`.
 */
export function parameterSource(
  node: TSESTree.Node,
  fn: FunctionNode,
): { arg: number; path: string[] } | undefined {
  // Names first: most expressions read no parameter, and then nothing is allocated.
  const root = chainRoot(node);
  const param = root && parametersOf(fn).get(root.name);
  if (!param) return undefined;
  // The nearest function that declares the name must be `fn` itself (no shadowing in between).
  for (let current: TSESTree.Node | undefined = unwrap(node).parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    if (current === fn) return { arg: param.arg, path: [...param.path, ...(memberChain(node) ?? []).slice(1)] };
    if (parametersOf(current).has(root.name)) return undefined;
  }
  return undefined;
}

/** The role's field, if the call has it. */
export function fieldOf(call: SdkCall | Construction, role: FieldRole): ResolvedField | undefined {
  return call.fields.find((field) => field.spec.role === role);
}
