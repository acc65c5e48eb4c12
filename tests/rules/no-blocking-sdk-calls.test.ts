import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import floating from '../../src/rules/no-floating-sdk-calls.js';
import rule from '../../src/rules/no-blocking-sdk-calls.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-blocking-sdk-calls: an analytics call (identify, track, page) awaited in a request handler
 * before the response is sent. The valid cases are the near-misses: awaiting after the response,
 * in serverless handlers (where the flush must be awaited), in jobs and workers, for transactional
 * sends and deletions, in endpoints that exist for the SDK call (newsletter, preferences), when the
 * result is used, in webhooks, and fire-and-forget with `.catch`.
 */

type MessageIds = 'blocking' | 'blockingServerless' | 'fireAndForget';

const CIO = `import { TrackClient, APIClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
const api = new APIClient(process.env.APP_KEY!);`;

const valid: ValidTestCase<[]>[] = [
  {
    name: 'awaited after the response is sent (res.json, res.status().send, res.end, reply.send)',
    code: `${CIO}
app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  res.status(201).json(user);
  await cio.identify(user.id, { email: user.email });
});
app.post('/orders', async (req, res) => {
  const order = await db.orders.create(req.body);
  res.end();
  if (order.total > 100) {
    await cio.track(order.userId, { name: 'big_order' });
  }
});
fastify.post('/x', async (request, reply) => {
  const user = await db.users.create(request.body);
  reply.send(user);
  await cio.track(user.id, { name: 'created' });
});`,
  },
  {
    name: 'Express middleware that hands the request on with next() before awaiting',
    code: `${CIO}
app.use(async (req, res, next) => {
  await db.sessions.touch(req.sessionId);
  next();
  await cio.trackPageView(req.user.id, req.path);
});`,
  },
  {
    name: 'fire-and-forget with a rejection handler',
    code: `${CIO}
app.post('/orders', async (req, res) => {
  const order = await db.orders.create(req.body);
  cio.track(order.userId, { name: 'order_placed' }).catch((error) => logger.warn({ error }, 'track failed'));
  res.status(201).json(order);
});`,
  },
  {
    name: 'serverless handlers must await (Lambda, a pages-API route, a Worker): the process may freeze after returning',
    code: `${CIO}
export const handler = async (event) => {
  const user = await db.users.byId(event.userId);
  await cio.track(user.id, { name: 'processed' });
  return { statusCode: 200 };
};`,
  },
  {
    name: 'a pages-API route is serverless too',
    code: `${CIO}
export default async function handler(req, res) {
  const user = await db.users.create(req.body);
  await cio.identify(user.id, {});
  res.json(user);
}`,
    filename: 'pages/api/signup.ts',
  },
  {
    name: 'jobs and workers: nobody waits on them, and awaiting paces them',
    code: `${CIO}
import { Worker } from 'bullmq';
new Worker('emails', async (job) => {
  const user = await db.users.byId(job.data.id);
  await cio.track(user.id, { name: 'emailed' });
});
inngest.createFunction({ id: 'sync' }, { event: 'user/created' }, async ({ event }) => {
  const user = await db.users.byId(event.data.id);
  await cio.identify(user.id, {});
});`,
  },
  {
    name: 'a transactional send and a deletion are what the endpoint is for',
    code: `${CIO}
app.post('/password-reset', async (req, res) => {
  const user = await db.users.byEmail(req.body.email);
  await api.sendEmail(new SendEmailRequest({ to: user.email, transactional_message_id: 'reset', identifiers: { id: user.id } }));
  res.json({ ok: true });
});
app.delete('/users/:id', async (req, res) => {
  const user = await db.users.remove(req.params.id);
  await cio.destroy(user.id);
  res.status(204).end();
});`,
  },
  {
    name: 'an endpoint that exists for the SDK call: it awaits nothing else but reads of the request',
    code: `${CIO}
app.post('/newsletter', async (req, res) => {
  await cio.identify(req.body.email, { newsletter: true });
  res.status(204).end();
});
app.post('/preferences', async (req, res) => {
  const user = await currentUser(req);
  await cio.identify(user.id, { marketing_opt_in: req.body.marketing === 'on' });
  res.json({ ok: true });
});
app.post('/events', async (req, res) => {
  const body = await req.json();
  await Promise.all([cio.identify(body.id, {}), cio.track(body.id, { name: body.name })]);
  res.json({ ok: true });
});`,
  },
  {
    name: 'the awaited result is used to answer the request',
    code: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
app.post('/profiles', async (req, res) => {
  const user = await db.users.create(req.body);
  const { body } = await profiles.createProfile({ data: { type: 'profile', attributes: { email: user.email } } });
  res.json({ id: user.id, klaviyoId: body.data.id });
});`,
  },
  {
    name: 'webhooks: nobody waits, and an error answer makes the sender retry',
    code: `${CIO}
app.post('/webhooks/stripe', express.json(), async (req, res) => {
  const user = await db.users.byStripeCustomer(req.body.customer);
  await cio.track(user.id, { name: 'payment_failed' });
  res.status(204).end();
});`,
  },
  {
    name: 'a webhook handler in a file named for webhooks',
    code: `${CIO}
router.post('/payments', async (req, res) => {
  const user = await db.users.byStripeCustomer(req.body.customer);
  await cio.track(user.id, { name: 'payment_failed' });
  res.end();
});`,
    filename: 'src/routes/webhooks.ts',
  },
  {
    name: 'queued Data Pipelines calls return nothing to wait for',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY! });
app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  await analytics.identify({ userId: user.id, traits: { email: user.email } });
  res.json(user);
});`,
  },
  {
    name: 'awaits that are not in the handler: a helper nobody awaits, a callback scheduled for later',
    code: `${CIO}
async function trackSignup(user) {
  await db.audit.log(user.id);
  await cio.track(user.id, { name: 'signed_up' });
}
app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  trackSignup(user).catch(report);
  setImmediate(async () => {
    await cio.identify(user.id, { email: user.email });
  });
  res.json(user);
});`,
  },
  {
    name: 'not a request handler: a script and a plain function',
    code: `${CIO}
for (const user of await db.users.all()) {
  await cio.identify(user.id, {});
}
export async function syncUser(id) {
  const user = await db.users.byId(id);
  await cio.identify(user.id, {});
}`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'the catalog: identify and track awaited before an Express response',
    code: `${CIO}
app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  await cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
  res.status(201).json(user);
});`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`cio.identify()`', handler: 'route handler', sdk: 'customerio-node' },
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  cio.identify(user.id, { email: user.email }).catch(console.error);
  await cio.track(user.id, { name: 'signed_up' });
  res.status(201).json(user);
});`,
          },
        ],
      },
      {
        messageId: 'blocking',
        data: { call: '`cio.track()`', handler: 'route handler', sdk: 'customerio-node' },
        line: 7,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  await cio.identify(user.id, { email: user.email });
  cio.track(user.id, { name: 'signed_up' }).catch(console.error);
  res.status(201).json(user);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'Promise.all of analytics calls: one report, and allSettled or a caught call just loses the await',
    code: `${CIO}
app.post('/checkout', async (req, res) => {
  const order = await db.orders.create(req.body);
  await Promise.all([cio.identify(order.userId, {}), cio.track(order.userId, { name: 'order_placed' })]);
  await Promise.allSettled([cio.track(order.userId, { name: 'checkout' })]);
  await cio.trackPageView(order.userId, '/thanks').catch(report);
  res.json(order);
});`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`cio.identify()`', handler: 'route handler', sdk: 'customerio-node' },
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
app.post('/checkout', async (req, res) => {
  const order = await db.orders.create(req.body);
  Promise.all([cio.identify(order.userId, {}), cio.track(order.userId, { name: 'order_placed' })]).catch(console.error);
  await Promise.allSettled([cio.track(order.userId, { name: 'checkout' })]);
  await cio.trackPageView(order.userId, '/thanks').catch(report);
  res.json(order);
});`,
          },
        ],
      },
      {
        messageId: 'blocking',
        line: 7,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
app.post('/checkout', async (req, res) => {
  const order = await db.orders.create(req.body);
  await Promise.all([cio.identify(order.userId, {}), cio.track(order.userId, { name: 'order_placed' })]);
  Promise.allSettled([cio.track(order.userId, { name: 'checkout' })]);
  await cio.trackPageView(order.userId, '/thanks').catch(report);
  res.json(order);
});`,
          },
        ],
      },
      {
        messageId: 'blocking',
        line: 8,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
app.post('/checkout', async (req, res) => {
  const order = await db.orders.create(req.body);
  await Promise.all([cio.identify(order.userId, {}), cio.track(order.userId, { name: 'order_placed' })]);
  await Promise.allSettled([cio.track(order.userId, { name: 'checkout' })]);
  cio.trackPageView(order.userId, '/thanks').catch(report);
  res.json(order);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'mixed with other work in one Promise.all: reported, but no mechanical suggestion',
    code: `${CIO}
app.post('/orders', async (req, res) => {
  const order = await db.orders.create(req.body);
  await Promise.all([db.stock.reserve(order), cio.track(order.userId, { name: 'order_placed' })]);
  res.json(order);
});`,
    output: null,
    errors: [{ messageId: 'blocking', data: { call: '`cio.track()`', handler: 'route handler', sdk: 'customerio-node' }, line: 6, column: 3, suggestions: [] }],
  },
  {
    name: 'a local wrapper that awaits the SDK, awaited by the handler',
    code: `${CIO}
async function trackSignup(user) {
  await cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
}
router.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  await trackSignup(user);
  res.json(user);
});`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`trackSignup()` (it waits for `cio.identify()`)', handler: 'route handler', sdk: 'customerio-node' },
        line: 10,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
async function trackSignup(user) {
  await cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
}
router.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  trackSignup(user).catch(console.error);
  res.json(user);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'a wrapper declared in settings, and a client from settings.cdp.clients',
    code: `
import { Router } from 'express';
import { cio } from '@/lib/customerio';
import { trackEvent } from '@/lib/analytics';
const router = Router();
router.post('/orders/:id/status', async (req, res) => {
  const order = await db.orders.updateStatus(req.params.id, req.body.status);
  await trackEvent(order.userId, 'order_status_changed', { status: order.status });
  await cio.identify(order.userId, { last_order_status: order.status });
  res.json(order);
});`,
    settings: {
      cdp: {
        clients: { '@/lib/customerio': { cio: 'TrackClient' } },
        wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }],
      },
    },
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`trackEvent()`', handler: 'route handler', sdk: 'customerio-node' },
        line: 8,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `
import { Router } from 'express';
import { cio } from '@/lib/customerio';
import { trackEvent } from '@/lib/analytics';
const router = Router();
router.post('/orders/:id/status', async (req, res) => {
  const order = await db.orders.updateStatus(req.params.id, req.body.status);
  trackEvent(order.userId, 'order_status_changed', { status: order.status }).catch(console.error);
  await cio.identify(order.userId, { last_order_status: order.status });
  res.json(order);
});`,
          },
        ],
      },
      {
        messageId: 'blocking',
        line: 9,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `
import { Router } from 'express';
import { cio } from '@/lib/customerio';
import { trackEvent } from '@/lib/analytics';
const router = Router();
router.post('/orders/:id/status', async (req, res) => {
  const order = await db.orders.updateStatus(req.params.id, req.body.status);
  await trackEvent(order.userId, 'order_status_changed', { status: order.status });
  cio.identify(order.userId, { last_order_status: order.status }).catch(console.error);
  res.json(order);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'Fastify and Hono answer with the return value: every await before it blocks',
    code: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
fastify.post('/signup', async (request, reply) => {
  const user = await db.users.create(request.body);
  await cio.identify(user.id, {});
  return user;
});
app.post('/login', async (c) => {
  const user = await db.users.login(await c.req.json());
  await cio.track(user.id, { name: 'logged_in' });
  return c.json(user);
});`,
    filename: 'server.js',
    output: null,
    errors: [
      {
        messageId: 'blocking',
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
fastify.post('/signup', async (request, reply) => {
  const user = await db.users.create(request.body);
  cio.identify(user.id, {}).catch(console.error);
  return user;
});
app.post('/login', async (c) => {
  const user = await db.users.login(await c.req.json());
  await cio.track(user.id, { name: 'logged_in' });
  return c.json(user);
});`,
          },
        ],
      },
      {
        messageId: 'blocking',
        line: 11,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
fastify.post('/signup', async (request, reply) => {
  const user = await db.users.create(request.body);
  await cio.identify(user.id, {});
  return user;
});
app.post('/login', async (c) => {
  const user = await db.users.login(await c.req.json());
  cio.track(user.id, { name: 'logged_in' }).catch(console.error);
  return c.json(user);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'Koa: setting ctx.body does not send anything until the middleware chain resolves',
    code: `${CIO}
router.post('/signup', async (ctx) => {
  const user = await db.users.create(ctx.request.body);
  ctx.body = user;
  await cio.identify(user.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        line: 7,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
router.post('/signup', async (ctx) => {
  const user = await db.users.create(ctx.request.body);
  ctx.body = user;
  cio.identify(user.id, {}).catch(console.error);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'a response sent on one branch only does not free the other path',
    code: `${CIO}
app.get('/product/:id', async (req, res) => {
  const product = await db.products.byId(req.params.id);
  if (!product) {
    res.status(404).end();
    return;
  }
  await cio.trackPageView(req.user.id, req.path);
  res.json(product);
});`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`cio.trackPageView()`', handler: 'route handler', sdk: 'customerio-node' },
        line: 10,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
app.get('/product/:id', async (req, res) => {
  const product = await db.products.byId(req.params.id);
  if (!product) {
    res.status(404).end();
    return;
  }
  cio.trackPageView(req.user.id, req.path).catch(console.error);
  res.json(product);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'Express middleware that awaits before next(), behind an asyncHandler wrapper',
    code: `${CIO}
router.use(
  '/app',
  asyncHandler(async (req, res, next) => {
    req.user = await db.users.bySession(req.cookies.sid);
    await cio.trackPageView(req.user.id, req.path);
    next();
  }),
);`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`cio.trackPageView()`', handler: 'middleware', sdk: 'customerio-node' },
        line: 8,
        column: 5,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `${CIO}
router.use(
  '/app',
  asyncHandler(async (req, res, next) => {
    req.user = await db.users.bySession(req.cookies.sid);
    cio.trackPageView(req.user.id, req.path).catch(console.error);
    next();
  }),
);`,
          },
        ],
      },
    ],
  },
  {
    name: 'a NestJS controller with the client in a constructor parameter',
    code: `
import { Body, Controller, Post } from '@nestjs/common';
import { TrackClient } from 'customerio-node';
@Controller('users')
export class UsersController {
  constructor(private readonly cio: TrackClient, private readonly users: UsersService) {}
  @Post()
  async create(@Body() body: CreateUser) {
    const user = await this.users.create(body);
    await this.cio.identify(user.id, { email: user.email });
    return user;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`this.cio.identify()`', handler: 'NestJS route handler', sdk: 'customerio-node' },
        line: 10,
        column: 5,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `
import { Body, Controller, Post } from '@nestjs/common';
import { TrackClient } from 'customerio-node';
@Controller('users')
export class UsersController {
  constructor(private readonly cio: TrackClient, private readonly users: UsersService) {}
  @Post()
  async create(@Body() body: CreateUser) {
    const user = await this.users.create(body);
    this.cio.identify(user.id, { email: user.email }).catch(console.error);
    return user;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a GraphQL mutation resolver, with a Klaviyo event',
    code: `
import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
export const resolvers = {
  Mutation: {
    placeOrder: async (_parent, args) => {
      const order = await db.orders.create(args.input);
      await events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }, profile: { data: { type: 'profile', attributes: { email: order.email } } } } } });
      return order;
    },
  },
};`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`events.createEvent()`', handler: 'GraphQL resolver', sdk: 'klaviyo-api' },
        line: 8,
        column: 7,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `
import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
export const resolvers = {
  Mutation: {
    placeOrder: async (_parent, args) => {
      const order = await db.orders.create(args.input);
      events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }, profile: { data: { type: 'profile', attributes: { email: order.email } } } } } }).catch(console.error);
      return order;
    },
  },
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Next.js route handler: the advice is after() (a plain un-awaited call may be cut off)',
    code: `${CIO}
export async function POST(request: Request) {
  const order = await db.orders.create(await request.json());
  await cio.track(order.userId, { name: 'order_placed' });
  return Response.json(order);
}`,
    filename: 'app/api/orders/route.ts',
    output: null,
    errors: [
      {
        messageId: 'blockingServerless',
        data: { call: '`cio.track()`', handler: 'Next.js route handler', sdk: 'customerio-node' },
        line: 6,
        column: 3,
        suggestions: [],
      },
    ],
  },
  {
    name: "a server action in a 'use server' module",
    code: `'use server';
${CIO}
export async function placeOrder(formData: FormData) {
  const order = await db.orders.create(Object.fromEntries(formData));
  await cio.track(order.userId, { name: 'order_placed' });
  return order.id;
}`,
    filename: 'app/actions.ts',
    output: null,
    errors: [{ messageId: 'blockingServerless', data: { call: '`cio.track()`', handler: 'server action', sdk: 'customerio-node' }, line: 7, column: 3, suggestions: [] }],
  },
  {
    name: 'awaited in a loop before the response: reported, but dropping the await would fan out, so no suggestion',
    code: `${CIO}
app.post('/teams/:id/invite', async (req, res) => {
  const invites = await db.invites.createMany(req.params.id, req.body.emails);
  for (const invite of invites) {
    await cio.identify(invite.userId, { invited_to: req.params.id });
  }
  res.json(invites);
});`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        data: { call: '`cio.identify()`', handler: 'route handler', sdk: 'customerio-node' },
        line: 7,
        column: 5,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a promise started early and awaited before the response: reported at the await, no suggestion',
    code: `${CIO}
app.post('/signup', async (req, res) => {
  const tracked = cio.track(req.body.id, { name: 'signup_started' });
  const user = await db.users.create(req.body);
  await tracked;
  res.json(user);
});`,
    output: null,
    errors: [{ messageId: 'blocking', line: 7, column: 3, suggestions: [] }],
  },
];

createRuleTester().run('no-blocking-sdk-calls', rule, { valid, invalid });

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module, awaited before the response',
    code: `
import { cio } from './lib/cio';
app.post('/signup', async (req: any, res: any) => {
  const user = await db.users.create(req.body);
  await cio.track(user.id, { name: 'signed_up' });
  res.json(user);
});
declare const app: any;
declare const db: any;`,
    output: null,
    errors: [
      {
        messageId: 'blocking',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'fireAndForget',
            output: `
import { cio } from './lib/cio';
app.post('/signup', async (req: any, res: any) => {
  const user = await db.users.create(req.body);
  cio.track(user.id, { name: 'signed_up' }).catch(console.error);
  res.json(user);
});
declare const app: any;
declare const db: any;`,
          },
        ],
      },
    ],
  },
];

createTypedRuleTester().run('no-blocking-sdk-calls (typed)', rule, { valid: [], invalid: typedInvalid });

/** Lints with both promise rules and returns `rule line:column` for each report. */
function reports(code: string, test: Pick<InvalidTestCase<MessageIds, []>, 'filename' | 'settings'>): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tsParser },
        plugins: { cdp: { rules: { 'no-blocking-sdk-calls': rule as never, 'no-floating-sdk-calls': floating as never } } },
        rules: { 'cdp/no-blocking-sdk-calls': 'error', 'cdp/no-floating-sdk-calls': 'error' },
        settings: test.settings ?? {},
      },
    ],
    path.resolve(test.filename ?? 'file.ts'),
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`);
}

describe('no-blocking-sdk-calls: applying the fire-and-forget suggestion', () => {
  const applied = invalid.flatMap((test) =>
    test.errors.flatMap((error) =>
      (error.suggestions ?? []).map((suggestion) => ({ test, error, output: suggestion.output })),
    ),
  );

  it('is offered by enough cases to matter', () => {
    expect(applied.length).toBeGreaterThan(12);
  });

  it.each(applied.map(({ test, error, output }) => [test.name, test, error, output] as const))(
    '%s: the call no longer blocks, and the promise it leaves is not floating',
    (_name, test, error, output) => {
      const before = reports(test.code, test);
      expect(before).toContain(`cdp/no-blocking-sdk-calls ${error.line}:${error.column}`);
      const after = reports(output, test);
      expect(after).not.toContain(`cdp/no-blocking-sdk-calls ${error.line}:${error.column}`);
      expect(after.filter((line) => line.startsWith('cdp/no-floating-sdk-calls'))).toEqual([]);
      expect(after.length).toBe(before.length - 1);
    },
  );
});
