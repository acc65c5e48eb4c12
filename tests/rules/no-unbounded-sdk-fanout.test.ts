import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-unbounded-sdk-fanout.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-unbounded-sdk-fanout: a promise-returning SDK call started for every element of a collection
 * at once. The invalid cases cover every iteration shape (map, flatMap, forEach, Array.from, p-map
 * without a limit, lodash, loops that collect un-awaited promises) and every way a client is
 * reached; the valid cases are the paced and bounded look-alikes: sequential loops, `for await`,
 * limiters, chunks, literal arrays, queued clients and deferred callbacks.
 */

type MessageIds = 'unboundedMap' | 'unboundedForEach' | 'unboundedLoop';

const CIO = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
`;

const TRACK_RATE = ' (the API allows about 100 requests per second)';
const TRACK_ALTERNATIVES = ', send in chunks, or use `batch()` to send many records in one request';

const valid: ValidTestCase<[]>[] = [
  {
    name: 'a sequential for … of loop that awaits each call is naturally paced',
    code: `${CIO}
export async function sync(users) {
  for (const user of users) {
    await cio.identify(user.id, { email: user.email });
  }
}`,
  },
  {
    name: 'a for await loop over a cursor',
    code: `${CIO}
export async function sync(cursor) {
  for await (const user of cursor) {
    cio.identify(user.id, { email: user.email });
  }
}`,
  },
  {
    name: 'p-limit around each call',
    code: `${CIO}import pLimit from 'p-limit';
const limit = pLimit(10);
export async function sync(users) {
  await Promise.all(users.map((user) => limit(() => cio.identify(user.id, {}))));
  await Promise.all(users.map((user) => limit(async () => { await cio.track(user.id, { name: 'synced' }); })));
}`,
  },
  {
    name: 'p-map and Bluebird with a concurrency option',
    code: `${CIO}import pMap from 'p-map';
import Bluebird from 'bluebird';
export async function sync(users, options) {
  await pMap(users, (user) => cio.identify(user.id, {}), { concurrency: 5 });
  await Bluebird.map(users, (user) => cio.identify(user.id, {}), { concurrency: 5 });
  await pMap(users, (user) => cio.identify(user.id, {}), options);
}`,
  },
  {
    name: 'Bottleneck schedule and wrap, and a p-queue',
    code: `${CIO}import Bottleneck from 'bottleneck';
import PQueue from 'p-queue';
const limiter = new Bottleneck({ maxConcurrent: 5, minTime: 20 });
const queue = new PQueue({ concurrency: 5 });
const throttledIdentify = limiter.wrap((user) => cio.identify(user.id, {}));
export async function sync(users) {
  await Promise.all(users.map((user) => limiter.schedule(() => cio.identify(user.id, {}))));
  await Promise.all(users.map((user) => throttledIdentify(user)));
  await Promise.all(users.map((user) => queue.add(() => cio.track(user.id, { name: 'synced' }))));
}`,
  },
  {
    name: 'the async library with a limit or in series',
    code: `${CIO}import async from 'async';
export async function sync(users) {
  await async.mapLimit(users, 5, async (user) => cio.identify(user.id, {}));
  await async.eachSeries(users, async (user) => { await cio.identify(user.id, {}); });
}`,
  },
  {
    name: 'chunks: an outer sequential loop over chunk(users, 100) and Promise.all of one chunk',
    code: `${CIO}import { chunk } from 'lodash';
export async function sync(users) {
  for (const group of chunk(users, 100)) {
    await Promise.all(group.map((user) => cio.identify(user.id, {})));
  }
  const chunks = chunk(users, 50);
  for (const part of chunks) await Promise.all(part.map((user) => cio.identify(user.id, {})));
}`,
  },
  {
    name: 'chunks: slice(i, i + n) inside a stepping loop, and a batch variable',
    code: `${CIO}
export async function sync(users, batches) {
  for (let i = 0; i < users.length; i += 100) {
    await Promise.all(users.slice(i, i + 100).map((user) => cio.identify(user.id, {})));
    const page = users.slice(i, i + 100);
    await Promise.all(page.map((user) => cio.track(user.id, { name: 'synced' })));
  }
  for (const batch of batches) await Promise.all(batch.map((user) => cio.identify(user.id, {})));
}`,
  },
  {
    name: 'chunks: an element of a chunk list, and members named as a batch',
    code: `${CIO}
export async function sync(chunks, job) {
  for (let i = 0; i < chunks.length; i++) await Promise.all(chunks[i].map((user) => cio.identify(user.id, {})));
  await Promise.all(job.data.userBatch.map((user) => cio.identify(user.id, {})));
}`,
  },
  {
    name: 'a literal array of a few calls (identify and track together)',
    code: `${CIO}
export async function signup(user) {
  await Promise.all([cio.identify(user.id, { email: user.email }), cio.track(user.id, { name: 'signed_up' })]);
  await Promise.all(['signed_up', 'trial_started'].map((name) => cio.track(user.id, { name })));
  const STEPS = ['welcome', 'onboarding'] as const;
  await Promise.all(STEPS.map((name) => cio.track(user.id, { name })));
  for (const name of ['a', 'b']) cio.track(user.id, { name }).catch(() => {});
  for (let i = 0; i < 3; i++) cio.track(user.id, { name: 'retry' }).catch(() => {});
}`,
  },
  {
    name: 'a queued client (Data Pipelines Analytics) only enqueues: not fan-out',
    code: `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
export function sync(users) {
  users.forEach((user) => analytics.identify({ userId: user.id, traits: { email: user.email } }));
  users.map((user) => analytics.track({ userId: user.id, event: 'Synced' }));
}`,
  },
  {
    name: 'a map that builds the payload of one batch request',
    code: `${CIO}
export async function sync(users) {
  await cio.batch(users.map((user) => ({ type: 'person', identifiers: { id: user.id }, action: 'identify' })));
}`,
  },
  {
    name: 'a map that returns thunks, run later by a bounded runner',
    code: `${CIO}import pAll from 'p-all';
export async function sync(users) {
  const tasks = users.map((user) => () => cio.identify(user.id, {}));
  await pAll(tasks, { concurrency: 5 });
}`,
  },
  {
    name: 'a loop that collects promises but awaits every 50 of them',
    code: `${CIO}
export async function sync(users) {
  let pending = [];
  for (const user of users) {
    pending.push(cio.identify(user.id, {}));
    if (pending.length >= 50) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
}`,
  },
  {
    name: 'a reduce that chains the calls one after another',
    code: `${CIO}
export function sync(users) {
  return users.reduce((previous, user) => previous.then(() => cio.identify(user.id, {})), Promise.resolve());
}`,
  },
  {
    name: 'callbacks that run later: staggered timers and event handlers',
    code: `${CIO}
export function sync(users, emitter) {
  users.forEach((user, i) => setTimeout(() => cio.track(user.id, { name: 'reminder' }), i * 100));
  users.forEach((user) => emitter.once(user.id, () => cio.track(user.id, { name: 'ready' })));
}`,
  },
  {
    name: 'a stream map with a concurrency option',
    code: `${CIO}
export async function sync(readable) {
  await readable.map((user) => cio.identify(user.id, {}), { concurrency: 4 }).toArray();
}`,
  },
  {
    name: 'a loop that returns the first call',
    code: `${CIO}
export function first(users) {
  for (const user of users) {
    if (user.active) return cio.identify(user.id, {});
  }
}`,
  },
  {
    name: 'forEach over work that never calls an SDK',
    code: `${CIO}
export function sync(users, db) {
  users.forEach(async (user) => { await db.save(user); });
  return cio.identify('admin', {});
}`,
  },
  {
    name: 'a helper called once, outside any iteration',
    code: `${CIO}
async function syncOne(user) { await cio.identify(user.id, {}); }
export async function handler(event) { await syncOne(event.user); }`,
  },
  {
    name: 'a client of an unknown module is not resolved',
    code: `import { cio } from './somewhere';
export async function sync(users) { await Promise.all(users.map((user) => cio.identify(user.id, {}))); }`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'the catalog shape: Promise.all(users.map(u => cio.identify(...)))',
    code: `${CIO}
export async function sync(users) {
  await Promise.all(users.map((u) => cio.identify(u.id, { email: u.email })));
}`,
    output: null,
    errors: [
      {
        messageId: 'unboundedMap',
        line: 5,
        column: 27,
        data: { label: 'map', method: 'identify', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES },
      },
    ],
  },
  {
    name: 'forEach with an async callback: nothing waits',
    code: `${CIO}
export async function sync(users) {
  users.forEach(async (u) => {
    await cio.track(u.id, { name: 'synced' });
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'unboundedForEach',
        line: 5,
        column: 9,
        data: { label: 'forEach', method: 'track', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES },
      },
    ],
  },
  {
    name: '.map(async …) whose promises are never awaited, and allSettled over a map through a const',
    code: `${CIO}
export async function sync(users) {
  users.map(async (u) => { await cio.identify(u.id, {}); });
  const results = users.map((u) => cio.track(u.id, { name: 'synced' }));
  return Promise.allSettled(results);
}`,
    output: null,
    errors: [
      { messageId: 'unboundedMap', line: 5, column: 9 },
      { messageId: 'unboundedMap', line: 6, column: 25 },
    ],
  },
  {
    name: 'a for … of loop that pushes un-awaited calls, then Promise.all',
    code: `${CIO}
export async function sync(users) {
  const promises = [];
  for (const user of users) {
    promises.push(cio.identify(user.id, { email: user.email }));
  }
  await Promise.all(promises);
}`,
    output: null,
    errors: [
      {
        messageId: 'unboundedLoop',
        line: 7,
        column: 19,
        data: { method: 'identify', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES },
      },
    ],
  },
  {
    name: 'fire-and-forget in loops: .catch, void, an index loop over .length',
    code: `${CIO}
export function sync(users) {
  for (const user of users) cio.track(user.id, { name: 'synced' }).catch(console.error);
  for (const id in byId) void cio.identify(id, {});
  for (let i = 0; i < users.length; i++) cio.identify(users[i].id, {}).catch(console.error);
}`,
    output: null,
    errors: [
      { messageId: 'unboundedLoop', line: 5, column: 29 },
      { messageId: 'unboundedLoop', line: 6, column: 31 },
      { messageId: 'unboundedLoop', line: 7, column: 42 },
    ],
  },
  {
    name: 'an aliased import and a .then chain inside the callback',
    code: `import { TrackClient as CustomerIO } from 'customerio-node';
const client = new CustomerIO(siteId, apiKey);
export async function sync(users, load) {
  await Promise.all(users.map((u) => load(u).then((attrs) => client.identify(u.id, attrs))));
}`,
    output: null,
    errors: [{ messageId: 'unboundedMap', line: 4, column: 27 }],
  },
  {
    name: 'require with destructuring, and flatMap',
    code: `const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
exports.sync = async (users) => {
  await Promise.all(users.flatMap((u) => [cio.identify(u.id, {}), cio.track(u.id, { name: 'synced' })]));
};`,
    filename: 'sync.js',
    output: null,
    errors: [{ messageId: 'unboundedMap', line: 4, column: 27, data: { label: 'flatMap', method: 'identify', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES } }],
  },
  {
    name: 'require without destructuring, and Array.from',
    code: `const CustomerIO = require('customerio-node');
const cio = new CustomerIO.TrackClient(process.env.SITE_ID, process.env.KEY);
async function sync(set) {
  await Promise.all(Array.from(set, (id) => cio.destroy(id)));
}`,
    filename: 'sync.js',
    output: null,
    errors: [{ messageId: 'unboundedMap', line: 4, column: 27, data: { label: 'Array.from', method: 'destroy', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES } }],
  },
  {
    name: 'a namespace import: broadcasts are limited to one request every 10 seconds',
    code: `import * as CIO from 'customerio-node';
const api = new CIO.APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
export async function notify(accounts) {
  await Promise.all(accounts.map((account) => api.triggerBroadcast(12, { account: account.id })));
}`,
    output: null,
    errors: [
      {
        messageId: 'unboundedMap',
        line: 4,
        column: 30,
        data: {
          label: 'map',
          method: 'triggerBroadcast',
          rate: ' (the API allows one request every 10 seconds)',
          alternatives: ' or send in chunks',
        },
      },
    ],
  },
  {
    name: 'a client in a class field, and a method that calls a helper method',
    code: `import { TrackClient, APIClient, SendEmailRequest } from 'customerio-node';
export class Notifier {
  private cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
  private api = new APIClient(process.env.APP_KEY!);
  async syncAll(users: { id: string }[]) {
    await Promise.all(users.map((u) => this.cio.identify(u.id, {})));
  }
  private async sendOne(user: { email: string }) {
    return this.api.sendEmail(new SendEmailRequest({ to: user.email, transactional_message_id: 3, identifiers: { email: user.email } }));
  }
  async sendAll(users: { email: string }[]) {
    for (const user of users) void this.sendOne(user);
  }
}`,
    output: null,
    errors: [
      { messageId: 'unboundedMap', line: 6, column: 29 },
      {
        messageId: 'unboundedLoop',
        line: 12,
        column: 36,
        data: { method: 'sendEmail', rate: ' (the API allows about 100 requests per second)', alternatives: ' or send in chunks' },
      },
    ],
  },
  {
    name: 'a client from settings.cdp.clients',
    code: `import { cio } from '@/lib/customerio';
export async function sync(users) {
  await Promise.all(users.map((u) => cio.identify(u.id, {})));
}`,
    settings: { cdp: { clients: { '@/lib/customerio': { cio: 'TrackClient' } } } },
    output: null,
    errors: [{ messageId: 'unboundedMap', line: 3, column: 27 }],
  },
  {
    name: 'local wrapper functions: passed to map, called from map, called from a loop',
    code: `${CIO}
async function syncOne(user) {
  const attributes = await loadAttributes(user);
  await cio.identify(user.id, attributes);
}
const notifyOne = async (user) => cio.track(user.id, { name: 'notified' });
export async function sync(users) {
  await Promise.all(users.map(syncOne));
  await Promise.all(users.filter((u) => u.active).map((u) => notifyOne(u)));
  const pending = [];
  for (const user of users) pending.push(syncOne(user));
  await Promise.all(pending);
}`,
    output: null,
    errors: [
      { messageId: 'unboundedMap', line: 10, column: 27 },
      { messageId: 'unboundedMap', line: 11, column: 51 },
      { messageId: 'unboundedLoop', line: 13, column: 42 },
    ],
  },
  {
    name: 'a wrapper declared in settings.cdp.wrappers, called from forEach',
    code: `import { trackEvent } from '@/lib/analytics';
export function replay(events) {
  events.forEach((event) => trackEvent(event.userId, 'replayed', event.data));
}`,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }] } },
    output: null,
    errors: [{ messageId: 'unboundedForEach', line: 3, column: 10 }],
  },
  {
    name: 'p-map and Bluebird without a concurrency option default to unlimited',
    code: `${CIO}import pMap from 'p-map';
import Bluebird from 'bluebird';
export async function sync(users) {
  await pMap(users, (u) => cio.identify(u.id, {}));
  await Bluebird.map(users, (u) => cio.identify(u.id, {}), { concurrency: Infinity });
}`,
    output: null,
    errors: [
      { messageId: 'unboundedMap', line: 6, column: 9, data: { label: 'pMap', method: 'identify', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES } },
      { messageId: 'unboundedMap', line: 7, column: 18, data: { label: 'Bluebird.map', method: 'identify', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES } },
    ],
  },
  {
    name: 'lodash forEach and the async library run everything in parallel',
    code: `${CIO}import _ from 'lodash';
import async from 'async';
export async function sync(users) {
  _.forEach(users, async (u) => { await cio.identify(u.id, {}); });
  await async.each(users, async (u) => { await cio.identify(u.id, {}); });
}`,
    output: null,
    errors: [
      { messageId: 'unboundedForEach', line: 6, column: 5, data: { label: '_.forEach', method: 'identify', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES } },
      { messageId: 'unboundedMap', line: 7, column: 15, data: { label: 'async.each', method: 'identify', rate: TRACK_RATE, alternatives: TRACK_ALTERNATIVES } },
    ],
  },
  {
    name: 'Klaviyo: each method has its own burst and steady limits, and a bulk endpoint',
    code: `import { ApiKeySession, ProfilesApi, EventsApi } from 'klaviyo-api';
const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY!);
const profiles = new ProfilesApi(session);
const events = new EventsApi(session);
export async function sync(people, orders) {
  await Promise.all(people.map((p) => profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: p.email } } })));
  orders.forEach(async (o) => { await events.createEvent(o.payload); });
}`,
    output: null,
    errors: [
      {
        messageId: 'unboundedMap',
        line: 6,
        column: 28,
        data: {
          label: 'map',
          method: 'createOrUpdateProfile',
          rate: ' (this endpoint allows 75 requests per second in bursts and 750 per minute)',
          alternatives: ', send in chunks, or use `bulkImportProfiles()` to send many records in one request',
        },
      },
      {
        messageId: 'unboundedForEach',
        line: 7,
        column: 10,
        data: {
          label: 'forEach',
          method: 'createEvent',
          rate: ' (this endpoint allows 350 requests per second in bursts and 3500 per minute)',
          alternatives: ', send in chunks, or use `bulkCreateEvents()` to send many records in one request',
        },
      },
    ],
  },
  {
    name: 'customerio-node 5 PipelinesClient posts at once: its calls fan out too',
    code: `import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(process.env.CUSTOMERIO_WRITE_KEY!);
export async function sync(users) {
  await Promise.all(users.map((u) => pipelines.identify({ userId: u.id, traits: {} })));
}`,
    output: null,
    errors: [{ messageId: 'unboundedMap', line: 4, column: 27, data: { label: 'map', method: 'identify', rate: '', alternatives: TRACK_ALTERNATIVES } }],
  },
  {
    name: 'a map inside a sequential outer loop is still unbounded when it maps the whole collection',
    code: `${CIO}
export async function sync(accounts) {
  for (const account of accounts) {
    await Promise.all(account.members.map((m) => cio.identify(m.id, {})));
  }
}`,
    output: null,
    errors: [{ messageId: 'unboundedMap', line: 6, column: 39 }],
  },
  {
    name: 'an IIFE and a new Promise executor start the request at once',
    code: `${CIO}
export function sync(users) {
  users.forEach((u) => { (async () => { await cio.identify(u.id, {}); })(); });
  return Promise.all(users.map((u) => new Promise((resolve) => { cio.track(u.id, { name: 'x' }).then(resolve); })));
}`,
    output: null,
    errors: [
      { messageId: 'unboundedForEach', line: 5, column: 9 },
      { messageId: 'unboundedMap', line: 6, column: 28 },
    ],
  },
];

const typedValid: ValidTestCase<[]>[] = [
  {
    name: 'typed: a client from another module, used in a sequential loop',
    code: `import { cio } from './lib/cio';
export async function sync(users: { id: string }[]) {
  for (const user of users) await cio.identify(user.id, {});
}`,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module, fanned out with Promise.all',
    code: `import { cio } from './lib/cio';
export async function sync(users: { id: string }[]) {
  await Promise.all(users.map((user) => cio.identify(user.id, {})));
}`,
    output: null,
    errors: [{ messageId: 'unboundedMap', line: 3, column: 27 }],
  },
];

createRuleTester().run('no-unbounded-sdk-fanout', rule, { valid, invalid });
createTypedRuleTester().run('no-unbounded-sdk-fanout (typed)', rule, { valid: typedValid, invalid: typedInvalid });
