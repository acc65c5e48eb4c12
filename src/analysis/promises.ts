import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, memberName, outermostTransparent, staticName, unwrap, type FunctionNode, pushNodes } from './ast.js';
import { nodesOfType } from './file-index.js';
import { getSdkAnalysis, type SdkCall } from './sdk-calls.js';

/**
 * Promise flow: what happens to the promise a call returns. It is followed forwards through
 * `.then/.catch/.finally` chains, `Promise.all/allSettled/race/any`, conditionals, local variables,
 * array callbacks (`map` builds an array of promises, `forEach` drops them), `.then` callbacks,
 * IIFEs, and the functions that return it or `await` it (their call sites then hold it in turn).
 *
 * ```ts
 * const flow = followPromise(call, { sourceCode });
 * flow.drops;   // where it is discarded with no rejection handler: `cio.track(x);`, `void p`, …
 * flow.awaits;  // every `await` that waits for it (directly, through a chain, a combinator, a caller)
 * ```
 *
 * A value passed to another function, stored in an object or a class field, yielded or returned
 * to an unknown caller is someone else's to handle: the flow stops there, counted as handled.
 */

/** How a promise is discarded. */
export type DropKind =
  /** An expression statement (`cio.track(x);`), or a sequence that throws it away. */
  | 'statement'
  /** `void cio.track(x)`: silences linters, still rejects unhandled. */
  | 'void'
  /** Assigned to a variable that nothing reads. */
  | 'unused'
  /** Returned to `forEach`, which ignores what its callback returns. */
  | 'forEach'
  /** An array of promises that nothing combines (`users.map(…)` alone, or `await` of the array itself). */
  | 'array';

/** A function the promise passed through: `site` is a call of `fn`, whose result now holds it. */
export interface Hop {
  fn: FunctionNode;
  site: TSESTree.CallExpression;
  /** `returns`: `fn` returns the promise itself; `awaits`: `fn` is async and awaits it. */
  how: 'returns' | 'awaits';
}

export interface PromiseDrop {
  kind: DropKind;
  /** The call whose result is discarded: the call followed, or a call of a function that passes it on. */
  origin: TSESTree.CallExpression;
  /** The functions between the call followed and `origin`, innermost first. */
  via: readonly Hop[];
  /** The end of the promise chain: where `.catch(…)` can be appended or `await` put in front. */
  chainEnd: TSESTree.Expression;
  /** The statement that discards it. */
  statement: TSESTree.Node;
  /** It sits in the `try` block of a `try/catch` (in the same function), which therefore catches nothing. */
  inTry: boolean;
}

export interface PromiseAwait {
  node: TSESTree.AwaitExpression;
  /** The call whose result is awaited here. */
  origin: TSESTree.CallExpression;
  via: readonly Hop[];
}

export interface PromiseFlow {
  drops: readonly PromiseDrop[];
  awaits: readonly PromiseAwait[];
}

export interface FlowOptions {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /**
   * More call sites of a function than the ones found by name (the engine resolves calls such as
   * `helpers.track()` through objects). `origin` is the call inside `fn` whose promise it passes on.
   */
  callSites?: (fn: FunctionNode, origin: TSESTree.CallExpression) => readonly TSESTree.CallExpression[];
}

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
/** `Promise.x(iterable)`: `allSettled` never rejects; the others reject with the first rejection. */
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
const MAX_DEPTH = 40;
const MAX_HOPS = 4;
const MAX_SITES = 200;

interface State {
  /** A rejection handler is already on the chain (`.catch(h)`, `.then(a, b)`, `allSettled`). */
  caught: boolean;
  /** The value is an array of promises rather than one promise. */
  array: boolean;
  /** The end of the promise chain (for an array: of the element chain). */
  chainEnd: TSESTree.Expression;
}

interface ValueWalk {
  origin: TSESTree.CallExpression;
  via: readonly Hop[];
  /** Some path takes responsibility for the value. */
  handled: boolean;
  drops: PromiseDrop[];
}

/**
 * Where the promise returned by `call` goes. For a call that returns a promise holder, `start` is
 * the read of its promise (`flush().promise`), where the promise's own flow begins.
 */
export function followPromise(call: TSESTree.CallExpression, options: FlowOptions, start?: TSESTree.Expression): PromiseFlow {
  const flow = new Flow(options);
  try {
    flow.value(call, [], { caught: false, array: false, chainEnd: start ?? call }, start);
  } catch {
    // Never throw on odd code: what was found so far stands.
  }
  return { drops: flow.drops, awaits: flow.awaits };
}

class Flow {
  readonly drops: PromiseDrop[] = [];
  readonly awaits: PromiseAwait[] = [];
  private readonly seen = new Set<TSESTree.Node>();
  private sites = 0;

  constructor(private readonly options: FlowOptions) {}

  /** Follows one promise value (the result of `origin`): its drops count unless some path handles it. */
  value(origin: TSESTree.CallExpression, via: readonly Hop[], state: State, start: TSESTree.Node = origin): void {
    const walk: ValueWalk = { origin, via, handled: false, drops: [] };
    this.follow(walk, start, state, 0);
    if (!walk.handled) this.drops.push(...walk.drops);
  }

  private follow(walk: ValueWalk, start: TSESTree.Node, initial: State, depth: number): void {
    if (depth > MAX_DEPTH) {
      walk.handled = true;
      return;
    }
    let state = initial;
    let current: TSESTree.Node = start;
    for (let step = 0; step < MAX_DEPTH; step++) {
      const parent = current.parent;
      if (!parent) break;
      switch (parent.type) {
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.ChainExpression:
          current = parent;
          continue;
        case AST_NODE_TYPES.MemberExpression: {
          const call = parent.parent;
          const name = parent.object === current ? memberName(parent) : undefined;
          if (
            state.array ||
            name === undefined ||
            !CHAIN_METHODS.has(name) ||
            call?.type !== AST_NODE_TYPES.CallExpression ||
            call.callee !== parent
          ) {
            break; // a property read (`(await x).body` aside): not the promise any more
          }
          const handler =
            (name === 'catch' && call.arguments.length >= 1) || (name === 'then' && call.arguments.length >= 2);
          state = { caught: state.caught || handler, array: state.array, chainEnd: call };
          current = call;
          continue;
        }
        case AST_NODE_TYPES.AwaitExpression:
          if (state.array) return this.drop(walk, 'array', parent, state);
          this.awaits.push({ node: parent, origin: walk.origin, via: walk.via });
          return this.awaited(walk, parent, state, depth);
        case AST_NODE_TYPES.ReturnStatement: {
          const fn = enclosingFunction(parent);
          if (!fn) break;
          this.returned(walk, fn, state, 'returns', depth);
          return;
        }
        case AST_NODE_TYPES.ArrowFunctionExpression:
          if (parent.body !== current) break;
          this.returned(walk, parent, state, 'returns', depth);
          return;
        case AST_NODE_TYPES.ExpressionStatement:
          return this.drop(walk, state.array ? 'array' : 'statement', parent, state);
        case AST_NODE_TYPES.UnaryExpression:
          if (parent.operator !== 'void') break;
          return this.drop(walk, state.array ? 'array' : 'void', parent, state);
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) !== current) return this.drop(walk, 'statement', parent, state);
          current = parent;
          continue;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === current) break;
          current = parent;
          continue;
        case AST_NODE_TYPES.LogicalExpression:
          current = parent;
          continue;
        case AST_NODE_TYPES.ArrayExpression:
          if (state.array) break;
          state = { caught: state.caught, array: true, chainEnd: state.chainEnd };
          current = parent;
          continue;
        case AST_NODE_TYPES.SpreadElement:
          if (!state.array || parent.parent?.type !== AST_NODE_TYPES.ArrayExpression) break;
          current = parent.parent;
          continue;
        case AST_NODE_TYPES.CallExpression: {
          if (parent.callee === current) break;
          const combinator = combinatorOf(parent);
          if (!combinator || parent.arguments[0] !== current) break;
          if (!state.array && combinator !== 'resolve') break;
          state = { caught: state.caught || combinator === 'allSettled', array: false, chainEnd: parent };
          current = parent;
          continue;
        }
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) break;
          return this.variable(walk, parent, parent.id, state, depth);
        case AST_NODE_TYPES.AssignmentExpression: {
          const left = parent.left;
          if (parent.right !== current || parent.operator !== '=' || left.type !== AST_NODE_TYPES.Identifier) break;
          return this.variable(walk, parent, left, state, depth);
        }
        default:
          break;
      }
      break;
    }
    // Passed on, stored, yielded, compared: someone else's to handle (or nothing we can judge).
    walk.handled = true;
  }

  private drop(walk: ValueWalk, kind: DropKind, at: TSESTree.Node, state: State): void {
    if (state.caught) {
      walk.handled = true;
      return;
    }
    const statement = statementOf(at);
    walk.drops.push({
      kind,
      origin: walk.origin,
      via: walk.via,
      chainEnd: state.chainEnd,
      statement,
      inTry: functionAround(statement).inTry,
    });
  }

  /**
   * `await p`: inside an async function, that function's promise now waits for it and rejects with
   * it (unless caught there); elsewhere (top-level `await`) it is handled.
   */
  private awaited(walk: ValueWalk, node: TSESTree.AwaitExpression, state: State, depth: number): void {
    const { fn, inTry } = functionAround(node);
    if (!fn?.async || fn.generator) {
      walk.handled = true;
      return;
    }
    const caught = state.caught || inTry;
    this.returned(walk, fn, { caught, array: false, chainEnd: state.chainEnd }, 'awaits', depth);
  }

  /** The value leaves `fn` as (part of) its result: follow it where `fn`'s result goes. */
  private returned(walk: ValueWalk, fn: FunctionNode, state: State, how: Hop['how'], depth: number): void {
    // Generators, and async functions resolving to an array of promises: too far to judge.
    if (fn.generator || (state.array && fn.async)) {
      walk.handled = true;
      return;
    }
    const position = outermostTransparent(fn);
    const parent = position.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression) {
      // `(async () => { … })()`: the call's result is the function's.
      if (parent.callee === position) return this.follow(walk, parent, endingAt(state, parent), depth + 1);
      const index = parent.arguments.indexOf(position as TSESTree.CallExpressionArgument);
      const callee = unwrap(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (!state.array) {
        // `p.then((x) => cio.track(x))`: the chain adopts the callback's promise.
        if (method !== undefined && CHAIN_METHODS.has(method) && (index === 0 || index === 1)) {
          return this.follow(walk, parent, endingAt(state, parent), depth + 1);
        }
        if (isIterationCallback(parent, index, 'forEach')) return this.drop(walk, 'forEach', parent, state);
        if (isIterationCallback(parent, index, 'map')) {
          return this.follow(walk, parent, { caught: state.caught, array: true, chainEnd: state.chainEnd }, depth + 1);
        }
      }
      walk.handled = true; // passed to another function (a limiter, a queue, a framework): its business
      return;
    }
    // A named local function: each call site now holds the promise (or nobody here calls it).
    walk.handled = true;
    if (walk.via.length >= MAX_HOPS) return;
    for (const site of this.callSites(fn, walk.origin)) {
      if (this.seen.has(site) || this.sites++ > MAX_SITES) continue;
      this.seen.add(site);
      this.value(site, [...walk.via, { fn, site, how }], endingAt(state, site));
    }
  }

  /** A local variable: handled when some read handles it; dropped when nothing reads it. */
  private variable(
    walk: ValueWalk,
    declaration: TSESTree.Node,
    id: TSESTree.Identifier,
    state: State,
    depth: number,
  ): void {
    const variable = ASTUtils.findVariable(this.options.sourceCode.getScope(id), id);
    if (!variable || this.seen.has(declaration)) {
      walk.handled = true;
      return;
    }
    this.seen.add(declaration);
    // Exported, or a module-level binding another module may read: not ours to judge.
    if (variable.scope.type === 'module' && isExported(variable.defs[0]?.node)) {
      walk.handled = true;
      return;
    }
    const reads = variable.references.filter((reference) => reference.isRead() && reference.identifier !== id);
    if (reads.length === 0) return this.drop(walk, state.array ? 'array' : 'unused', declaration, state);
    for (const read of reads) {
      const sub: ValueWalk = { origin: walk.origin, via: walk.via, handled: false, drops: [] };
      this.follow(sub, read.identifier, state, depth + 1);
      if (sub.handled) walk.handled = true;
      walk.drops.push(...sub.drops);
    }
  }

  /** Calls of a named local function, by its binding (or `this.name()` for a class method). */
  private callSites(fn: FunctionNode, origin: TSESTree.CallExpression): readonly TSESTree.CallExpression[] {
    const local = localCallSites(this.options.sourceCode, fn);
    const more = this.options.callSites?.(fn, origin);
    // Usually none: then the cached list serves as it is, with no copy.
    if (!more || more.length === 0) return local;
    const found = new Set<TSESTree.CallExpression>(local);
    for (const site of more) found.add(site);
    return [...found];
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** The same state with the chain now ending at `end` (written out: these objects are made on every step). */
function endingAt(state: State, end: TSESTree.Expression): State {
  return { caught: state.caught, array: state.array, chainEnd: end };
}

/**
 * The function around `node` and whether `node` sits in the `try` block of a `try/catch` within
 * it (or within the module, outside functions): `enclosingFunction` and `insideTryBlock` in one walk.
 */
function functionAround(node: TSESTree.Node): { fn: FunctionNode | undefined; inTry: boolean } {
  let inTry = false;
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunction(current)) return { fn: current, inTry };
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) inTry = true;
  }
  return { fn: undefined, inTry };
}

/** `Promise.all(…)` and friends; `resolve` hands its argument on. */
function combinatorOf(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !isIdentifierNamed(callee.object, 'Promise')) return undefined;
  const name = memberName(callee);
  return name !== undefined && (COMBINATORS.has(name) || name === 'resolve') ? name : undefined;
}

function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Identifier && target.name === name;
}

/** `xs.forEach(fn)` / `xs.map(fn)` (and `flatMap`, `Array.from(xs, fn)`). */
function isIterationCallback(call: TSESTree.CallExpression, index: number, kind: 'forEach' | 'map'): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  // `Array.from(xs, fn)`
  if (kind === 'map' && name === 'from' && isIdentifierNamed(callee.object, 'Array')) return index === 1;
  if (index !== 0) return false;
  return kind === 'forEach' ? name === 'forEach' : name === 'map' || name === 'flatMap';
}

/** The statement (or declaration) an expression belongs to. */
function statementOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    current.type !== AST_NODE_TYPES.ExpressionStatement &&
    current.type !== AST_NODE_TYPES.VariableDeclaration &&
    !isFunction(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

/** Is `node` in the `try` block of a `try { } catch { }` within `fn` (or the module when `fn` is undefined)? */
export function insideTryBlock(node: TSESTree.Node, fn: FunctionNode | undefined): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== fn; child = current, current = current.parent) {
    if (isFunction(current)) return false;
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return true;
  }
  return false;
}

function isExported(node: TSESTree.Node | undefined): boolean {
  for (let current = node; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      current.type === AST_NODE_TYPES.ExportDefaultDeclaration
    ) {
      return true;
    }
    if (current.type === AST_NODE_TYPES.Program) return false;
  }
  return false;
}

const callSiteCache = new WeakMap<FunctionNode, TSESTree.CallExpression[]>();

/**
 * Direct calls of a local function: `f(…)` for `function f` and `const f = () => …`, and
 * `this.name(…)` inside the class for a method. Other uses (passed as a value) are not calls.
 */
export function localCallSites(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.CallExpression[] {
  const cached = callSiteCache.get(fn);
  if (cached) return cached;
  const sites: TSESTree.CallExpression[] = [];
  const isCallee = (identifier: TSESTree.Node): TSESTree.CallExpression | undefined => {
    const position = outermostTransparent(identifier);
    const parent = position.parent;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === position ? parent : undefined;
  };
  const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn ? fn.parent : undefined;
  if (method) {
    const name = staticName(method.key, method.computed);
    if (name !== undefined && method.kind === 'method' && !method.static) {
      sites.push(...thisMethodCalls(sourceCode, method.parent, name));
    }
  } else {
    const binding = bindingOf(sourceCode, fn);
    for (const reference of binding?.references ?? []) {
      if (!reference.isRead()) continue;
      const call = isCallee(reference.identifier);
      if (call) sites.push(call);
    }
  }
  callSiteCache.set(fn, sites);
  return sites;
}

function bindingOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode) {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const name = fn.id?.name;
    return name === undefined ? undefined : sourceCode.getDeclaredVariables(fn).find((v) => v.name === name);
  }
  const position = outermostTransparent(fn);
  const parent = position.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== position) return undefined;
  const id = parent.id;
  if (id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return sourceCode.getDeclaredVariables(parent).find((v) => v.name === id.name);
}

/** `this.name(…)` calls in a class body, outside nested classes and non-arrow functions' own `this`. */
function thisMethodCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  body: TSESTree.ClassBody,
  name: string,
): TSESTree.CallExpression[] {
  let index = thisCallIndex.get(body);
  if (!index) {
    index = indexThisCalls(sourceCode, body);
    thisCallIndex.set(body, index);
  }
  return index.get(name) ?? [];
}

/** One walk per class body, shared by all its methods, in the order a per-name walk would find them. */
const thisCallIndex = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.CallExpression[]>>();

/**
 * Bodies this long may hold more than the walk's 20,000 nodes (a node spans at least a character,
 * and at most a few nodes share one span): they are walked, budget and all, as they always were.
 */
const MAX_INDEXED_BODY = 5_000;

function indexThisCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  body: TSESTree.ClassBody,
): Map<string, TSESTree.CallExpression[]> {
  if (body.range[1] - body.range[0] > MAX_INDEXED_BODY) return walkThisCalls(sourceCode, body);
  // The file's calls, indexed once per file: reading them costs far less than visiting every node
  // of the class body.
  const index = new Map<string, TSESTree.CallExpression[]>();
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
    if (node.range[0] < body.range[0] || node.range[1] > body.range[1]) continue;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) continue;
    const name = memberName(callee);
    if (name === undefined || !sharesThis(body, node)) continue;
    const calls = index.get(name);
    if (calls) calls.push(node);
    else index.set(name, [node]);
  }
  // Source order, put in the walk's order: an enclosing call before the calls inside it, else
  // the later call first.
  for (const calls of index.values()) {
    if (calls.length > 1) calls.sort(walkOrder(calls));
  }
  return index;
}

function walkOrder(calls: readonly TSESTree.CallExpression[]): (a: TSESTree.CallExpression, b: TSESTree.CallExpression) => number {
  const position = new Map(calls.map((call, i) => [call, i]));
  const within = (inner: TSESTree.Node, outer: TSESTree.Node): boolean =>
    outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
  return (a, b) => {
    if (within(b, a)) return -1;
    if (within(a, b)) return 1;
    return position.get(b)! - position.get(a)!;
  };
}

/**
 * Does `node` (inside `body`) run with the class's `this`, where the walk goes: not inside a
 * nested class, a function declaration, or a function expression other than a method or field?
 */
function sharesThis(body: TSESTree.ClassBody, node: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.FunctionDeclaration:
        return false;
      case AST_NODE_TYPES.FunctionExpression:
        if (
          current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
          current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
        ) {
          return false;
        }
        break;
      default:
        break;
    }
  }
  return true;
}

/** A walk in stack order: each node, then its children last to first. */
function walkThisCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  body: TSESTree.ClassBody,
): Map<string, TSESTree.CallExpression[]> {
  const index = new Map<string, TSESTree.CallExpression[]>();
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [...body.body];
  let visited = 0;
  while (stack.length > 0 && visited++ < 20_000) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ClassBody || node.type === AST_NODE_TYPES.ClassDeclaration) continue;
    if (
      node.type === AST_NODE_TYPES.FunctionExpression &&
      node.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      node.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      continue; // its own `this`
    }
    if (node.type === AST_NODE_TYPES.FunctionDeclaration) continue;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = memberName(callee);
        if (name !== undefined) {
          const calls = index.get(name);
          if (calls) calls.push(node);
          else index.set(name, [node]);
        }
      }
    }
    for (const key of keys[node.type] ?? []) {
      pushNodes(stack, (node as unknown as Record<string, unknown>)[key]);
    }
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// The promises of SDK calls in a file.

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface SdkPromise {
  /** A direct SDK call, or a call of a wrapper declared in `settings.cdp.wrappers`. */
  call: SdkCall;
  flow: PromiseFlow;
}

const sdkPromiseCache = new WeakMap<TSESTree.Program, readonly SdkPromise[]>();

/**
 * Every promise-returning SDK call of the file (by the model's `returns`), with where its promise
 * goes. Local wrappers are not listed: their call sites appear in the flows as `via` hops, where
 * the wrapper returns or awaits the SDK promise. Cached per file.
 */
export function getSdkPromises(context: Context): readonly SdkPromise[] {
  const program = context.sourceCode.ast;
  const cached = sdkPromiseCache.get(program);
  if (cached) return cached;
  const analysis = getSdkAnalysis(context);
  const byInner = new Map<TSESTree.Node, TSESTree.CallExpression[]>();
  for (const call of analysis.calls) {
    if (!call.inner) continue;
    const outer = byInner.get(call.inner.node);
    if (outer) outer.push(call.node);
    else byInner.set(call.inner.node, [call.node]);
  }
  const options: FlowOptions = {
    sourceCode: context.sourceCode,
    // The engine resolves wrapper calls that are not plain calls by name (`helpers.track()`).
    callSites: (_fn, origin) => byInner.get(origin) ?? [],
  };
  const thenable = typedThenable(context);
  const promises: SdkPromise[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const call of analysis.calls) {
    if (!isFollowed(call) || call.inner || seen.has(call.node)) continue;
    if (!call.receiver && !call.clientValue) {
      // A wrapper declared in settings: a local function of that name speaks for itself (its call
      // sites are followed from the SDK call inside it), and types, when present, must agree.
      if (isLocalFunctionCall(context, call.node) || thenable?.(call.node) === false) continue;
    }
    seen.add(call.node);
    if (call.method.returns === 'promiseHolder') {
      // Only the holder's `promise` is the promise; a holder used otherwise waits for nothing.
      const read = promiseRead(call.node);
      if (read) promises.push({ call, flow: followPromise(call.node, options, read) });
      continue;
    }
    promises.push({ call, flow: followPromise(call.node, options) });
  }
  sdkPromiseCache.set(program, promises);
  return promises;
}

/**
 * Promises worth following: those that reject on failure, and flushes, whose callers must wait
 * for them however they settle (`shutdown();` at a wrapper's call site loses the queue).
 */
function isFollowed(call: SdkCall): boolean {
  if (call.method.returns === 'void') return false;
  return !call.method.neverRejects || call.method.kind === 'flush';
}

/** `call().promise`: the promise a holder-returning call gives. */
export function promiseRead(call: TSESTree.CallExpression): TSESTree.MemberExpression | undefined {
  const position = outermostTransparent(call);
  const parent = position.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === position && memberName(parent) === 'promise'
    ? parent
    : undefined;
}

/** `trackEvent(…)` where `trackEvent` is a function declared in this file. */
function isLocalFunctionCall(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  const def = variable?.defs[0];
  if (!def) return false;
  // `declare function trackEvent(…)` is a type, not the wrapper's code.
  if (def.type === 'FunctionName') return def.node.type === AST_NODE_TYPES.FunctionDeclaration;
  return def.type === 'Variable' && !!def.node.init && isFunction(unwrap(def.node.init));
}

/** With type information: does a call's type have a `then` (undefined when unknown or `any`)? */
function typedThenable(context: Context): ((node: TSESTree.Node) => boolean | undefined) | undefined {
  const services = context.sourceCode.parserServices;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const checker = program.getTypeChecker();
  // TypeFlags.Any | TypeFlags.Unknown, without loading `typescript` itself.
  const ANY_OR_UNKNOWN = 1 | 2;
  return (node) => {
    try {
      const tsNode = map.get(node as never);
      if (!tsNode) return undefined;
      const type = checker.getTypeAtLocation(tsNode);
      if (type.flags & ANY_OR_UNKNOWN) return undefined;
      const parts = type.isUnion() ? type.types : [type];
      return parts.some((part) => checker.getPropertyOfType(part, 'then') !== undefined);
    } catch {
      return undefined;
    }
  };
}

const MAX_CALLEE_TEXT = 40;

/** "`cio.track()`", or "`trackSignup()` (it waits for `cio.identify()`)" at a wrapper's call site. */
export function describeSdkPromise(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: SdkCall,
  at: { origin: TSESTree.CallExpression; via: readonly Hop[] },
): string {
  const sdk = `\`${calleeText(sourceCode, call.node)}()\``;
  if (at.via.length === 0) return sdk;
  return `\`${calleeText(sourceCode, at.origin)}()\` (it waits for ${sdk})`;
}

function calleeText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.CallExpression): string {
  const text = sourceCode.getText(node.callee).replace(/\s+/g, '');
  return text.length > MAX_CALLEE_TEXT ? `…${text.slice(-(MAX_CALLEE_TEXT - 1))}` : text;
}
