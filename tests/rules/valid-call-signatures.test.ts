import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../src/rules/valid-call-signatures.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * valid-call-signatures: what JavaScript lets through and customerio-node does not survive. An
 * object where the person id goes (it becomes "[object Object]"), a bare event name where the
 * event object goes, missing and extra arguments, and customerio-node 2.x's one-argument
 * `trackAnonymous(data)` on 3.x and later. The installed major is read per project, so the
 * 2.x shape is fine in a 2.x project.
 */

type MessageIds = 'objectAsId' | 'legacyShape' | 'notAnObject' | 'tooFew' | 'tooMany' | 'moveIdOut' | 'wrapInObject';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdp-signatures-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return path.join(root, 'src', 'events.js');
}
const v2File = project({
  'node_modules/customerio-node/package.json': JSON.stringify({ name: 'customerio-node', version: '2.1.1' }),
});
const v4RangeFile = project({ 'package.json': JSON.stringify({ dependencies: { 'customerio-node': '^4.0.0' } }) });
const unknownFile = project({});

const CIO = `import { TrackClient, APIClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);
const api = new APIClient(process.env.APP_KEY);
`;

const valid: ValidTestCase<[]>[] = [
  {
    name: 'every documented shape, with optional arguments given and left out',
    code: `${CIO}await cio.identify(user.id);
await cio.identify(user.id, { email: user.email });
await cio.track(user.id, { name: 'signed_up', data: { plan } });
await cio.trackAnonymous(anonymousId, { name: 'viewed_pricing' });
await cio.trackPageView(user.id, '/pricing');
await cio.destroy(user.id);
await cio.suppress(user.id);
await cio.addDevice(user.id, token, 'ios');
await cio.addDevice(user.id, token, 'ios', { last_used: now });
await cio.mergeCustomers('id', keep.id, 'email', drop.email);
await cio.trackPush();
await cio.getAccountRegion();
await api.getAttributes(user.id);
await api.getAttributes(user.email, 'email');
await api.triggerBroadcast(12);
await api.triggerBroadcast(12, { promo }, { ids });
await api.sendEmail(request);`,
  },
  {
    name: 'Data Pipelines clients take one payload object (and a callback) by design',
    code: `
import { PipelinesClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
const pipelines = new PipelinesClient(process.env.WRITE_KEY);
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY });
await pipelines.identify({ userId: user.id, traits: { email } });
analytics.track({ userId: user.id, event: 'Signed Up' }, (err) => log(err));
analytics.identify({ userId: user.id });`,
  },
  {
    name: 'a value of unknown origin in the id slot is not assumed to be an object',
    code: `${CIO}export async function sync(user, event, EVENT) {
  await cio.identify(user, { email: 'a@example.com' });
  await cio.track(user.id, event);
  await cio.track(user.id, EVENT);
}`,
  },
  {
    name: 'an event object bound to a const is fine',
    code: `${CIO}const event = { name: 'signed_up', data: { plan: 'pro' } };
await cio.track(user.id, event);`,
  },
  {
    name: 'a wrapper that reads the id from the object it is given',
    code: `${CIO}function identifyUser(user) {
  return cio.identify(user.id, { email: user.email });
}
function trackFor({ id, name }) {
  return cio.track(id, { name });
}
await identifyUser({ id: 1, email: 'a@example.com' });
await trackFor({ id: 1, name: 'signed_up' });`,
  },
  {
    name: 'spread arguments and unlisted App API methods: counts unknown',
    code: `${CIO}await cio.track(...args);
await cio.identify(id, ...rest);
await api.listExports(1, 2, 3);`,
  },
  {
    name: 'a client whose class is guessed from settings (an array of names) is not checked',
    code: `
import { cio } from './lib/cio';
cio.identify({ userId: 'u1', traits: {} }, () => {});
cio.track('u1');`,
    settings: { cdp: { clients: { './lib/cio': ['cio'] } } },
  },
  {
    name: 'look-alike positional APIs of other libraries',
    code: `${CIO}mixpanel.track('Signed Up');
posthog.identify({ distinctId: 'u1' });
segment.track({ userId: 'u1', event: 'x' }, done);`,
  },
  {
    name: 'customerio-node 2.x: trackAnonymous(data) is the right shape there',
    code: `
const CIO = require('customerio-node');
const cio = new CIO(process.env.SITE_ID, process.env.TRACK_KEY);
cio.trackAnonymous({ name: 'invited', data: { recipient: 'a@example.com' } });`,
    filename: v2File,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: identify({ id, email }) in JavaScript',
    code: `${CIO}await cio.identify({ id: user.id, email: user.email });`,
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        data: {
          method: 'identify',
          role: 'person id',
          position: 'first',
          consequence: 'the call acts on one bogus person with that id instead of the real one',
        },
        line: 4,
        column: 20,
        suggestions: [
          {
            messageId: 'moveIdOut',
            data: { key: 'id', role: 'person id' },
            output: `${CIO}await cio.identify(user.id, { email: user.email });`,
          },
        ],
      },
    ],
  },
  {
    name: 'catalog: track({ id, name, data }) also throws for want of the event object',
    code: `${CIO}await cio.track({ id, name: 'order_placed', data: { total } });`,
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        data: {
          method: 'track',
          role: 'person id',
          position: 'first',
          consequence: 'and with nothing after it, the call throws before sending',
        },
        line: 4,
        column: 17,
        suggestions: [
          {
            messageId: 'moveIdOut',
            output: `${CIO}await cio.track(id, { name: 'order_placed', data: { total } });`,
          },
        ],
      },
    ],
  },
  {
    name: 'identify({ id }) alone becomes identify(id)',
    code: `${CIO}cio.identify({ id: (audit(), user.id) }).catch(report);`,
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        line: 4,
        column: 14,
        suggestions: [{ messageId: 'moveIdOut', output: `${CIO}cio.identify((audit(), user.id)).catch(report);` }],
      },
    ],
  },
  {
    name: 'objects the suggestion cannot rewrite: no id key, a spread, a duplicate, a second argument, track({ id })',
    code: `${CIO}await cio.identify({ email, created_at: now });
await cio.identify({ id, ...attributes });
await cio.identify({ id: a, id: b });
await cio.identify({ id, email }, { plan });
await cio.track({ id });
await cio.identify({ [key]: id });`,
    output: null,
    errors: [
      { messageId: 'objectAsId', line: 4, column: 20, suggestions: [] },
      { messageId: 'objectAsId', line: 5, column: 20, suggestions: [] },
      { messageId: 'objectAsId', line: 6, column: 20, suggestions: [] },
      { messageId: 'objectAsId', line: 7, column: 20, suggestions: [] },
      { messageId: 'objectAsId', line: 8, column: 17, suggestions: [] },
      { messageId: 'objectAsId', line: 9, column: 20, suggestions: [] },
    ],
  },
  {
    name: 'a const bound to an object in the id slot, and other id slots (destroy, mergeCustomers, getAttributes)',
    code: `${CIO}const person = { id: user.id, email: user.email };
await cio.identify(person);
await cio.destroy({ id: user.id });
await cio.mergeCustomers('id', { id: keep }, 'id', drop);
await api.getAttributes({ id: user.id });`,
    output: null,
    errors: [
      { messageId: 'objectAsId', line: 5, column: 20, suggestions: [] },
      { messageId: 'objectAsId', line: 6, column: 19, suggestions: [] },
      {
        messageId: 'objectAsId',
        data: { method: 'mergeCustomers', role: 'person id', position: 'second', consequence: 'the call acts on one bogus person with that id instead of the real one' },
        line: 7,
        column: 32,
        suggestions: [],
      },
      { messageId: 'objectAsId', line: 8, column: 25, suggestions: [] },
    ],
  },
  {
    name: 'an object as the anonymous id of trackAnonymous',
    code: `${CIO}await cio.trackAnonymous({ anonymous_id: anon }, { name: 'viewed' });`,
    output: null,
    errors: [{ messageId: 'objectAsId', data: { method: 'trackAnonymous', role: 'anonymous id', position: 'first', consequence: 'the call acts on one bogus person with that id instead of the real one' }, line: 4, column: 26, suggestions: [] }],
  },
  {
    name: 'an object as the profile id of Klaviyo’s updateProfile',
    code: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY));
await profiles.updateProfile({ id: profileId }, body);`,
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        data: {
          method: 'updateProfile',
          role: 'person id',
          position: 'first',
          consequence: 'the call acts on one bogus person with that id instead of the real one',
        },
        line: 4,
        column: 30,
        suggestions: [],
      },
    ],
  },
  {
    name: 'require without destructuring, a namespace import, and an aliased import',
    code: `
const customerio = require('customerio-node');
import * as ns from 'customerio-node';
import { TrackClient as Track } from 'customerio-node';
const a = new customerio.TrackClient(s, k);
const b = new ns.TrackClient(s, k);
const c = new Track(s, k);
a.identify({ id: 1, plan: 'pro' });
b.track({ id: 2, name: 'x' });
c.destroy({ id: 3 });`,
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        line: 8,
        column: 12,
        suggestions: [
          {
            messageId: 'moveIdOut',
            output: `
const customerio = require('customerio-node');
import * as ns from 'customerio-node';
import { TrackClient as Track } from 'customerio-node';
const a = new customerio.TrackClient(s, k);
const b = new ns.TrackClient(s, k);
const c = new Track(s, k);
a.identify(1, { plan: 'pro' });
b.track({ id: 2, name: 'x' });
c.destroy({ id: 3 });`,
          },
        ],
      },
      {
        messageId: 'objectAsId',
        line: 9,
        column: 9,
        suggestions: [
          {
            messageId: 'moveIdOut',
            output: `
const customerio = require('customerio-node');
import * as ns from 'customerio-node';
import { TrackClient as Track } from 'customerio-node';
const a = new customerio.TrackClient(s, k);
const b = new ns.TrackClient(s, k);
const c = new Track(s, k);
a.identify({ id: 1, plan: 'pro' });
b.track(2, { name: 'x' });
c.destroy({ id: 3 });`,
          },
        ],
      },
      { messageId: 'objectAsId', line: 10, column: 11, suggestions: [] },
    ],
  },
  {
    name: 'a client in a class field, and the 2.x default-export client',
    code: `
const CIO = require('customerio-node');
class Profiles {
  cio = new CIO(process.env.SITE_ID, process.env.TRACK_KEY);
  save(user) { return this.cio.identify({ id: user.id, email: user.email }); }
}`,
    filename: 'src/profiles.js',
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        line: 5,
        column: 41,
        suggestions: [
          {
            messageId: 'moveIdOut',
            output: `
const CIO = require('customerio-node');
class Profiles {
  cio = new CIO(process.env.SITE_ID, process.env.TRACK_KEY);
  save(user) { return this.cio.identify(user.id, { email: user.email }); }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'wrappers: an object written where the wrapper forwards the person id',
    code: `${CIO}function identifyUser(id, attributes) {
  return cio.identify(id, attributes);
}
await identifyUser({ id: 1 }, { email });
await trackEvent({ id: 2 }, 'signed_up', {});`,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }] } },
    output: null,
    errors: [
      { messageId: 'objectAsId', line: 7, column: 20, suggestions: [] },
      { messageId: 'objectAsId', line: 8, column: 18, suggestions: [] },
    ],
  },
  {
    name: 'a bare event name where the event object goes, with and without properties',
    code: `${CIO}const EVENT = 'signed_up';
await cio.track(user.id, 'signed_up');
await cio.track(user.id, 'order_placed', { total });
await cio.trackAnonymous(anon, \`viewed\`);
await cio.track(user.id, EVENT);`,
    output: null,
    errors: [
      {
        messageId: 'notAnObject',
        data: { method: 'track', position: 'second', key: 'name', kind: 'a string' },
        line: 5,
        column: 26,
        suggestions: [
          {
            messageId: 'wrapInObject',
            data: { keys: 'name: …', position: 'second' },
            output: `${CIO}const EVENT = 'signed_up';
await cio.track(user.id, { name: 'signed_up' });
await cio.track(user.id, 'order_placed', { total });
await cio.trackAnonymous(anon, \`viewed\`);
await cio.track(user.id, EVENT);`,
          },
        ],
      },
      {
        messageId: 'notAnObject',
        line: 6,
        column: 26,
        suggestions: [
          {
            messageId: 'wrapInObject',
            data: { keys: 'name: …, data: …', position: 'second' },
            output: `${CIO}const EVENT = 'signed_up';
await cio.track(user.id, 'signed_up');
await cio.track(user.id, { name: 'order_placed', data: { total } });
await cio.trackAnonymous(anon, \`viewed\`);
await cio.track(user.id, EVENT);`,
          },
        ],
      },
      {
        messageId: 'notAnObject',
        line: 7,
        column: 32,
        suggestions: [
          {
            messageId: 'wrapInObject',
            output: `${CIO}const EVENT = 'signed_up';
await cio.track(user.id, 'signed_up');
await cio.track(user.id, 'order_placed', { total });
await cio.trackAnonymous(anon, { name: \`viewed\` });
await cio.track(user.id, EVENT);`,
          },
        ],
      },
      {
        messageId: 'notAnObject',
        line: 8,
        column: 26,
        suggestions: [
          {
            messageId: 'wrapInObject',
            output: `${CIO}const EVENT = 'signed_up';
await cio.track(user.id, 'signed_up');
await cio.track(user.id, 'order_placed', { total });
await cio.trackAnonymous(anon, \`viewed\`);
await cio.track(user.id, { name: EVENT });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a bare value followed by more than the properties: reported, no suggestion',
    code: `${CIO}await cio.track(user.id, 42, { total }, done);`,
    output: null,
    errors: [{ messageId: 'notAnObject', data: { method: 'track', position: 'second', key: 'name', kind: 'a number' }, line: 4, column: 26, suggestions: [] }],
  },
  {
    name: 'too few arguments',
    code: `${CIO}await cio.track(user.id);
await cio.identify();
await cio.trackPageView(user.id);
await cio.addDevice(user.id, token);
await api.sendEmail();`,
    output: null,
    errors: [
      {
        messageId: 'tooFew',
        data: { method: 'track', expected: 'exactly 2 arguments', count: '1' },
        line: 4,
        column: 7,
      },
      { messageId: 'tooFew', data: { method: 'identify', expected: '1 or 2 arguments', count: 'none' }, line: 5, column: 7 },
      { messageId: 'tooFew', line: 6, column: 7 },
      { messageId: 'tooFew', data: { method: 'addDevice', expected: '3 or 4 arguments', count: '2' }, line: 7, column: 7 },
      { messageId: 'tooFew', line: 8, column: 7 },
    ],
  },
  {
    name: 'too many arguments: a callback and extra data that are ignored',
    code: `${CIO}cio.identify(user.id, { email }, (err) => log(err));
await cio.destroy(user.id, { reason: 'gdpr' });
await api.getCustomersByEmail(email, { limit: 1 });
await api.triggerBroadcast(12, {}, { ids }, { priority: 1 });
await cio.getAccountRegion('eu');`,
    output: null,
    errors: [
      {
        messageId: 'tooMany',
        data: { method: 'identify', expected: '1 or 2 arguments', count: '3' },
        line: 4,
        column: 34,
      },
      { messageId: 'tooMany', data: { method: 'destroy', expected: 'exactly 1 argument', count: '2' }, line: 5, column: 28 },
      { messageId: 'tooMany', line: 6, column: 38 },
      { messageId: 'tooMany', data: { method: 'triggerBroadcast', expected: '1 to 3 arguments', count: '4' }, line: 7, column: 45 },
      { messageId: 'tooMany', data: { method: 'getAccountRegion', expected: 'no arguments', count: '1' }, line: 8, column: 28 },
    ],
  },
  {
    name: 'async/await and .then chains',
    code: `
import { TrackClient } from 'customerio-node';
async function getCio() { return new TrackClient(s, k); }
getCio().then((cio) => cio.track(user.id));
export async function run() {
  const cio = await getCio();
  await cio.identify({ id: 1 });
}`,
    output: null,
    errors: [
      { messageId: 'tooFew', line: 4, column: 24 },
      {
        messageId: 'objectAsId',
        line: 7,
        column: 22,
        suggestions: [
          {
            messageId: 'moveIdOut',
            output: `
import { TrackClient } from 'customerio-node';
async function getCio() { return new TrackClient(s, k); }
getCio().then((cio) => cio.track(user.id));
export async function run() {
  const cio = await getCio();
  await cio.identify(1);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client from settings.cdp.clients with its class',
    code: `
import { cio } from '../lib/cio.js';
export const onSignup = (user) => cio.identify({ id: user.id, email: user.email });`,
    settings: { cdp: { clients: { './lib/cio': { cio: 'TrackClient' } } } },
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        line: 3,
        column: 48,
        suggestions: [
          {
            messageId: 'moveIdOut',
            output: `
import { cio } from '../lib/cio.js';
export const onSignup = (user) => cio.identify(user.id, { email: user.email });`,
          },
        ],
      },
    ],
  },
  {
    name: 'trackAnonymous(data) on the installed 5.x: the id moves out when the object has one',
    code: `${CIO}await cio.trackAnonymous({ anonymous_id: anon, name: 'viewed_pricing' });
await cio.trackAnonymous({ name: 'invited', data: { recipient: email } });`,
    output: null,
    errors: [
      {
        messageId: 'legacyShape',
        data: {
          method: 'trackAnonymous',
          count: '1 argument',
          sdk: 'customerio-node',
          range: 'before 3.0',
          installed: '5.2.0 is installed',
          expected: 'exactly 2 arguments',
          role: 'anonymous id',
        },
        line: 4,
        column: 7,
        suggestions: [
          {
            messageId: 'moveIdOut',
            data: { key: 'anonymous_id', role: 'anonymous id' },
            output: `${CIO}await cio.trackAnonymous(anon, { name: 'viewed_pricing' });
await cio.trackAnonymous({ name: 'invited', data: { recipient: email } });`,
          },
        ],
      },
      { messageId: 'legacyShape', line: 5, column: 7, suggestions: [] },
    ],
  },
  {
    name: 'trackAnonymous(data) where package.json asks for 4.x',
    code: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);
cio.trackAnonymous({ name: 'viewed' });`,
    filename: v4RangeFile,
    output: null,
    errors: [
      {
        messageId: 'legacyShape',
        data: {
          method: 'trackAnonymous',
          count: '1 argument',
          sdk: 'customerio-node',
          range: 'before 3.0',
          installed: 'package.json asks for 4.x or later',
          expected: 'exactly 2 arguments',
          role: 'anonymous id',
        },
        line: 4,
        column: 1,
        suggestions: [],
      },
    ],
  },
  {
    name: 'trackAnonymous(data) where the version cannot be read: the current major is assumed',
    code: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);
cio.trackAnonymous({ name: 'viewed' });`,
    filename: unknownFile,
    output: null,
    errors: [
      {
        messageId: 'legacyShape',
        data: {
          method: 'trackAnonymous',
          count: '1 argument',
          sdk: 'customerio-node',
          range: 'before 3.0',
          installed: 'the installed version could not be read (the current one is assumed)',
          expected: 'exactly 2 arguments',
          role: 'anonymous id',
        },
        line: 4,
        column: 1,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a 2.x project still gets the checks that hold on every major',
    code: `
const CIO = require('customerio-node');
const cio = new CIO(process.env.SITE_ID, process.env.TRACK_KEY);
cio.identify({ id: 1, email: 'a@example.com' });`,
    filename: v2File,
    output: null,
    errors: [
      {
        messageId: 'objectAsId',
        line: 4,
        column: 14,
        suggestions: [
          {
            messageId: 'moveIdOut',
            output: `
const CIO = require('customerio-node');
const cio = new CIO(process.env.SITE_ID, process.env.TRACK_KEY);
cio.identify(1, { email: 'a@example.com' });`,
          },
        ],
      },
    ],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module',
    code: `
import { cio } from './lib/cio';
export async function onSignup(id: string) {
  await cio.track(id);
}`,
    output: null,
    errors: [{ messageId: 'tooFew', data: { method: 'track', expected: 'exactly 2 arguments', count: '1' }, line: 4, column: 9 }],
  },
];

createRuleTester().run('valid-call-signatures', rule, { valid, invalid });
createTypedRuleTester().run('valid-call-signatures (typed)', rule, { valid: [], invalid: typedInvalid });
describeFixSafety('valid-call-signatures', rule, invalid);
