import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runProbe } from './probe.js';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { getFunctionFacts, type EntryPoint } from '../../src/analysis/functions.js';
import { getRequestValues, isDataPath } from '../../src/analysis/request-values.js';

/**
 * A probe rule: every `value(expr)` call reports what the engine knows about `expr` in the nearest
 * entry point, so tests read as lists: `email: data body.email from req.body`, `x: none`.
 * `inside(expr)` and `spread(expr)` ask the object helpers; `access(expr)` includes the request
 * object itself.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    const facts = getFunctionFacts(context);
    const values = getRequestValues(context);
    const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
    const entryOf = (node: TSESTree.Node): EntryPoint | undefined => {
      for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
        const found = facts.entryPoint(fn);
        if (found) return found;
      }
      return undefined;
    };
    return {
      'CallExpression[callee.type="Identifier"]'(node: TSESTree.CallExpression) {
        const callee = node.callee as TSESTree.Identifier;
        if (!['value', 'access', 'inside', 'spread'].includes(callee.name)) return;
        const [arg, label] = node.arguments;
        const name = label?.type === AST_NODE_TYPES.Literal ? String(label.value) : text(arg);
        const entry = entryOf(node);
        let result = 'none';
        if (entry) {
          const found =
            callee.name === 'value'
              ? values.of(entry, arg)
              : callee.name === 'inside'
                ? values.inside(entry, arg)
                : callee.name === 'spread'
                  ? values.spreadInto(entry, arg)
                  : values.access(entry, arg);
          if (found) {
            const source = found.source ? ` from ${text(found.source)}` : '';
            const at = 'node' in found && found.node !== arg ? ` at ${text(found.node as TSESTree.Node)}` : '';
            result = `${found.role} ${found.path.join('.') || '(root)'}${source}${at}`;
          }
        }
        context.report({ node, messageId: 'found', data: { text: `${name}: ${result}` } });
      },
    };
  },
});

function run(code: string, filename = 'src/file.ts'): string[] {
  return runProbe(probe, code, { filename });
}

describe('request values: request objects', () => {
  it('reads the data members of Express, Koa, Fastify, hapi and Lambda request objects', () => {
    expect(
      run(`
        app.post('/a', (req, res) => {
          value(req.body.email);
          value(req.query.id);
          value(req.params.id);
          value(req.headers['x-user']);
          value(req.cookies.ref);
          value(req.header('x-id'));
          value(req['body']);
          value(req.user.id);
          value(req);
        });
        router.post('/b', async (ctx) => { value(ctx.request.body.id); value(ctx.query.id); value(ctx.state.user); });
        fastify.post('/c', async (request, reply) => { value(request.body.id); });
        server.route({ method: 'POST', path: '/d', handler: (request, h) => value(request.payload.id) });
        export const update: APIGatewayProxyHandler = async (event) => {
          value(JSON.parse(event.body ?? '{}').id);
          value(event.queryStringParameters?.id);
          value(event.pathParameters!.id);
          value(event.requestContext.authorizer, 'authorizer');
        };
      `),
    ).toEqual([
      'req.body.email: request body.email from req.body',
      'req.query.id: request query.id from req.query',
      'req.params.id: request params.id from req.params',
      "req.headers['x-user']: request headers.x-user from req.headers",
      'req.cookies.ref: request cookies.ref from req.cookies',
      "req.header('x-id'): request header() from req.header('x-id')",
      "req['body']: request body from req['body']",
      'req.user.id: none',
      'req: none',
      'ctx.request.body.id: request request.body.id from ctx.request.body',
      'ctx.query.id: request query.id from ctx.query',
      'ctx.state.user: none',
      'request.body.id: request body.id from request.body',
      'request.payload.id: request payload.id from request.payload',
      "JSON.parse(event.body ?? '{}').id: request body.id from event.body",
      'event.queryStringParameters?.id: request queryStringParameters.id from event.queryStringParameters',
      'event.pathParameters!.id: request pathParameters.id from event.pathParameters',
      'authorizer: none',
    ]);
  });

  it('reads fetch requests, Next.js route params, Hono readers, h3 readers and SvelteKit events', () => {
    expect(
      run(
        `
        export async function POST(request: Request, { params }) {
          const body = await request.json();
          value(body.email);
          const form = await request.formData();
          value(form.get('email'));
          value(request.nextUrl.searchParams.get('id'));
          value(new URL(request.url).searchParams.get('id'));
          const { id } = await params;
          value(id);
          request.json().then((data) => value(data.email, 'then'));
        }
      `,
        'app/api/x/route.ts',
      ),
    ).toEqual([
      'body.email: request json().email from request.json()',
      "form.get('email'): request formData().get() from request.formData()",
      "request.nextUrl.searchParams.get('id'): request nextUrl.searchParams.get() from request.nextUrl",
      "new URL(request.url).searchParams.get('id'): request url.searchParams.get() from request.url",
      'id: request params.id from params',
      'then: request json().email from request.json()',
    ]);
    expect(
      run(`
        app.post('/h', async (c) => {
          const { userId } = await c.req.json();
          value(userId);
          value(c.req.query('id'));
          value(c.req.param('id'));
          value(c.req.valid('json').email);
          value(c.get('user'));
        });
        export const onRequest = defineEventHandler(async (event) => {
          const body = await readBody(event);
          value(body.id);
          value(getQuery(event).id);
          value(readBody(other), 'not the event');
        });
      `),
    ).toEqual([
      'userId: request req.json().userId from c.req.json()',
      "c.req.query('id'): request req.query() from c.req.query('id')",
      "c.req.param('id'): request req.param() from c.req.param('id')",
      "c.req.valid('json').email: request req.valid().email from c.req.valid('json')",
      "c.get('user'): none",
      'body.id: data readBody().id from readBody(event)',
      'getQuery(event).id: data getQuery().id from getQuery(event)',
      'not the event: none',
    ]);
    expect(
      run(
        `
        export const actions = 1;
        export const POST = async ({ request, url, locals }) => {
          value(url.searchParams.get('id'));
          value((await request.formData()).get('id'));
          value(locals.user);
        };
      `,
        'src/routes/api/+server.ts',
      ),
    ).toEqual([
      "url.searchParams.get('id'): request url.searchParams.get() from url",
      "(await request.formData()).get('id'): request request.formData().get() from request.formData()",
      'locals.user: none',
    ]);
  });

  it('treats every server action argument, GraphQL args and NestJS @Body() as data', () => {
    expect(
      run(
        `
        'use server';
        export async function save(formData: FormData, userId: string) {
          value(formData.get('email'));
          value(userId);
        }
      `,
        'app/actions.ts',
      ),
    ).toEqual(["formData.get('email'): data get() from formData", 'userId: data (root) from userId']);
    expect(
      run(`
        export const resolvers = {
          Mutation: { update: (parent, args, context) => { value(args.input.email); value(parent.id); value(context.user); value(context.req.body.id); } },
        };
        @Controller('x')
        class C {
          @Post() save(@Body() body, @Param('id') id, @Req() req, other) {
            value(body.email); value(id); value(req.body.id); value(req.user); value(other);
          }
        }
      `),
    ).toEqual([
      'args.input.email: data input.email from args',
      'parent.id: none',
      'context.user: none',
      'context.req.body.id: request req.body.id from context.req.body',
      'body.email: data email from body',
      'id: data (root) from id',
      'req.body.id: request body.id from req.body',
      'req.user: none',
      'other: none',
    ]);
  });
});

describe('request values: through code', () => {
  it('follows bindings, destructuring, conversions, validators, templates, loops and element callbacks', () => {
    expect(
      run(`
        app.post('/a', async (req, res) => {
          const { email, profile: { name } } = req.body;
          value(email);
          value(name);
          const body = req.body;
          value(body.userId);
          let id = req.params.id;
          value(id);
          let changed = req.params.id;
          changed = 'x';
          value(changed, 'reassigned let');
          value(String(req.body.id));
          value(req.body.email.trim().toLowerCase());
          value(JSON.parse(req.body.raw).id);
          value(schema.parse(req.body).email);
          value(\`user_\${req.params.id}\`);
          value('u-' + req.params.id);
          value(req.body.email ?? fallback);
          value(ok && req.body.email);
          value(flag ? req.body.a : 'b');
          for (const to of req.body.emails) value(to);
          req.body.ids.forEach((each) => value(each));
          value(await db.users.find(req.body.id), 'database lookup');
          value(\`static\`, 'template without request');
          value(req.body.count * 2, 'arithmetic');
          value(plainToInstance(Dto, req.body).email);
          value(Object.assign({}, req.body).email);
        });
        async function helper(id) { value(id, 'helper parameter'); }
        value(req.body, 'outside an entry');
      `),
    ).toEqual([
      'email: request body.email from req.body',
      'name: request body.profile.name from req.body',
      'body.userId: request body.userId from req.body',
      'id: request params.id from req.params',
      'reassigned let: none',
      'String(req.body.id): request body.id from req.body',
      'req.body.email.trim().toLowerCase(): request body.email.trim().toLowerCase() from req.body',
      'JSON.parse(req.body.raw).id: request body.raw.id from req.body',
      'schema.parse(req.body).email: request body.email from req.body',
      '`user_${req.params.id}`: request params.id from req.params',
      "'u-' + req.params.id: request params.id from req.params",
      'req.body.email ?? fallback: request body.email from req.body',
      'ok && req.body.email: request body.email from req.body',
      "flag ? req.body.a : 'b': request body.a from req.body",
      'to: request body.emails.[] from req.body',
      'each: request body.ids.[] from req.body',
      'database lookup: none',
      'template without request: none',
      'arithmetic: none',
      'plainToInstance(Dto, req.body).email: request body.email from req.body',
      'Object.assign({}, req.body).email: request body.email from req.body',
      'helper parameter: none',
      'outside an entry: none',
    ]);
  });

  it('finds request values inside object literals and spreads', () => {
    expect(
      run(`
        app.post('/a', async (req, res) => {
          inside({ where: { email: req.body.email } });
          inside([1, req.body.id]);
          inside({ plan: 'pro' }, 'static object');
          inside({ a: { b: { c: { d: req.body.deep } } } }, 'too deep');
          spread({ ...req.body, plan: 'pro' });
          const traits = { ...req.body.traits };
          spread(traits);
          spread({ plan: req.body.plan }, 'a property, not a spread');
          spread(req.body, 'not an object literal');
        });
      `),
    ).toEqual([
      '{ where: { email: req.body.email } }: request body.email from req.body at req.body.email',
      '[1, req.body.id]: request body.id from req.body at req.body.id',
      'static object: none',
      'too deep: none',
      '{ ...req.body, plan: \'pro\' }: request body from req.body at req.body',
      'traits: request body.traits from req.body at req.body.traits',
      'a property, not a spread: none',
      'not an object literal: none',
    ]);
  });

  it('reports the request object itself only as an access, never as a value', () => {
    expect(
      run(`
        app.post('/a', (req, res) => { access(req); access(req.user); access(req.body.id); access(other); });
      `),
    ).toEqual([
      'req: request (root)',
      'req.user: request user',
      'req.body.id: request body.id from req.body',
      'other: none',
    ]);
  });

  it('classifies paths', () => {
    expect(isDataPath([])).toBe(false);
    expect(isDataPath(['body'])).toBe(true);
    expect(isDataPath(['request', 'body'])).toBe(true);
    expect(isDataPath(['req', 'query()'])).toBe(true);
    expect(isDataPath(['request'])).toBe(false);
    expect(isDataPath(['user', 'id'])).toBe(false);
  });
});
