import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outermostTransparent, staticName, type FunctionNode } from '../analysis/ast.js';
import { nodesOfType } from '../analysis/file-index.js';
import {
  eagerCarrier,
  isBoundedCollection,
  isBoundedLoop,
  isLoopBody,
  iterationOfCallback,
  loopPaces,
  type Iteration,
} from '../analysis/iteration.js';
import { ownerFunction, settlementOf } from '../analysis/lifecycle.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import type { RateLimit } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'unboundedMap' | 'unboundedForEach' | 'unboundedLoop';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** How far a request is followed out through local helpers (`sync(u)` → `cio.identify`). */
const MAX_HELPER_DEPTH = 3;
const MAX_STEPS = 12;

interface Site {
  messageId: MessageIds;
  node: TSESTree.Node;
  label: string;
}

export default createRule<[], MessageIds>({
  name: 'no-unbounded-sdk-fanout',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow starting an SDK request for every element of a collection at once',
      recommended: 'recommended',
    },
    messages: {
      unboundedMap:
        '`{{label}}` starts `{{method}}()` for every element of the collection at once: a large collection means thousands of parallel requests{{rate}}, answered with 429 errors and lost updates. Limit the concurrency (p-limit, p-map with `concurrency`, Bottleneck){{alternatives}}.',
      unboundedForEach:
        '`{{label}}` does not wait for its callback: it starts `{{method}}()` for every element at once and moves on before any request finishes, so a large collection means thousands of parallel requests{{rate}}, 429 errors and lost updates. Use a `for … of` loop with `await`, limit the concurrency (p-limit, Bottleneck){{alternatives}}.',
      unboundedLoop:
        'This loop starts `{{method}}()` for every element without waiting for it, so all the requests run at once{{rate}}: a large collection means 429 errors and lost updates. Await each call in the loop, limit the concurrency (p-limit, Bottleneck){{alternatives}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;

    return {
      Program() {
        const reported = new Set<TSESTree.Node>();
        const started = new Set<TSESTree.Node>();
        const usageCache = new Map<FunctionNode, Usage[]>();
        const pacedLoops = new Map<TSESTree.Node, boolean>();
        const paces = (loop: TSESTree.Node): boolean => {
          let paced = pacedLoops.get(loop);
          if (paced === undefined) {
            paced = loopPaces(sourceCode, loop) || isBoundedLoop(sourceCode, loop);
            pacedLoops.set(loop, paced);
          }
          return paced;
        };
        for (const call of analysis.calls) {
          // Queued clients (`returns: 'void'`) send in batches; flushing a few clients at once is fine.
          if (call.method.returns !== 'promise' || call.method.kind === 'flush') continue;
          if (started.has(call.node)) continue;
          started.add(call.node);
          for (const site of fanOutSites(sourceCode, call.node, usageCache, paces)) {
            if (reported.has(site.node)) continue;
            reported.add(site.node);
            context.report({ node: site.node, messageId: site.messageId, data: describe(call, site.label) });
          }
        }
      },
    };
  },
});

function describe(call: SdkCall, label: string): Record<string, string> {
  const limit = call.method.rateLimit ?? call.client.rateLimit;
  const batch = call.client.batchMethod;
  return {
    label,
    method: call.method.name,
    rate: rateText(limit),
    alternatives:
      batch && batch !== call.method.name
        ? `, send in chunks, or use \`${batch}()\` to send many records in one request`
        : ' or send in chunks',
  };
}

function rateText(limit: RateLimit | undefined): string {
  if (!limit) return '';
  if (limit.burstPerSecond !== undefined && limit.perMinute !== undefined) {
    return ` (this endpoint allows ${limit.burstPerSecond} requests per second in bursts and ${limit.perMinute} per minute)`;
  }
  if (limit.perSecond === undefined || limit.perSecond <= 0) return '';
  if (limit.perSecond >= 1) return ` (the API allows about ${limit.perSecond} requests per second)`;
  return ` (the API allows one request every ${Math.round(1 / limit.perSecond)} seconds)`;
}

// ---------------------------------------------------------------------------------------------

/**
 * Where a request started at `start` is multiplied by a collection, following the code outwards:
 * through `.then` callbacks, IIFEs and `new Promise` executors (they run now), to the loop or
 * the iteration callback around it, and through local helpers to their call sites. A function
 * handed to anything else (a limiter's `limit(() => …)`, a queue, a timer) runs later, under
 * someone else's pace: the search stops there.
 */
function fanOutSites(
  sourceCode: SourceCode,
  start: TSESTree.Node,
  usageCache: Map<FunctionNode, Usage[]>,
  paces: (loop: TSESTree.Node) => boolean,
): Site[] {
  const sites: Site[] = [];
  const seen = new Set<FunctionNode>();
  const visit = (from: TSESTree.Node, depth: number): void => {
    let node = from;
    for (let step = 0; step < MAX_STEPS; step++) {
      const fn = ownerFunction(node);
      const loop = loopAround(node, fn);
      if (loop) {
        // A loop that awaits anything in its body paces itself; a returned request ends the loop.
        const settled = settlementOf(node).kind;
        if (settled !== 'returned' && settled !== 'awaited' && !paces(loop)) {
          sites.push({ messageId: 'unboundedLoop', node, label: 'for' });
        }
        return;
      }
      if (!fn) return;
      const carrier = eagerCarrier(fn);
      if (carrier) {
        node = carrier;
        continue;
      }
      const iteration = iterationOfCallback(fn);
      if (iteration) {
        addIteration(sourceCode, iteration, sites);
        return;
      }
      if (depth >= MAX_HELPER_DEPTH || seen.has(fn)) return;
      seen.add(fn);
      for (const usage of usagesOf(sourceCode, fn, usageCache)) {
        if (usage.kind === 'call') visit(usage.node, depth + 1);
        else addIteration(sourceCode, usage.iteration, sites);
      }
      return;
    }
  };
  visit(start, 0);
  return sites;
}

function addIteration(sourceCode: SourceCode, iteration: Iteration, sites: Site[]): void {
  if (isBoundedCollection(sourceCode, iteration.collection)) return;
  sites.push({
    messageId: iteration.kind === 'forEach' ? 'unboundedForEach' : 'unboundedMap',
    node: iteration.name,
    label: iteration.label,
  });
}

/** The innermost loop between `node` and its function whose every turn runs `node`. */
function loopAround(node: TSESTree.Node, fn: FunctionNode | undefined): TSESTree.Node | undefined {
  let child = node;
  for (let current = node.parent; current && current !== fn; child = current, current = current.parent) {
    if (isLoopBody(current, child)) return current;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Where a local function runs.

type Usage = { kind: 'call'; node: TSESTree.CallExpression } | { kind: 'iteration'; iteration: Iteration };

/**
 * The calls of a named local function (`function sync(u)`, `const sync = async (u) => …`, a
 * class method called as `this.sync(u)`), and the iterations it is handed to (`users.map(sync)`).
 */
function usagesOf(sourceCode: SourceCode, fn: FunctionNode, cache: Map<FunctionNode, Usage[]>): Usage[] {
  const cached = cache.get(fn);
  if (cached) return cached;
  const usages: Usage[] = [];
  for (const site of referenceSites(sourceCode, fn)) {
    const position = outermostTransparent(site);
    const parent = position.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === position) {
      usages.push({ kind: 'call', node: parent });
      continue;
    }
    const iteration = iterationOfCallback(site);
    if (iteration) usages.push({ kind: 'iteration', iteration });
  }
  cache.set(fn, usages);
  return usages;
}

function referenceSites(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node[] {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn) {
    const name = staticName(parent.key, parent.computed);
    if (parent.static || parent.kind !== 'method' || name === undefined) return [];
    return thisReads(sourceCode, parent.parent, name);
  }
  let declarator: TSESTree.Node | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    declarator = fn.id ? fn : undefined;
  } else {
    const position = outermostTransparent(fn);
    if (
      position.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      position.parent.init === position &&
      position.parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      declarator = position.parent;
    }
  }
  if (!declarator) return [];
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  return (variable?.references ?? [])
    .filter((reference) => reference.isRead())
    .map((reference) => reference.identifier);
}

/** `this.name` reads inside a class body, outside nested classes. */
function thisReads(sourceCode: SourceCode, body: TSESTree.ClassBody, name: string): TSESTree.Node[] {
  let index = thisReadIndex.get(body);
  if (!index) {
    index = indexThisReads(sourceCode, body);
    thisReadIndex.set(body, index);
  }
  return index.get(name) ?? [];
}

/** One walk per class body, shared by all its methods: a body is asked about once per client method. */
const thisReadIndex = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.Node[]>>();

/**
 * Bodies this long may hold more than the walk's 20,000 nodes (a node spans at least a character,
 * and at most a few nodes share one span): they are walked, budget and all, as they always were.
 */
const MAX_INDEXED_BODY = 5_000;

function indexThisReads(sourceCode: SourceCode, body: TSESTree.ClassBody): Map<string, TSESTree.Node[]> {
  if (body.range[1] - body.range[0] > MAX_INDEXED_BODY) return walkThisReads(sourceCode, body);
  // The file's member expressions, indexed once per file in source order (the walk's order too):
  // reading them costs far less than visiting every node of the class body.
  const index = new Map<string, TSESTree.Node[]>();
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression)) {
    if (node.object.type !== AST_NODE_TYPES.ThisExpression) continue;
    if (node.range[0] < body.range[0] || node.range[1] > body.range[1] || !reachedFrom(body, node)) continue;
    const name = memberName(node);
    if (name === undefined) continue;
    const reads = index.get(name);
    if (reads) reads.push(node);
    else index.set(name, [node]);
  }
  return index;
}

/** Is `node` (inside `body`) outside any class nested in it, where the walk would not go? */
function reachedFrom(body: TSESTree.ClassBody, node: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    if (isClass(current)) return false;
  }
  return true;
}

function walkThisReads(sourceCode: SourceCode, body: TSESTree.ClassBody): Map<string, TSESTree.Node[]> {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const index = new Map<string, TSESTree.Node[]>();
  let visited = 0;
  const visit = (node: TSESTree.Node): void => {
    if (visited++ > 20_000) return;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(node);
      if (name !== undefined) {
        const reads = index.get(name);
        if (reads) reads.push(node);
        else index.set(name, [node]);
      }
    }
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (!value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value) {
          if (item && typeof (item as TSESTree.Node).type === 'string' && !isClass(item as TSESTree.Node)) visit(item as TSESTree.Node);
        }
      } else if (typeof (value as TSESTree.Node).type === 'string' && !isClass(value as TSESTree.Node)) {
        visit(value as TSESTree.Node);
      }
    }
  };
  visit(body);
  return index;
}

function isClass(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
}
