import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { API_HOSTS, METHOD_NAMES, MODULES, SDKS } from '../sdk/index.js';
import type { ArgPath, ClientSpec, FieldRole, FieldSpec, MethodSpec, SdkDescriptor } from '../sdk/types.js';
import { enclosingFunction, findProperty, isFunction, memberChain, memberName, unwrap, type FunctionNode } from './ast.js';
import { Resolver, thisOwner, type FileIndex } from './resolver.js';
import { readSettings, type CdpSettings, type WrapperSetting } from './settings.js';
import { typedClientOf, type TypedClientOf } from './typed.js';
import type { ClientValue } from './values-model.js';

/** A value found at a role's position in a call. */
export interface ResolvedField {
  spec: FieldSpec;
  node: TSESTree.Expression;
  /** Reached through a variable (`const attrs = {...}; identify(id, attrs)`), not written in the call. */
  indirect: boolean;
}

/** A call of an SDK method, or of a wrapper that stands for one. */
export interface SdkCall {
  node: TSESTree.CallExpression;
  sdk: SdkDescriptor;
  client: ClientSpec;
  method: MethodSpec;
  /** The client expression for direct calls (`cio` in `cio.track()`). */
  receiver?: TSESTree.Expression;
  /** How the client was found. */
  clientValue?: ClientValue;
  /** For a call of a wrapper: the SDK call inside it. */
  inner?: SdkCall;
  /** Where each argument of this call lands in the SDK method's arguments. */
  argMap: (index: number) => ArgPath | null;
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
  const analysis = mentionsSdk(sourceCode.text, settings) || typed?.test(sourceCode.text)
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
  };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BUILTIN_NEEDLES = [...MODULES.keys(), ...API_HOSTS];
const needleCache = new WeakMap<CdpSettings, RegExp>();
// With types, a client imported from any module can be resolved; a file needs at least a call of a known method name.
const TYPED_NEEDLE = new RegExp(`\\.\\s*(?:${[...METHOD_NAMES].map(escape).join('|')})\\s*\\(`);

/** One regular-expression test on the text decides whether a file is worth analysing at all. */
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

interface Walked extends FileIndex {
  calls: TSESTree.CallExpression[];
  news: TSESTree.NewExpression[];
}

/** One walk over the file collects every node the engine needs. */
function walk(sourceCode: Readonly<TSESLint.SourceCode>): Walked {
  const walked: Walked = { calls: [], news: [], returns: new Map(), thisAssignments: new Map() };
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        walked.calls.push(node);
        break;
      case AST_NODE_TYPES.NewExpression:
        walked.news.push(node);
        break;
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingFunction(node);
        if (fn && node.argument) {
          const list = walked.returns.get(fn) ?? [];
          list.push(node.argument);
          walked.returns.set(fn, list);
        }
        break;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        const left = unwrap(node.left);
        if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression) {
          const owner = thisOwner(left.object);
          const name = memberName(left);
          if (owner && owner.type !== AST_NODE_TYPES.ObjectExpression && name !== undefined) {
            const members = walked.thisAssignments.get(owner) ?? new Map<string, TSESTree.Expression[]>();
            members.set(name, [...(members.get(name) ?? []), node.right]);
            walked.thisAssignments.set(owner, members);
          }
        }
        break;
      }
      default:
        break;
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return walked;
}

function analyse(context: Context, settings: CdpSettings): SdkAnalysis {
  const sourceCode = context.sourceCode;
  const walked = walk(sourceCode);
  const resolver = new Resolver(sourceCode, settings, walked);
  const typed = typedClientOf(context);

  const constructions: Construction[] = [];
  const consider = (node: TSESTree.NewExpression | TSESTree.CallExpression, how: 'new' | 'call'): void => {
    const callee = resolver.resolve(node.callee);
    const constructed = callee && resolver.constructedBy(callee, how);
    if (!constructed) return;
    constructions.push({
      node,
      ...constructed,
      fields: resolveFields(constructed.client.ctorFields, node.arguments, identity),
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
  for (const call of calls) callByNode.set(call.node, [...(callByNode.get(call.node) ?? []), call]);
  return {
    active: true,
    calls,
    constructions,
    callByNode,
    settings,
    clientOf: (node) => resolver.clientOf(node) ?? typed?.(node),
  };
}

const identity = (index: number): ArgPath => ({ index });
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
    method = { name, kind: 'other', returns: client.unlistedMethodsReturn, fields: [] };
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
  if (!clientValue) return undefined;
  const method = findMethod(clientValue.client, name);
  if (!method) return undefined;
  return {
    node,
    sdk: clientValue.sdk,
    client: clientValue.client,
    method,
    receiver: callee.object,
    clientValue,
    argMap: identity,
    fields: resolveFields(method.fields, node.arguments, identity),
  };
}

/** Finds each field's value in the arguments, through object literals and local `const` objects. */
export function resolveFields(
  specs: readonly FieldSpec[],
  args: readonly TSESTree.CallExpressionArgument[],
  argMap: (index: number) => ArgPath | null,
): ResolvedField[] {
  const fields: ResolvedField[] = [];
  for (const spec of specs) {
    const wanted = spec.at.path ?? [];
    for (let i = 0; i < args.length; i++) {
      const landing = argMap(i);
      if (!landing || landing.index !== spec.at.index) continue;
      const prefix = landing.path ?? [];
      if (prefix.length > wanted.length || prefix.some((key, k) => wanted[k] !== key)) continue;
      const arg = args[i];
      if (arg.type === AST_NODE_TYPES.SpreadElement) break;
      const found = lookupPath(arg, wanted.slice(prefix.length));
      if (found) fields.push({ spec, ...found });
      break;
    }
  }
  return fields;
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
  params: (ArgPath | null)[];
}

/**
 * Wrapper summaries: a local function whose parameters flow into an SDK call's roles makes each
 * of its call sites an SDK call with those roles, so rules check the call site where the value is
 * written. Declared wrappers (`settings.cdp.wrappers`) work the same way across files.
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
        const derived = deriveCall(node, summary.inner, summary.params);
        calls.push(derived);
        pending.push(derived);
        // The inner call delegates those roles to its callers, where the values are written.
        summary.inner.fields = summary.inner.fields.filter((field) => !isParameterOf(field.node, summary.fn));
      }
    }
  }
  if (settings.wrappers.length > 0) {
    for (const node of allCalls) {
      const chain = memberChain(node.callee)?.join('.');
      if (!chain) continue;
      for (const wrapper of settings.wrappers) {
        if (wrapper.name === chain) calls.push(declaredWrapperCall(node, wrapper));
      }
    }
  }
}

function declaredWrapperCall(node: TSESTree.CallExpression, wrapper: WrapperSetting): SdkCall {
  const argMap = (index: number): ArgPath | null => wrapper.params[index] ?? null;
  return {
    node,
    sdk: wrapper.sdk,
    client: wrapper.client,
    method: wrapper.method,
    argMap,
    fields: resolveFields(wrapper.method.fields, node.arguments, argMap),
  };
}

function deriveCall(node: TSESTree.CallExpression, inner: SdkCall, params: (ArgPath | null)[]): SdkCall {
  const argMap = (index: number): ArgPath | null => params[index] ?? null;
  return {
    node,
    sdk: inner.sdk,
    client: inner.client,
    method: inner.method,
    inner,
    argMap,
    fields: resolveFields(inner.method.fields, node.arguments, argMap),
  };
}

/** Where each parameter of the call's enclosing function lands in the SDK method's arguments. */
function summarise(call: SdkCall): WrapperSummary | undefined {
  const fn = enclosingFunction(call.node);
  if (!fn || fn.params.length === 0) return undefined;
  const names = fn.params.map(parameterName);
  const params: (ArgPath | null)[] = names.map(() => null);
  let found = false;
  const visit = (node: TSESTree.Node, landing: ArgPath, depth: number): void => {
    const target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const index = names.indexOf(target.name);
      if (index >= 0 && isParameterOf(target, fn)) {
        params[index] = landing;
        found = true;
      }
      return;
    }
    if (target.type === AST_NODE_TYPES.ObjectExpression && depth < 4) {
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
        visit(property.value, { index: landing.index, path: [...(landing.path ?? []), key] }, depth + 1);
      }
    }
  };
  call.node.arguments.forEach((arg, i) => {
    const landing = call.argMap(i);
    if (landing && arg.type !== AST_NODE_TYPES.SpreadElement) visit(arg, landing, 0);
  });
  const coversRole = found && call.method.fields.some((spec) => params.some((p) => p && covers(p, spec.at)));
  return coversRole ? { fn, inner: call, params } : undefined;
}

function covers(landing: ArgPath, at: ArgPath): boolean {
  if (landing.index !== at.index) return false;
  const prefix = landing.path ?? [];
  const path = at.path ?? [];
  return prefix.length <= path.length && prefix.every((key, k) => path[k] === key);
}

function parameterName(param: TSESTree.Parameter): string | undefined {
  const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.AssignmentPattern && inner.left.type === AST_NODE_TYPES.Identifier) {
    return inner.left.name;
  }
  return undefined;
}

/** Is this identifier a read of one of the function's own simple parameters? */
export function isParameterOf(node: TSESTree.Node, fn: FunctionNode): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  if (!fn.params.some((param) => parameterName(param) === target.name)) return false;
  // The nearest function that declares the name must be `fn` itself (no shadowing in between).
  for (let current: TSESTree.Node | undefined = target.parent; current; current = current.parent) {
    if (isFunction(current)) {
      if (current === fn) return true;
      if (current.params.some((param) => parameterName(param) === target.name)) return false;
    }
  }
  return false;
}

/** The role's field, if the call has it. */
export function fieldOf(call: SdkCall | Construction, role: FieldRole): ResolvedField | undefined {
  return call.fields.find((field) => field.spec.role === role);
}
