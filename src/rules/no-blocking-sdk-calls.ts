import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, memberChain, memberName, unwrap, type FunctionNode, pushNodes } from '../analysis/ast.js';
import { nodesOfType } from '../analysis/file-index.js';
import { getFunctionFacts, type EntryPoint } from '../analysis/functions.js';
import { describeSdkPromise, getSdkPromises, type PromiseAwait, type SdkPromise } from '../analysis/promises.js';
import { getSdkAnalysis } from '../analysis/sdk-calls.js';
import type { MethodKind } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'blocking' | 'blockingServerless' | 'fireAndForget';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Analytics calls: nobody needs their result to answer the request. */
const ANALYTICS_KINDS = new Set<MethodKind>(['identify', 'track', 'page']);
/**
 * Serverless entries where the user waits and a platform primitive runs work after the response
 * (`after()` in Next.js 15, `waitUntil`). Other serverless handlers must await: the process may
 * freeze as soon as they return.
 */
const AFTER_RESPONSE_FRAMEWORKS = new Set(['nextjs-route', 'server-action']);
/** Response methods that send the response at once (Express, Fastify `reply`, Node's `http`). */
const RESPONSE_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'redirect', 'render', 'sendStatus', 'sendFile', 'download']);
/** Express-style `(req, res, next)`: calling `next` hands the request on. */
const NEXT_PARAM_INDEX = 2;
/** Nobody waits on a webhook, and a failed request answered with an error is retried by the sender. */
const WEBHOOK = /webhook/i;
/** NestJS parameter decorators that inject the request object itself. */
const REQUEST_DECORATORS = new Set(['Req', 'Request']);
const CATCH_TEXT = '.catch(console.error)';
const MAX_SCAN = 5_000;

export default createRule<[], MessageIds>({
  name: 'no-blocking-sdk-calls',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'disallow awaiting analytics calls in request handlers before the response is sent',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      blocking:
        "Awaiting {{call}} holds this {{handler}}'s response until the {{sdk}} request finishes: every user waits on the vendor's latency and retries, and the endpoint fails or hangs when the vendor is down. Send it without waiting (with `.catch(...)` to log failures) or hand it to a queue.",
      blockingServerless:
        "Awaiting {{call}} holds this {{handler}}'s response until the {{sdk}} request finishes: every user waits on the vendor's latency and retries, and the endpoint fails or hangs when the vendor is down. Schedule it after the response with `after()` from `next/server` (or `waitUntil`); a call that is simply not awaited can be cut off when the function is frozen.",
      fireAndForget: 'Do not wait for it: drop the `await` and add `.catch(console.error)` so failures are still logged.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    // Nobody waits on a webhook: in a file named for webhooks no handler is reported, so skip the file.
    if (WEBHOOK.test(context.filename)) return {};

    return {
      Program() {
        if (!analysis.calls.some((call) => call.method.returns === 'promise' && ANALYTICS_KINDS.has(call.method.kind))) return;
        const promises = getSdkPromises(context);
        const analytics = promises.filter((p) => ANALYTICS_KINDS.has(p.call.method.kind));
        if (analytics.length === 0) return;
        const facts = getFunctionFacts(context);
        // Built on first use: most awaits are not statements in request handlers.
        let sdkAwaits: Set<TSESTree.Node> | undefined;
        let analyticsOrigins: Set<TSESTree.Node> | undefined;
        const reported = new Set<TSESTree.Node>();
        const handlerCache = new Map<FunctionNode, HandlerFacts | null>();

        for (const promise of analytics) {
          for (const awaited of promise.flow.awaits) {
            if (reported.has(awaited.node)) continue;
            // The awaited value is used: the handler needs the result (or we cannot tell it does not).
            if (awaited.node.parent?.type !== AST_NODE_TYPES.ExpressionStatement) continue;
            const fn = enclosingFunction(awaited.node);
            if (!fn) continue;
            let handler = handlerCache.get(fn);
            if (handler === undefined) {
              // Every await of any SDK promise: a handler that awaits nothing else exists for these calls.
              sdkAwaits ??= awaitsOf(promises);
              handler = handlerFacts(fn, facts.entryPoint(fn), sdkAwaits) ?? null;
              handlerCache.set(fn, handler);
            }
            if (!handler) continue;
            if (handler.respondedBefore(awaited.node)) continue;
            reported.add(awaited.node);
            analyticsOrigins ??= originsOf(analytics);
            report(promise, awaited, handler.entry, analyticsOrigins);
          }
        }
      },
    };

    function handlerFacts(
      fn: FunctionNode,
      entry: EntryPoint | undefined,
      sdkAwaits: ReadonlySet<TSESTree.Node>,
    ): HandlerFacts | undefined {
      if (!entry) return undefined;
      const serverless = entry.kind === 'serverless' && AFTER_RESPONSE_FRAMEWORKS.has(entry.framework);
      if (entry.kind !== 'request' && !serverless) return undefined;
      if (isWebhook(fn)) return undefined;
      const scan = scanHandler(sourceCode, fn);
      // The endpoint exists for the SDK calls: it awaits nothing else but reads of the request.
      const purpose = scan.awaits.every((node) => sdkAwaits.has(node) || readsRequest(node, fn));
      if (purpose) return undefined;
      return {
        entry,
        respondedBefore: (node) =>
          scan.responses().some(
            (statement) =>
              (statement.parent?.type === AST_NODE_TYPES.BlockStatement ||
                statement.parent?.type === AST_NODE_TYPES.SwitchCase) &&
              contains(statement.parent, node) &&
              statement.range[1] <= node.range[0],
          ),
      };
    }

    function report(
      promise: SdkPromise,
      awaited: PromiseAwait,
      entry: EntryPoint,
      analyticsOrigins: ReadonlySet<TSESTree.Node>,
    ): void {
      const serverless = entry.kind === 'serverless';
      const argument = awaited.node.argument;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      // In a loop, dropping the `await` would start every iteration's request at once: a fan-out.
      if (!serverless && !insideLoop(awaited.node) && isAnalyticsOnly(argument, analyticsOrigins, 0)) {
        const text = sourceCode.getText(argument) + (alreadyCaught(argument) ? '' : CATCH_TEXT);
        suggest.push({ messageId: 'fireAndForget', fix: (fixer) => fixer.replaceText(awaited.node, text) });
      }
      context.report({
        node: awaited.node,
        messageId: serverless ? 'blockingServerless' : 'blocking',
        data: {
          call: describeSdkPromise(sourceCode, promise.call, awaited),
          handler: entry.label,
          sdk: promise.call.sdk.id,
        },
        suggest,
      });
    }
  },
});

/** The `await` expressions that wait for some SDK promise. */
function awaitsOf(promises: readonly SdkPromise[]): Set<TSESTree.Node> {
  const nodes = new Set<TSESTree.Node>();
  for (const promise of promises) {
    for (const awaited of promise.flow.awaits) nodes.add(awaited.node);
  }
  return nodes;
}

/** The analytics calls, and the calls of local functions that pass their promise on. */
function originsOf(analytics: readonly SdkPromise[]): Set<TSESTree.Node> {
  const nodes = new Set<TSESTree.Node>();
  for (const promise of analytics) {
    nodes.add(promise.call.node);
    for (const awaited of promise.flow.awaits) nodes.add(awaited.origin);
  }
  return nodes;
}

interface HandlerFacts {
  entry: EntryPoint;
  /** A response is sent (or the request handed on) on every path before `node`. */
  respondedBefore(node: TSESTree.Node): boolean;
}

interface HandlerScan {
  /** `await` expressions of the handler itself (not of nested functions). */
  awaits: TSESTree.AwaitExpression[];
  /** Statements that send the response, directly in a block of the handler. */
  responses(): readonly TSESTree.Statement[];
}

/**
 * Bodies this long may hold more than `MAX_SCAN` nodes (a node spans at least a character, and at
 * most a few nodes share one span): they are walked, budget and all, as they always were.
 */
const MAX_INDEXED_BODY = MAX_SCAN / 4;

function scanHandler(sourceCode: SourceCode, fn: FunctionNode): HandlerScan {
  const body = fn.body;
  if (body.range[1] - body.range[0] > MAX_INDEXED_BODY) return walkHandler(sourceCode, fn);
  // The file's awaits (and statements, below), indexed once per file: far fewer than the body's nodes.
  const awaits: TSESTree.AwaitExpression[] = [];
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.AwaitExpression)) {
    if (ownedBy(node, fn)) awaits.push(node);
  }
  // Looked for on first use: a handler that awaits only SDK calls and request reads never asks.
  let responses: TSESTree.Statement[] | undefined;
  return { awaits, responses: () => (responses ??= responseStatements(sourceCode, fn)) };
}

function responseStatements(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Statement[] {
  const responses: TSESTree.Statement[] = [];
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.ExpressionStatement)) {
    if (ownedBy(node, fn) && isResponse(node.expression, fn)) responses.push(node);
  }
  return responses;
}

/** In the body of `fn` itself, not of a function nested in it. */
function ownedBy(node: TSESTree.Node, fn: FunctionNode): boolean {
  const body = fn.body;
  return node.range[0] >= body.range[0] && node.range[1] <= body.range[1] && enclosingFunction(node) === fn;
}

function walkHandler(sourceCode: SourceCode, fn: FunctionNode): HandlerScan {
  const awaits: TSESTree.AwaitExpression[] = [];
  const responses: TSESTree.Statement[] = [];
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [fn.body];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_SCAN) {
    const node = stack.pop()!;
    if (isFunction(node)) continue;
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaits.push(node);
    if (node.type === AST_NODE_TYPES.ExpressionStatement && isResponse(node.expression, fn)) {
      responses.push(node);
    }
    for (const key of keys[node.type] ?? []) {
      pushNodes(stack, (node as unknown as Record<string, unknown>)[key]);
    }
  }
  return { awaits, responses: () => responses };
}

/**
 * `res.json(…)`, `res.status(201).send(…)`, `reply.send(…)`, `res.end()` on a parameter after the
 * first (the response object), or `next()` of an Express-style `(req, res, next)`. Koa's
 * `ctx.body = …` is not one: Koa answers only once the whole middleware chain has resolved.
 */
function isResponse(expression: TSESTree.Expression, fn: FunctionNode): boolean {
  let target = unwrap(expression);
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = unwrap(target.argument);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const nextParam = fn.params[NEXT_PARAM_INDEX];
  const callee = unwrap(target.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return nextParam?.type === AST_NODE_TYPES.Identifier && callee.name === nextParam.name;
  }
  let responds = false;
  let current: TSESTree.Node = target;
  for (let i = 0; i < 8; i++) {
    current = unwrap(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      current = current.callee;
      continue;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      if (name !== undefined && RESPONSE_METHODS.has(name)) responds = true;
      current = current.object;
      continue;
    }
    break;
  }
  if (!responds || current.type !== AST_NODE_TYPES.Identifier) return false;
  const name = current.name;
  return fn.params.some(
    (param, index) => index > 0 && param.type === AST_NODE_TYPES.Identifier && param.name === name,
  );
}

/**
 * `await req.json()`, `await request.formData()`, `await getSession(request)`, `await auth(req)`:
 * reading the request (its body, its session) rather than doing work of the endpoint.
 */
function readsRequest(node: TSESTree.AwaitExpression, fn: FunctionNode): boolean {
  const first = fn.params[0];
  if (first?.type !== AST_NODE_TYPES.Identifier) return false;
  // NestJS: a decorated first parameter is a DTO (`@Body() body`), not the request, unless `@Req()`.
  if (first.decorators.some((decorator) => !REQUEST_DECORATORS.has(memberChain(calleeOf(decorator.expression))?.at(-1) ?? ''))) {
    return false;
  }
  const target = unwrap(node.argument);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const root = memberChain(target.callee)?.[0];
  if (root === first.name) return true;
  return target.arguments.some((arg) => {
    const value = unwrap(arg);
    return value.type === AST_NODE_TYPES.Identifier && value.name === first.name;
  });
}

/** `app.post('/webhooks/stripe', handler)` (a file named for webhooks is skipped as a whole). */
function isWebhook(fn: FunctionNode): boolean {
  let position: TSESTree.Node = fn;
  while (position.parent?.type === AST_NODE_TYPES.CallExpression && position.parent.callee !== position) {
    const call: TSESTree.CallExpression = position.parent;
    const path = call.arguments[0];
    if (path?.type === AST_NODE_TYPES.Literal && typeof path.value === 'string') return WEBHOOK.test(path.value);
    if (path?.type === AST_NODE_TYPES.TemplateLiteral) return path.quasis.some((quasi) => WEBHOOK.test(quasi.value.raw));
    position = call; // a wrapper around the handler: `asyncHandler(fn)`
  }
  return false;
}

/** The awaited expression is analytics calls only: the call, a chain on it, or a combinator of them. */
function isAnalyticsOnly(node: TSESTree.Node, origins: ReadonlySet<TSESTree.Node>, depth: number): boolean {
  if (depth > 6) return false;
  const target = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  if (origins.has(target)) return true;
  const callee = unwrap(target.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name === 'then' || name === 'catch' || name === 'finally') return isAnalyticsOnly(callee.object, origins, depth + 1);
  }
  const chain = memberChain(target.callee);
  const list = target.arguments[0];
  if (chain?.length === 2 && chain[0] === 'Promise' && list?.type === AST_NODE_TYPES.ArrayExpression) {
    return (
      list.elements.length > 0 &&
      list.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isAnalyticsOnly(element, origins, depth + 1))
    );
  }
  return false;
}

/** Ends in a rejection handler already (`.catch(h)`, `.then(a, b)`, `Promise.allSettled`). */
function alreadyCaught(node: TSESTree.Node): boolean {
  const target = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(target.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name === 'catch') return target.arguments.length >= 1;
  if (name === 'then') return target.arguments.length >= 2;
  return memberChain(target.callee)?.join('.') === 'Promise.allSettled';
}

/** A loop body or test between the node and its function. */
function insideLoop(node: TSESTree.Node): boolean {
  for (let current = node.parent; current && !isFunction(current); current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
        break;
    }
  }
  return false;
}

function calleeOf(expression: TSESTree.Expression): TSESTree.Node {
  return expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
