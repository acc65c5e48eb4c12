import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-unauthenticated-sends.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-unauthenticated-sends: a public entry point passes what its caller sent into the person id,
 * the recipients or the whole body of an SDK send or identify, and nothing before the call checks
 * who the caller is. The invalid cases cover the catalog's shapes in every framework the engine
 * knows and every way a client is reached; the valid cases are the checks the rule recognises
 * (calls, conditions, middleware, guards, wrappers, signatures), the public-by-design endpoints
 * (sign-up, newsletter) and the near-misses a rule matching `req.body` near an SDK call would flag.
 */

type MessageIds = 'personFromRequest' | 'recipientFromRequest' | 'bodyFromRequest';
type Options = [{ allowRoutes?: string[]; authFunctions?: string[] }];

const CIO = `import { TrackClient, APIClient, SendEmailRequest } from 'customerio-node';
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);`;

const valid: ValidTestCase<Options>[] = [
  // -- recognised checks ------------------------------------------------------------------------
  {
    name: 'route middleware named as a check runs before the handler',
    code: `${CIO}
app.post('/profile', requireAuth, async (req, res) => {
  await cio.identify(req.body.userId, { plan: req.body.plan });
});
router.post('/me', passport.authenticate('jwt', { session: false }), async (req, res) => {
  await cio.identify(req.body.userId, {});
});`,
  },
  {
    name: 'an inline middleware that rejects requests without a session user',
    code: `${CIO}
app.post('/profile', (req, res, next) => { if (!req.session.userId) return res.sendStatus(401); next(); }, async (req, res) => {
  await cio.identify(req.body.userId, {});
});`,
  },
  {
    name: 'router.use(authMiddleware) earlier in the file',
    code: `${CIO}
const router = Router();
router.use(authMiddleware);
router.delete('/people/:id', async (req, res) => { await cio.destroy(req.params.id); res.end(); });`,
  },
  {
    name: 'Fastify preHandler option and an onRequest hook that verifies the JWT',
    code: `${CIO}
fastify.post('/a', { preHandler: [fastify.authenticate] }, async (request) => { await cio.identify(request.body.id, {}); });
instance.addHook('onRequest', async (request) => { await request.jwtVerify(); });
instance.post('/b', async (request) => { await cio.identify(request.body.id, {}); });`,
  },
  {
    name: 'hapi route with an auth strategy',
    code: `${CIO}
server.route({ method: 'POST', path: '/p', options: { auth: 'session', handler: async (request, h) => {
  await cio.identify(request.payload.id, {});
  return h.response();
} } });`,
  },
  {
    name: 'a handler wrapped in withAuth, and a pages API route wrapped in withApiAuthRequired',
    code: `${CIO}
app.post('/profile', withAuth(async (req, res) => { await cio.identify(req.body.id, {}); }));
async function handler(req, res) { await cio.identify(req.body.id, {}); res.end(); }
export default withApiAuthRequired(handler);`,
    filename: 'pages/api/profile.ts',
  },
  {
    name: 'Next.js route handler: await auth() and an early exit on a missing session',
    code: `${CIO}
export async function POST(request: Request) {
  const session = await auth();
  if (!session?.user) return new Response(null, { status: 401 });
  const body = await request.json();
  await api.sendEmail(new SendEmailRequest({ to: body.email, transactional_message_id: 'share', identifiers: { id: session.user.id } }));
  return Response.json({ ok: true });
}`,
    filename: 'app/api/share/route.ts',
  },
  {
    name: 'server action that reads the session, and a next-safe-action client with auth',
    code: `'use server';
${CIO}
export async function savePlan(formData: FormData) {
  const session = await getServerSession(authOptions);
  await cio.identify(String(formData.get('userId')), { plan: formData.get('plan') });
}
export const saveName = authActionClient.schema(schema).action(async ({ parsedInput }) => {
  await cio.identify(parsedInput.userId, { name: parsedInput.name });
});`,
    filename: 'app/account/actions.ts',
  },
  {
    name: 'the person comes from req.user (set by an auth middleware), the attributes from the body',
    code: `${CIO}
app.post('/profile', async (req, res) => {
  await cio.identify(req.user.id, { email: req.body.email, plan: req.body.plan });
});`,
  },
  {
    name: 'Express: the user a middleware stored on res.locals, and an API key compared with the configured one',
    code: `${CIO}
app.post('/profile', async (req, res) => {
  const user = res.locals.user;
  await cio.identify(user.id, req.body);
});
app.post('/internal/notify', async (req, res) => {
  if (req.headers['x-api-key'] !== process.env.INTERNAL_API_KEY) return res.sendStatus(401);
  await cio.identify(req.body.userId, req.body.traits);
});`,
  },
  {
    name: 'Hono: the user a middleware stored on the context',
    code: `${CIO}
app.post('/profile', async (c) => {
  const user = c.get('user');
  const { plan } = await c.req.json();
  await cio.identify(user.id, { plan });
  return c.json({ ok: true });
});`,
  },
  {
    name: 'GraphQL resolver that throws without a context user',
    code: `${CIO}
export const resolvers = {
  Mutation: {
    updateProfile: async (_parent, args, context) => {
      if (!context.user) throw new AuthenticationError('sign in');
      await cio.identify(args.id, { name: args.name });
      return true;
    },
  },
};`,
  },
  {
    name: 'ownership check: the target id is compared with the signed-in user',
    code: `${CIO}
app.post('/people/:id', async (req, res) => {
  const owner = await loadOwner();
  if (req.params.id !== owner.userId) return res.status(403).end();
  await cio.identify(req.params.id, { plan: req.body.plan });
});`,
  },
  {
    name: 'NestJS: @UseGuards on the class, @CurrentUser() on the method',
    code: `import { Body, Controller, Post, UseGuards } from '@nestjs/common';
${CIO}
@Controller('profiles')
@UseGuards(JwtAuthGuard)
export class ProfilesController {
  @Post() update(@Body() body: { id: string }) { return cio.identify(body.id, {}); }
}
@Controller('prefs')
export class PrefsController {
  @Post() update(@CurrentUser() user: User, @Body() body: { id: string }) { return cio.identify(body.id, {}); }
}`,
  },
  {
    name: 'NestJS: another handler marked @Public() means a global guard protects this one',
    code: `import { Body, Controller, Get, Post } from '@nestjs/common';
${CIO}
@Controller('profiles')
export class ProfilesController {
  @Public() @Get('health') health() { return 'ok'; }
  @Post() update(@Body() body: { id: string }) { return cio.identify(body.id, {}); }
}`,
  },
  {
    name: 'webhooks: a verified Customer.io signature, a Stripe event, an HMAC compare',
    code: `import { TrackClient, verifyRequestSignature } from 'customerio-node';
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
app.post('/webhooks/cio', express.raw({ type: 'application/json' }), async (req, res) => {
  const valid = verifyRequestSignature({ signingSecret, timestamp: req.header('x-cio-timestamp'), signature: req.header('x-cio-signature'), body: req.body });
  if (!valid) return res.status(401).end();
  await cio.track(JSON.parse(req.body).customer_id, { name: 'email_bounced' });
});
app.post('/webhooks/stripe', async (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
  await cio.track(req.body.data.object.metadata.userId, { name: 'paid' });
});
app.post('/webhooks/other', async (req, res) => {
  const digest = crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');
  if (!crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(String(req.headers['x-signature'])))) return res.sendStatus(401);
  await cio.identify(req.body.userId, {});
});`,
  },
  {
    name: "the project's own check names, taught through authFunctions",
    code: `${CIO}
app.post('/team/:id/invite', ensureTeamMember, async (req, res) => {
  await api.sendEmail(new SendEmailRequest({ to: req.body.email, transactional_message_id: 'invite', identifiers: { email: req.body.email } }));
});`,
    options: [{ authFunctions: ['^ensureTeam'] }],
  },

  // -- public by design ------------------------------------------------------------------------
  {
    name: 'newsletter, sign-up and password-reset endpoints identify the visitor from the form',
    code: `${CIO}
app.post('/newsletter', async (req, res) => { await cio.identify(req.body.email, { email: req.body.email }); });
router.post('/auth/sign_up', async (req, res) => { await cio.identify(req.body.email, { email: req.body.email }); });
app.post('/forgot-password', async (req, res) => {
  await api.sendEmail(new SendEmailRequest({ to: req.body.email, transactional_message_id: 'reset', identifiers: { email: req.body.email } }));
});`,
  },
  {
    name: 'a handler named for its purpose, a Next.js newsletter route file, a server action',
    code: `${CIO}
export async function POST(request: Request) {
  const { email } = await request.json();
  await cio.identify(email, { email, newsletter: true });
  return new Response(null, { status: 204 });
}`,
    filename: 'src/app/api/newsletter/route.ts',
  },
  {
    name: 'a server action named subscribeToWaitlist',
    code: `'use server';
${CIO}
export async function subscribeToWaitlist(formData: FormData) {
  const email = String(formData.get('email'));
  await cio.identify(email, { email, waitlist: true });
}`,
    filename: 'app/actions.ts',
  },
  {
    name: 'a lead form allowed through allowRoutes',
    code: `${CIO}
const captureLead = async (req, res) => { await cio.identify(req.body.email, { email: req.body.email }); };
app.post('/leads', captureLead);`,
    options: [{ allowRoutes: ['^/leads$'] }],
  },
  {
    name: 'an allowRoutes entry that is not a regular expression matches as written',
    code: `${CIO}
app.post('/api/demo(request)', async (req, res) => { await cio.identify(req.body.email, {}); });`,
    options: [{ allowRoutes: ['demo(request'] }],
  },

  // -- near-misses -----------------------------------------------------------------------------
  {
    name: 'a contact form: the recipient is fixed, the visitor only fills the template data',
    code: `${CIO}
app.post('/feedback', async (req, res) => {
  await api.sendEmail(new SendEmailRequest({
    to: 'support@example.com',
    transactional_message_id: 'feedback',
    identifiers: { id: 'support-inbox' },
    message_data: { text: req.body.text, from: req.body.email },
  }));
});`,
  },
  {
    name: 'event properties and single attributes from the body, on a person from the database',
    code: `${CIO}
app.post('/orders/:id/review', async (req, res) => {
  const order = await db.orders.find(req.params.id);
  await cio.track(order.userId, { name: 'review_left', data: { stars: req.body.stars } });
  await cio.identify(order.userId, { last_review: req.body.text });
});`,
  },
  {
    name: 'anonymous tracking takes the anonymous id from the visitor',
    code: `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
${CIO}
app.post('/t', async (req, res) => {
  await cio.trackAnonymous(req.body.anonymousId, { name: 'page_viewed' });
  analytics.track({ anonymousId: req.body.anonymousId, event: 'Page Viewed', properties: req.body.properties });
  res.end();
});`,
  },
  {
    name: 'a request value used only in a look-up of the App API, not in a send',
    code: `${CIO}
app.get('/exists', async (req, res) => { res.json(await api.getCustomersByEmail(req.query.email)); });`,
  },
  {
    name: 'queue workers and SQS Lambdas are not public endpoints',
    code: `${CIO}
new Worker('emails', async (job) => { await cio.identify(job.data.userId, job.data.traits); });
export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) await cio.identify(JSON.parse(record.body).id, {});
};`,
  },
  {
    name: 'a helper called outside any handler, and a mailer that is not an SDK call',
    code: `${CIO}
async function sync(id: string) { await api.sendEmail(new SendEmailRequest({ to: id, transactional_message_id: 'x', identifiers: { id } })); }
await sync(process.argv[2]);
app.post('/mail', async (req, res) => { await mailer.send({ to: req.body.email }); });`,
  },
  {
    name: 'a value read back from the database by a request key is not traced',
    code: `${CIO}
app.post('/invites/accept', async (req, res) => {
  const { user } = await db.invites.accept(req.body.token);
  await cio.identify(user.id, { email: user.email });
});`,
  },
  {
    name: 'odd but valid shapes: rest and array parameters, reassigned and cyclic bindings, empty registrations',
    code: `${CIO}
app.post('/a', async (...args) => { await cio.identify(args[0].body.id, {}); });
app.post('/b', async ([req]) => { await cio.identify(req.body.id, {}); });
app.post('/c', async (req, res) => { let x = req.body.id; x = 'fixed'; await cio.identify(x, {}); });
app.post('/d', async (req, res) => { const a = b; const b = a; await cio.identify(a, {}); });
app.post('/e', async function* (req) { yield cio.identify(req.user.id, req.body.traits); });
app.post(); app.use(); router.post('/f'); fastify.addHook(); fastify.addHook('onRequest');
app.post('/g', async (req, res) => { await cio.identify(req[dynamicKey].id, {}); });`,
  },
  {
    name: 'a file without any SDK',
    code: `app.post('/x', async (req, res) => { await client.identify(req.body.id, {}); });`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // -- the catalog -----------------------------------------------------------------------------
  {
    name: 'catalog: an Express route identifies whoever the body names',
    code: `${CIO}
app.post('/profile', async (req, res) => {
  await cio.identify(req.body.userId, { plan: req.body.plan });
  res.end();
});`,
    output: null,
    errors: [
      {
        messageId: 'personFromRequest',
        data: { entry: 'route handler', value: '`req.body.userId`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" },
        line: 5,
        column: 22,
      },
    ],
  },
  {
    name: 'catalog: a Next.js route handler emails any address from the JSON body',
    code: `${CIO}
export async function POST(request: Request) {
  const body = await request.json();
  const message = new SendEmailRequest({
    to: body.email,
    transactional_message_id: 'invite',
    identifiers: { email: body.email },
  });
  await api.sendEmail(message);
  return Response.json({ ok: true });
}`,
    filename: 'app/api/invite/route.ts',
    output: null,
    errors: [
      {
        messageId: 'recipientFromRequest',
        data: { entry: 'Next.js route handler', call: '`new SendEmailRequest`', value: '`body.email` (from `request.json()`)' },
        line: 7,
        column: 9,
      },
    ],
  },
  {
    name: "catalog: every export of a 'use server' module is public",
    code: `'use server';
${CIO}
export async function updatePlan(formData: FormData) {
  const id = String(formData.get('userId'));
  await cio.identify(id, { plan: String(formData.get('plan')) });
}`,
    filename: 'app/account/actions.ts',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'server action', value: '`id` (from `formData`)', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 7, column: 22 }],
  },

  // -- how the client is reached ---------------------------------------------------------------
  {
    name: 'an aliased import; track on a person from the URL',
    code: `import { TrackClient as Customerio } from 'customerio-node';
const customerio = new Customerio(process.env.SITE_ID!, process.env.KEY!);
app.post('/people/:id/poke', async (req, res) => {
  await customerio.track(req.params.id, { name: 'poked' });
});`,
    output: null,
    errors: [
      {
        messageId: 'personFromRequest',
        data: { entry: 'route handler', value: '`req.params.id`', target: 'person id', call: '`track`', consequence: "record activity on any person's profile, and trigger the campaigns it starts" },
        line: 4,
        column: 26,
      },
    ],
  },
  {
    name: 'require without destructuring; destroy on a person from the URL',
    code: `const customerio = require('customerio-node');
const cio = new customerio.TrackClient(process.env.SITE_ID, process.env.KEY);
router.delete('/people/:id', async (req, res) => {
  await cio.destroy(req.params.id);
  res.end();
});`,
    filename: 'routes/people.js',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'route handler', value: '`req.params.id`', target: 'person id', call: '`destroy`', consequence: "delete any person's profile" }, line: 4, column: 21 }],
  },
  {
    name: 'require with destructuring; broadcast recipients from the body',
    code: `const { APIClient } = require('customerio-node');
const api = new APIClient(process.env.APP_KEY);
app.post('/broadcasts/:id', async (req, res) => {
  await api.triggerBroadcast(Number(req.params.id), { promo: 'x' }, { emails: req.body.emails });
});`,
    filename: 'routes/broadcasts.js',
    output: null,
    errors: [{ messageId: 'recipientFromRequest', data: { entry: 'route handler', call: '`triggerBroadcast`', value: '`req.body.emails`' }, line: 4, column: 79 }],
  },
  {
    name: 'a namespace import and a client in a class field',
    code: `import * as CustomerIO from 'customerio-node';
export class Notifier {
  private cio = new CustomerIO.TrackClient(process.env.SITE_ID!, process.env.KEY!);
  mount(app) {
    app.post('/notify', async (req, res) => { await this.cio.identify(req.body.id, {}); });
  }
}`,
    output: null,
    errors: [{ messageId: 'personFromRequest', line: 5, column: 71 }],
  },
  {
    name: 'clients from settings.cdp.clients',
    code: `import { cio, api } from '@/lib/customerio';
app.post('/people', async (req, res) => {
  await cio.identify(req.body.id, { email: req.body.email });
});`,
    settings: { cdp: { clients: { '@/lib/customerio': { cio: 'TrackClient', api: 'APIClient' } } } },
    output: null,
    errors: [{ messageId: 'personFromRequest', line: 3, column: 22 }],
  },
  {
    name: 'a local wrapper function: reported where the request value is passed',
    code: `${CIO}
function remember(id: string, traits: object) {
  return cio.identify(id, traits);
}
app.post('/remember', async (req, res) => {
  await remember(req.body.id, {});
});`,
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'route handler', value: '`req.body.id`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 8, column: 18 }],
  },
  {
    name: 'a wrapper declared in settings.cdp.wrappers',
    code: `import { trackEvent } from '../lib/cio';
app.post('/events', async (req, res) => {
  await trackEvent(req.body.userId, 'order_viewed', {});
});`,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }] } },
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'route handler', value: '`req.body.userId`', target: 'person id', call: '`track`', consequence: "record activity on any person's profile, and trigger the campaigns it starts" }, line: 3, column: 20 }],
  },
  {
    name: 'a .then chain on the request body',
    code: `${CIO}
export function POST(request: Request) {
  return request.json().then((body) => cio.identify(body.id, {})).then(() => new Response(null));
}`,
    filename: 'app/api/profile/route.ts',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'Next.js route handler', value: '`body.id` (from `request.json()`)', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 5, column: 53 }],
  },

  // -- frameworks ------------------------------------------------------------------------------
  {
    name: 'Koa: ctx.request.body',
    code: `${CIO}
router.post('/profile', async (ctx) => {
  await cio.identify(ctx.request.body.id, {});
  ctx.status = 204;
});`,
    output: null,
    errors: [{ messageId: 'personFromRequest', line: 5, column: 22 }],
  },
  {
    name: 'Hono: destructured c.req.json()',
    code: `${CIO}
app.post('/profile', async (c) => {
  const { userId } = await c.req.json();
  await cio.track(userId, { name: 'profile_viewed' });
  return c.json({});
});`,
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'route handler', value: '`userId` (from `c.req.json()`)', target: 'person id', call: '`track`', consequence: "record activity on any person's profile, and trigger the campaigns it starts" }, line: 6, column: 19 }],
  },
  {
    name: 'Fastify: a route object without a preHandler',
    code: `${CIO}
fastify.route({
  method: 'POST',
  url: '/profile',
  schema: { body: profileSchema },
  handler: async (request, reply) => { await cio.identify(request.body.id, request.body.traits); },
});`,
    output: null,
    errors: [{ messageId: 'personFromRequest', line: 8, column: 59 }],
  },
  {
    name: 'NestJS: a controller method with a @Body() parameter and no guard',
    code: `import { Body, Controller, Post } from '@nestjs/common';
${CIO}
@Controller('profiles')
export class ProfilesController {
  @Post()
  async update(@Body() body: { id: string; plan: string }) {
    await cio.identify(body.id, { plan: body.plan });
  }
}`,
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'NestJS route handler', value: '`body.id`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 9, column: 24 }],
  },
  {
    name: 'GraphQL: a mutation resolver identifies the person named in args',
    code: `${CIO}
export const resolvers = {
  Mutation: {
    updateProfile: async (_parent, args) => {
      await cio.identify(args.input.userId, { name: args.input.name });
      return true;
    },
  },
};`,
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'GraphQL resolver', value: '`args.input.userId`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 7, column: 26 }],
  },
  {
    name: 'Next.js pages API route: the query names the person',
    code: `${CIO}
export default async function handler(req, res) {
  await cio.identify(req.query.id as string, req.body);
  res.status(204).end();
}`,
    filename: 'pages/api/profile.ts',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'Next.js API route', value: '`req.query.id`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 5, column: 22 }],
  },
  {
    name: 'Next.js dynamic route params, awaited',
    code: `${CIO}
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await cio.destroy(id);
  return new Response(null, { status: 204 });
}`,
    filename: 'app/api/people/[id]/route.ts',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'Next.js route handler', value: '`id` (from `params`)', target: 'person id', call: '`destroy`', consequence: "delete any person's profile" }, line: 6, column: 21 }],
  },
  {
    name: 'an API Gateway Lambda: JSON.parse(event.body)',
    code: `import type { APIGatewayProxyHandler } from 'aws-lambda';
${CIO}
export const update: APIGatewayProxyHandler = async (event) => {
  const body = JSON.parse(event.body ?? '{}');
  await cio.identify(body.id, { plan: body.plan });
  return { statusCode: 204, body: '' };
};`,
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'Lambda handler', value: '`body.id` (from `event.body`)', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 7, column: 22 }],
  },
  {
    name: 'Nuxt/h3: readBody(event)',
    code: `${CIO}
export default defineEventHandler(async (event) => {
  const { userId } = await readBody(event);
  await cio.identify(userId, {});
});`,
    filename: 'server/api/profile.post.ts',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'event handler', value: '`userId` (from `readBody(event)`)', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 6, column: 22 }],
  },
  {
    name: 'a schema-validated body is still what the caller sent',
    code: `${CIO}
export async function POST(req: Request) {
  const { userId, email } = profileSchema.parse(await req.json());
  await cio.identify(userId, { email });
  return new Response(null);
}`,
    filename: 'app/api/profile/route.ts',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'Next.js route handler', value: '`userId` (from `req.json()`)', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 6, column: 22 }],
  },

  // -- the other SDKs --------------------------------------------------------------------------
  {
    name: "Klaviyo: a profile upsert with the caller's email",
    code: `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
app.post('/profile', async (req, res) => {
  await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: req.body.email, firstName: req.body.name } } });
});`,
    output: null,
    errors: [
      {
        messageId: 'personFromRequest',
        data: { entry: 'route handler', value: '`req.body.email`', target: 'email', call: '`createOrUpdateProfile`', consequence: "create or overwrite any person's profile" },
        line: 4,
        column: 88,
      },
    ],
  },
  {
    name: 'Klaviyo: an event on the profile with the email from the body',
    code: `import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
app.post('/viewed', async (req, res) => {
  await events.createEvent({
    data: {
      type: 'event',
      attributes: {
        properties: {},
        metric: { data: { type: 'metric', attributes: { name: 'Viewed Product' } } },
        profile: { data: { type: 'profile', attributes: { email: req.body.email } } },
      },
    },
  });
});`,
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'route handler', value: '`req.body.email`', target: 'email', call: '`createEvent`', consequence: "record activity on any person's profile, and trigger the campaigns it starts" }, line: 10, column: 66 }],
  },
  {
    name: 'Data Pipelines: identify with the userId from the body',
    code: `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
app.post('/identify', (req, res) => {
  analytics.identify({ userId: req.body.userId, traits: { plan: req.body.plan } });
  res.end();
});`,
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'route handler', value: '`req.body.userId`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 4, column: 32 }],
  },

  // -- the body of a send or identify ----------------------------------------------------------
  {
    name: 'the whole body as the attributes, and spread into them',
    code: `${CIO}
app.post('/orders/:id/profile', async (req, res) => {
  const order = await db.orders.find(req.params.id);
  await cio.identify(order.userId, req.body);
  await cio.identify(order.userId, { ...req.body.traits, source: 'web' });
});`,
    output: null,
    errors: [
      { messageId: 'bodyFromRequest', data: { entry: 'route handler', value: '`req.body`', target: 'attributes', call: '`identify`' }, line: 6, column: 36 },
      { messageId: 'bodyFromRequest', data: { entry: 'route handler', value: '`req.body.traits`', target: 'attributes', call: '`identify`' }, line: 7, column: 41 },
    ],
  },
  {
    name: 'the whole body as a send request, and as the payload of a SendEmailRequest',
    code: `${CIO}
app.post('/send', async (req, res) => { await api.sendEmail(req.body); });
app.post('/send2', async (req, res) => { await api.sendEmail(new SendEmailRequest(req.body)); });`,
    output: null,
    errors: [
      { messageId: 'bodyFromRequest', data: { entry: 'route handler', value: '`req.body`', target: 'request', call: '`sendEmail`' }, line: 4, column: 61 },
      { messageId: 'bodyFromRequest', data: { entry: 'route handler', value: '`req.body`', target: 'payload', call: '`new SendEmailRequest`' }, line: 5, column: 83 },
    ],
  },
  {
    name: 'a SendEmailRequest addressed by the person id from the URL',
    code: `${CIO}
app.post('/people/:id/remind', async (req, res) => {
  await api.sendEmail(new SendEmailRequest({ transactional_message_id: 'remind', to: 'x@example.com', identifiers: { id: req.params.id } }));
});`,
    output: null,
    errors: [{ messageId: 'recipientFromRequest', data: { entry: 'route handler', call: '`new SendEmailRequest`', value: '`req.params.id`' }, line: 5, column: 122 }],
  },
  {
    name: 'a helper builds the SendEmailRequest from its parameter; the handler passes the body',
    code: `${CIO}
async function sendInvite(to: string) {
  await api.sendEmail(new SendEmailRequest({ to, transactional_message_id: 'invite', identifiers: { email: to } }));
}
const notify = async ({ email }: { email: string }) => {
  await api.sendEmail(new SendEmailRequest({ to: email, transactional_message_id: 'notify', identifiers: { email } }));
};
app.post('/invites', async (req, res) => {
  await sendInvite(req.body.email);
  await notify({ email: req.query.email });
  res.end();
});`,
    output: null,
    errors: [
      { messageId: 'recipientFromRequest', data: { entry: 'route handler', call: '`new SendEmailRequest`', value: '`req.body.email`' }, line: 11, column: 20 },
      { messageId: 'recipientFromRequest', data: { entry: 'route handler', call: '`new SendEmailRequest`', value: '`req.query.email`' }, line: 12, column: 25 },
    ],
  },
  {
    name: 'each address of a list from the body: for...of and Promise.all over map',
    code: `${CIO}
app.post('/share', async (req, res) => {
  for (const email of req.body.emails) {
    await api.sendEmail(new SendEmailRequest({ to: email, transactional_message_id: 'share', identifiers: { email } }));
  }
  await Promise.all(req.body.ids.map((id: string) => cio.track(id, { name: 'shared_with' })));
});`,
    output: null,
    errors: [
      { messageId: 'recipientFromRequest', data: { entry: 'route handler', call: '`new SendEmailRequest`', value: '`email` (from `req.body`)' }, line: 6, column: 52 },
      { messageId: 'personFromRequest', data: { entry: 'route handler', value: '`id` (from `req.body`)', target: 'person id', call: '`track`', consequence: "record activity on any person's profile, and trigger the campaigns it starts" }, line: 8, column: 64 },
    ],
  },

  // -- checks that do not count ----------------------------------------------------------------
  {
    name: 'a check after the call, a look-up by the body, input validation and unrelated middleware',
    code: `${CIO}
app.post('/a', async (req, res) => {
  await cio.identify(req.body.id, {});
  const session = await getSession(req);
});
app.post('/b', async (req, res) => {
  const user = await db.users.findOne({ where: { id: req.body.userId } });
  if (!user) return res.status(404).end();
  await cio.identify(req.body.userId, { plan: req.body.plan });
});
app.post('/c', rateLimit({ max: 5 }), async (req, res) => {
  const { userId } = req.body;
  if (!userId) return res.status(400).end();
  await cio.identify(userId, {});
});`,
    output: null,
    errors: [
      { messageId: 'personFromRequest', line: 5, column: 22 },
      { messageId: 'personFromRequest', line: 11, column: 22 },
      { messageId: 'personFromRequest', line: 16, column: 22 },
    ],
  },
  {
    name: 'router.use(auth) after the route is registered does not protect it',
    code: `${CIO}
router.post('/early', async (req, res) => { await cio.identify(req.body.id, {}); });
router.use(requireAuth);`,
    output: null,
    errors: [{ messageId: 'personFromRequest', line: 4, column: 64 }],
  },
  {
    name: 'a server action argument named user is still what the caller sent',
    code: `'use server';
${CIO}
export async function rename(user: { id: string }, name: string) {
  if (!user.id) return;
  await cio.identify(user.id, { name });
}`,
    filename: 'app/actions.ts',
    output: null,
    errors: [{ messageId: 'personFromRequest', data: { entry: 'server action', value: '`user.id`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" }, line: 7, column: 22 }],
  },
  {
    name: 'a server action that another server action calls is still public itself',
    code: `'use server';
${CIO}
export async function setPlan(userId: string, plan: string) {
  await cio.identify(userId, { plan });
}
export async function upgrade(formData: FormData) {
  await setPlan(String(formData.get('userId')), 'pro');
}`,
    filename: 'app/billing/actions.ts',
    output: null,
    errors: [
      {
        messageId: 'personFromRequest',
        data: { entry: 'server action', value: '`userId`', target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" },
        line: 6,
        column: 22,
      },
      {
        messageId: 'personFromRequest',
        data: { entry: 'server action', value: "`String(formData.get('userId'))`", target: 'person id', call: '`identify`', consequence: "create or overwrite any person's profile" },
        line: 9,
        column: 17,
      },
    ],
  },
  {
    name: 'an empty allowRoutes list reports the newsletter endpoint too',
    code: `${CIO}
app.post('/newsletter', async (req, res) => { await cio.identify(req.body.email, { email: req.body.email }); });`,
    options: [{ allowRoutes: [] }],
    output: null,
    errors: [{ messageId: 'personFromRequest', line: 4, column: 66 }],
  },
];

createRuleTester().run('no-unauthenticated-sends', rule, { valid, invalid });

// Typed runs resolve clients exported from another module; the rule itself never asks the checker.
createTypedRuleTester().run('no-unauthenticated-sends (typed)', rule, {
  valid: [
    {
      name: 'typed: the shared client, behind a session check',
      code: `
import { cio } from './lib/cio';
app.post('/profile', async (req: any, res: any) => {
  const session = await getSession(req);
  await cio.identify(req.body.id, {});
});`,
    },
  ],
  invalid: [
    {
      name: 'typed: the shared client from another module, with the id from the body',
      code: `
import { cio, api } from './lib/cio';
app.post('/profile', async (req: any, res: any) => {
  await cio.identify(req.body.id, {});
});`,
      output: null,
      errors: [{ messageId: 'personFromRequest', line: 4, column: 22 }],
    },
  ],
});
