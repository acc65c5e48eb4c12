import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runProbe } from './probe.js';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { getFunctionFacts, type Repetition } from '../../src/analysis/functions.js';

/**
 * A probe rule: every `here('label')` call reports why it runs repeatedly, so tests read as lists:
 * `label: entry request http-router` or `label: helper send > entry serverless aws-lambda`.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    const facts = getFunctionFacts(context);
    return {
      'CallExpression[callee.name="here"]'(node: TSESTree.CallExpression) {
        const [arg, option] = node.arguments;
        const label = arg?.type === AST_NODE_TYPES.Literal ? String(arg.value) : '?';
        // `here('x', 'ignore')`: the caller of the enclosing helper is ignored, as a memoising rule would.
        const ignore = option?.type === AST_NODE_TYPES.Literal && option.value === 'ignore';
        const repetition = facts.repetition(node, ignore ? { ignoreCall: () => true } : undefined);
        context.report({ node, messageId: 'found', data: { text: `${label}: ${describeRepetition(repetition)}` } });
      },
      'CallExpression[callee.name="entry"]'(node: TSESTree.CallExpression) {
        const fn = enclosingFunction(node);
        const found = fn && facts.entryPoint(fn);
        const text = found
          ? `${found.label} (${found.kind}, ${found.framework}${found.http ? ', http' : ''}${found.shortLived ? ', short-lived' : ''})`
          : 'none';
        context.report({ node, messageId: 'found', data: { text } });
      },
    };
  },
});

function describeRepetition(repetition: Repetition | undefined): string {
  if (!repetition) return 'none';
  const parts: string[] = [];
  if (repetition.helpers.length > 0) {
    const names = repetition.helpers.map(({ fn }) => helperName(fn));
    parts.push(`helper ${names.join(' < ')} >`);
  }
  if (repetition.entry) parts.push(`entry ${repetition.entry.kind} ${repetition.entry.framework}`);
  if (repetition.loop) parts.push(`loop ${repetition.loop.type}`);
  return parts.join(' ');
}

function helperName(fn: TSESTree.Node): string {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  return '<anonymous>';
}

function run(code: string, filename = 'src/file.ts'): string[] {
  return runProbe(probe, code, { filename });
}

describe('functions: HTTP routers', () => {
  it('finds Express, Koa, Fastify and Hono route handlers, middleware arrays and chained routes', () => {
    expect(
      run(`
        app.get('/users/:id', (req, res) => { here('express'); });
        router.post('/signup', auth, validate, async (req, res) => { here('after middleware'); });
        app.put('/x', [auth, async function (req, res) { here('middleware array'); }]);
        router.get('user', '/users/:id', async (ctx) => { here('koa named route'); });
        app.delete(\`/items/\${prefix}\`, (c) => here('template path'));
        app.all(/\\/api\\/.*/, (req, res) => here('regex path'));
        app.route('/book').get((req, res) => here('chained')).post((req, res) => here('chained twice'));
        fastify.get('/x', { schema }, async (request, reply) => { here('fastify with options'); });
        fastify.post('/y', { handler: async (request, reply) => { here('fastify handler option'); } });
        fastify.route({ method: 'GET', url: '/z', handler: async (request) => { here('fastify route'); } });
        server.route({ method: 'GET', path: '/h', options: { handler: (request, h) => here('hapi options') } });
        fastify.addHook('preHandler', async (request, reply) => { here('hook'); });
        app.on(['GET', 'POST'], '/hono', (c) => here('hono on'));
      `),
    ).toEqual([
      'express: entry request http-router',
      'after middleware: entry request http-router',
      'middleware array: entry request http-router',
      'koa named route: entry request http-router',
      'template path: entry request http-router',
      'regex path: entry request http-router',
      'chained: entry request http-router',
      'chained twice: entry request http-router',
      'fastify with options: entry request http-router',
      'fastify handler option: entry request http-router',
      'fastify route: entry request route-config',
      'hapi options: entry request route-config',
      'hook: entry request fastify-hook',
      'hono on: entry request http-router',
    ]);
  });

  it('finds handlers passed by name, through wrappers, and middleware that says so by its parameters', () => {
    expect(
      run(`
        async function signup(req, res) { here('named handler'); }
        const login = async (req, res) => { here('const handler'); };
        const wrapped = asyncHandler(async (req, res) => { here('wrapped binding'); });
        router.post('/signup', signup);
        router.post('/login', login);
        router.post('/w', wrapped);
        router.post('/inline', catchAsync(async (req, res) => { here('inline wrapper'); }));
        app.use((req, res, next) => { here('middleware'); next(); });
        app.use(async (ctx, next) => { here('koa middleware'); });
        app.use('/api', function (req, res, next) { here('mounted middleware'); });
        http.createServer((req, res) => { here('node http'); });
      `),
    ).toEqual([
      'named handler: entry request http-router',
      'const handler: entry request http-router',
      'wrapped binding: entry request http-router',
      'inline wrapper: entry request http-router',
      'middleware: entry request http-router',
      'koa middleware: entry request http-router',
      'mounted middleware: entry request http-router',
      'node http: entry request node-http',
    ]);
  });

  it('does not mistake look-alikes for routes', () => {
    expect(
      run(`
        chai.use(function (chai, utils) { here('chai plugin'); });
        cache.get('key', () => here('cache loader'));
        map.get(key);
        emitter.on('signup', (user) => here('custom event'));
        i18n.use(initReactI18next);
        app.listen(3000, () => { here('listen callback'); });
        setTimeout(() => here('timeout'), 10);
        const helper = () => here('never called');
        app.get('/x', express.static('public'));
        remark().use(html).process(markdown, (err, file) => here('not a queue'));
        router.get(fn => here('no path'));
        app.route('/x').get((req, res) => here('route chain')).foo().post((req, res) => here('broken chain'));
        emitter.on('ready', (socket) => here('on without a path'));
        app.get(['/a', '/b'], (req, res) => here('path array'));
        app.get([], (req, res) => here('empty path array'));
      `),
    ).toEqual([
      'chai plugin: none',
      'cache loader: none',
      'custom event: none',
      'listen callback: none',
      'timeout: none',
      'never called: none',
      'not a queue: none',
      'no path: none',
      'route chain: entry request http-router',
      'broken chain: none',
      'on without a path: none',
      'path array: entry request http-router',
      'empty path array: none',
    ]);
  });
});

describe('functions: file-based and exported entry points', () => {
  it('finds Next.js app-router handlers in route files and any HTTP-verb export', () => {
    const code = `
      export async function GET(request) { here('GET'); }
      export const POST = async (request) => { here('POST'); };
      const handler = async (request) => { here('aliased'); };
      export { handler as PUT };
      export const PATCH = withAuth(async (request) => { here('wrapped export'); });
      export async function helper() { here('other export'); }
    `;
    expect(run(code, 'app/api/signup/route.ts')).toEqual([
      'GET: entry serverless nextjs-route',
      'POST: entry serverless nextjs-route',
      'aliased: entry serverless nextjs-route',
      'wrapped export: entry serverless nextjs-route',
      'other export: none',
    ]);
    expect(run(code, 'src/routes/api/+server.ts').slice(0, 1)).toEqual(['GET: entry serverless route-module']);
  });

  it('finds default-export handlers only where the file says so (pages/api, Netlify functions)', () => {
    const code = `export default async function handler(req, res) { here('default'); }`;
    expect(run(code, 'pages/api/signup.ts')).toEqual(['default: entry serverless nextjs-pages-api']);
    expect(run(code, 'src/pages/api/users/[id].ts')).toEqual(['default: entry serverless nextjs-pages-api']);
    expect(run(code, 'src/components/Button.tsx')).toEqual(['default: none']);
    expect(run(code, 'netlify/functions/signup.ts')).toEqual(['default: entry serverless netlify']);
    expect(
      run(`async function handler(req, res) { here('by name'); } export default withSession(handler);`, 'pages/api/x.js'),
    ).toEqual(['by name: entry serverless nextjs-pages-api']);
  });

  it('finds server actions by module directive and by function directive', () => {
    expect(
      run(
        `'use server';
        export async function subscribe(formData) { here('exported action'); }
        export const unsubscribe = async (id) => { here('exported const action'); };
        async function notExported() { here('private helper'); }
      `,
        'app/actions.ts',
      ),
    ).toEqual(['exported action: entry serverless server-action', 'exported const action: entry serverless server-action', 'private helper: none']);
    expect(
      run(`
        export default function Page() {
          async function save(formData) { 'use server'; here('inline action'); }
          return null;
        }
      `),
    ).toEqual(['inline action: entry serverless server-action']);
  });

  it('finds Lambda handlers: ESM, CommonJS and typed', () => {
    expect(
      run(`
        export const handler = async (event, context) => { here('export const'); };
      `),
    ).toEqual(['export const: entry serverless aws-lambda']);
    expect(run(`export async function handler(event) { here('export function'); }`)).toEqual([
      'export function: entry serverless aws-lambda',
    ]);
    expect(
      run(`
        exports.handler = async (event) => { here('exports.handler'); };
        module.exports.other = async function (event) { here('module.exports.other'); };
        async function main(event) { here('module.exports object'); }
        module.exports = { handler: main };
      `, 'src/file.js'),
    ).toEqual(['exports.handler: entry serverless aws-lambda', 'module.exports.other: none', 'module.exports object: entry serverless aws-lambda']);
    expect(
      run(`
        import type { SQSEvent, APIGatewayProxyHandler } from 'aws-lambda';
        export const consume = async (event: SQSEvent) => { here('sqs typed'); };
        export const api: APIGatewayProxyHandler = async (event) => { here('api typed'); };
        export const handler = middy(async (event) => { here('middy'); }).use(cors());
      `),
    ).toEqual(['sqs typed: entry job aws-lambda', 'api typed: entry serverless aws-lambda', 'middy: entry serverless aws-lambda']);
  });

  it('finds Cloudflare Worker handlers and other exported framework hooks', () => {
    expect(
      run(`
        export default {
          async fetch(request, env, ctx) { here('fetch'); },
          async queue(batch, env) { here('queue'); },
          scheduled: async (event, env) => { here('scheduled'); },
          config: () => here('not a handler'),
        } satisfies ExportedHandler<Env>;
      `),
    ).toEqual(['fetch: entry serverless cloudflare-worker', 'queue: entry job cloudflare-worker', 'scheduled: entry job cloudflare-worker', 'not a handler: none']);
    expect(run(`export async function getServerSideProps(ctx) { here('ssr'); }`, 'pages/index.tsx')).toEqual([
      'ssr: entry serverless nextjs-ssr',
    ]);
    expect(run(`export function middleware(request) { here('middleware'); }`, 'middleware.ts')).toEqual([
      'middleware: entry serverless nextjs-middleware',
    ]);
    expect(run(`export async function loader({ request }) { here('loader'); }`, 'app/routes/users.tsx')).toEqual([
      'loader: entry serverless remix',
    ]);
    expect(run(`export async function load({ params }) { here('load'); }`, 'src/routes/+page.server.ts')).toEqual([
      'load: entry serverless sveltekit',
    ]);
    expect(run(`export default defineEventHandler(async (event) => { here('h3'); });`, 'server/api/x.ts')).toEqual([
      'h3: entry serverless h3',
    ]);
  });
});

describe('functions: more serverless and server shapes', () => {
  it('finds Bun and Deno servers, typed Lambda handlers with other names, and CommonJS export objects', () => {
    expect(
      run(`
        Bun.serve({ port: 3000, fetch(request) { here('bun'); } });
        Deno.serve((request) => here('deno'));
        createServer((req, res) => { here('createServer import'); });
        export const main: Handler = async (event) => { here('typed Handler'); };
        export const api = async (event: APIGatewayProxyEvent) => { here('typed event'); };
        export const plain = async (event: unknown) => { here('untyped export'); };
        function helper() {}
        export default { email(message, env) { here('worker email'); } };
      `),
    ).toEqual([
      'bun: entry request node-http',
      'deno: entry request node-http',
      'createServer import: entry request node-http',
      'typed Handler: entry serverless aws-lambda',
      'typed event: entry serverless aws-lambda',
      'untyped export: none',
      'worker email: entry job cloudflare-worker',
    ]);
    expect(
      run(`
        async function get(req) { here('GET by object'); }
        module.exports = { GET: get, other: () => here('other key') };
      `, 'src/routes/api/+server.js'),
    ).toEqual(['GET by object: entry serverless route-module', 'other key: none']);
    expect(run(`module.exports = async (req, res) => { here('default'); };`, 'pages/api/a.js')).toEqual([
      'default: entry serverless nextjs-pages-api',
    ]);
    expect(
      run(`'use server';\nexport default async function save(data) { here('default action'); }`, 'app/save.ts'),
    ).toEqual(['default action: entry serverless server-action']);
  });

  it('finds typed resolver maps, and stops at wrappers that are not entries', () => {
    expect(
      run(`
        export const resolvers: Resolvers = { Customer: { orders: (c) => here('typed type resolver') } };
        const queries: QueryResolvers = { me: () => here('typed root') };
        const handler = withTracing(async (req) => { here('wrapped but never registered'); });
        const [first] = [() => here('destructured')];
        items.then((x) => fn(x, () => here('inside then')));
      `),
    ).toEqual([
      'typed type resolver: entry request graphql',
      'typed root: entry request graphql',
      'wrapped but never registered: none',
      'destructured: none',
      'inside then: none',
    ]);
  });
});

describe('functions: what an entry point says about itself', () => {
  it('tells request paths from serverless invocations and background jobs', () => {
    expect(
      run(`
        app.post('/a', (req, res) => entry());
        export const handler = async (event) => entry();
        export default { fetch: (request) => entry(), queue: (batch) => entry() };
        new Worker('q', async (job) => entry());
        inngest.createFunction({ id: 'x' }, { event: 'e' }, async () => entry());
        function plain() { entry(); }
      `),
    ).toEqual([
      'route handler (request, http-router, http)',
      'Lambda handler (serverless, aws-lambda, short-lived)',
      'Worker fetch handler (serverless, cloudflare-worker, http, short-lived)',
      'Worker event handler (job, cloudflare-worker, short-lived)',
      'queue worker (job, bullmq)',
      'Inngest function (job, inngest, short-lived)',
      'none',
    ]);
  });
});

describe('functions: GraphQL and NestJS', () => {
  it('finds resolver maps, split root objects and type resolvers', () => {
    expect(
      run(`
        const resolvers = {
          Query: { user: (_, { id }) => { here('query'); } },
          Mutation: { async signup(_, args, ctx) { here('mutation method'); } },
          User: { posts: (user) => { here('type resolver'); } },
        };
        const Mutation = { login: async () => { here('split root'); } };
        const settings = { Theme: { load: () => here('not graphql') } };
      `),
    ).toEqual([
      'query: entry request graphql',
      'mutation method: entry request graphql',
      'type resolver: entry request graphql',
      'split root: entry request graphql',
      'not graphql: none',
    ]);
  });

  it('finds NestJS controller routes, resolvers, message and job handlers, but not services', () => {
    expect(
      run(`
        @Controller('users')
        export class UsersController {
          constructor(private readonly service: UsersService) { here('constructor'); }
          @Post() async create(@Body() body) { here('route'); }
          @MessagePattern('user.created') onCreated(data) { here('message'); }
          helper() { here('undecorated'); }
        }
        @Resolver()
        export class UsersResolver { @Query(() => User) user() { here('resolver'); } }
        @Injectable()
        export class Jobs {
          @Cron('0 * * * *') hourly() { here('cron'); }
          @Get() notAController() { here('route decorator outside a controller'); }
        }
      `),
    ).toEqual([
      'constructor: none',
      'route: entry request nestjs',
      'message: entry job nestjs',
      'undecorated: none',
      'resolver: entry request nestjs',
      'cron: entry job nestjs',
      'route decorator outside a controller: none',
    ]);
  });
});

describe('functions: jobs, queues and timers', () => {
  it('finds queue consumers, job runners and schedules', () => {
    expect(
      run(`
        inngest.createFunction({ id: 'welcome' }, { event: 'user/created' }, async ({ event, step }) => { here('inngest'); });
        export const sync = task({ id: 'sync', run: async (payload) => { here('trigger'); } });
        new Worker('emails', async (job) => { here('bullmq'); }, { connection });
        new Worker(new URL('./w.js', import.meta.url), { type: 'module' });
        queue.process('send', 5, async (job) => { here('bull'); });
        agenda.define('send email', async (job) => { here('agenda'); });
        channel.consume('signups', async (msg) => { here('amqp'); }, { noAck: false });
        await consumer.run({ eachMessage: async ({ message }) => { here('kafka'); } });
        const app = Consumer.create({ queueUrl, handleMessage: async (message) => { here('sqs-consumer'); } });
        subscription.on('message', (message) => { here('pubsub'); });
        cron.schedule('*/5 * * * *', () => { here('cron'); });
        new CronJob('0 0 * * *', () => { here('cronjob'); });
        setInterval(() => { here('interval'); }, 1000);
      `),
    ).toEqual([
      'inngest: entry job inngest',
      'trigger: entry job trigger.dev',
      'bullmq: entry job bullmq',
      'bull: entry job bull',
      'agenda: entry job agenda',
      'amqp: entry job amqplib',
      'kafka: entry job kafkajs',
      'sqs-consumer: entry job sqs-consumer',
      'pubsub: entry job event-listener',
      'cron: entry job cron',
      'cronjob: entry job cron',
      'interval: entry job timer',
    ]);
  });
});

describe('functions: loops, callbacks and helpers', () => {
  it('reports loops and iteration callbacks, but not a for-loop initialiser', () => {
    expect(
      run(`
        for (const user of users) { here('for-of'); }
        for (let i = here('init'); i < n; i++) { here('for body'); }
        while (more) here('while');
        users.forEach((user) => { here('forEach'); });
        await Promise.all(users.map(async (user) => { here('map'); }));
        Array.from(ids, (id) => here('Array.from'));
        _.each(users, (user) => here('lodash'));
        for (const k in obj) { items.map((x) => here('nested')); }
      `),
    ).toEqual([
      'for-of: loop ForOfStatement',
      'init: none',
      'for body: loop ForStatement',
      'while: loop WhileStatement',
      'forEach: loop CallExpression',
      'map: loop CallExpression',
      'Array.from: loop CallExpression',
      'lodash: loop CallExpression',
      'nested: loop CallExpression',
    ]);
  });

  it('follows callbacks and .then chains out to the handler, keeps the loop inside it, and stops at memoising calls', () => {
    expect(
      run(`
        function build(t) { here('memoised helper'); }
        app.post('/x', async (req, res) => {
          await cache.wrap(req.tenant.id, () => { here('memoised callback'); });
          const getClient = once(() => here('once'));
          await cache.getOrSet(req.tenant.id, build);
          getTenant(req).then((tenant) => { here('then'); });
          await new Promise((resolve) => { here('promise executor'); resolve(); });
          for (const item of req.body.items) { here('loop in handler'); }
        });
      `),
    ).toEqual([
      'memoised helper: none',
      'memoised callback: none',
      'once: none',
      'then: entry request http-router',
      'promise executor: entry request http-router',
      'loop in handler: entry request http-router loop ForOfStatement',
    ]);
  });

  it('finds helpers called from handlers, through several levels, and class methods called on this', () => {
    expect(
      run(`
        function makeClient() { here('helper'); }
        const outer = () => { makeClient(); };
        function deep() { here('two levels'); }
        function middle() { deep(); }
        app.post('/a', (req, res) => { outer(); middle(); });
        function perUser(user) { here('per element'); }
        function startup() { here('called at load'); }
        startup();
        const viaIife = () => { (() => here('iife'))(); };
        app.put('/b', viaIife);
        class S { static make() { here('static method'); } get value() { here('getter'); } }
        export const handler = async (event) => { event.Records.forEach(perUser); };
        @Controller() class C {
          build() { here('this helper'); }
          @Get() list() { return this.build(); }
        }
      `),
    ).toEqual([
      'helper: helper makeClient < outer > entry request http-router',
      'two levels: helper deep < middle > entry request http-router',
      'per element: helper perUser > entry serverless aws-lambda loop CallExpression',
      'called at load: none',
      'iife: entry request http-router',
      'static method: none',
      'getter: none',
      'this helper: helper build > entry request nestjs',
    ]);
  });

  it('lets a rule ignore calls, and stops at recursion, class fields and constructors', () => {
    const code = `
      function memoised() { here('ignored', 'ignore'); }
      app.get('/m', () => memoised());
      function make() { here('ignored'); }
      app.get('/', () => make());
      function again() { here('recursive'); again(); }
      again();
      class Service {
        client = here('field');
        constructor() { here('ctor'); }
      }
    `;
    expect(run(code)).toEqual([
      'ignored: none',
      'ignored: helper make > entry request http-router',
      'recursive: none',
      'field: none',
      'ctor: none',
    ]);
  });
});
