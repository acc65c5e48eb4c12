import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-floating-sdk-calls.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-floating-sdk-calls: the promise of an SDK call (or of a function that returns or awaits one)
 * that nothing awaits, returns or gives a rejection handler. The valid cases are the handled shapes
 * a naive "call not awaited" rule would flag: fire-and-forget with `.catch`, `void p.catch()`,
 * `allSettled`, promises collected and awaited later, handed to a limiter or `waitUntil`, queued
 * calls that return nothing, and wrappers that handle their own failures.
 */

type MessageIds =
  | 'floating'
  | 'floatingInTry'
  | 'floatingVoid'
  | 'floatingForEach'
  | 'unawaitedFlush'
  | 'addCatch'
  | 'addAwait';

const CIO = `import { TrackClient, APIClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
const api = new APIClient(process.env.APP_KEY!);`;

const valid: ValidTestCase<[]>[] = [
  {
    name: 'awaited, returned, and awaited through a chain',
    code: `${CIO}
app.post('/signup', async (req, res) => {
  await cio.identify(req.body.id, { email: req.body.email });
  await cio.track(req.body.id, { name: 'signed_up' }).then(() => log('tracked'));
  res.json({ ok: true });
});
export function track(id: string) {
  return cio.track(id, { name: 'x' });
}
export const trackArrow = (id: string) => cio.track(id, { name: 'y' });`,
  },
  {
    name: 'fire-and-forget with a rejection handler: .catch, .then(ok, fail), void p.catch()',
    code: `${CIO}
app.post('/orders', async (req, res) => {
  cio.track(req.body.id, { name: 'order_placed' }).catch((error) => logger.warn({ error }, 'track failed'));
  cio.track(req.body.id, { name: 'a' }).then(() => log('ok'), (error) => log(error));
  void cio.identify(req.body.id, {}).catch(console.error);
  cio.track(req.body.id, { name: 'b' }).catch(report).finally(done);
  res.json({ ok: true });
});`,
  },
  {
    name: 'Promise.allSettled, awaited or not, and Promise.all that is awaited or caught',
    code: `${CIO}
async function sync(user) {
  await Promise.allSettled([cio.identify(user.id, {}), cio.track(user.id, { name: 'synced' })]);
  Promise.allSettled([cio.identify(user.id, {})]);
  await Promise.all([cio.identify(user.id, {}), db.save(user)]);
  Promise.all([cio.track(user.id, { name: 'x' })]).catch(report);
}`,
  },
  {
    name: 'a promise kept in a variable and awaited, returned or combined later',
    code: `${CIO}
async function sync(users) {
  const identified = cio.identify(users[0].id, {});
  await doOtherWork();
  await identified;
  const pending = [];
  for (const user of users) pending.push(cio.track(user.id, { name: 'x' }));
  await Promise.all(pending);
  const tracked = users.map((user) => cio.track(user.id, { name: 'y' }));
  await Promise.all(tracked);
  let last;
  last = cio.track(users[0].id, { name: 'z' });
  return last;
}`,
  },
  {
    name: 'handed to something that handles it: a limiter, a queue, waitUntil, a framework',
    code: `${CIO}
import pLimit from 'p-limit';
import Bottleneck from 'bottleneck';
const limit = pLimit(5);
const limiter = new Bottleneck({ maxConcurrent: 5 });
export default {
  async fetch(request, env, ctx) {
    ctx.waitUntil(cio.track('anon', { name: 'visited' }));
    await Promise.all(users.map((u) => limit(() => cio.identify(u.id, {}))));
    await limiter.schedule(() => cio.track('x', { name: 'y' }));
    return new Response('ok');
  },
};
app.post('/x', (req, res) => cio.track(req.body.id, { name: 'x' }));`,
  },
  {
    name: 'sequential for...of with await, and a generator that yields the promise',
    code: `${CIO}
async function backfill(users) {
  for (const user of users) {
    await cio.identify(user.id, { email: user.email });
  }
}
function* steps(id) {
  yield cio.track(id, { name: 'step' });
}`,
  },
  {
    name: 'queued Data Pipelines calls return nothing (cdp-analytics-node identify/track/page)',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY! });
app.post('/signup', (req, res) => {
  analytics.identify({ userId: req.body.id, traits: { email: req.body.email } });
  analytics.track({ userId: req.body.id, event: 'Signed Up' });
  analytics.page({ userId: req.body.id, name: 'Home' });
  res.json({ ok: true });
});`,
  },
  {
    name: 'an un-awaited closeAndFlush() is require-flush’s finding, not this rule’s',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY! });
process.on('SIGTERM', () => {
  analytics.closeAndFlush();
});`,
  },
  {
    name: 'wrappers that handle their own failures: a .catch inside, an await in try/catch',
    code: `${CIO}
function trackSafely(id, name) {
  return cio.track(id, { name }).catch((error) => logger.warn({ error }, 'track failed'));
}
async function identifySafely(id, attrs) {
  try {
    await cio.identify(id, attrs);
  } catch (error) {
    logger.warn({ error }, 'identify failed');
  }
}
app.post('/x', async (req, res) => {
  trackSafely(req.body.id, 'x');
  identifySafely(req.body.id, {});
  res.json({ ok: true });
});`,
  },
  {
    name: 'a wrapper that does not return the promise is reported inside, not at its call sites',
    code: `${CIO}
function notify(id) {
  cio.track(id, { name: 'x' }).catch(report);
}
notify('1');`,
  },
  {
    name: 'calls that are not SDK calls: other analytics libraries, unresolved receivers, local functions named track',
    code: `
import Mixpanel from 'mixpanel';
const mixpanel = Mixpanel.init('token');
mixpanel.track('signed_up', { distinct_id: 'u1' });
analytics.track({ userId: 'u1', event: 'x' });
function track(name) { return fetch('/t?' + name); }
track('x');
client.identify('u1', {});`,
  },
  {
    name: 'a wrapper declared in settings that this file defines itself, handling its failures',
    code: `${CIO}
export function trackEvent(id, name) {
  cio.track(id, { name }).catch(report);
}
trackEvent('1', 'x');`,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name'] }] } },
  },
  {
    name: 'a promise stored on an object or a class, or exported',
    code: `${CIO}
class Job {
  pending = cio.track('x', { name: 'y' });
  start(id) { this.current = cio.track(id, { name: 'z' }); }
}
const state = { pending: cio.identify('x', {}) };
export const ready = cio.identify('y', {});`,
  },
  {
    name: 'awaited at the top level of a module and in a .then callback that is returned',
    code: `${CIO}
await cio.identify('system', {});
export function load(id) {
  return getUser(id).then((user) => cio.identify(user.id, {}));
}`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'the catalog: a track call neither awaited nor caught in a route handler',
    code: `${CIO}
app.post('/signup', async (req, res) => {
  cio.track(req.body.id, { name: 'signed_up' });
  res.json({ ok: true });
});`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`cio.track()`' },
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
app.post('/signup', async (req, res) => {
  cio.track(req.body.id, { name: 'signed_up' }).catch(console.error);
  res.json({ ok: true });
});`,
          },
          {
            messageId: 'addAwait',
            data: { where: 'the caller of this function' },
            output: `${CIO}
app.post('/signup', async (req, res) => {
  await cio.track(req.body.id, { name: 'signed_up' });
  res.json({ ok: true });
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'the catalog: a try/catch around an un-awaited call catches nothing',
    code: `${CIO}
app.post('/orders/:id/cancel', async (req, res) => {
  try {
    cio.track(req.params.id, { name: 'order_cancelled' });
  } catch (error) {
    logger.warn({ error }, 'could not track');
  }
  res.json({ ok: true });
});`,
    output: null,
    errors: [
      {
        messageId: 'floatingInTry',
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
app.post('/orders/:id/cancel', async (req, res) => {
  try {
    cio.track(req.params.id, { name: 'order_cancelled' }).catch(console.error);
  } catch (error) {
    logger.warn({ error }, 'could not track');
  }
  res.json({ ok: true });
});`,
          },
          {
            messageId: 'addAwait',
            data: { where: 'the surrounding `catch`' },
            output: `${CIO}
app.post('/orders/:id/cancel', async (req, res) => {
  try {
    await cio.track(req.params.id, { name: 'order_cancelled' });
  } catch (error) {
    logger.warn({ error }, 'could not track');
  }
  res.json({ ok: true });
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'void without a catch is still floating; the await suggestion replaces the void',
    code: `${CIO}
export async function onSignup(user) {
  void cio.identify(user.id, { email: user.email });
}`,
    output: null,
    errors: [
      {
        messageId: 'floatingVoid',
        line: 5,
        column: 8,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function onSignup(user) {
  void cio.identify(user.id, { email: user.email }).catch(console.error);
}`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
export async function onSignup(user) {
  await cio.identify(user.id, { email: user.email });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a .then chain without a rejection handler: the suggestions go at the end of the chain',
    code: `${CIO}
app.post('/x', (req, res) => {
  cio.track(req.body.id, { name: 'x' }).then(() => res.json({ ok: true }));
});`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
app.post('/x', (req, res) => {
  cio.track(req.body.id, { name: 'x' }).then(() => res.json({ ok: true })).catch(console.error);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'Promise.all that nobody awaits: one report for the whole statement',
    code: `${CIO}
export async function sync(user) {
  Promise.all([cio.identify(user.id, {}), cio.track(user.id, { name: 'synced' })]);
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`cio.identify()`' },
        line: 5,
        column: 16,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function sync(user) {
  Promise.all([cio.identify(user.id, {}), cio.track(user.id, { name: 'synced' })]).catch(console.error);
}`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
export async function sync(user) {
  await Promise.all([cio.identify(user.id, {}), cio.track(user.id, { name: 'synced' })]);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an aliased named import, in a function that is not async (no await suggestion)',
    code: `
import { TrackClient as CustomerIO } from 'customerio-node';
const customerio = new CustomerIO(process.env.SITE_ID, process.env.KEY);
export function onLogin(user) {
  customerio.identify(user.id, { last_login: Math.floor(Date.now() / 1000) });
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { TrackClient as CustomerIO } from 'customerio-node';
const customerio = new CustomerIO(process.env.SITE_ID, process.env.KEY);
export function onLogin(user) {
  customerio.identify(user.id, { last_login: Math.floor(Date.now() / 1000) }).catch(console.error);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'require with destructuring, in CommonJS',
    code: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
module.exports.handler = async (event) => {
  cio.track(event.userId, { name: 'processed' });
  return { statusCode: 200 };
};`,
    filename: 'handler.js',
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
module.exports.handler = async (event) => {
  cio.track(event.userId, { name: 'processed' }).catch(console.error);
  return { statusCode: 200 };
};`,
          },
          {
            messageId: 'addAwait',
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
module.exports.handler = async (event) => {
  await cio.track(event.userId, { name: 'processed' });
  return { statusCode: 200 };
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'require without destructuring, and a namespace import',
    code: `
import * as CIO from 'customerio-node';
const customerio = require('customerio-node');
const a = new customerio.APIClient(process.env.APP_KEY);
const b = new CIO.TrackClient(process.env.SITE_ID, process.env.KEY);
export function send(request) {
  a.sendEmail(request);
  b.destroy('42');
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`a.sendEmail()`' },
        line: 7,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import * as CIO from 'customerio-node';
const customerio = require('customerio-node');
const a = new customerio.APIClient(process.env.APP_KEY);
const b = new CIO.TrackClient(process.env.SITE_ID, process.env.KEY);
export function send(request) {
  a.sendEmail(request).catch(console.error);
  b.destroy('42');
}`,
          },
        ],
      },
      {
        messageId: 'floating',
        data: { call: '`b.destroy()`' },
        line: 8,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import * as CIO from 'customerio-node';
const customerio = require('customerio-node');
const a = new customerio.APIClient(process.env.APP_KEY);
const b = new CIO.TrackClient(process.env.SITE_ID, process.env.KEY);
export function send(request) {
  a.sendEmail(request);
  b.destroy('42').catch(console.error);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client in a class field, called from a method',
    code: `
import { TrackClient } from 'customerio-node';
export class Notifier {
  private cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  async userCreated(user: { id: string }) {
    this.cio.identify(user.id, {});
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`this.cio.identify()`' },
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { TrackClient } from 'customerio-node';
export class Notifier {
  private cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  async userCreated(user: { id: string }) {
    this.cio.identify(user.id, {}).catch(console.error);
  }
}`,
          },
          {
            messageId: 'addAwait',
            output: `
import { TrackClient } from 'customerio-node';
export class Notifier {
  private cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  async userCreated(user: { id: string }) {
    await this.cio.identify(user.id, {});
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'clients from settings.cdp.clients',
    code: `
import { cio, pipelines } from '@/lib/customerio';
export function onEvent(id) {
  cio.trackAnonymous(id, { name: 'visited' });
  pipelines.track({ userId: id, event: 'Visited' });
}`,
    settings: { cdp: { clients: { '@/lib/customerio': { cio: 'TrackClient', pipelines: 'PipelinesClient' } } } },
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { cio, pipelines } from '@/lib/customerio';
export function onEvent(id) {
  cio.trackAnonymous(id, { name: 'visited' }).catch(console.error);
  pipelines.track({ userId: id, event: 'Visited' });
}`,
          },
        ],
      },
      {
        messageId: 'floating',
        data: { call: '`pipelines.track()`' },
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { cio, pipelines } from '@/lib/customerio';
export function onEvent(id) {
  cio.trackAnonymous(id, { name: 'visited' });
  pipelines.track({ userId: id, event: 'Visited' }).catch(console.error);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Klaviyo: every method is async, including the global singletons',
    code: `
import { ApiKeySession, EventsApi, Profiles } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
export async function onOrder(order) {
  events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }, profile: { data: { type: 'profile', attributes: { email: order.email } } } } } });
  Profiles.getProfiles();
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`events.createEvent()`' },
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { ApiKeySession, EventsApi, Profiles } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
export async function onOrder(order) {
  events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }, profile: { data: { type: 'profile', attributes: { email: order.email } } } } } }).catch(console.error);
  Profiles.getProfiles();
}`,
          },
          {
            messageId: 'addAwait',
            output: `
import { ApiKeySession, EventsApi, Profiles } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
export async function onOrder(order) {
  await events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }, profile: { data: { type: 'profile', attributes: { email: order.email } } } } } });
  Profiles.getProfiles();
}`,
          },
        ],
      },
      {
        messageId: 'floating',
        data: { call: '`Profiles.getProfiles()`' },
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { ApiKeySession, EventsApi, Profiles } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
export async function onOrder(order) {
  events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }, profile: { data: { type: 'profile', attributes: { email: order.email } } } } } });
  Profiles.getProfiles().catch(console.error);
}`,
          },
          {
            messageId: 'addAwait',
            output: `
import { ApiKeySession, EventsApi, Profiles } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));
export async function onOrder(order) {
  events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }, profile: { data: { type: 'profile', attributes: { email: order.email } } } } } });
  await Profiles.getProfiles();
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a local wrapper that returns the SDK promise: reported where its result is dropped',
    code: `${CIO}
function trackEvent(id: string, name: string, data = {}) {
  return cio.track(id, { name, data });
}
app.post('/orders/:id/ship', async (req, res) => {
  trackEvent(req.params.id, 'order_shipped');
  res.json({ ok: true });
});`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`trackEvent()` (it waits for `cio.track()`)' },
        line: 8,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
function trackEvent(id: string, name: string, data = {}) {
  return cio.track(id, { name, data });
}
app.post('/orders/:id/ship', async (req, res) => {
  trackEvent(req.params.id, 'order_shipped').catch(console.error);
  res.json({ ok: true });
});`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
function trackEvent(id: string, name: string, data = {}) {
  return cio.track(id, { name, data });
}
app.post('/orders/:id/ship', async (req, res) => {
  await trackEvent(req.params.id, 'order_shipped');
  res.json({ ok: true });
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'an async wrapper that awaits two SDK calls: its promise rejects with either, one report',
    code: `${CIO}
const trackSignup = async (user) => {
  await cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
};
export function onSignup(user) {
  trackSignup(user);
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`trackSignup()` (it waits for `cio.identify()`)' },
        line: 9,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
const trackSignup = async (user) => {
  await cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
};
export function onSignup(user) {
  trackSignup(user).catch(console.error);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a service method called through this, from a method that is not async',
    code: `
import { TrackClient } from 'customerio-node';
export class Analytics {
  constructor(private readonly cio: TrackClient) {}
  track(id: string, name: string) {
    return this.cio.track(id, { name });
  }
  onLogout(id: string) {
    this.track(id, 'logged_out');
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`this.track()` (it waits for `this.cio.track()`)' },
        line: 9,
        column: 5,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { TrackClient } from 'customerio-node';
export class Analytics {
  constructor(private readonly cio: TrackClient) {}
  track(id: string, name: string) {
    return this.cio.track(id, { name });
  }
  onLogout(id: string) {
    this.track(id, 'logged_out').catch(console.error);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a wrapper declared in settings.cdp.wrappers, imported from another module',
    code: `
import { trackEvent } from '../lib/analytics';
export async function onCancel(order) {
  trackEvent(order.userId, 'order_cancelled', { order_id: order.id });
}`,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }] } },
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`trackEvent()`' },
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { trackEvent } from '../lib/analytics';
export async function onCancel(order) {
  trackEvent(order.userId, 'order_cancelled', { order_id: order.id }).catch(console.error);
}`,
          },
          {
            messageId: 'addAwait',
            output: `
import { trackEvent } from '../lib/analytics';
export async function onCancel(order) {
  await trackEvent(order.userId, 'order_cancelled', { order_id: order.id });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'forEach ignores what its callback returns, async or not',
    code: `${CIO}
export function syncAll(users) {
  users.forEach((user) => cio.identify(user.id, { email: user.email }));
  users.forEach(async (user) => {
    await cio.track(user.id, { name: 'synced' });
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'floatingForEach',
        line: 5,
        column: 27,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export function syncAll(users) {
  users.forEach((user) => cio.identify(user.id, { email: user.email }).catch(console.error));
  users.forEach(async (user) => {
    await cio.track(user.id, { name: 'synced' });
  });
}`,
          },
        ],
      },
      {
        messageId: 'floatingForEach',
        line: 7,
        column: 11,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export function syncAll(users) {
  users.forEach((user) => cio.identify(user.id, { email: user.email }));
  users.forEach(async (user) => {
    await cio.track(user.id, { name: 'synced' }).catch(console.error);
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an array of promises built with map and never combined, or awaited as an array',
    code: `${CIO}
export async function syncAll(users) {
  users.map((user) => cio.identify(user.id, {}));
  await users.map((user) => cio.track(user.id, { name: 'x' }));
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 23,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function syncAll(users) {
  users.map((user) => cio.identify(user.id, {}).catch(console.error));
  await users.map((user) => cio.track(user.id, { name: 'x' }));
}`,
          },
        ],
      },
      {
        messageId: 'floating',
        line: 6,
        column: 29,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function syncAll(users) {
  users.map((user) => cio.identify(user.id, {}));
  await users.map((user) => cio.track(user.id, { name: 'x' }).catch(console.error));
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a promise assigned to a variable that nothing reads',
    code: `${CIO}
export async function onVisit(id) {
  const result = cio.trackPageView(id, '/pricing');
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 18,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function onVisit(id) {
  const result = cio.trackPageView(id, '/pricing').catch(console.error);
}`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
export async function onVisit(id) {
  const result = await cio.trackPageView(id, '/pricing');
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a script: an async IIFE and a main() nobody catches',
    code: `${CIO}
(async () => {
  await cio.identify('system', {});
})();
async function main() {
  await cio.track('system', { name: 'backfilled' });
}
main();`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        data: { call: '`cio.identify()`' },
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
(async () => {
  await cio.identify('system', {});
})().catch(console.error);
async function main() {
  await cio.track('system', { name: 'backfilled' });
}
main();`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
await (async () => {
  await cio.identify('system', {});
})();
async function main() {
  await cio.track('system', { name: 'backfilled' });
}
main();`,
          },
        ],
      },
      {
        messageId: 'floating',
        data: { call: '`main()` (it waits for `cio.track()`)' },
        line: 10,
        column: 1,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
(async () => {
  await cio.identify('system', {});
})();
async function main() {
  await cio.track('system', { name: 'backfilled' });
}
main().catch(console.error);`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
(async () => {
  await cio.identify('system', {});
})();
async function main() {
  await cio.track('system', { name: 'backfilled' });
}
await main();`,
          },
        ],
      },
    ],
  },
  {
    name: 'CommonJS has no top-level await: only the .catch suggestion',
    code: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
cio.identify('system', {});`,
    filename: 'script.cjs',
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 4,
        column: 1,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
cio.identify('system', {}).catch(console.error);`,
          },
        ],
      },
    ],
  },
  {
    name: 'a .then callback returning the SDK promise, on a chain nobody handles',
    code: `${CIO}
export function sync(id) {
  getUser(id).then((user) => cio.identify(user.id, { email: user.email }));
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 30,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export function sync(id) {
  getUser(id).then((user) => cio.identify(user.id, { email: user.email })).catch(console.error);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'conditional and optional calls: the await goes on the SDK call itself',
    code: `${CIO}
export async function maybe(user, enabled) {
  enabled && cio.track(user.id, { name: 'x' });
  user.optedIn ? cio.identify(user.id, {}) : null;
  api?.sendEmail(user.request);
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 14,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function maybe(user, enabled) {
  enabled && cio.track(user.id, { name: 'x' }).catch(console.error);
  user.optedIn ? cio.identify(user.id, {}) : null;
  api?.sendEmail(user.request);
}`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
export async function maybe(user, enabled) {
  enabled && await cio.track(user.id, { name: 'x' });
  user.optedIn ? cio.identify(user.id, {}) : null;
  api?.sendEmail(user.request);
}`,
          },
        ],
      },
      {
        messageId: 'floating',
        line: 6,
        column: 18,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function maybe(user, enabled) {
  enabled && cio.track(user.id, { name: 'x' });
  user.optedIn ? cio.identify(user.id, {}).catch(console.error) : null;
  api?.sendEmail(user.request);
}`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
export async function maybe(user, enabled) {
  enabled && cio.track(user.id, { name: 'x' });
  user.optedIn ? await cio.identify(user.id, {}) : null;
  api?.sendEmail(user.request);
}`,
          },
        ],
      },
      {
        messageId: 'floating',
        line: 7,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `${CIO}
export async function maybe(user, enabled) {
  enabled && cio.track(user.id, { name: 'x' });
  user.optedIn ? cio.identify(user.id, {}) : null;
  api?.sendEmail(user.request).catch(console.error);
}`,
          },
          {
            messageId: 'addAwait',
            output: `${CIO}
export async function maybe(user, enabled) {
  enabled && cio.track(user.id, { name: 'x' });
  user.optedIn ? cio.identify(user.id, {}) : null;
  await api?.sendEmail(user.request);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a function that waits for closeAndFlush(), called and dropped on shutdown',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY! });
async function shutdown() {
  await analytics.closeAndFlush();
}
process.on('SIGTERM', () => {
  shutdown();
  server.close();
});`,
    output: null,
    errors: [
      {
        messageId: 'unawaitedFlush',
        data: { call: '`shutdown()` (it waits for `analytics.closeAndFlush()`)' },
        line: 8,
        column: 3,
        suggestions: [],
      },
    ],
  },
];

createRuleTester().run('no-floating-sdk-calls', rule, { valid, invalid });

// With types, clients exported from another module resolve without settings.
const typedValid: ValidTestCase<[]>[] = [
  {
    name: 'typed: awaited calls on clients from another module',
    code: `
import { cio, api } from './lib/cio';
export async function onSignup(id: string) {
  await cio.identify(id, {});
  await api.getCustomersByEmail('a@example.com');
}`,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a floating call on a client exported from another module',
    code: `
import { cio } from './lib/cio';
export async function onSignup(id: string) {
  cio.track(id, { name: 'signed_up' });
}`,
    output: null,
    errors: [
      {
        messageId: 'floating',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `
import { cio } from './lib/cio';
export async function onSignup(id: string) {
  cio.track(id, { name: 'signed_up' }).catch(console.error);
}`,
          },
          {
            messageId: 'addAwait',
            output: `
import { cio } from './lib/cio';
export async function onSignup(id: string) {
  await cio.track(id, { name: 'signed_up' });
}`,
          },
        ],
      },
    ],
  },
];

createTypedRuleTester().run('no-floating-sdk-calls (typed)', rule, { valid: typedValid, invalid: typedInvalid });

/** Lints with the rule alone and returns the positions it reports. */
function reports(
  code: string,
  test: Pick<InvalidTestCase<MessageIds, []>, 'filename' | 'settings'>,
): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js', '**/*.cjs'],
        languageOptions: { parser: tsParser },
        plugins: { cdp: { rules: { 'no-floating-sdk-calls': rule as never } } },
        rules: { 'cdp/no-floating-sdk-calls': 'error' },
        settings: test.settings ?? {},
      },
    ],
    path.resolve(test.filename ?? 'file.ts'),
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => `${message.line}:${message.column}`);
}

describe('no-floating-sdk-calls: applying a suggestion', () => {
  const applied = invalid.flatMap((test) =>
    test.errors.flatMap((error) =>
      (error.suggestions ?? []).map((suggestion) => ({ test, error, output: suggestion.output })),
    ),
  );

  it.each(applied.map(({ test, error, output }) => [test.name, test, error, output] as const))(
    '%s: the code parses and that promise is no longer reported',
    (_name, test, error, output) => {
      const before = reports(test.code, test);
      expect(before).toContain(`${error.line}:${error.column}`);
      const after = reports(output, test);
      expect(after.length).toBe(before.length - 1);
    },
  );
});
