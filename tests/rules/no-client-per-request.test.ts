import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-client-per-request.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-client-per-request: an SDK client (or Klaviyo session) built inside code that runs per
 * request, per event, per invocation or per loop iteration. The invalid cases walk through every
 * entry-point shape the engine recognises and every way a client class is imported; the valid
 * cases are the near-misses (singletons, memo maps, constructors, startup code, the serverless
 * build-and-flush pattern) that a rule looking only for "new X inside a function" would flag.
 */

type MessageIds = 'perRequest' | 'perKey' | 'perIteration' | 'hoistToModule';

const valid: ValidTestCase<[]>[] = [
  {
    name: 'a client at module scope, used by the handler',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
app.post('/signup', async (req, res) => { await cio.identify(req.body.id, {}); });`,
  },
  {
    name: 'a lazy singleton getter (if-assign and ??=)',
    code: `
import { TrackClient } from 'customerio-node';
let cio: TrackClient | undefined;
export function getCio() {
  if (!cio) cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  return cio;
}
let other: TrackClient | undefined;
const getOther = () => (other ??= new TrackClient(process.env.SITE_ID!, process.env.KEY!));
app.post('/signup', async (req, res) => {
  await getCio().identify(req.body.id, {});
  await getOther().identify(req.body.id, {});
});`,
  },
  {
    name: 'a memo map keyed by tenant: set directly, through a local, and through a factory',
    code: `
import { TrackClient } from 'customerio-node';
const clients = new Map<string, TrackClient>();
function forTenant(t) {
  let client = clients.get(t.id);
  if (!client) {
    client = new TrackClient(t.siteId, t.key);
    clients.set(t.id, client);
  }
  return client;
}
function build(t) { return new TrackClient(t.siteId, t.key); }
function viaFactory(t) {
  if (!clients.has(t.id)) clients.set(t.id, build(t));
  return clients.get(t.id);
}
const byId: Record<string, TrackClient> = {};
const viaObject = (t) => (byId[t.id] ||= new TrackClient(t.siteId, t.key));
app.post('/t/:id', async (req, res) => {
  await forTenant(req.tenant).identify(req.body.id, {});
  await viaFactory(req.tenant).identify(req.body.id, {});
  await viaObject(req.tenant).identify(req.body.id, {});
  clients.set(req.tenant.id, new TrackClient(req.tenant.siteId, req.tenant.key));
});`,
  },
  {
    name: 'a NestJS @Injectable service builds its client in the constructor',
    code: `
import { Injectable } from '@nestjs/common';
import { TrackClient } from 'customerio-node';
@Injectable()
export class CioService {
  private readonly cio: TrackClient;
  constructor() {
    this.cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  }
  identify(id: string) { return this.cio.identify(id, {}); }
}`,
  },
  {
    name: 'clients in class fields and a lazily set member of a controller',
    code: `
import { Controller, Post } from '@nestjs/common';
import { TrackClient, APIClient } from 'customerio-node';
class Notifier {
  private cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  static api = new APIClient(process.env.APP_KEY!);
}
@Controller()
export class C {
  private api?: APIClient;
  @Post() send() {
    this.api ??= new APIClient(process.env.APP_KEY!);
    return this.api.getCustomersByEmail('a@b.co');
  }
}`,
  },
  {
    name: 'a factory called only at module load',
    code: `
const { TrackClient } = require('customerio-node');
function createClient() {
  return new TrackClient(process.env.SITE_ID, process.env.KEY);
}
const cio = createClient();
exports.handler = async (event) => { await cio.track(event.id, { name: 'x' }); };`,
    filename: 'src/file.js',
  },
  {
    name: 'the documented serverless pattern: a batching client built and flushed in the handler',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const handler = async (event) => {
  const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY });
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  await analytics.closeAndFlush();
};
export async function POST(request: Request) {
  const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY! });
  analytics.identify({ userId: 'u1' });
  return analytics.closeAndFlush();
}`,
    filename: 'app/api/track/route.ts',
  },
  {
    name: 'a Worker that hands the flush to waitUntil',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export default {
  async fetch(request, env, ctx) {
    const analytics = new Analytics({ writeKey: env.CIO_WRITE_KEY });
    analytics.track({ anonymousId: 'a', event: 'Visited' });
    ctx.waitUntil(analytics.closeAndFlush());
    return new Response('ok');
  },
};`,
  },
  {
    name: 'a queue worker that builds one client at startup',
    code: `
import { Worker } from 'bullmq';
import { TrackClient } from 'customerio-node';
async function main() {
  const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  new Worker('emails', async (job) => { await cio.track(job.data.id, { name: 'Emailed' }); });
  await consumer.run({ eachMessage: async ({ message }) => { await cio.identify(String(message.key), {}); } });
}
main();`,
  },
  {
    name: 'per-tenant clients built once at load, in a loop and with map',
    code: `
import { TrackClient } from 'customerio-node';
const clients = new Map(tenants.map((t) => [t.id, new TrackClient(t.siteId, t.key)]));
const list = tenants.map((t) => new TrackClient(t.siteId, t.key));
const byId = {};
for (const t of tenants) byId[t.id] = new TrackClient(t.siteId, t.key);
tenants.forEach((t) => clients.set(t.id, new TrackClient(t.siteId, t.key)));`,
  },
  {
    name: 'a client built in a server start callback or a function run once',
    code: `
import { TrackClient } from 'customerio-node';
app.listen(3000, () => {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  cio.track('server', { name: 'Started' });
});
function setup() {
  return new TrackClient(process.env.SITE_ID, process.env.KEY);
}
export const shared = setup();`,
  },
  {
    name: 'requests, configs and look-alike clients of other libraries in a handler',
    code: `
import { SendEmailRequest, RegionUS } from 'customerio-node';
import { ConfigWrapper, GlobalApiKeySettings } from 'klaviyo-api';
import Analytics from '@rudderstack/rudder-sdk-node';
import { api } from './lib/cio';
app.post('/reset', async (req, res) => {
  ConfigWrapper(process.env.KLAVIYO_KEY);
  new GlobalApiKeySettings(process.env.KLAVIYO_KEY);
  const rudder = new Analytics('w');
  const region = new RegionUS();
  await api.sendEmail(new SendEmailRequest({ to: req.body.email, transactional_message_id: '1' }));
});`,
  },
  {
    name: 'look-alike registrations are not handlers',
    code: `
import { TrackClient } from 'customerio-node';
chai.use(function (chai, utils) { new TrackClient(process.env.SITE_ID, process.env.KEY).track('t', { name: 'x' }); });
emitter.on('signup', (user) => { new TrackClient(process.env.SITE_ID, process.env.KEY).identify(user.id, {}); });
cache.get('client', () => new TrackClient(process.env.SITE_ID, process.env.KEY));
export async function helper() {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  return cio;
}`,
    filename: 'app/api/x/route.ts',
  },
  {
    name: 'clients from settings.cdp.clients are used, not built, in the handler',
    code: `
import { cio, api } from '@/lib/customerio';
app.post('/signup', async (req, res) => {
  await cio.identify(req.body.id, {});
  await api.sendEmail(req.body.request);
});`,
    settings: { cdp: { clients: { '@/lib/customerio': ['cio', 'api'] } } },
  },
  {
    name: 'a file without any SDK',
    code: `
app.post('/signup', async (req, res) => {
  const client = new TrackClient(siteId, key);
  await client.identify(req.body.id, {});
});`,
  },
  {
    name: 'a batching client flushed after the response with after() or returned from the route',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
import { after } from 'next/server';
export async function POST(request: Request) {
  const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY! });
  analytics.track({ userId: 'u', event: 'Posted' });
  after(() => analytics.closeAndFlush());
  return Response.json({ ok: true });
}`,
    filename: 'app/api/track/route.ts',
  },
  {
    name: 'a function that is only exported, and a loop that builds clients into a list with push',
    code: `
import { TrackClient } from 'customerio-node';
export function createClient(siteId: string, key: string) {
  return new TrackClient(siteId, key);
}
const list: TrackClient[] = [];
for (const t of tenants) {
  const client = new TrackClient(t.siteId, t.key);
  list.push(client);
}`,
  },
  {
    name: 'test files may build a fresh client per case in a loop',
    code: `
import { TrackClient } from 'customerio-node';
for (const region of ['us', 'eu']) {
  it('tracks in ' + region, async () => {
    const cio = new TrackClient('site', 'key');
    await cio.track('u', { name: region });
  });
}`,
    filename: 'tests/track.test.ts',
  },
  {
    name: 'a client built inside a memoising cache call in the handler',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/t/:id/signup', async (req, res) => {
  const cio = await cache.wrap(req.params.id, async () => {
    const tenant = await db.tenants.find(req.params.id);
    return new TrackClient(tenant.siteId, tenant.apiKey);
  });
  await cio.identify(req.body.id, {});
});`,
  },
  {
    name: 'a lazily created client promise: an async IIFE or a .then callback stored in a module variable',
    code: `
import { TrackClient } from 'customerio-node';
let clientPromise: Promise<TrackClient> | undefined;
function getClient() {
  clientPromise ??= (async () => new TrackClient(process.env.SITE_ID!, await loadSecret()))();
  return clientPromise;
}
let other: Promise<TrackClient> | undefined;
function getOther() {
  if (!other) other = loadSecret().then((key) => new TrackClient(process.env.SITE_ID!, key));
  return other;
}
app.post('/signup', async (req, res) => {
  await (await getClient()).identify(req.body.id, {});
  await (await getOther()).identify(req.body.id, {});
});`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: a TrackClient built inside an Express route handler',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/signup', async (req, res) => {
  const cio = new TrackClient(siteId, key);
  await cio.identify(req.body.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        data: { client: 'TrackClient', where: 'this route handler runs', batching: '' },
        line: 4,
        column: 15,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Express handler with env credentials: suggests hoisting to module scope',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/signup', async (req, res) => {
  const cio = new TrackClient(process.env.CIO_SITE_ID, process.env.CIO_TRACK_KEY);
  await cio.identify(req.body.id, { email: req.body.email });
  res.sendStatus(204);
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CIO_SITE_ID, process.env.CIO_TRACK_KEY);

app.post('/signup', async (req, res) => {
  await cio.identify(req.body.id, { email: req.body.email });
  res.sendStatus(204);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'module constants and imports declared above the handler can be hoisted; comments above the handler stay with it',
    code: `
import { TrackClient, RegionEU } from 'customerio-node';
const SITE_ID = process.env.CIO_SITE_ID ?? '';
const KEY = process.env.CIO_TRACK_KEY!;

// Signup
router.post('/signup', async (req, res) => {
  const cio = new TrackClient(SITE_ID, KEY, { region: RegionEU });
  await cio.identify(req.body.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 8,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient, RegionEU } from 'customerio-node';
const SITE_ID = process.env.CIO_SITE_ID ?? '';
const KEY = process.env.CIO_TRACK_KEY!;

const cio = new TrackClient(SITE_ID, KEY, { region: RegionEU });

// Signup
router.post('/signup', async (req, res) => {
  await cio.identify(req.body.id, {});
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'multi-tenant: credentials from the request get the cache-per-key message',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/t/:tenant/signup', async (req, res) => {
  const tenant = await db.tenants.find(req.params.tenant);
  const cio = new TrackClient(tenant.siteId, tenant.apiKey);
  await cio.identify(req.body.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perKey',
        data: { client: 'TrackClient', where: 'this route handler runs', batching: '', value: 'tenant.siteId' },
        line: 5,
        column: 15,
        suggestions: [],
      },
    ],
  },
  {
    name: 'aliased named import',
    code: `
import { TrackClient as CustomerIO } from 'customerio-node';
app.post('/signup', async (req, res) => {
  const client = new CustomerIO(process.env.SITE_ID, process.env.KEY);
  await client.track(req.body.id, { name: 'signed_up' });
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 18,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'client', client: 'TrackClient' },
            output: `
import { TrackClient as CustomerIO } from 'customerio-node';
const client = new CustomerIO(process.env.SITE_ID, process.env.KEY);

app.post('/signup', async (req, res) => {
  await client.track(req.body.id, { name: 'signed_up' });
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'namespace import of the App API client',
    code: `
import * as customerio from 'customerio-node';
app.post('/reset', async (req, res) => {
  const api = new customerio.APIClient(process.env.CIO_APP_KEY);
  await api.sendEmail(new customerio.SendEmailRequest({ to: req.body.email, transactional_message_id: '3' }));
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'api', client: 'APIClient' },
            output: `
import * as customerio from 'customerio-node';
const api = new customerio.APIClient(process.env.CIO_APP_KEY);

app.post('/reset', async (req, res) => {
  await api.sendEmail(new customerio.SendEmailRequest({ to: req.body.email, transactional_message_id: '3' }));
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'require with destructuring in a Koa router',
    code: `
const { TrackClient } = require('customerio-node');
router.post('/signup', async (ctx) => {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.identify(ctx.request.body.id, {});
});`,
    filename: 'src/file.js',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

router.post('/signup', async (ctx) => {
  await cio.identify(ctx.request.body.id, {});
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'require without destructuring, in middleware that attaches the client to the request',
    code: `
const customerio = require('customerio-node');
app.use((req, res, next) => {
  req.cio = new customerio.TrackClient(process.env.SITE_ID, process.env.KEY);
  next();
});`,
    filename: 'src/file.js',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 13,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Klaviyo: an Api built on a session in a Next.js route handler, reported once',
    code: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
export async function POST(request: Request) {
  const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY!));
  await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: 'a@b.co' } } } as any);
  return Response.json({ ok: true });
}`,
    filename: 'app/api/subscribe/route.ts',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 20,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'profiles', client: 'ProfilesApi' },
            output: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY!));

export async function POST(request: Request) {
  await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: 'a@b.co' } } } as any);
  return Response.json({ ok: true });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Klaviyo: a session local used only by the Api is covered by the Api report',
    code: `
import { ApiKeySession, EventsApi } from 'klaviyo-api';
export const POST = async (request: Request) => {
  const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY!);
  const events = new EventsApi(session);
  await events.createEvent(await request.json());
};`,
    filename: 'app/api/events/route.ts',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        data: { client: 'EventsApi', where: 'this Next.js route handler runs', batching: '' },
        line: 5,
        column: 18,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Klaviyo: a session alone in a pages-API route',
    code: `
import { ApiKeySession } from 'klaviyo-api';
import { send } from '../../lib/klaviyo';
export default async function handler(req, res) {
  const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY);
  await send(session, req.body);
  res.status(200).end();
}`,
    filename: 'pages/api/track.ts',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 19,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'session', client: 'ApiKeySession' },
            output: `
import { ApiKeySession } from 'klaviyo-api';
import { send } from '../../lib/klaviyo';
const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY);

export default async function handler(req, res) {
  await send(session, req.body);
  res.status(200).end();
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Pipelines Analytics in a Lambda handler without a flush: the queue is lost too',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const handler = async (event) => {
  const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY });
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  return { statusCode: 200 };
};`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        data: { client: 'Analytics', where: 'this Lambda handler runs', batching: ', and each instance has its own event queue: events go out in tiny batches, or are lost if the process stops before it flushes' },
        line: 4,
        column: 21,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'analytics', client: 'Analytics' },
            output: `
import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY });

export const handler = async (event) => {
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  return { statusCode: 200 };
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'a batching client built and flushed per request in a long-running server is still a client per request',
    code: `
import Analytics from '@customerio/cdp-analytics-node';
app.post('/track', async (req, res) => {
  const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY });
  analytics.track({ userId: req.user.id, event: 'Clicked' });
  await analytics.closeAndFlush();
  res.end();
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'PipelinesClient in a server action module',
    code: `
'use server';
import { PipelinesClient } from 'customerio-node';
export async function subscribe(formData: FormData) {
  const pipelines = new PipelinesClient(process.env.CIO_WRITE_KEY!);
  await pipelines.identify({ userId: String(formData.get('id')) });
}`,
    filename: 'app/actions.ts',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 21,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'pipelines', client: 'PipelinesClient' },
            output: `
'use server';
import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(process.env.CIO_WRITE_KEY!);

export async function subscribe(formData: FormData) {
  await pipelines.identify({ userId: String(formData.get('id')) });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'inline server action (function-level directive)',
    code: `
import { TrackClient } from 'customerio-node';
export default function Page() {
  async function save(formData: FormData) {
    'use server';
    const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
    await cio.identify(String(formData.get('id')), {});
  }
  return null;
}`,
    filename: 'app/page.tsx',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 6,
        column: 17,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);

export default function Page() {
  async function save(formData: FormData) {
    'use server';
    await cio.identify(String(formData.get('id')), {});
  }
  return null;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'GraphQL resolver map: multi-tenant mutation and a query',
    code: `
import * as cio from 'customerio-node';
import { TrackClient as TC } from 'customerio-node';
export const resolvers = {
  Mutation: {
    signup: async (_, { input }, ctx) => {
      const client = new TC(ctx.tenant.siteId, ctx.tenant.key);
      await client.identify(input.id, {});
    },
  },
  Query: { customer: (_, { email }) => new cio.APIClient(process.env.APP_KEY).getCustomersByEmail(email) },
};`,
    output: null,
    errors: [
      {
        messageId: 'perKey',
        data: { client: 'TrackClient', where: 'this GraphQL resolver runs', batching: '', value: 'ctx.tenant.siteId' },
        line: 7,
        column: 22,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 11,
        column: 40,
        suggestions: [],
      },
    ],
  },
  {
    name: 'NestJS controller route: the hoisted client goes above the class decorators',
    code: `
import { Controller, Post, Body } from '@nestjs/common';
import { TrackClient } from 'customerio-node';

@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() body: { id: string }) {
    const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
    await cio.identify(body.id, {});
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 9,
        column: 17,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { Controller, Post, Body } from '@nestjs/common';
import { TrackClient } from 'customerio-node';

const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);

@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() body: { id: string }) {
    await cio.identify(body.id, {});
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'NestJS message handler',
    code: `
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { APIClient } from 'customerio-node';
@Controller()
export class Events {
  @MessagePattern('user.created')
  async onCreated(data: { email: string }) {
    const api = new APIClient(process.env.APP_KEY!);
    return api.getCustomersByEmail(data.email);
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 9,
        column: 17,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'api', client: 'APIClient' },
            output: `
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY!);

@Controller()
export class Events {
  @MessagePattern('user.created')
  async onCreated(data: { email: string }) {
    return api.getCustomersByEmail(data.email);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Lambda: exports.handler in CommonJS',
    code: `
const { TrackClient } = require('customerio-node');
exports.handler = async (event) => {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.track(event.userId, { name: 'Invoked' });
};`,
    filename: 'src/file.js',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

exports.handler = async (event) => {
  await cio.track(event.userId, { name: 'Invoked' });
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'Lambda: module.exports.handler naming a local function',
    code: `
const { TrackClient } = require('customerio-node');
async function run(event) {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.track(event.userId, { name: 'Invoked' });
}
module.exports.handler = run;`,
    filename: 'src/file.js',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

async function run(event) {
  await cio.track(event.userId, { name: 'Invoked' });
}
module.exports.handler = run;`,
          },
        ],
      },
    ],
  },
  {
    name: 'Lambda: export async function handler typed with an SQS event',
    code: `
import type { SQSEvent } from 'aws-lambda';
import { TrackClient } from 'customerio-node';
export async function handler(event: SQSEvent) {
  for (const record of event.Records) {
    const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
    await cio.track(JSON.parse(record.body).id, { name: 'Queued' });
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 6,
        column: 17,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import type { SQSEvent } from 'aws-lambda';
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);

export async function handler(event: SQSEvent) {
  for (const record of event.Records) {
    await cio.track(JSON.parse(record.body).id, { name: 'Queued' });
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Cloudflare Worker fetch: credentials from env get the cache-per-key message',
    code: `
import { TrackClient } from 'customerio-node';
export default {
  async fetch(request: Request, env: Env) {
    const cio = new TrackClient(env.CIO_SITE_ID, env.CIO_KEY);
    await cio.track('anon', { name: 'Visited' });
    return new Response('ok');
  },
} satisfies ExportedHandler<Env>;`,
    output: null,
    errors: [
      {
        messageId: 'perKey',
        data: { client: 'TrackClient', where: 'this Worker fetch handler runs', batching: '', value: 'env.CIO_SITE_ID' },
        line: 5,
        column: 17,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Inngest function',
    code: `
import { TrackClient } from 'customerio-node';
export const welcome = inngest.createFunction({ id: 'welcome' }, { event: 'user/created' }, async ({ event, step }) => {
  const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  await step.run('identify', () => cio.identify(event.data.id, {}));
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);

export const welcome = inngest.createFunction({ id: 'welcome' }, { event: 'user/created' }, async ({ event, step }) => {
  await step.run('identify', () => cio.identify(event.data.id, {}));
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'BullMQ worker processor',
    code: `
import { Worker } from 'bullmq';
import { TrackClient } from 'customerio-node';
new Worker('emails', async (job) => {
  const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  await cio.track(job.data.userId, { name: 'Emailed' });
}, { connection });`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { Worker } from 'bullmq';
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);

new Worker('emails', async (job) => {
  await cio.track(job.data.userId, { name: 'Emailed' });
}, { connection });`,
          },
        ],
      },
    ],
  },
  {
    name: 'Bull queue.process, kafkajs eachMessage and amqplib consume',
    code: `
import { TrackClient } from 'customerio-node';
queue.process('signup', async (job) => {
  await new TrackClient(process.env.SITE_ID, process.env.KEY).identify(job.data.id, {});
});
await consumer.run({
  eachMessage: async ({ message }) => {
    await new TrackClient(process.env.SITE_ID, process.env.KEY).track(String(message.key), { name: 'Consumed' });
  },
});
channel.consume('signups', async (msg) => {
  await new TrackClient(process.env.SITE_ID, process.env.KEY).identify(msg.content.toString(), {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 9,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        data: { client: 'TrackClient', where: 'this Kafka consumer runs', batching: '' },
        line: 8,
        column: 11,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 12,
        column: 9,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Fastify route config, Hono handler and a chained Express route',
    code: `
import { TrackClient } from 'customerio-node';
fastify.route({ method: 'POST', url: '/a', handler: async (request) => {
  await new TrackClient(process.env.SITE_ID, process.env.KEY).identify(request.body.id, {});
} });
hono.post('/b', async (c) => {
  await new TrackClient(process.env.SITE_ID, process.env.KEY).identify(c.req.param('id'), {});
});
app.route('/c').get(listHandler).post(async (req, res) => {
  await new TrackClient(process.env.SITE_ID, process.env.KEY).identify(req.body.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 9,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 7,
        column: 9,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 10,
        column: 9,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a handler behind middleware arrays and an async wrapper',
    code: `
import { TrackClient } from 'customerio-node';
router.post('/signup', [auth, validate], asyncHandler(async (req, res) => {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.identify(req.user.id, {});
}));`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

router.post('/signup', [auth, validate], asyncHandler(async (req, res) => {
  await cio.identify(req.user.id, {});
}));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a handler declared by name and registered later',
    code: `
import { TrackClient } from 'customerio-node';
async function signup(req, res) {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.identify(req.body.id, {});
}
router.post('/signup', signup);`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

async function signup(req, res) {
  await cio.identify(req.body.id, {});
}
router.post('/signup', signup);`,
          },
        ],
      },
    ],
  },
  {
    name: 'a helper called from a handler in the same file',
    code: `
import { TrackClient } from 'customerio-node';
async function notify(userId: string) {
  const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  await cio.track(userId, { name: 'Notified' });
}
app.post('/notify', async (req, res) => {
  await notify(req.body.id);
  res.end();
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        data: { client: 'TrackClient', where: '`notify()` runs, which a route handler calls', batching: '' },
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);

async function notify(userId: string) {
  await cio.track(userId, { name: 'Notified' });
}
app.post('/notify', async (req, res) => {
  await notify(req.body.id);
  res.end();
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'a factory whose result the handler does not keep',
    code: `
import { TrackClient } from 'customerio-node';
function makeClient() {
  return new TrackClient(process.env.SITE_ID, process.env.KEY);
}
app.post('/signup', async (req, res) => {
  const cio = makeClient();
  await cio.identify(req.body.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 10,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a .then chain inside a handler, with the key from the chain',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/signup', (req, res) => {
  loadKey(req.params.tenant).then((key) => {
    const cio = new TrackClient('site', key);
    return cio.identify(req.body.id, {});
  });
});`,
    output: null,
    errors: [
      {
        messageId: 'perKey',
        line: 5,
        column: 17,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a loop over users at module scope (a script)',
    code: `
import { TrackClient } from 'customerio-node';
for (const user of users) {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.identify(user.id, { email: user.email });
}`,
    output: null,
    errors: [
      {
        messageId: 'perIteration',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

for (const user of users) {
  await cio.identify(user.id, { email: user.email });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'forEach callback and a helper called per element',
    code: `
import { TrackClient } from 'customerio-node';
users.forEach((user) => {
  new TrackClient(process.env.SITE_ID, process.env.KEY).identify(user.id, {});
});
async function sync(user) {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.identify(user.id, {});
}
for (const user of users) await sync(user);`,
    output: null,
    errors: [
      {
        messageId: 'perIteration',
        data: { client: 'TrackClient', where: '', batching: '' },
        line: 4,
        column: 3,
        suggestions: [],
      },
      {
        messageId: 'perIteration',
        data: { client: 'TrackClient', where: ' (in `sync()`)', batching: '' },
        line: 7,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
users.forEach((user) => {
  new TrackClient(process.env.SITE_ID, process.env.KEY).identify(user.id, {});
});
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

async function sync(user) {
  await cio.identify(user.id, {});
}
for (const user of users) await sync(user);`,
          },
        ],
      },
    ],
  },
  {
    name: 'a loop inside a handler reports the handler',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/bulk', async (req, res) => {
  await Promise.all(req.body.users.map(async (user) => {
    const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
    await cio.identify(user.id, {});
  }));
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 17,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

app.post('/bulk', async (req, res) => {
  await Promise.all(req.body.users.map(async (user) => {
    await cio.identify(user.id, {});
  }));
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'no hoist when the name is taken at module scope',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
app.post('/a', async (req, res) => {
  const cio = new TrackClient(process.env.OTHER_SITE_ID, process.env.OTHER_KEY);
  await cio.identify(req.body.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 15,
        suggestions: [],
      },
    ],
  },
  {
    name: 'no hoist when an argument is declared after the handler, or the binding is reassigned',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/a', async (req, res) => {
  const cio = new TrackClient(SITE_ID, process.env.KEY);
  await cio.identify(req.body.id, {});
});
app.post('/b', async (req, res) => {
  let cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  if (req.body.eu) cio = new TrackClient(process.env.EU_SITE_ID, process.env.EU_KEY);
  await cio.identify(req.body.id, {});
});
const SITE_ID = process.env.SITE_ID;`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 4,
        column: 15,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 8,
        column: 13,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 9,
        column: 26,
        suggestions: [],
      },
    ],
  },
  {
    name: 'no hoist when a name on the way to module scope would capture the references',
    code: `
import { TrackClient } from 'customerio-node';
function register(app, cio) {
  app.post('/a', async (req, res) => {
    const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
    await cio.identify(req.body.id, {});
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 17,
        suggestions: [],
      },
    ],
  },
  {
    name: 'settings.cdp.wrappers in the file do not hide a client built in the handler',
    code: `
import { TrackClient } from 'customerio-node';
import { trackEvent } from './analytics';
app.post('/signup', async (req, res) => {
  const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  await cio.identify(req.body.id, {});
  await trackEvent(req.body.id, 'signed_up');
});`,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name'] }] } },
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 15,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
import { trackEvent } from './analytics';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

app.post('/signup', async (req, res) => {
  await cio.identify(req.body.id, {});
  await trackEvent(req.body.id, 'signed_up');
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'multi-tenant through a local assigned from the request',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/signup', async (req, res) => {
  let key;
  key = req.headers['x-cio-key'];
  const cio = new TrackClient(process.env.SITE_ID, key);
  await cio.identify(req.body.id, {});
});`,
    output: null,
    errors: [
      {
        messageId: 'perKey',
        data: { client: 'TrackClient', where: 'this route handler runs', batching: '', value: 'key' },
        line: 6,
        column: 15,
        suggestions: [],
      },
    ],
  },
  {
    name: 'an endpoint reading import.meta.env, with options built from module values, hoists with them',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
import type { APIRoute } from 'astro';
const BASE = { maxRetries: 3 };
const EU = import.meta.env.CIO_REGION === 'eu';
export const POST: APIRoute = async ({ request }) => {
  const analytics = new Analytics({ ...BASE, writeKey: import.meta.env.CIO_WRITE_KEY ?? '', host: EU ? 'https://cdp-eu.customer.io' : \`https://cdp.customer.io\`, maxEventsInBatch: 15 });
  analytics.track({ userId: 'u', event: 'Posted' });
  return new Response(null);
};`,
    filename: 'src/pages/api/track.ts',
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 7,
        column: 21,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'analytics', client: 'Analytics' },
            output: `
import { Analytics } from '@customerio/cdp-analytics-node';
import type { APIRoute } from 'astro';
const BASE = { maxRetries: 3 };
const EU = import.meta.env.CIO_REGION === 'eu';
const analytics = new Analytics({ ...BASE, writeKey: import.meta.env.CIO_WRITE_KEY ?? '', host: EU ? 'https://cdp-eu.customer.io' : \`https://cdp.customer.io\`, maxEventsInBatch: 15 });

export const POST: APIRoute = async ({ request }) => {
  analytics.track({ userId: 'u', event: 'Posted' });
  return new Response(null);
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'a one-line handler keeps its line when the declaration moves out',
    code: `
import { TrackClient } from 'customerio-node';
app.post('/a', (req, res) => { const cio = new TrackClient(process.env.SITE_ID, process.env.KEY); return cio.identify(req.body.id, {}); });`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 3,
        column: 44,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'cio', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);

app.post('/a', (req, res) => { return cio.identify(req.body.id, {}); });`,
          },
        ],
      },
    ],
  },
  {
    name: 'no hoist for var, several declarators, or a name used as a global elsewhere in the file',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
import { TrackClient } from 'customerio-node';
app.post('/a', async (req, res) => {
  var cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
  const other = new TrackClient(process.env.SITE_ID, process.env.KEY), n = 1;
  const analytics = new Analytics({ writeKey: process.env.KEY });
  analytics.track({ userId: req.body.id, event: 'x' });
  await cio.identify(req.body.id, {});
});
export function page() { analytics.page({ name: 'home' }); }`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 13,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 6,
        column: 17,
        suggestions: [],
      },
      {
        messageId: 'perRequest',
        line: 7,
        column: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a NestJS controller calling a helper method on this',
    code: `
import { Controller, Get } from '@nestjs/common';
import { APIClient } from 'customerio-node';
@Controller('customers')
export class CustomersController {
  private client() {
    return new APIClient(process.env.APP_KEY!);
  }
  @Get()
  list() {
    return this.client().getCustomersByEmail('a@b.co');
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        data: { client: 'APIClient', where: '`client()` runs, which a NestJS route handler calls', batching: '' },
        line: 7,
        column: 12,
        suggestions: [],
      },
    ],
  },
  {
    name: 'multi-tenant with a derived key: the message names the variable, never a literal inside the expression',
    code: `
import { TrackClient } from 'customerio-node';
export const handler = async (event) => {
  const row = await loadTenant(event.tenantId);
  const cio = new TrackClient('0a1b2c3d4e5f6a7b8c9d', decrypt(row.secret, 'pepper-0f3a9c'));
  await cio.track(event.userId, { name: 'x' });
};`,
    output: null,
    errors: [
      {
        messageId: 'perKey',
        data: { client: 'TrackClient', where: 'this Lambda handler runs', batching: '', value: 'row' },
        line: 5,
        column: 15,
        suggestions: [],
      },
    ],
  },
];

// Typed runs resolve clients exported from other modules; the rule itself never asks the checker.
const typedValid: ValidTestCase<[]>[] = [
  {
    name: 'typed: the handler uses the client exported from another module',
    code: `
import { cio, analytics } from './lib/cio';
app.post('/signup', async (req: any, res: any) => {
  await cio.identify(req.body.id, {});
  analytics.track({ userId: req.body.id, event: 'Signed Up' });
});`,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client built in a handler next to the shared one from another module',
    code: `
import { TrackClient } from 'customerio-node';
import { cio } from './lib/cio';
app.post('/eu', async (req: any, res: any) => {
  const eu = new TrackClient(process.env.EU_SITE_ID!, process.env.EU_KEY!);
  await eu.identify(req.body.id, {});
  await cio.track(req.body.id, { name: 'x' });
});`,
    output: null,
    errors: [
      {
        messageId: 'perRequest',
        line: 5,
        column: 14,
        suggestions: [
          {
            messageId: 'hoistToModule',
            data: { name: 'eu', client: 'TrackClient' },
            output: `
import { TrackClient } from 'customerio-node';
import { cio } from './lib/cio';
const eu = new TrackClient(process.env.EU_SITE_ID!, process.env.EU_KEY!);

app.post('/eu', async (req: any, res: any) => {
  await eu.identify(req.body.id, {});
  await cio.track(req.body.id, { name: 'x' });
});`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('no-client-per-request', rule, { valid, invalid });
createTypedRuleTester().run('no-client-per-request (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describeFixSafety('no-client-per-request', rule, invalid);
