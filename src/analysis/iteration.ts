import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, isFunction, memberChain, memberName, outermostTransparent, unwrap, type FunctionNode, pushNodes } from './ast.js';
import { followBindings, variableOf } from './values.js';

/**
 * Collection iteration: which calls run a callback for every element of a collection at once,
 * which collections are small or already cut into chunks, and which function boundaries start
 * work now (a `.then` callback, an IIFE) or later (a limiter's `limit(() => …)`).
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How an iteration runs its callback. */
export type IterationKind =
  /** Every element's callback starts at once and the results are collected (`map`, `Array.from`, `pMap`). */
  | 'map'
  /** Every element's callback starts at once and nothing waits for them (`forEach`). */
  | 'forEach';

export interface Iteration {
  kind: IterationKind;
  call: TSESTree.CallExpression;
  /** The collection iterated. */
  collection: TSESTree.Node;
  /** The name of the iterating function, where a report points. */
  name: TSESTree.Node;
  /** How the iteration is written, for messages: `map`, `forEach`, `pMap`. */
  label: string;
}

/** Array (and Map, Set) methods that call their callback for every element without waiting. */
const MEMBER_ITERATIONS: Readonly<Record<string, IterationKind>> = { map: 'map', flatMap: 'map', forEach: 'forEach' };

/**
 * Functions that take the collection first and the callback second. p-map and Bluebird default to
 * unlimited concurrency; the `async` library's plain `each`/`map` run everything in parallel
 * (its `*Limit` and `*Series` variants do not, and are not listed).
 */
const FUNCTION_ITERATIONS: Readonly<Record<string, IterationKind>> = {
  'Array.from': 'map',
  pMap: 'map',
  'Bluebird.map': 'map',
  'Promise.map': 'map',
  ...Object.fromEntries(
    ['_', 'lodash'].flatMap((lib) => [
      [`${lib}.map`, 'map'],
      [`${lib}.flatMap`, 'map'],
      [`${lib}.forEach`, 'forEach'],
      [`${lib}.each`, 'forEach'],
    ]),
  ),
  ...Object.fromEntries(
    ['map', 'each', 'forEach', 'eachOf', 'forEachOf', 'mapValues', 'concat'].map((name) => [`async.${name}`, 'map']),
  ),
};

/** Options that bound how many callbacks run at once (`pMap(xs, fn, { concurrency: 5 })`). */
const CONCURRENCY_KEYS = ['concurrency'];

/** The iteration that runs `fn` once per element, if `fn` is such a callback. */
export function iterationOfCallback(fn: TSESTree.Node): Iteration | undefined {
  const position = outermostTransparent(fn);
  const call = position.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = call.arguments.indexOf(position as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  return iterationOf(call, index);
}

/** The last names of the iterating calls: any other callee is ruled out before building its chain. */
const ITERATION_NAMES = new Set([
  ...Object.keys(MEMBER_ITERATIONS),
  ...Object.keys(FUNCTION_ITERATIONS).map((name) => name.slice(name.lastIndexOf('.') + 1)),
]);

function iterationOf(call: TSESTree.CallExpression, index: number): Iteration | undefined {
  const callee = unwrap(call.callee);
  const last =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? memberName(callee)
        : undefined;
  if (last === undefined || !ITERATION_NAMES.has(last)) return undefined;
  const chain = memberChain(callee);
  const joined = chain?.join('.');
  if (joined !== undefined && Object.hasOwn(FUNCTION_ITERATIONS, joined)) {
    if (index !== 1 || call.arguments.length < 2) return undefined;
    if (hasConcurrencyOption(call.arguments[2])) return undefined;
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    return { kind: FUNCTION_ITERATIONS[joined], call, collection: call.arguments[0], name, label: joined };
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || index !== 0) return undefined;
  const method = memberName(callee);
  if (method === undefined || !Object.hasOwn(MEMBER_ITERATIONS, method)) return undefined;
  // `stream.map(fn, { concurrency })`; an array method's second argument is a `this` value, never an object literal.
  const second = call.arguments[1] && unwrap(call.arguments[1]);
  if (second?.type === AST_NODE_TYPES.ObjectExpression) return undefined;
  return { kind: MEMBER_ITERATIONS[method], call, collection: callee.object, name: callee.property, label: method };
}

function hasConcurrencyOption(node: TSESTree.Node | undefined): boolean {
  const options = node && unwrap(node);
  if (!options) return false;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return true; // options we cannot read: assume bounded
  return CONCURRENCY_KEYS.some((key) => {
    const property = findProperty(options, key);
    if (!property) return false;
    const value = unwrap(property.value);
    return !(value.type === AST_NODE_TYPES.Identifier && value.name === 'Infinity');
  });
}

/** Calls that cut a collection into bounded pieces: `chunk(users, 100)`, `_.chunk`, `splitEvery`. */
const CHUNKING_CALL = /^(?:chunks?|chunkArray|chunked|toChunks|splitEvery|inGroupsOf|batch(?:es)?|paginate|partitionAll)$/i;
/** Names that say a value is one bounded piece of a larger collection: `chunk`, `batches`, `userSlice`, `page_batch`. */
const CHUNK_NAME = /^(?:chunk|batch|slice)|(?:Chunk|Batch|Slice)|_(?:chunk|batch|slice)/;

/**
 * Is the iterated collection small or one bounded piece: a literal array (`[a, b]`), a `const`
 * holding one, `xs.slice(i, i + n)`, a chunking call, or a loop variable over chunks?
 */
export function isBoundedCollection(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 4) return false;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement);
    case AST_NODE_TYPES.CallExpression:
      return isBoundingCall(target);
    case AST_NODE_TYPES.MemberExpression: {
      // `chunks[i]`, `this.currentBatch`, `job.data.batch`: one piece of a chunked collection.
      for (let current: TSESTree.Node = target; ; ) {
        if (current.type === AST_NODE_TYPES.Identifier) return CHUNK_NAME.test(current.name);
        if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
        const name = memberName(current);
        if (name !== undefined && CHUNK_NAME.test(name)) return true;
        current = unwrap(current.object);
      }
    }
    case AST_NODE_TYPES.Identifier: {
      if (CHUNK_NAME.test(target.name)) return true;
      const value = followBindings(sourceCode, target);
      if (value !== target) return isBoundedCollection(sourceCode, value, depth + 1);
      // `for (const group of chunk(users, 100))`: a loop variable over bounded pieces.
      const def = variableOf(sourceCode, target)?.defs[0];
      const declaration = def?.type === 'Variable' ? def.node.parent : undefined;
      const loop = declaration?.parent;
      if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) {
        const iterable = followBindings(sourceCode, loop.right);
        return iterable.type === AST_NODE_TYPES.CallExpression && isChunkingCall(iterable);
      }
      return false;
    }
    default:
      return false;
  }
}

function isBoundingCall(call: TSESTree.CallExpression): boolean {
  if (isChunkingCall(call)) return true;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  // `users.slice(i, i + 100)`, `queue.splice(0, 50)`; one argument leaves the rest of the array.
  return (method === 'slice' || method === 'splice') && call.arguments.length >= 2;
}

function isChunkingCall(call: TSESTree.CallExpression): boolean {
  const name = memberChain(call.callee)?.at(-1);
  return name !== undefined && CHUNKING_CALL.test(name);
}

const CONTINUATIONS = new Set(['then', 'catch', 'finally']);

/**
 * The call a function's body runs as part of, when it runs right after (or while) that call
 * starts: a `.then/.catch/.finally` callback (the chain), an immediately invoked function, a
 * `new Promise` executor. Undefined for anything that runs later or elsewhere (limiters, timers,
 * event handlers).
 */
export function eagerCarrier(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  const position = outermostTransparent(fn);
  const parent = position.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === position) return parent;
  if (parent?.type === AST_NODE_TYPES.NewExpression && parent.arguments[0] === position) {
    const callee = unwrap(parent.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' ? parent : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(position as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const callee = unwrap(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  return method !== undefined && CONTINUATIONS.has(method) ? parent : undefined;
}

/** A loop statement, and whether `child` is one of its per-iteration parts. */
export function isLoopBody(loop: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return child === loop.body || child === loop.update;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return child === loop.body;
    default:
      return false;
  }
}

/**
 * Does the loop body pace itself: an `await` (or `yield`) that runs in the loop's own function,
 * not inside a callback? A loop that awaits anything starts at most a few requests per turn.
 */
export function loopPaces(sourceCode: SourceCode, loop: TSESTree.Node): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) return true;
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [loop];
  let visited = 0;
  while (stack.length > 0) {
    if (visited++ > 5000) return true; // too large to tell: say it paces (stay silent)
    const node = stack.pop()!;
    if (node !== loop && isFunction(node)) continue;
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) return true;
    for (const key of keys[node.type] ?? []) {
      pushNodes(stack, (node as unknown as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/** A loop over a hand-written bound: `for (let i = 0; i < 3; i++)`, `for (const x of [a, b])`. */
export function isBoundedLoop(sourceCode: SourceCode, loop: TSESTree.Node): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    return isBoundedCollection(sourceCode, loop.right);
  }
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    const test = loop.test && unwrap(loop.test);
    if (test?.type !== AST_NODE_TYPES.BinaryExpression) return false;
    const limit = unwrap(test.right);
    return limit.type === AST_NODE_TYPES.Literal && typeof limit.value === 'number';
  }
  return false;
}
