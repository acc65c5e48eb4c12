import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { chainEnd, isFunction, memberChain, memberName, staticName, unwrap, type FunctionNode, pushNodes } from './ast.js';
import { thisOwner } from './resolver.js';

/**
 * Entry points: functions a framework runs once per request, per event or per invocation.
 * Detection is structural (where a function is passed, exported or decorated), needs no types,
 * and runs only for the functions a rule asks about. The framework facts are the tables below.
 *
 * ```ts
 * const facts = getFunctionFacts(context);
 * facts.entryPoint(fn)?.kind;          // 'request' | 'serverless' | 'job'
 * facts.repetition(node)?.reason;      // 'entry' | 'helper' | 'loop'
 * ```
 *
 * File names matter only where the export alone is ambiguous: `export default` is an API route
 * only under `pages/api/`. HTTP-verb exports (`export async function POST`) are per request in
 * any file (Next.js `route.ts`, SvelteKit `+server.ts`, Astro endpoints); `route.*` files are
 * labelled Next.js.
 */

/** How an entry point is run, for rules that treat them differently. */
export type EntryKind =
  /** An HTTP request in a long-running server (Express, Koa, Fastify, Hono, NestJS, GraphQL). */
  | 'request'
  /** One invocation on a platform that may freeze or end the process when it returns (Lambda, Next.js, Workers). */
  | 'serverless'
  /** A background job, queue message, event or timer tick: per event, but no user is waiting on it. */
  | 'job';

export interface EntryInfo {
  kind: EntryKind;
  /** The shape that matched: `http-router`, `nextjs-route`, `aws-lambda`, `bullmq`, ... */
  framework: string;
  /** How messages name it: "route handler", "server action". */
  label: string;
  /** It answers an outside HTTP request (routes, API routes, server actions, resolvers). */
  http: boolean;
  /** The platform may freeze the process once it returns: queued work must be flushed before. */
  shortLived: boolean;
}

export interface EntryPoint extends EntryInfo {
  fn: FunctionNode;
}

const entry = (
  kind: EntryKind,
  framework: string,
  label: string,
  http: boolean,
  shortLived = kind === 'serverless',
): EntryInfo => ({ kind, framework, label, http, shortLived });

// ---------------------------------------------------------------------------------------------
// Framework facts.

const ROUTER = entry('request', 'http-router', 'route handler', true);
const MIDDLEWARE = entry('request', 'http-router', 'middleware', true);
const ROUTE_CONFIG = entry('request', 'route-config', 'route handler', true);
const REQUEST_HOOK = entry('request', 'fastify-hook', 'request hook', true);
const NODE_HTTP = entry('request', 'node-http', 'HTTP server handler', true);
const GRAPHQL = entry('request', 'graphql', 'GraphQL resolver', true);
const NEST_ROUTE = entry('request', 'nestjs', 'NestJS route handler', true);
const NEST_RESOLVER = entry('request', 'nestjs', 'NestJS resolver', true);
const NEST_MESSAGE = entry('job', 'nestjs', 'NestJS message handler', false);
const NEST_JOB = entry('job', 'nestjs', 'NestJS job handler', false);
const NEXT_ROUTE = entry('serverless', 'nextjs-route', 'Next.js route handler', true);
const ROUTE_MODULE = entry('serverless', 'route-module', 'route handler', true);
const PAGES_API = entry('serverless', 'nextjs-pages-api', 'Next.js API route', true);
const NEXT_MIDDLEWARE = entry('serverless', 'nextjs-middleware', 'Next.js middleware', true);
const NEXT_SSR = entry('serverless', 'nextjs-ssr', 'getServerSideProps', true);
const SERVER_ACTION = entry('serverless', 'server-action', 'server action', true);
const REMIX = entry('serverless', 'remix', 'route loader or action', true);
const SVELTEKIT_LOAD = entry('serverless', 'sveltekit', 'server load function', true);
const NUXT = entry('serverless', 'h3', 'event handler', true);
const NETLIFY = entry('serverless', 'netlify', 'Netlify function', true);
const LAMBDA = entry('serverless', 'aws-lambda', 'Lambda handler', false);
const LAMBDA_HTTP = entry('serverless', 'aws-lambda', 'Lambda handler', true);
const LAMBDA_EVENT = entry('job', 'aws-lambda', 'Lambda event handler', false, true);
const WORKER_FETCH = entry('serverless', 'cloudflare-worker', 'Worker fetch handler', true);
const WORKER_EVENT = entry('job', 'cloudflare-worker', 'Worker event handler', false, true);
const INNGEST = entry('job', 'inngest', 'Inngest function', false, true);
const TRIGGER_DEV = entry('job', 'trigger.dev', 'Trigger.dev task', false, true);
const BULLMQ = entry('job', 'bullmq', 'queue worker', false);
const BULL = entry('job', 'bull', 'queue processor', false);
const AGENDA = entry('job', 'agenda', 'job definition', false);
const AMQP = entry('job', 'amqplib', 'queue consumer', false);
const KAFKA = entry('job', 'kafkajs', 'Kafka consumer', false);
const SQS_CONSUMER = entry('job', 'sqs-consumer', 'SQS consumer', false);
const MESSAGE_LISTENER = entry('job', 'event-listener', 'message listener', false);
const CRON = entry('job', 'cron', 'scheduled job', false);
const TIMER = entry('job', 'timer', 'interval callback', false);

/** Router methods that take a path, then handlers (Express, Koa router, Fastify, Hono, Elysia, restify). */
const ROUTE_METHODS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'any', 'use', 'on',
]);
/** `app.route('/x').get(fn)`: the method that starts a chain of route methods. */
const ROUTE_CHAIN_START = 'route';
/** Options-object keys that hold per-request functions (Fastify route shorthand and `route()`, hapi). */
const ROUTE_HANDLER_KEYS = new Set(['handler', 'preHandler', 'onRequest', 'preValidation', 'preParsing']);
/** `route({ method, url, handler })` and `server.route({ method, path, handler })`. */
const ROUTE_CONFIG_KEYS = ['url', 'path', 'method'];
/** `fastify.addHook(name, fn)`: hooks that run per request. */
const REQUEST_HOOKS = new Set([
  'onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse',
  'onError', 'onTimeout', 'onRequestAbort',
]);
/** A pathless `use(fn)` is middleware only when its parameters say so (`chai.use(fn)` is not). */
const REQUEST_PARAMS = new Set(['req', 'request', '_req', '_request', 'ctx', 'context', '_ctx', 'c', 'err', 'error']);
const NEXT_PARAMS = new Set(['next', '_next']);

/** How a function passed to a call is run. `arg` is an argument index, or `any` function argument. */
interface CallShape {
  /** The callee: a member name (`consume`), a full chain (`Deno.serve`), or a constructor (`Worker`). */
  callee: string;
  how: 'member' | 'name' | 'new';
  arg?: number | 'any';
  /** For a function inside an object argument: the keys that hold handlers. */
  keys?: readonly string[];
  /** The first argument must be one of these strings (event names, hook names). */
  first?: ReadonlySet<string> | 'cron' | 'string';
  /** The object argument must also have one of these keys. */
  alsoHas?: readonly string[];
  /** Every argument before the function is a literal (`queue.process('name', 5, fn)`, not `remark().process(md, cb)`). */
  literalsBefore?: boolean;
  entry: EntryInfo;
}

const CALL_SHAPES: readonly CallShape[] = [
  { callee: 'createFunction', how: 'member', arg: 'any', entry: INNGEST },
  { callee: 'task', how: 'name', keys: ['run'], alsoHas: ['id'], entry: TRIGGER_DEV },
  { callee: 'schedules.task', how: 'name', keys: ['run'], alsoHas: ['id'], entry: TRIGGER_DEV },
  { callee: 'Worker', how: 'new', arg: 1, entry: BULLMQ },
  { callee: 'process', how: 'member', arg: 'any', literalsBefore: true, entry: BULL },
  { callee: 'define', how: 'member', arg: 1, first: 'string', entry: AGENDA },
  { callee: 'consume', how: 'member', arg: 1, entry: AMQP },
  { callee: 'run', how: 'member', keys: ['eachMessage', 'eachBatch'], entry: KAFKA },
  { callee: 'create', how: 'member', keys: ['handleMessage', 'handleMessageBatch'], entry: SQS_CONSUMER },
  { callee: 'on', how: 'member', arg: 1, first: new Set(['message', 'messages', 'pmessage']), entry: MESSAGE_LISTENER },
  { callee: 'addHook', how: 'member', arg: 1, first: REQUEST_HOOKS, entry: REQUEST_HOOK },
  { callee: 'route', how: 'member', keys: [...ROUTE_HANDLER_KEYS], alsoHas: ROUTE_CONFIG_KEYS, entry: ROUTE_CONFIG },
  { callee: 'schedule', how: 'member', arg: 1, first: 'cron', entry: CRON },
  { callee: 'CronJob', how: 'new', arg: 1, first: 'cron', entry: CRON },
  { callee: 'setInterval', how: 'name', arg: 0, entry: TIMER },
  { callee: 'createServer', how: 'member', arg: 'any', entry: NODE_HTTP },
  { callee: 'createServer', how: 'name', arg: 'any', entry: NODE_HTTP },
  { callee: 'Deno.serve', how: 'name', arg: 'any', entry: NODE_HTTP },
  { callee: 'Bun.serve', how: 'name', keys: ['fetch'], entry: NODE_HTTP },
  { callee: 'defineEventHandler', how: 'name', arg: 0, entry: NUXT },
  { callee: 'eventHandler', how: 'name', arg: 0, entry: NUXT },
];

/**
 * The shapes by the last name of their callee, in table order: a callee matches only shapes that
 * end with its own last name, so most calls are compared with none.
 */
const SHAPES_BY_LAST_NAME = new Map<string, CallShape[]>();
for (const shape of CALL_SHAPES) {
  const last = shape.callee.slice(shape.callee.lastIndexOf('.') + 1);
  const list = SHAPES_BY_LAST_NAME.get(last);
  if (list) list.push(shape);
  else SHAPES_BY_LAST_NAME.set(last, [shape]);
}
const NO_SHAPES: readonly CallShape[] = [];

/** The shapes a callee may match. Most callees end in a name no shape has: they cost no chain. */
function shapesFor(callee: TSESTree.Node): readonly CallShape[] {
  const last = chainEnd(callee);
  return (last !== undefined && SHAPES_BY_LAST_NAME.get(last)) || NO_SHAPES;
}

/** Exported names that frameworks run per request; the first matching row wins. */
interface ExportShape {
  /** Export names, `default` for the default export, `*` for any. */
  names: ReadonlySet<string> | '*';
  /** The file path must match (`/` separators). */
  file?: RegExp;
  /** The module must start with this directive. */
  directive?: string;
  entry: EntryInfo;
}

const HTTP_VERB_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const EXPORT_SHAPES: readonly ExportShape[] = [
  { names: '*', directive: 'use server', entry: SERVER_ACTION },
  { names: HTTP_VERB_EXPORTS, file: /(?:^|\/)route\.[cm]?[jt]sx?$/, entry: NEXT_ROUTE },
  // SvelteKit `+server.ts`, Astro and SolidStart endpoints use the same exports.
  { names: HTTP_VERB_EXPORTS, entry: ROUTE_MODULE },
  { names: new Set(['default']), file: /(?:^|\/)pages\/api\//, entry: PAGES_API },
  { names: new Set(['default']), file: /(?:^|\/)netlify\/(?:edge-)?functions\//, entry: NETLIFY },
  { names: new Set(['middleware', 'default']), file: /(?:^|\/)middleware\.[cm]?[jt]s$/, entry: NEXT_MIDDLEWARE },
  { names: new Set(['getServerSideProps']), entry: NEXT_SSR },
  { names: new Set(['loader', 'action']), file: /(?:^|\/)routes\//, entry: REMIX },
  { names: new Set(['load']), file: /\+(?:page|layout)\.server\.[cm]?[jt]s$/, entry: SVELTEKIT_LOAD },
  { names: new Set(['handler']), entry: LAMBDA },
];

/** Lambda handlers named otherwise are recognised by their `aws-lambda` types. */
const LAMBDA_HTTP_TYPES = /^(?:APIGatewayProxy|APIGatewayProxyV2|ALB|LambdaFunctionURL)(?:Handler|Event|EventV2)$/;
const LAMBDA_EVENT_TYPES =
  /^(?:SQS|SNS|S3|DynamoDBStream|DynamoDB|Kinesis|KinesisStream|EventBridge|Scheduled|CloudWatchLogs|Cognito\w*|SES|CodePipeline|Firehose\w*)(?:Handler|Event)$/;
const LAMBDA_GENERIC_TYPES = new Set(['Handler']);

/** `export default { fetch, queue, scheduled }` in Cloudflare Workers (and Bun). */
const WORKER_HANDLERS: Readonly<Record<string, EntryInfo>> = {
  fetch: WORKER_FETCH,
  queue: WORKER_EVENT,
  scheduled: WORKER_EVENT,
  email: WORKER_EVENT,
  tail: WORKER_EVENT,
};

/** GraphQL resolver maps: `{ Query: { … }, Mutation: { … }, User: { … } }`. */
const GRAPHQL_ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
/** GraphQL Code Generator types: `Resolvers` for a whole map, `QueryResolvers` for one root type. */
const GRAPHQL_RESOLVER_TYPES = /^(?:Query|Mutation|Subscription)?Resolvers$/;
const GRAPHQL_ROOT_RESOLVER_TYPES = /^(?:Query|Mutation|Subscription)Resolvers$/;

/** NestJS method decorators, with the class decorator they need. */
const NEST_DECORATORS: Readonly<Record<string, { classDecorator?: string; entry: EntryInfo }>> = {
  Get: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Post: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Put: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Patch: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Delete: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Head: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Options: { classDecorator: 'Controller', entry: NEST_ROUTE },
  All: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Sse: { classDecorator: 'Controller', entry: NEST_ROUTE },
  Query: { classDecorator: 'Resolver', entry: NEST_RESOLVER },
  Mutation: { classDecorator: 'Resolver', entry: NEST_RESOLVER },
  Subscription: { classDecorator: 'Resolver', entry: NEST_RESOLVER },
  ResolveField: { classDecorator: 'Resolver', entry: NEST_RESOLVER },
  MessagePattern: { entry: NEST_MESSAGE },
  EventPattern: { entry: NEST_MESSAGE },
  OnEvent: { entry: NEST_MESSAGE },
  SqsMessageHandler: { entry: NEST_MESSAGE },
  RabbitSubscribe: { entry: NEST_MESSAGE },
  Process: { entry: NEST_JOB },
  Cron: { entry: NEST_JOB },
  Interval: { entry: NEST_JOB },
};

/** Array methods whose first argument runs once per element. */
const ITERATION_METHODS = new Set([
  'forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex',
  'findLast', 'findLastIndex',
]);
/** Callees whose second argument runs once per element: `Array.from(xs, fn)`, `_.map(xs, fn)`, `pMap(xs, fn)`. */
const ITERATION_CALLEES = new Set([
  'Array.from', 'pMap', 'pMapSeries', 'Bluebird.map', 'Bluebird.each', 'Promise.map',
  ...['forEach', 'map', 'flatMap', 'filter', 'each', 'reduce', 'some', 'every', 'find', 'mapValues'].flatMap(
    (method) => [`_.${method}`, `lodash.${method}`],
  ),
]);

/** Calls that run the function they are given once per key, not per call: `cache.wrap(key, fn)`, `once(fn)`. */
const MEMOISING_CALLS = new Set([
  'wrap', 'getOrSet', 'getOrCreate', 'getOrAdd', 'remember', 'computeIfAbsent', 'memoize', 'memoizee', 'memoizeOne',
  'moize', 'pMemoize', 'once', 'lazy',
]);

const CRON_EXPRESSION = /^\s*(?:@\w+|(?:\S+\s+){4,5}\S+)\s*$/;

const MAX_HELPER_DEPTH = 4;
const MAX_WRAPPER_DEPTH = 3;

// ---------------------------------------------------------------------------------------------

/** Why code runs more than once. */
export interface Repetition {
  /**
   * `entry`: inside an entry point (or a callback inside one); `helper`: inside a local function
   * called from a repeated place; `loop`: only inside a loop or an iteration callback.
   */
  reason: 'entry' | 'helper' | 'loop';
  /** The entry point it ultimately runs in, through callbacks and helpers, when there is one. */
  entry?: EntryPoint;
  /** The innermost loop statement or iteration call around the code, when there is one. */
  loop?: TSESTree.Node;
  /**
   * For `helper`: each local function and the call that runs it (`send(user)`, or the call it is
   * passed to: `users.forEach(send)`), innermost first.
   */
  helpers: readonly { fn: FunctionNode; call: TSESTree.CallExpression | TSESTree.NewExpression }[];
}

export interface RepetitionOptions {
  /** Ignore this call of a local helper (a rule knows the call memoises what the helper returns). */
  ignoreCall?: (call: TSESTree.CallExpression, helper: FunctionNode) => boolean;
}

export interface FunctionFacts {
  /** The entry point `fn` is, if a framework runs it per request, event or invocation. */
  entryPoint(fn: FunctionNode): EntryPoint | undefined;
  /** Why `node` runs once per request, event, invocation or loop iteration; undefined if it need not. */
  repetition(node: TSESTree.Node, options?: RepetitionOptions): Repetition | undefined;
}

interface Context {
  sourceCode: Readonly<TSESLint.SourceCode>;
  filename: string;
}

const cache = new WeakMap<TSESTree.Program, FunctionFacts>();

/** Entry-point facts of a file, computed on demand and shared by every rule. */
export function getFunctionFacts(context: Context): FunctionFacts {
  const program = context.sourceCode.ast;
  let facts = cache.get(program);
  if (!facts) {
    facts = new Facts(context.sourceCode, context.filename);
    cache.set(program, facts);
  }
  return facts;
}

type HelperCall = TSESTree.CallExpression | TSESTree.NewExpression;

type Usage =
  | { kind: 'call'; call: TSESTree.CallExpression }
  | { kind: 'iteration' | 'callback'; call: HelperCall };

class Facts implements FunctionFacts {
  private readonly entries = new Map<FunctionNode, EntryPoint | null>();
  private readonly thisReads = new Map<TSESTree.Node, Map<string, TSESTree.Node[]>>();
  private readonly filename: string;
  private readonly directive: string | undefined;
  /** Per row of `EXPORT_SHAPES`: does this file's path fit it? The same for every export of the file. */
  private exportFiles: boolean[] | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    filename: string,
  ) {
    this.filename = filename.includes('\\') ? filename.replace(/\\/g, '/') : filename;
    const first = sourceCode.ast.body[0];
    this.directive = first?.type === AST_NODE_TYPES.ExpressionStatement ? first.directive : undefined;
  }

  entryPoint(fn: FunctionNode): EntryPoint | undefined {
    const known = this.entries.get(fn);
    if (known !== undefined) return known ?? undefined;
    this.entries.set(fn, null); // re-entrant lookups (a wrapper of itself) see "not an entry"
    let info: EntryInfo | undefined;
    try {
      info = this.findEntry(fn);
    } catch {
      info = undefined; // never throw on odd code
    }
    const found = info && entryPointOf(info, fn);
    this.entries.set(fn, found ?? null);
    return found;
  }

  repetition(node: TSESTree.Node, options: RepetitionOptions = {}): Repetition | undefined {
    try {
      return this.walk(node, options, 0, new Set());
    } catch {
      return undefined;
    }
  }

  // -- repetition ------------------------------------------------------------------------------

  private walk(
    node: TSESTree.Node,
    options: RepetitionOptions,
    depth: number,
    seen: Set<FunctionNode>,
  ): Repetition | undefined {
    let loop: TSESTree.Node | undefined;
    let child: TSESTree.Node = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (isLoopIteration(current, child)) {
        loop ??= current;
        continue;
      }
      if (
        current.type === AST_NODE_TYPES.PropertyDefinition ||
        current.type === AST_NODE_TYPES.StaticBlock ||
        current.type === AST_NODE_TYPES.AccessorProperty
      ) {
        return loopOnly(loop); // class fields run when an instance is built, not per call
      }
      if (!isFunction(current)) continue;
      const fn = current;
      if (isConstructor(fn)) return loopOnly(loop);
      const found = this.entryPoint(fn);
      if (found) return { reason: 'entry', entry: found, loop, helpers: [] };
      const iteration = iterationCall(fn);
      if (iteration) {
        // Once per element, wherever the iteration itself runs: continue from the call.
        loop ??= iteration;
        current = iteration;
        continue;
      }
      const callback = inlineCallbackCall(fn);
      if (callback) {
        // Memoised (`cache.wrap(key, () => …)`): once per key. Otherwise (`.then(() => …)`,
        // `new Promise(…)`, `setTimeout(…)`) it runs when the code around it runs.
        if (isMemoising(callback)) return loopOnly(loop);
        continue;
      }
      if (depth >= MAX_HELPER_DEPTH || seen.has(fn)) return loopOnly(loop);
      seen.add(fn);
      const outer = this.helperReason(fn, options, depth, seen);
      seen.delete(fn);
      if (!outer) return loopOnly(loop);
      return { reason: 'helper', entry: outer.repetition.entry, loop: loop ?? outer.repetition.loop, helpers: [
        { fn, call: outer.call },
        ...outer.repetition.helpers,
      ] };
    }
    return loopOnly(loop);
  }

  /** The most telling repeated place a local function is run from (an entry beats a loop). */
  private helperReason(
    fn: FunctionNode,
    options: RepetitionOptions,
    depth: number,
    seen: Set<FunctionNode>,
  ): { call: HelperCall; repetition: Repetition } | undefined {
    let best: { call: HelperCall; repetition: Repetition } | undefined;
    for (const usage of this.usages(fn)) {
      if (usage.kind === 'call' && options.ignoreCall?.(usage.call, fn)) continue;
      if (usage.kind === 'callback' && isMemoising(usage.call)) continue;
      let repetition = this.walk(usage.call, options, depth + 1, seen);
      if (usage.kind === 'iteration') {
        // `items.forEach(send)`: once per element, wherever the loop itself runs.
        repetition = repetition
          ? { ...repetition, loop: repetition.loop ?? usage.call }
          : { reason: 'loop', loop: usage.call, helpers: [] };
      }
      if (!repetition) continue;
      if (!best || (repetition.entry && !best.repetition.entry)) best = { call: usage.call, repetition };
      if (best.repetition.entry) break;
    }
    return best;
  }

  /** Where a named local function is run: direct calls, and the calls it is passed to. */
  private usages(fn: FunctionNode): Usage[] {
    const usages: Usage[] = [];
    for (const site of this.referenceSites(fn)) {
      const position = climb(site);
      const parent = position.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === position) {
        usages.push({ kind: 'call', call: parent });
      } else if (
        (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
        parent.arguments.includes(position as TSESTree.CallExpressionArgument)
      ) {
        const iteration = parent.type === AST_NODE_TYPES.CallExpression && iterationPosition(parent, position);
        usages.push({ kind: iteration ? 'iteration' : 'callback', call: parent });
      }
    }
    return usages;
  }

  /** Identifiers that read a function's binding, and `this.method` reads for class methods. */
  private referenceSites(fn: FunctionNode): TSESTree.Node[] {
    const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? fn.parent : undefined;
    if (method) {
      const name = staticName(method.key, method.computed);
      if (method.static || method.kind !== 'method' || name === undefined) return [];
      const owner = method.parent.parent;
      return this.thisMemberReads(owner).get(name) ?? [];
    }
    const variable = this.bindingOf(fn);
    if (!variable) return [];
    return variable.references
      .filter((reference) => reference.isRead() && reference.identifier.type === AST_NODE_TYPES.Identifier)
      .map((reference) => reference.identifier);
  }

  /** `function f() {}` or `const f = () => {}`: the variable that names the function. */
  private bindingOf(fn: FunctionNode): Scope.Variable | undefined {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      return fn.id ? this.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name) : undefined;
    }
    return this.declaredBy(fn);
  }

  /** The variable a `const x = <expression>` declares. */
  private declaredBy(expression: TSESTree.Node): Scope.Variable | undefined {
    const position = climb(expression);
    const parent = position.parent;
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === position &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      const name = parent.id.name;
      return this.sourceCode.getDeclaredVariables(parent).find((v) => v.name === name);
    }
    return undefined;
  }

  /** `this.name` member expressions in a class, by name (for methods called as `this.helper()`). */
  private thisMemberReads(owner: TSESTree.Node): Map<string, TSESTree.Node[]> {
    let reads = this.thisReads.get(owner);
    if (reads) return reads;
    reads = new Map<string, TSESTree.Node[]>();
    this.thisReads.set(owner, reads);
    const keys = this.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
    const stack: TSESTree.Node[] = [owner];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        thisOwner(node.object) === owner
      ) {
        const name = memberName(node);
        if (name !== undefined) reads.set(name, [...(reads.get(name) ?? []), node]);
      }
      for (const key of keys[node.type] ?? []) {
        pushNodes(stack, (node as unknown as Record<string, unknown>)[key]);
      }
    }
    return reads;
  }

  // -- entry points ----------------------------------------------------------------------------

  private findEntry(fn: FunctionNode): EntryInfo | undefined {
    if (hasDirective(fn, 'use server')) return SERVER_ACTION;
    const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn ? fn.parent : undefined;
    if (method) return this.decoratedEntry(method);
    const direct = this.positionEntry(fn, fn, 0);
    if (direct) return direct;
    for (const site of this.referenceSites(fn)) {
      const found = this.positionEntry(site, fn, 0);
      if (found) return found;
    }
    // `const handler = asyncHandler(async (req, res) => …); router.post('/x', handler)`
    const wrapper = wrapperCallOf(fn);
    const variable = wrapper && this.declaredBy(wrapper);
    for (const reference of variable?.references ?? []) {
      if (!reference.isRead()) continue;
      const found = this.positionEntry(reference.identifier, fn, 1);
      if (found) return found;
    }
    return undefined;
  }

  private decoratedEntry(method: TSESTree.MethodDefinition): EntryInfo | undefined {
    const owner = method.parent.parent;
    const classDecorators = owner.decorators?.map(decoratorName) ?? [];
    for (const decorator of method.decorators ?? []) {
      const spec = NEST_DECORATORS[decoratorName(decorator) ?? ''];
      if (spec && (!spec.classDecorator || classDecorators.includes(spec.classDecorator))) return spec.entry;
    }
    return undefined;
  }

  /** The entry a function is because of where this expression (the function or a reference) sits. */
  private positionEntry(node: TSESTree.Node, fn: FunctionNode, depth: number): EntryInfo | undefined {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration) {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration && node.id) {
        return this.exportEntry(node.id.name, fn, undefined);
      }
      if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return this.exportEntry('default', fn, undefined);
      return undefined;
    }
    const position = climb(node);
    const parent = position.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (!parent.arguments.includes(position as TSESTree.CallExpressionArgument)) return undefined;
        const found = this.callEntry(parent, position, fn);
        if (found) return found;
        // A wrapper: `asyncHandler(fn)`, `withAuth(fn)`, `middy(fn).use(…)` where the wrapper sits.
        if (depth >= MAX_WRAPPER_DEPTH || parent.type !== AST_NODE_TYPES.CallExpression) return undefined;
        if (iterationPosition(parent, position) || isThenCall(parent)) return undefined;
        return this.positionEntry(outermostChainCall(parent), fn, depth + 1);
      }
      case AST_NODE_TYPES.Property:
        return parent.value === position ? this.propertyEntry(parent, fn) : undefined;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return this.exportEntry('default', fn, undefined);
      case AST_NODE_TYPES.ExportSpecifier: {
        const name = staticName(parent.exported, false);
        return name === undefined ? undefined : this.exportEntry(name, fn, undefined);
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (
          parent.init === position &&
          parent.id.type === AST_NODE_TYPES.Identifier &&
          parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
        ) {
          return this.exportEntry(parent.id.name, fn, parent.id);
        }
        return undefined;
      case AST_NODE_TYPES.AssignmentExpression: {
        const name = parent.right === position ? commonJsExportName(parent.left) : undefined;
        return name === undefined ? undefined : this.exportEntry(name, fn, undefined);
      }
      default:
        return undefined;
    }
  }

  /** `app.get('/x', fn)`, `new Worker('q', fn)`, `inngest.createFunction(…, fn)`, … */
  private callEntry(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    arg: TSESTree.Node,
    fn: FunctionNode,
  ): EntryInfo | undefined {
    const index = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
    if (call.type === AST_NODE_TYPES.CallExpression) {
      const route = routeEntry(call, index, fn);
      if (route) return route;
    }
    const shapes = shapesFor(call.callee);
    const chain = shapes.length > 0 ? memberChain(call.callee) : undefined;
    for (const shape of shapes) {
      if (shape.arg === undefined || !chainMatches(call, chain, shape)) continue;
      if (shape.arg !== 'any' && shape.arg !== index) continue;
      if (shape.first && !firstArgumentMatches(call, shape.first)) continue;
      if (shape.literalsBefore && !call.arguments.slice(0, index).every((a) => a.type === AST_NODE_TYPES.Literal)) continue;
      return shape.entry;
    }
    return undefined;
  }

  /** A function as the value of an object property: handler maps, resolver maps, Workers. */
  private propertyEntry(property: TSESTree.Property, fn: FunctionNode): EntryInfo | undefined {
    const key = staticName(property.key, property.computed);
    const object = property.parent;
    if (key === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const position = climb(object);
    const parent = position.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return Object.hasOwn(WORKER_HANDLERS, key) ? WORKER_HANDLERS[key] : undefined;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (!parent.arguments.includes(position as TSESTree.CallExpressionArgument)) return undefined;
        const index = parent.arguments.indexOf(position as TSESTree.CallExpressionArgument);
        // Fastify shorthand options: `fastify.get('/x', { handler })`.
        if (
          parent.type === AST_NODE_TYPES.CallExpression &&
          ROUTE_HANDLER_KEYS.has(key) &&
          routeEntry(parent, index, fn)
        ) {
          return ROUTER;
        }
        const shapes = shapesFor(parent.callee);
        const chain = shapes.length > 0 ? memberChain(parent.callee) : undefined;
        for (const shape of shapes) {
          if (!shape.keys?.includes(key) || !chainMatches(parent, chain, shape)) continue;
          if (shape.alsoHas && !shape.alsoHas.some((name) => hasKey(object, name))) continue;
          return shape.entry;
        }
        return undefined;
      }
      case AST_NODE_TYPES.Property: {
        // hapi: `server.route({ method, path, options: { handler } })`
        if (key === 'handler' && staticName(parent.key, parent.computed) === 'options' && parent.value === position) {
          return nestedRouteConfig(parent);
        }
        return graphqlEntry(parent, position);
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== position || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
        const name = parent.id.name;
        const typeName = typeReferenceName(parent.id.typeAnnotation?.typeAnnotation);
        if (GRAPHQL_ROOTS.has(name) || (typeName && GRAPHQL_ROOT_RESOLVER_TYPES.test(typeName))) {
          return GRAPHQL;
        }
        return undefined;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        // `module.exports = { handler, GET }`
        const chain = memberChain(parent.left)?.join('.');
        return chain === 'module.exports' ? this.exportEntry(key, fn, undefined) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** An exported function: by name, file and module directive, or by its `aws-lambda` types. */
  private exportEntry(name: string, fn: FunctionNode, id: TSESTree.Identifier | undefined): EntryInfo | undefined {
    this.exportFiles ??= EXPORT_SHAPES.map((shape) => !shape.file || shape.file.test(this.filename));
    for (let i = 0; i < EXPORT_SHAPES.length; i++) {
      const shape = EXPORT_SHAPES[i];
      if (shape.names !== '*' && !shape.names.has(name)) continue;
      if (!this.exportFiles[i]) continue;
      if (shape.directive && this.directive !== shape.directive) continue;
      if (shape.entry === LAMBDA) return lambdaEntry(fn, id) ?? LAMBDA;
      return shape.entry;
    }
    return lambdaEntry(fn, id);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Repeated only by the loop around it, when there is one. */
function loopOnly(loop: TSESTree.Node | undefined): Repetition | undefined {
  return loop ? { reason: 'loop', loop, helpers: [] } : undefined;
}

/** Spelled out rather than spread: a spread copies through a slow generic path on every call. */
function entryPointOf(info: EntryInfo, fn: FunctionNode): EntryPoint {
  return {
    kind: info.kind,
    framework: info.framework,
    label: info.label,
    http: info.http,
    shortLived: info.shortLived,
    fn,
  };
}

/**
 * `ITERATION_CALLEES.has(memberChain(callee).join('.'))`, without building the chain: every entry
 * is one name or two.
 */
function isIterationCallee(callee: TSESTree.Node): boolean {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return ITERATION_CALLEES.has(target.name);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(target.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const name = memberName(target);
  return name !== undefined && ITERATION_CALLEES.has(`${object.name}.${name}`);
}

/** The expression that stands for a value: skips TS wrappers and middleware arrays around it. */
function climb(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ArrayExpression:
        current = parent;
        break;
      default:
        return current;
    }
  }
}

function isConstructor(fn: FunctionNode): boolean {
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor';
}

function hasDirective(fn: FunctionNode, directive: string): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const first = fn.body.body[0];
  return first?.type === AST_NODE_TYPES.ExpressionStatement && first.directive === directive;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression
    ? decorator.expression.callee
    : decorator.expression;
  return chainEnd(expression);
}

function typeReferenceName(type: TSESTree.TypeNode | undefined): string | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return undefined;
}

/** `export const x: APIGatewayProxyHandler = …`, `async (event: SQSEvent) => …`. */
function lambdaEntry(fn: FunctionNode, id: TSESTree.Identifier | undefined): EntryInfo | undefined {
  const declared = lambdaType(typeReferenceName(id?.typeAnnotation?.typeAnnotation), id);
  if (declared) return declared;
  const first = fn.params[0];
  return first?.type === AST_NODE_TYPES.Identifier
    ? lambdaType(typeReferenceName(first.typeAnnotation?.typeAnnotation), id)
    : undefined;
}

function lambdaType(name: string | undefined, id: TSESTree.Identifier | undefined): EntryInfo | undefined {
  if (!name) return undefined;
  if (LAMBDA_HTTP_TYPES.test(name)) return LAMBDA_HTTP;
  if (LAMBDA_EVENT_TYPES.test(name)) return LAMBDA_EVENT;
  if (LAMBDA_GENERIC_TYPES.has(name) && id) return LAMBDA;
  return undefined;
}

/** `exports.x = …`, `module.exports.x = …` → `x`; `module.exports = …` → `default`. */
function commonJsExportName(left: TSESTree.Node): string | undefined {
  const chain = memberChain(left);
  if (!chain) return undefined;
  if (chain.length === 2 && chain[0] === 'exports') return chain[1];
  if (chain.length === 3 && chain[0] === 'module' && chain[1] === 'exports') return chain[2];
  if (chain.length === 2 && chain[0] === 'module' && chain[1] === 'exports') return 'default';
  return undefined;
}

function isPathLike(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) {
    if ('regex' in target && target.regex) return true;
    return typeof target.value === 'string' && (target.value.startsWith('/') || target.value === '*');
  }
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return target.quasis[0]?.value.cooked?.startsWith('/') ?? false;
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    return target.elements.length > 0 && target.elements.every((element) => element !== null && isPathLike(element));
  }
  return false;
}

function looksLikeMiddleware(fn: FunctionNode): boolean {
  if (fn.params.length < 2 || fn.params.length > 4) return false;
  const names = fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : undefined));
  return (names[0] !== undefined && REQUEST_PARAMS.has(names[0])) || names.some((name) => name && NEXT_PARAMS.has(name));
}

/** A handler argument of a route registration, or undefined. */
function routeEntry(call: TSESTree.CallExpression, index: number, fn: FunctionNode): EntryInfo | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || index < 0) return undefined;
  const name = memberName(callee);
  if (name === undefined || !ROUTE_METHODS.has(name)) return undefined;
  for (let i = 0; i < index; i++) {
    if (isPathLike(call.arguments[i])) return name === 'use' ? MIDDLEWARE : ROUTER;
  }
  if (name === 'on') return undefined;
  if (name === 'use') return index === 0 && looksLikeMiddleware(fn) ? MIDDLEWARE : undefined;
  // `app.route('/x').get(fn).post(fn)`
  let object = unwrap(callee.object);
  for (let i = 0; i < 8 && object.type === AST_NODE_TYPES.CallExpression; i++) {
    const inner = unwrap(object.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const innerName = memberName(inner);
    if (innerName === ROUTE_CHAIN_START) return object.arguments.some(isPathLike) ? ROUTER : undefined;
    if (innerName === undefined || !ROUTE_METHODS.has(innerName)) return undefined;
    object = unwrap(inner.object);
  }
  return undefined;
}

function calleeMatches(call: TSESTree.CallExpression | TSESTree.NewExpression, shape: CallShape): boolean {
  return chainMatches(call, memberChain(call.callee), shape);
}

/** `calleeMatches` with the callee's chain worked out once for all the shapes. */
function chainMatches(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  chain: readonly string[] | undefined,
  shape: CallShape,
): boolean {
  if ((shape.how === 'new') !== (call.type === AST_NODE_TYPES.NewExpression)) return false;
  if (!chain) return false;
  if (shape.how === 'member') return chain.length > 1 && chain.at(-1) === shape.callee;
  if (shape.callee.includes('.')) return chain.join('.') === shape.callee;
  return shape.how === 'new' ? chain.at(-1) === shape.callee : chain.length === 1 && chain[0] === shape.callee;
}

function firstArgumentMatches(call: TSESTree.CallExpression | TSESTree.NewExpression, first: NonNullable<CallShape['first']>): boolean {
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  const text =
    arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string'
      ? arg.value
      : arg?.type === AST_NODE_TYPES.TemplateLiteral && arg.expressions.length === 0
        ? arg.quasis[0].value.cooked
        : undefined;
  if (text == null) return false;
  if (first === 'string') return true;
  if (first === 'cron') return CRON_EXPRESSION.test(text);
  return first.has(text);
}

function hasKey(object: TSESTree.ObjectExpression, name: string): boolean {
  return object.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) === name,
  );
}

/** hapi: `server.route({ method, path, options: { handler } })`. */
function nestedRouteConfig(options: TSESTree.Property): EntryInfo | undefined {
  const config = options.parent;
  if (config?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const position = climb(config);
  const call = position.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(position as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const shape = CALL_SHAPES.find((s) => s.entry === ROUTE_CONFIG);
  return shape && calleeMatches(call, shape) && ROUTE_CONFIG_KEYS.some((name) => hasKey(config, name))
    ? ROUTE_CONFIG
    : undefined;
}

/** `{ Query: { user: fn } }` and type resolvers next to a root type (`{ Query, User: { posts: fn } }`). */
function graphqlEntry(typeProperty: TSESTree.Property, typeMap: TSESTree.Node): EntryInfo | undefined {
  if (typeProperty.value !== typeMap) return undefined;
  const typeName = staticName(typeProperty.key, typeProperty.computed);
  const resolvers = typeProperty.parent;
  if (typeName === undefined || resolvers?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (GRAPHQL_ROOTS.has(typeName)) return GRAPHQL;
  if (!/^[A-Z]/.test(typeName)) return undefined;
  if ([...GRAPHQL_ROOTS].some((root) => hasKey(resolvers, root))) return GRAPHQL;
  const holder = climb(resolvers).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const annotation = typeReferenceName(holder.id.typeAnnotation?.typeAnnotation);
    if (annotation && GRAPHQL_RESOLVER_TYPES.test(annotation)) return GRAPHQL;
  }
  return undefined;
}

/** The per-iteration parts of a loop: the body, and a `for`'s test and update, a `while`'s test. */
function isLoopIteration(node: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
      return child === node.body || child === node.test || child === node.update;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return child === node.body;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return true;
    default:
      return false;
  }
}

/** Is `arg` the per-element callback of this call (`xs.map(arg)`, `Array.from(xs, arg)`)? */
function iterationPosition(call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const index = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  if (index < 0) return false;
  if (isIterationCallee(call.callee)) return index === 1;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return index === 0 && name !== undefined && ITERATION_METHODS.has(name);
}

function iterationCall(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const position = climb(fn);
  const parent = position.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && iterationPosition(parent, position) ? parent : undefined;
}

/** An anonymous function passed to a call (or called at once): the call that runs it. */
function inlineCallbackCall(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  const position = climb(fn);
  const parent = position.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === position) return parent;
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(position as TSESTree.CallExpressionArgument)
    ? parent
    : undefined;
}

function isMemoising(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = chainEnd(call.callee);
  return name !== undefined && MEMOISING_CALLS.has(name);
}

function isThenCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return name === 'then' || name === 'catch' || name === 'finally';
}

/** `asyncHandler(fn)`: the wrapper call a function is passed to, when it is not a known shape or a loop. */
function wrapperCallOf(fn: FunctionNode): TSESTree.CallExpression | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  const position = climb(fn);
  const parent = position.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(position as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  if (iterationPosition(parent, position) || isThenCall(parent)) return undefined;
  return outermostChainCall(parent);
}

/** `middy(fn).use(a).use(b)`: the last call of the chain, whose position is where the wrapper sits. */
function outermostChainCall(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current = call;
  for (let i = 0; i < 8; i++) {
    const member = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
    const outer = member.parent;
    if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) break;
    current = outer;
  }
  return current;
}
