import rule from '../../src/rules/identify-before-track.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const typedRuleTester = createTypedRuleTester();

const cdpSettings = {
  cdp: {
    clients: { './lib/cio': ['cio'] },
    wrappers: [
      { name: 'analytics.identifyUser', calls: 'TrackClient.identify', args: ['0', '1'] },
      { name: 'analytics.trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] },
    ],
  },
};

ruleTester.run('identify-before-track', rule, {
  valid: [
    {
      name: 'a function that only tracks: the person was identified elsewhere (at sign-up)',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function orderPlaced(user, order) {
  await cio.track(user.id, { name: 'order_placed', data: { total: order.total } });
}
`,
    },
    {
      name: 'identify awaited before the track',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  await cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
}
`,
    },
    {
      name: 'the track runs in the .then of the identify',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export function signup(user) {
  return cio
    .identify(user.id, { email: user.email })
    .then(() => cio.track(user.id, { name: 'signed_up' }));
}
`,
    },
    {
      name: 'an awaited identify with a .catch chained still completes first',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  await cio.identify(user.id, { email: user.email }).catch(console.error);
  cio.track(user.id, { name: 'signed_up' }).catch(console.error);
}
`,
    },
    {
      name: 'identify and track of different people',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function invite(inviter, invitee) {
  await cio.track(inviter.id, { name: 'sent_invite' });
  await cio.identify(invitee.id, { email: invitee.email });
  await Promise.all([cio.identify(invitee.id, {}), cio.track(inviter.id, { name: 'invited' })]);
}
`,
    },
    {
      name: 'identify on both branches of an if/else before the track',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function login(user, isNew) {
  if (isNew) {
    await cio.identify(user.id, { email: user.email, created_at: user.createdAt });
  } else {
    await cio.identify(user.id, { last_login: user.loginAt });
  }
  await cio.track(user.id, { name: 'logged_in' });
}
`,
    },
    {
      name: 'identify before a loop that tracks',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function importHistory(user, events) {
  await cio.identify(user.id, { email: user.email });
  for (const event of events) {
    await cio.track(user.id, { name: event.name, data: event.data });
  }
}
`,
    },
    {
      name: 'identify then track for each person of a loop',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function backfill(users) {
  for (const u of users) {
    await cio.identify(u.id, { email: u.email });
    await cio.track(u.id, { name: 'backfilled' });
  }
}
`,
    },
    {
      name: 'a loop that identifies the previous person: the next iteration tracks someone else',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function sync(users) {
  for (const u of users) {
    if (u.isNew) {
      await cio.identify(u.id, { email: u.email });
      continue;
    }
    await cio.track(u.id, { name: 'synced' });
  }
}
`,
    },
    {
      name: 'the same name bound twice: two loop variables are two people',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function run(oldUsers, newUsers) {
  for (const u of oldUsers) await cio.track(u.id, { name: 'migrated' });
  for (const u of newUsers) await cio.identify(u.id, { email: u.email });
}
`,
    },
    {
      name: 'a reassigned variable is not compared',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function run(a, b) {
  let id = a;
  await cio.track(id, { name: 'x' });
  id = b;
  await cio.identify(id, {});
}
`,
    },
    {
      name: 'a track in a callback defined before the identify runs later, on its own code path',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user, emitter) {
  emitter.on('verified', () => cio.track(user.id, { name: 'verified' }));
  setTimeout(async () => { await cio.track(user.id, { name: 'day_one' }); }, 1000);
  await cio.identify(user.id, { email: user.email });
}
`,
    },
    {
      name: 'identify for new people and track for existing ones, on different branches',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function upsert(user, isNew) {
  if (isNew) {
    await cio.identify(user.id, { email: user.email });
  } else {
    await cio.track(user.id, { name: 'profile_viewed' });
  }
}
`,
    },
    {
      name: 'an existing person returns early; new people are identified before their track',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function login(user, existing) {
  if (existing) {
    await cio.track(user.id, { name: 'logged_in' });
    return;
  }
  await cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
}
`,
    },
    {
      name: 'a dispatcher: identify and track in separate switch cases',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function forward(message) {
  switch (message.type) {
    case 'identify':
      await cio.identify(message.userId, message.traits);
      break;
    case 'track':
      await cio.track(message.userId, { name: message.event });
      break;
  }
}
`,
    },
    {
      name: 'a failed identify caught and logged: the track after it is error handling',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  try {
    await cio.identify(user.id, { email: user.email });
  } catch (error) {
    logger.warn(error);
  }
  await cio.track(user.id, { name: 'signed_up' });
}
`,
    },
    {
      name: 'identify in the catch handler as a fallback after a failed track',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function record(user, event) {
  try {
    await cio.track(user.id, event);
  } catch {
    await cio.identify(user.id, { email: user.email });
    await cio.track(user.id, event);
  }
}
`,
    },
    {
      name: 'a retry loop that only leaves once the identify succeeded',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  while (true) {
    try {
      await cio.identify(user.id, { email: user.email });
      break;
    } catch {
      await sleep(1000);
    }
  }
  await cio.track(user.id, { name: 'signed_up' });
}
`,
    },
    {
      name: 'the identify promise kept in a variable and awaited later is not judged',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user, jobs) {
  const identified = cio.identify(user.id, { email: user.email });
  jobs.push(cio.identify(user.id, {}));
  await identified;
  await cio.track(user.id, { name: 'signed_up' });
}
`,
    },
    {
      name: 'an array of awaited calls runs them one after the other',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  const results = [await cio.identify(user.id, {}), await cio.track(user.id, { name: 'signed_up' })];
  return results;
}
`,
    },
    {
      name: 'an awaited Promise.all with the identify completes before a later track',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  await Promise.all([cio.identify(user.id, { email: user.email }), db.save(user)]);
  await cio.track(user.id, { name: 'signed_up' });
}
`,
    },
    {
      name: 'the queued Pipelines client keeps the order of un-awaited calls',
      code: `
import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY });
export function signup(user) {
  analytics.identify({ userId: user.id, traits: { email: user.email } });
  analytics.track({ userId: user.id, event: 'signed_up' });
}
`,
    },
    {
      name: 'an anonymous track before identify is the documented merge flow',
      code: `
import { TrackClient, PipelinesClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
const pipelines = new PipelinesClient(writeKey);
export async function signup(user, anonymousId) {
  await cio.trackAnonymous(anonymousId, { name: 'viewed_pricing' });
  await pipelines.track({ anonymousId, event: 'viewed_pricing' });
  await cio.identify(user.id, { email: user.email, anonymous_id: anonymousId });
  await pipelines.identify({ userId: user.id, anonymousId });
}
`,
    },
    {
      name: 'identify in one product and track in another are not ordered',
      code: `
import { TrackClient } from 'customerio-node';
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const cio = new TrackClient(siteId, apiKey);
const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_KEY));
export async function signup(user) {
  await cio.track(user.id, { name: 'signed_up' });
  await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { externalId: user.id } } });
}
`,
    },
    {
      name: 'a wrapper that identifies and then tracks, called before another track',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
async function onboard(userId, email) {
  await cio.identify(userId, { email });
  await cio.track(userId, { name: 'onboarded' });
}
export async function signup(user) {
  await onboard(user.id, user.email);
  await cio.track(user.id, { name: 'signed_up' });
}
`,
    },
    {
      name: 'an identify whose promise is used in a way that cannot be followed counts as done',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user, flag) {
  const pending = flag ? cio.identify(user.id, {}) : null;
  const started = !cio.identify(user.id, {});
  cio.identify(user.id, {}).then;
  (cio.identify(user.id, {}) || fallback).then(log);
  queue.add(cio.identify(user.id, {}) as Promise<unknown>);
  await cio.track(user.id, { name: 'signed_up' });
  return [pending, started];
}
`,
    },
    {
      name: 'an identify after a return never runs',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  await cio.track(user.id, { name: 'signed_up' });
  return;
  await cio.identify(user.id, {});
}
`,
    },
    {
      name: 'a track in a finally block misses the identify only when the try block threw',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  try {
    await prepare(user);
    await cio.identify(user.id, { email: user.email });
  } finally {
    await cio.track(user.id, { name: 'signup_attempted' });
  }
}
`,
    },
    {
      name: 'look-alike clients of other libraries are not SDK calls',
      code: `
import { TrackClient } from 'customerio-node';
import Mixpanel from 'mixpanel';
const mixpanel = Mixpanel.init(token);
const segment = { track() {}, identify() {} };
export async function signup(user) {
  mixpanel.track('signed_up', { distinct_id: user.id });
  segment.track(user.id, {});
  segment.identify(user.id, {});
}
`,
    },
    {
      name: 'a client imported from another module is unknown without types or settings',
      code: `
import { cio } from './clients';
export async function signup(user) {
  await cio.track(user.id, { name: 'signed_up' });
  await cio.identify(user.id, { email: user.email });
}
`,
    },
    {
      name: 'a file that mentions no SDK',
      code: `
export async function signup(user) {
  await client.track(user.id, { name: 'signed_up' });
  await client.identify(user.id, {});
}
`,
    },
    {
      name: 'unusual call shapes do not throw: spreads, computed methods, optional calls',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function odd(args, user, key, other) {
  await cio.track(...args);
  await cio['track'](user[key], { name: 'x' });
  await cio.identify?.(user[other], {});
  await cio.track(getId(), { name: 'y' });
  await cio.identify(await lookup(user), {});
  await cio.track({ id: user.id }, {});
}
`,
    },
  ],
  invalid: [
    {
      name: 'catalog: the track comes before the identify',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  await cio.track(user.id, { name: 'signed_up' });
  await cio.identify(user.id, { email: user.email });
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 5, column: 9 }],
    },
    {
      name: 'catalog: the identify happens only on one path',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(id, attrs, isNew) {
  if (isNew) await cio.identify(id, attrs);
  await cio.track(id, { name: 'signed_up' });
}
`,
      output: null,
      errors: [{ messageId: 'identifyOnSomePaths', line: 6, column: 9 }],
    },
    {
      name: 'identify and track started together in Promise.all',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  await Promise.all([
    cio.identify(user.id, { email: user.email }),
    cio.track(user.id, { name: 'signed_up' }),
  ]);
}
`,
      output: null,
      errors: [{ messageId: 'identifyConcurrent', line: 7, column: 5, data: { person: "'user.id'", where: 'in Promise.all' } }],
    },
    {
      name: 'an array built first and handed to Promise.allSettled, with .catch on each call',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  const jobs = [
    cio.track(user.id, { name: 'signed_up' }).catch(report),
    cio.identify(user.id, { email: user.email }).catch(report),
  ];
  await Promise.allSettled(jobs);
}
`,
      output: null,
      errors: [{ messageId: 'identifyConcurrent', line: 6, column: 5, data: { person: "'user.id'", where: 'in Promise.allSettled' } }],
    },
    {
      name: 'Promise.race and an array that is not handed to a combinator',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function a(id) {
  await Promise.race([cio.identify(id, {}), cio.track(id, { name: 'x' }), timeout(5000)]);
}
export function b(id) {
  return [cio.identify(id, {}), cio.track(id, { name: 'x' })];
}
`,
      output: null,
      errors: [
        { messageId: 'identifyConcurrent', line: 5, column: 45, data: { person: "'id'", where: 'in Promise.race' } },
        { messageId: 'identifyConcurrent', line: 8, column: 33, data: { person: "'id'", where: 'in the same array' } },
      ],
    },
    {
      name: 'an un-awaited identify followed by an awaited track',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'signed_up' });
}
`,
      output: null,
      errors: [{ messageId: 'identifyNotAwaited', line: 6, column: 9, data: { person: "'user.id'" } }],
    },
    {
      name: 'fire-and-forget identify and track in a request handler (.catch and void)',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  cio.identify(user.id, { email: user.email }).catch(console.error);
  cio.track(user.id, { name: 'signed_up' }).catch(console.error);
  void cio.identify(user.id, { plan: user.plan });
  res.json(user);
});
`,
      output: null,
      errors: [{ messageId: 'identifyNotAwaited', line: 7, column: 3 }],
    },
    {
      name: 'an identify with a .then that nobody awaits, in a .then chain of the caller',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export function signup(user) {
  cio.identify(user.id, { email: user.email }).then(() => logger.info('identified'));
  return cio.track(user.id, { name: 'signed_up' }).then(() => user);
}
`,
      output: null,
      errors: [{ messageId: 'identifyNotAwaited', line: 6, column: 10 }],
    },
    {
      name: 'an identify left running on one path only',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function login(user, isNew) {
  isNew && cio.identify(user.id, { email: user.email });
  await cio.track(user.id, { name: 'logged_in' });
}
`,
      output: null,
      errors: [{ messageId: 'identifyNotAwaited', line: 6, column: 9 }],
    },
    {
      name: 'an identify left running inside a conditional or a sequence expression',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function a(user, flag) {
  flag ? cio.identify(user.id, {}) : undefined;
  await cio.track(user.id, { name: 'x' });
}
export async function b(user) {
  (cio.identify(user.id, {}), log('identify sent'));
  await cio.track(user.id, { name: 'x' });
}
export async function c(user) {
  (log('sending'), cio.identify(user.id, {})!);
  await cio.track(user.id, { name: 'x' });
}
`,
      output: null,
      errors: [
        { messageId: 'identifyNotAwaited', line: 6, column: 9 },
        { messageId: 'identifyNotAwaited', line: 10, column: 9 },
        { messageId: 'identifyNotAwaited', line: 14, column: 9 },
      ],
    },
    {
      name: 'arrays started together but handed to something other than a promise combinator',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function a(id) {
  await runAll([cio.identify(id, {}) as Promise<unknown>, cio.track(id, { name: 'x' })]);
}
export function b(id) {
  const started = [cio.identify(id, {}), cio.track(id, { name: 'x' })];
  return started;
}
`,
      output: null,
      errors: [
        { messageId: 'identifyConcurrent', line: 5, column: 59, data: { person: "'id'", where: 'in the same array' } },
        { messageId: 'identifyConcurrent', line: 8, column: 42, data: { person: "'id'", where: 'in the same array' } },
      ],
    },
    {
      name: 'this-members and literal ids compare by value; other literals are not compared',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export class Job {
  userId = '42';
  async run() {
    await cio.track(this.userId, { name: 'job_ran' });
    await cio.identify(this.userId, {});
    await cio.track('42', { name: 'job_ran' });
    await cio.identify(42, {});
    await cio.track(true, { name: 'job_ran' });
    await cio.identify(true, {});
  }
}
`,
      output: null,
      errors: [
        { messageId: 'trackBeforeIdentify', line: 7, column: 11, data: { person: "'this.userId'" } },
        { messageId: 'trackBeforeIdentify', line: 9, column: 11, data: { person: "'42'" } },
      ],
    },
    {
      name: 'aliased named import',
      code: `
import { TrackClient as CustomerIO } from 'customerio-node';
const customerio = new CustomerIO(siteId, apiKey);
export async function signup(user) {
  await customerio.track(user.id, { name: 'signed_up' });
  await customerio.identify(user.id, { email: user.email });
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 5, column: 9, data: { person: "'user.id'" } }],
    },
    {
      name: 'namespace import',
      code: `
import * as customerio from 'customerio-node';
const cio = new customerio.TrackClient(siteId, apiKey, { region: customerio.RegionEU });
export async function signup(user) {
  await cio.track(user.id, { name: 'signed_up' });
  await cio.identify(user.id, { email: user.email });
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 5, column: 9 }],
    },
    {
      name: 'require without destructuring',
      code: `
const CIO = require('customerio-node');
const cio = new CIO.TrackClient(siteId, apiKey);
async function signup(user) {
  await cio.track(user.id, { name: 'signed_up' });
  await cio.identify(user.id, { email: user.email });
}
module.exports = { signup };
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 5, column: 9 }],
    },
    {
      name: 'require with destructuring and a rename',
      code: `
const { TrackClient: Tracker } = require('customerio-node');
const tracker = new Tracker(siteId, apiKey);
exports.signup = async function (user) {
  await tracker.track(user.id, { name: 'signed_up' });
  await tracker.identify(user.id, { email: user.email });
};
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 5, column: 9 }],
    },
    {
      name: 'a client in a class field and a constructor parameter property',
      code: `
import { TrackClient } from 'customerio-node';
export class UserService {
  private cio = new TrackClient(siteId, apiKey);
  constructor(private readonly tracker: TrackClient) {}
  async signup(user: User) {
    await this.cio.track(user.id, { name: 'signed_up' });
    await this.cio.identify(user.id, { email: user.email });
  }
  handler = async (user: User) => {
    this.tracker.identify(user.id, {});
    await this.tracker.track(user.id, { name: 'handled' });
  };
}
`,
      output: null,
      errors: [
        { messageId: 'trackBeforeIdentify', line: 7, column: 11 },
        { messageId: 'identifyNotAwaited', line: 12, column: 11 },
      ],
    },
    {
      name: 'a client declared in settings.cdp.clients',
      code: `
import { cio } from './lib/cio';
export async function signup(user) {
  await cio.track(user.id, { name: 'signed_up' });
  await cio.identify(user.id, { email: user.email });
}
`,
      settings: cdpSettings,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 4, column: 9 }],
    },
    {
      name: 'Pipelines payloads compare their userId',
      code: `
import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(writeKey);
export async function signup(user, userId) {
  await pipelines.track({ userId: user.id, event: 'signed_up' });
  await pipelines.identify({ userId: user.id, traits: { email: user.email } });
  pipelines.identify({ userId, traits: {} });
  await pipelines.track({ userId, event: 'verified' });
}
`,
      output: null,
      errors: [
        { messageId: 'trackBeforeIdentify', line: 5, column: 9 },
        { messageId: 'identifyNotAwaited', line: 8, column: 9, data: { person: "'userId'" } },
      ],
    },
    {
      name: 'the ids are compared after removing !, as, String(), toString() and template literals',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function a(user?: User) {
  await cio.track(String(user!.id), { name: 'x' });
  await cio.identify((user?.id as string), {});
}
export async function b(user: User) {
  await cio.track(\`\${user.id}\`, { name: 'x' });
  await cio.identify(user.id.toString(), {});
}
export async function c(req: Request) {
  await cio.track(req.params['userId'], { name: 'x' });
  await cio.identify(req.params.userId, {});
}
`,
      output: null,
      errors: [
        { messageId: 'trackBeforeIdentify', line: 5, column: 9, data: { person: "'user!.id'" } },
        { messageId: 'trackBeforeIdentify', line: 9, column: 9 },
        { messageId: 'trackBeforeIdentify', line: 13, column: 9 },
      ],
    },
    {
      name: 'local wrapper functions: the call sites are the calls',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
async function identifyUser(id, attributes) {
  await cio.identify(id, attributes);
}
function trackEvent(id, name, data) {
  return cio.track(id, { name, data });
}
export async function signup(user) {
  await trackEvent(user.id, 'signed_up', {});
  await identifyUser(user.id, { email: user.email });
}
export async function verify(user) {
  identifyUser(user.id, { verified: true });
  await trackEvent(user.id, 'verified', {});
}
`,
      output: null,
      errors: [
        { messageId: 'trackBeforeIdentify', line: 11, column: 9 },
        { messageId: 'identifyNotAwaited', line: 16, column: 9 },
      ],
    },
    {
      name: 'a wrapper that tracks before it identifies is reported inside, not at its call sites',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
async function onboard(userId, email) {
  await cio.track(userId, { name: 'onboarded' });
  await cio.identify(userId, { email });
}
export async function signup(user) {
  await onboard(user.id, user.email);
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 5, column: 9, data: { person: "'userId'" } }],
    },
    {
      name: 'wrappers declared in settings.cdp.wrappers',
      code: `
import { analytics } from './analytics';
export async function signup(user) {
  await analytics.trackEvent(user.id, { name: 'signed_up' });
  await analytics.identifyUser(user.id, { email: user.email });
}
`,
      settings: cdpSettings,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 4, column: 9 }],
    },
    {
      name: 'a loop that tracks each person before identifying them',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function importUsers(users) {
  for (const u of users) {
    await cio.track(u.id, { name: 'imported' });
    await cio.identify(u.id, { email: u.email });
  }
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 6, column: 11, data: { person: "'u.id'" } }],
    },
    {
      name: 'events tracked in a loop before the identify after it',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function replay(user, events) {
  let i = 0;
  while (i < events.length) {
    await cio.track(user.id, events[i++]);
  }
  await cio.identify(user.id, { email: user.email });
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 7, column: 11 }],
    },
    {
      name: 'a loop that identifies only on its first iteration',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function replay(user, events) {
  for (let i = 0; i < events.length; i++) {
    if (i === 0) await cio.identify(user.id, { email: user.email });
    await cio.track(user.id, events[i]);
  }
}
`,
      output: null,
      errors: [{ messageId: 'identifyOnSomePaths', line: 7, column: 11 }],
    },
    {
      name: 'inside a try block the order still matters',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  try {
    await cio.track(user.id, { name: 'signed_up' });
    await cio.identify(user.id, { email: user.email });
  } catch (error) {
    logger.error(error);
  } finally {
    await flushLogs();
  }
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 6, column: 11 }],
    },
    {
      name: 'an early return guard does not hide the order after it',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function signup(user) {
  if (!user) return;
  await cio.track(user.id, { name: 'signed_up' });
  if (!user.email) return;
  await cio.identify(user.id, { email: user.email });
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 6, column: 9 }],
    },
    {
      name: 'a switch case that falls through from an identify',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
export async function handle(kind, id) {
  switch (kind) {
    case 'signup':
      await cio.identify(id, {});
    case 'login':
      await cio.track(id, { name: kind });
  }
}
`,
      output: null,
      errors: [{ messageId: 'identifyOnSomePaths', line: 9, column: 13 }],
    },
    {
      name: 'Klaviyo: an event before the profile is created',
      code: `
import { ApiKeySession, EventsApi, ProfilesApi } from 'klaviyo-api';
const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY);
const events = new EventsApi(session);
const profiles = new ProfilesApi(session);
export async function signup(user) {
  await events.createEvent({
    data: {
      type: 'event',
      attributes: {
        properties: {},
        metric: { data: { type: 'metric', attributes: { name: 'Signed Up' } } },
        profile: { data: { type: 'profile', attributes: { externalId: user.id } } },
      },
    },
  });
  await profiles.createProfile({ data: { type: 'profile', attributes: { externalId: user.id, email: user.email } } });
}
`,
      output: null,
      errors: [{ messageId: 'trackBeforeIdentify', line: 7, column: 9 }],
    },
    {
      name: 'module scope with top-level await and a class static block',
      code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, apiKey);
await cio.track('system', { name: 'deployed' });
await cio.identify('system', {});
class Seed {
  static {
    cio.identify(SEED_ID, {});
    cio.track(SEED_ID, { name: 'seeded' });
  }
}
`,
      output: null,
      errors: [
        { messageId: 'trackBeforeIdentify', line: 4, column: 7, data: { person: "'system'" } },
        { messageId: 'identifyNotAwaited', line: 9, column: 5 },
      ],
    },
  ],
});

typedRuleTester.run('identify-before-track (typed)', rule, {
  valid: [
    {
      name: 'typed: the queued Pipelines client exported from another module keeps order',
      code: `
import { analytics } from './lib/cio';
export function signup(userId: string) {
  analytics.identify({ userId, traits: {} });
  analytics.track({ userId, event: 'signed_up' });
}
`,
    },
    {
      name: 'typed: identify awaited before the track on a client from another module',
      code: `
import { cio } from './lib/cio';
export async function signup(userId: string) {
  await cio.identify(userId, {});
  await cio.track(userId, { name: 'signed_up' });
}
`,
    },
  ],
  invalid: [
    {
      name: 'typed: a client exported from another module',
      code: `
import { cio } from './lib/cio';
export async function signup(userId: string) {
  void cio.identify(userId, {});
  await cio.track(userId, { name: 'signed_up' });
}
export async function late(userId: string) {
  await cio.track(userId, { name: 'signed_up' });
  await cio.identify(userId, {});
}
`,
      output: null,
      errors: [
        { messageId: 'identifyNotAwaited', line: 5, column: 9 },
        { messageId: 'trackBeforeIdentify', line: 8, column: 9 },
      ],
    },
  ],
});
