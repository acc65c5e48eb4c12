import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runProbe } from './probe.js';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { getAuthChecks, isAuthName, nameWords, toPattern } from '../../src/analysis/auth-checks.js';
import { getFunctionFacts, type EntryPoint } from '../../src/analysis/functions.js';

/**
 * A probe rule: every `here('label')` call reports the first visible check before it in its entry
 * point (`label: call auth()`, `label: none`), and whether `isChecked` disagrees; `route('label')` reports where the entry point is
 * registered (`label: paths /x names handler file app/api/x/route.ts`).
 */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [{ type: 'array', items: { type: 'string' } }], messages: { found: '{{ text }}' } },
  defaultOptions: [[] as string[]],
  create(context, [extra]) {
    const facts = getFunctionFacts(context);
    const checks = getAuthChecks(context, extra);
    const entryOf = (node: TSESTree.Node): EntryPoint | undefined => {
      for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
        const found = facts.entryPoint(fn);
        if (found) return found;
      }
      return undefined;
    };
    const short = (node: TSESTree.Node): string => {
      const text = context.sourceCode.getText(node).replace(/\s+/g, ' ');
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    };
    return {
      'CallExpression[callee.type="Identifier"]'(node: TSESTree.CallExpression) {
        const callee = node.callee as TSESTree.Identifier;
        if (callee.name !== 'here' && callee.name !== 'route') return;
        const [arg] = node.arguments;
        const label = arg?.type === AST_NODE_TYPES.Literal ? String(arg.value) : '?';
        const entry = entryOf(node);
        let text = 'no entry';
        if (entry && callee.name === 'here') {
          const ignore = (call: TSESTree.CallExpression): boolean => context.sourceCode.getText(call.callee) === 'ignored';
          // Asked first, so `before` goes on from a walk that may have stopped early.
          const checked = checks.isChecked(entry, node, ignore);
          const found = checks.before(entry, node, ignore);
          text = found ? `${found.kind} ${short(found.node)}` : 'none';
          if (checked !== (found !== undefined)) text += ` (isChecked says ${checked})`;
        } else if (entry) {
          const info = checks.route(entry);
          text = [
            info.paths.length > 0 ? `paths ${info.paths.join(' ')}` : '',
            info.names.length > 0 ? `names ${info.names.join(' ')}` : '',
            info.file ? `file ${info.file}` : '',
          ]
            .filter(Boolean)
            .join(' ');
        }
        context.report({ node, messageId: 'found', data: { text: `${label}: ${text}` } });
      },
    };
  },
});

function run(code: string, filename = 'src/file.ts', extra: string[] = []): string[] {
  return runProbe(probe, code, { filename, options: [extra] });
}

describe('auth checks: names', () => {
  it('splits names into words', () => {
    expect(nameWords('getServerSession')).toBe('get-server-session');
    expect(nameWords('JWTAuthGuard')).toBe('jwt-auth-guard');
    expect(nameWords('require_user')).toBe('require-user');
  });

  it('recognises check names and leaves look-alikes alone', () => {
    const checks = [
      'auth', 'getServerSession', 'requireUser', 'verifyToken', 'currentUser', 'isAuthenticated', 'jwtVerify',
      'verifyRequestSignature', 'constructEvent', 'timingSafeEqual', 'createHmac', 'withApiAuthRequired',
      'ensureLoggedIn', 'requireAdmin', 'hasPermission', 'UseGuards', 'authorize', 'protect', 'validateWebhookSignature',
      'requireLogin', 'getAuth', 'loginRequired', 'isSignedIn',
    ];
    for (const name of checks) expect(isAuthName(name), name).toBe(true);
    const others = ['getAuthor', 'createUser', 'findUser', 'identify', 'sendEmail', 'usersList', 'signedUrl', 'admin', 'role'];
    for (const name of others) expect(isAuthName(name), name).toBe(false);
  });

  it('compiles user patterns, and matches invalid ones as written', () => {
    expect(toPattern('^ensure').test('EnsureTeam')).toBe(true);
    expect(toPattern('with(').test('with(x)')).toBe(true);
  });
});

describe('auth checks: in the body', () => {
  it('finds check calls, conditions on the caller and identity reads before the node', () => {
    expect(
      run(`
        app.post('/a', async (req, res) => { const session = await getServerSession(); here('call'); });
        app.post('/b', async (req, res) => { here('before the check'); await auth(); });
        app.post('/c', async (req, res) => { const { data } = await supabase.auth.getUser(); here('auth object'); });
        app.post('/d', async (req, res) => { const user = await getUser(req); here('getUser(req)'); });
        app.post('/e', async (req, res) => { const user = await getUser(req.body.id); here('getUser(body id)'); });
        app.post('/f', async (req, res) => { if (!req.user) return res.sendStatus(401); here('early exit'); });
        app.post('/g', async (req, res) => { here('identity read', req.user.id); });
        app.post('/h', async (ctx) => { const { user } = ctx.state; log(user.id); here('koa state'); });
        app.post('/i', async (c) => { const user = c.get('user'); here('hono get'); });
        app.post('/j', async (req, res) => { const { userId } = req.body; if (!userId) return res.status(400).end(); here('validation only'); });
        app.post('/k', async (req, res) => {
          const owner = await loadOwner();
          if (owner.userId !== req.params.id) return res.status(403).end();
          here('comparison');
        });
        app.post('/l', async (req, res) => {
          const user = await db.users.find({ where: { id: req.body.userId } });
          if (!user) return res.status(404).end();
          here('looked up by the body');
        });
        app.post('/m', async (req, res) => { assert(res.locals.session); here('assert'); });
        app.post('/n', async (req, res) => { const ok = verifyRequestSignature({ body: req.body }); here('signature'); });
        app.post('/o', async (req, res) => { ignored(); here('ignored call'); });
        app.post('/p', async (req, res) => { const body = req.body; here('no check'); });
        app.post('/q', async (req, res) => { if (!req.headers.authorization) return res.sendStatus(401); here('credential header'); });
        app.post('/r', async (req, res) => { const role = req.body.role; if (role === 'admin') here('role from the body'); });
        app.post('/s', async (req, res) => { if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401); here('api key'); });
        app.post('/t', async (req, res) => { const key = req.header('x-api-key'); if (key !== secret) return res.sendStatus(401); here('api key via a local'); });
        app.post('/u', async (req, res) => { if (req.headers['content-type'] !== 'application/json') return res.sendStatus(415); here('content type'); });
        app.post('/v', async (req, res) => { const user = await getUserFromToken(req.body.token); here('user from token'); });
      `),
    ).toEqual([
      'call: call getServerSession()',
      'before the check: none',
      'auth object: call supabase.auth.getUser()',
      'getUser(req): call getUser(req)',
      'getUser(body id): none',
      'early exit: condition if (!req.user) return res.sendStatus(40…',
      'identity read: identity req.user',
      'koa state: identity user',
      "hono get: identity c.get('user')",
      'validation only: none',
      'comparison: condition if (owner.userId !== req.params.id) ret…',
      'looked up by the body: none',
      'assert: condition assert(res.locals.session)',
      'signature: call verifyRequestSignature({ body: req.body…',
      'ignored call: none',
      'no check: none',
      'credential header: condition if (!req.headers.authorization) return …',
      'role from the body: none',
      "api key: condition if (req.headers['x-api-key'] !== proces…",
      'api key via a local: condition if (key !== secret) return res.sendStat…',
      'content type: none',
      'user from token: call getUserFromToken(req.body.token)',
    ]);
  });

  it('reads GraphQL context, SvelteKit locals and server actions', () => {
    expect(
      run(`
        export const resolvers = {
          Mutation: {
            a: (_, args, { user }) => { if (!user) throw new Error('sign in'); here('destructured context'); },
            d: (_, args, context) => { log(context.viewer.id); here('context read'); },
            b: (_, args) => { here('args only'); },
            c: (_, args) => { if (!args.user) throw new Error(); here('args are data'); },
          },
        };
      `),
    ).toEqual([
      "destructured context: condition if (!user) throw new Error('sign in');",
      'context read: identity context.viewer',
      'args only: none',
      'args are data: none',
    ]);
    expect(
      run(
        `
        'use server';
        export async function save(user: { id: string }) { if (!user.id) return; here('a server action argument named user'); }
        export async function other() { const session = await auth(); if (!session) redirect('/login'); here('auth()'); }
      `,
        'app/actions.ts',
      ),
    ).toEqual(['a server action argument named user: none', 'auth(): call auth()']);
  });
});

describe('auth checks: around the entry point', () => {
  it('finds middleware, wrappers, route options and file-level use/addHook', () => {
    expect(
      run(`
        app.post('/a', requireAuth, (req, res) => { here('middleware'); });
        app.post('/b', passport.authenticate('jwt', { session: false }), (req, res) => { here('middleware call'); });
        app.post('/c', [rateLimit, ensureLoggedIn()], (req, res) => { here('middleware array'); });
        app.post('/d', rateLimit, (req, res) => { here('unrelated middleware'); });
        app.post('/e', (req, res, next) => { if (!req.session.userId) return res.sendStatus(401); next(); }, (req, res) => { here('inline middleware'); });
        const mustBeIn = (req, res, next) => { if (!req.user) return res.sendStatus(401); next(); };
        app.post('/f', mustBeIn, (req, res) => { here('local middleware'); });
        fastify.post('/g', { preHandler: [fastify.authenticate] }, async (request) => { here('fastify preHandler'); });
        fastify.route({ method: 'POST', url: '/h', onRequest: fastify.verifyJwt, handler: async (request) => { here('fastify route option'); } });
        server.route({ method: 'POST', path: '/i', options: { auth: 'jwt', handler: (request, h) => here('hapi auth') } });
        server.route({ method: 'POST', path: '/j', options: { auth: false, handler: (request, h) => here('hapi auth false') } });
        app.post('/k', withAuth(async (req, res) => { here('wrapper'); }));
        app.post('/l', asyncHandler(async (req, res) => { here('plain wrapper'); }));
        async function named(req, res) { here('named handler'); }
        app.post('/m', requireAuth, named);
        app.put('/n', [verifyJwt, async (req, res) => { here('in a middleware array'); }]);
        const typed = async (req, res) => { here('asserted handler'); };
        app.post('/o', requireAuth, typed as RequestHandler);
      `),
    ).toEqual([
      'middleware: middleware requireAuth',
      "middleware call: middleware passport.authenticate('jwt', { session:…",
      'middleware array: middleware [rateLimit, ensureLoggedIn()]',
      'unrelated middleware: none',
      'inline middleware: middleware (req, res, next) => { if (!req.session.…',
      'local middleware: middleware mustBeIn',
      'fastify preHandler: middleware preHandler: [fastify.authenticate]',
      'fastify route option: middleware onRequest: fastify.verifyJwt',
      "hapi auth: middleware auth: 'jwt'",
      'hapi auth false: none',
      "wrapper: wrapper withAuth(async (req, res) => { here('wr…",
      'plain wrapper: none',
      'named handler: middleware requireAuth',
      'in a middleware array: middleware verifyJwt',
      'asserted handler: middleware requireAuth',
    ]);
    expect(
      run(`
        export const main = middy(async (event: APIGatewayProxyEvent) => { here('middy'); }).use(cors()).use(httpJwtAuth());
        export const open = middy(async (event: APIGatewayProxyEvent) => { here('middy without auth'); }).use(cors());
      `),
    ).toEqual(['middy: middleware middy(async (event: APIGatewayProxyEven…', 'middy without auth: none']);
    expect(
      run(`
        router.post('/before', (req, res) => { here('registered before use'); });
        router.use(authMiddleware);
        router.post('/after', (req, res) => { here('registered after use'); });
      `),
    ).toEqual(['registered before use: none', 'registered after use: middleware router.use(authMiddleware)']);
    expect(
      run(`
        fastify.post('/x', async (request) => { here('hook'); });
        fastify.addHook('onRequest', async (request) => { await request.jwtVerify(); });
      `),
    ).toEqual(["hook: middleware fastify.addHook('onRequest', async (req…"]);
    expect(
      run(`
        fastify.addHook('onSend', async (request) => { await request.jwtVerify(); });
        fastify.post('/x', async (request) => { here('a hook after the handler runs'); });
      `),
    ).toEqual(['a hook after the handler runs: none']);
  });

  it('finds NestJS guards, identity parameters and global guards with public opt-outs', () => {
    expect(
      run(`
        @Controller('a')
        @UseGuards(AuthGuard('jwt'))
        class A { @Post() save(@Body() body) { here('class guard'); } }
        @Controller('b')
        class B {
          @Post() @Roles('admin') save(@Body() body) { here('roles'); }
          @Post('c') mine(@CurrentUser() user, @Body() body) { here('current user parameter'); }
          @Post('d') @UseBefore(authMiddleware) before(@Body() body) { here('use before'); }
          @Post('e') open(@Body() body) { here('no guard'); }
        }
      `),
    ).toEqual([
      "class guard: decorator @UseGuards(AuthGuard('jwt'))",
      "roles: decorator @Roles('admin')",
      'current user parameter: decorator @CurrentUser()',
      'use before: decorator @UseBefore(authMiddleware)',
      'no guard: none',
    ]);
    // A handler marked public says a global guard protects every other handler of the app.
    expect(
      run(`
        @Controller('c')
        class C {
          @Public() @Get('health') health() { here('public'); }
          @Post() save(@Body() body) { here('global guard'); }
        }
        @Controller('d')
        class D { @Post() other(@Body() body) { here('another controller'); } }
      `),
    ).toEqual(['public: none', 'global guard: decorator @Public()', 'another controller: decorator @Public()']);
  });

  it('uses project names from options', () => {
    const code = `app.post('/a', async (req, res) => { await ensureTeamMember(req); here('custom'); });`;
    expect(run(code)).toEqual(['custom: none']);
    expect(run(code, 'src/file.ts', ['^ensureTeam'])).toEqual(['custom: call ensureTeamMember(req)']);
  });
});

describe('auth checks: routes', () => {
  it('collects paths, names and file paths', () => {
    expect(
      run(`
        app.post('/newsletter', (req, res) => { route('path'); });
        const subscribeHandler = async (req, res) => { route('named'); };
        router.post('/x', subscribeHandler);
        app.route('/chained').post((req, res) => { route('chained'); });
        fastify.route({ method: 'POST', url: '/options', handler: async () => { route('options'); } });
        export const resolvers = { Mutation: { signUp: () => { route('resolver'); } } };
        @Controller('news')
        class N { @Post('subscribe') join() { route('nest'); } }
        exports.optIn = async (req, res) => { route('commonjs'); };
        exports.handler = async (event: APIGatewayProxyEvent) => { route('commonjs lambda'); };
        async function subscribe(request) { route('export specifier'); }
        export { subscribe as POST };
      `),
    ).toEqual([
      'path: paths /newsletter',
      'named: paths /x names subscribeHandler',
      'chained: paths /chained',
      'options: paths /options names handler',
      'resolver: names signUp Mutation resolvers',
      'nest: paths subscribe news names join',
      'commonjs: no entry',
      'commonjs lambda: names handler',
      'export specifier: names subscribe POST file src/file.ts',
    ]);
    expect(
      run(`export async function POST(request) { route('file'); }`, 'src/app/api/newsletter/route.ts'),
    ).toEqual(['file: names POST file api/newsletter/route.ts']);
    expect(run(`export async function subscribe(email) { route('action'); }`, 'lib/mail.ts'.replace('lib', 'src/lib'))).toEqual([
      'action: no entry',
    ]);
    expect(
      run(`'use server';\nexport async function join(email) { route('action'); }`, 'src/app/(marketing)/waitlist/actions.ts'),
    ).toEqual(['action: names join file app/(marketing)/waitlist/actions.ts']);
    expect(run(`export const handler = async (event: APIGatewayProxyEvent) => { route('lambda'); }`, 'handler.ts')).toEqual([
      'lambda: names handler',
    ]);
    expect(
      run(`export default withSession(async function handler(req, res) { route('wrapped default'); })`, 'pages/api/signup.ts'),
    ).toEqual(['wrapped default: names handler file api/signup.ts']);
    expect(run(`export default async function (req, res) { route('unnamed'); }`, 'netlify/functions/notify.ts')).toEqual([
      'unnamed: file functions/notify.ts',
    ]);
  });
});
