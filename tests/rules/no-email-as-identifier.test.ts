import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-email-as-identifier.js';
import { describeFixSafety, lintWith } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-email-as-identifier: an email address where an SDK call takes the person id. The invalid
 * cases cover the catalog's calls, each way an email reaches the id (a name, a literal, a binding,
 * a renamed destructuring, a fallback, re-casing) and each way a client is found; the valid cases
 * are the places an email belongs (attributes, transactional `identifiers.email`, recipients,
 * look-ups by email, calls that state the identifier kind) and hashes of an email.
 */

type MessageIds = 'emailAsId' | 'useEmailIdentifier';

const CIO = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, trackKey);
`;
const API = `import { APIClient, SendEmailRequest, IdentifierType } from 'customerio-node';
const api = new APIClient(appKey);
`;
const ANALYTICS = `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey });
`;
const KLAVIYO = `import { ApiKeySession, ProfilesApi, EventsApi } from 'klaviyo-api';
const session = new ApiKeySession(privateKey);
const profiles = new ProfilesApi(session);
const events = new EventsApi(session);
`;

const settingsClients = { cdp: { clients: { './lib/cio': ['cio', 'analytics'] } } };
const settingsWrappers = {
  cdp: {
    wrappers: [
      { name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] },
      { name: 'people.upsert', calls: 'TrackClient.identify', args: ['0', '1'] },
      { name: 'lookup', calls: 'APIClient.getAttributes', args: ['0', '1'] },
    ],
  },
};

const valid: ValidTestCase<[]>[] = [
  // ---- The catalog's right code ----
  {
    name: 'the database id as the person id, the email as an attribute',
    code: `${CIO}await cio.identify(user.id, { email: user.email, created_at: nowSec() });
await cio.track(user.id, { name: 'signed_up', data: { email: user.email } });
await cio.destroy(user.id);
await cio.suppress(user.id);`,
  },
  {
    name: 'Data Pipelines: userId is the database id, the email is a trait',
    code: `${ANALYTICS}analytics.identify({ userId: user.id, traits: { email: body.email } });
analytics.track({ userId: user.id, event: 'Order Completed', properties: { email: body.email } });`,
  },
  // ---- Places an email belongs ----
  {
    name: 'a transactional send identified by email (documented, often the only option for guests)',
    code: `${API}await api.sendEmail(new SendEmailRequest({
  to: order.email,
  identifiers: { email: order.email },
  transactional_message_id: 'receipt',
}));
const request = new SendEmailRequest({ to: email, identifiers: { email }, transactional_message_id: 3 });`,
  },
  {
    name: 'look-ups by email and recipients are emails by design',
    code: `${API}await api.getCustomersByEmail(email);
await api.getCustomersByEmail(req.body.email);
await api.triggerBroadcast(12, { headline: 'Hi' }, { emails: [user.email] });`,
  },
  {
    name: 'calls that state the identifier kind: by email on purpose',
    code: `${API}import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, trackKey);
await api.getAttributes(user.email, 'email');
await api.getAttributes(user.email, IdentifierType.Email);
await api.getCustomerMessages(user.email, { idType: 'email', limit: 10 });
await api.getCustomerMessages(user.email, options);
await cio.mergeCustomers('email', primary.email, 'email', duplicate.email);
await cio.mergeCustomers(IdentifierType.Email, keep.email, IdentifierType.Email, drop.email);`,
  },
  {
    name: 'a wrapper that passes the identifier kind on',
    code: `${API}function attributesOf(email, idType) { return api.getAttributes(email, idType); }
function byEmail(email) { return api.getAttributes(email, 'email'); }
await attributesOf(user.email, 'email');
await byEmail(user.email);`,
  },
  {
    name: 'a declared wrapper given the identifier kind',
    code: `import { lookup } from './lib/people';
await lookup(user.email, 'email');`,
    settings: settingsWrappers,
  },
  {
    name: 'Klaviyo profiles keyed by email, with the database id as the external id',
    code: `${KLAVIYO}await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: user.email, externalId: user.id } } });
await events.createEvent({ data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
  profile: { data: { type: 'profile', attributes: { email: order.email } } },
} } });`,
  },
  // ---- Hashed emails ----
  {
    name: 'hashed emails: hash helpers, node:crypto chains, Web Crypto and hashed names',
    code: `${CIO}import { createHash } from 'node:crypto';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
await cio.identify(sha256(user.email), { email: user.email });
await cio.identify(createHash('sha256').update(email.toLowerCase()).digest('hex'), {});
await cio.identify(hashEmail(email), {});
await cio.identify(user.emailHash, {});
await cio.identify(hashed_email, {});
await cio.identify(await crypto.subtle.digest('SHA-256', bytes), {});
const id = md5(email);
await cio.identify(id, {});
const email2 = await sha256(req.body.email);
await cio.identify(email2, {});`,
  },
  // ---- Near-misses a naive rule would flag ----
  {
    name: 'names that mention email but are not an address',
    code: `${CIO}await cio.identify(user.emailId, {});
await cio.identify(user.emails, {});
await cio.identify(emailCount, {});
await cio.identify(isEmail, {});
await cio.identify(user.email_domain, {});
await cio.identify(voicemail, {});
await cio.identify(user.email.split('@')[0], {});`,
  },
  {
    name: 'Customer.io internal ids, prefixed ids and other strings',
    code: `${CIO}await cio.identify(\`cio_\${person.cioId}\`, { email: person.email });
await cio.identify(\`user-\${user.id}\`, {});
await cio.identify('anonymous', {});
await cio.identify('@handle', {});
await cio.track(\`team:\${team.id}\`, { name: 'x' });`,
  },
  {
    name: 'an id with an email only as a fallback, or on one branch, is left alone',
    code: `${CIO}await cio.identify(user.id ?? user.email, {});
await cio.identify(isGuest ? email : user.id, {});
await cio.identify(user.email && user.id, {});`,
  },
  {
    name: 'an anonymous id is not the person id',
    code: `${CIO}await cio.trackAnonymous(anonymousId, { name: 'viewed', data: { email } });`,
  },
  {
    name: 'identify methods of things that are not an SDK client',
    code: `${CIO}await db.users.identify(user.email);
await logger.track(user.email, { name: 'x' });
await mixpanel.identify(user.email);
async function destroy(email) { await db.users.delete(email); }`,
  },
  {
    name: 'no SDK in the file',
    code: `analytics.identify({ userId: user.email });
cio.destroy(email);`,
  },
  {
    name: 'a local wrapper called with the database id',
    code: `${CIO}function identifyUser(id, attrs) { return cio.identify(id, attrs); }
await identifyUser(user.id, { email: user.email });`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  // ---- The catalog's wrong code ----
  {
    name: 'catalog: identify(user.email, ...)',
    code: `${CIO}await cio.identify(user.email, { email: user.email, plan: user.plan });`,
    output: null,
    errors: [{ messageId: 'emailAsId', line: 3, column: 20, suggestions: [] }],
  },
  {
    name: 'catalog: destroy(email) and suppress(email) with a parameter named email',
    code: `${CIO}export async function forget(email: string) {
  await cio.destroy(email);
  await cio.suppress(email);
  await cio.unsuppress(email);
}`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 4, column: 21 },
      { messageId: 'emailAsId', line: 5, column: 22 },
      { messageId: 'emailAsId', line: 6, column: 24 },
    ],
  },
  {
    name: 'catalog: Data Pipelines userId: body.email',
    code: `${ANALYTICS}analytics.identify({ userId: body.email, traits: { email: body.email } });
analytics.track({ userId: body.email, event: 'Order Completed' });
analytics.alias({ userId: body.email, previousId: anonymousId });`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 3, column: 30 },
      { messageId: 'emailAsId', line: 4, column: 27 },
      { messageId: 'emailAsId', line: 5, column: 27 },
    ],
  },
  {
    name: "customerio-node's PipelinesClient, and the other Track API calls with a person id",
    code: `import { PipelinesClient, TrackClient } from 'customerio-node';
const pipelines = new PipelinesClient(writeKey);
const cio = new TrackClient(siteId, trackKey);
await pipelines.identify({ userId: req.body.email, traits: {} });
await cio.track(user.email, { name: 'order_placed' });
await cio.trackPageView(customer.emailAddress, '/pricing');
await cio.addDevice(account.email_address, deviceId, 'ios');
await cio.deleteDevice(member.userEmail, deviceId);`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 4, column: 36 },
      { messageId: 'emailAsId', line: 5, column: 17 },
      { messageId: 'emailAsId', line: 6, column: 25 },
      { messageId: 'emailAsId', line: 7, column: 21 },
      { messageId: 'emailAsId', line: 8, column: 24 },
    ],
  },
  {
    name: 'App API look-ups by id given an email (no identifier kind stated)',
    code: `${API}await api.getAttributes(user.email);
await api.getCustomerMessages(user.email, { limit: 10 });`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 3, column: 25 },
      { messageId: 'emailAsId', line: 4, column: 31 },
    ],
  },
  // ---- How an email reaches the id ----
  {
    name: 'a literal address and an address built in a template',
    code: `${CIO}await cio.identify('jane@example.com', {});
await cio.identify(\`\${handle}@example.com\`, {});
await cio.identify(\`\${user.email}\`, {});`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 3, column: 20 },
      { messageId: 'emailAsId', line: 4, column: 20 },
      { messageId: 'emailAsId', line: 5, column: 20 },
    ],
  },
  {
    name: 'through bindings: a const, a re-cased value, a renamed destructuring, a default',
    code: `${CIO}const id = user.email.toLowerCase().trim();
await cio.identify(id, {});
const { email: userId } = req.body;
await cio.identify(userId, {});
const personId = String(req.body.email);
await cio.identify(personId, {});
function handler({ email: customerId = '' }) { return cio.identify(customerId, {}); }`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 4, column: 20 },
      { messageId: 'emailAsId', line: 6, column: 20 },
      { messageId: 'emailAsId', line: 8, column: 20 },
      { messageId: 'emailAsId', line: 9, column: 68 },
    ],
  },
  {
    name: 'an email with a fallback, in both branches, behind assertions',
    code: `${CIO}await cio.identify(user.email || '', {});
await cio.identify(user.email ?? anonymousId, {});
await cio.identify(isWork ? user.workEmail : user.personalEmail, {});
await cio.identify(user!.email as string, {});
await cio.identify(user?.email, {});`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 3, column: 20 },
      { messageId: 'emailAsId', line: 4, column: 20 },
      { messageId: 'emailAsId', line: 5, column: 20 },
      { messageId: 'emailAsId', line: 6, column: 20 },
      { messageId: 'emailAsId', line: 7, column: 20 },
    ],
  },
  // ---- Transactional and Klaviyo: a mechanical suggestion where the SDK has an email key ----
  {
    name: 'transactional identifiers.id given an email: suggest identifiers.email',
    code: `${API}await api.sendEmail(new SendEmailRequest({
  to: user.email,
  identifiers: { id: user.email },
  transactional_message_id: 'welcome',
}));`,
    output: null,
    errors: [
      {
        messageId: 'emailAsId',
        line: 5,
        column: 22,
        suggestions: [
          {
            messageId: 'useEmailIdentifier',
            output: `${API}await api.sendEmail(new SendEmailRequest({
  to: user.email,
  identifiers: { email: user.email },
  transactional_message_id: 'welcome',
}));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a shorthand identifiers: { id } holding an email keeps its value',
    code: `${API}const id = req.body.email;
const request = new SendEmailRequest({ to: id, identifiers: { id }, transactional_message_id: 2 });`,
    output: null,
    errors: [
      {
        messageId: 'emailAsId',
        line: 4,
        column: 63,
        suggestions: [
          {
            messageId: 'useEmailIdentifier',
            output: `${API}const id = req.body.email;
const request = new SendEmailRequest({ to: id, identifiers: { email: id }, transactional_message_id: 2 });`,
          },
        ],
      },
    ],
  },
  {
    name: 'Klaviyo externalId given an email: suggest the email key, unless it is there already',
    code: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { externalId: user.email } } });
await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: user.email, externalId: user.email } } });`,
    output: null,
    errors: [
      {
        messageId: 'emailAsId',
        line: 5,
        column: 83,
        suggestions: [
          {
            messageId: 'useEmailIdentifier',
            output: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { email: user.email } } });
await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: user.email, externalId: user.email } } });`,
          },
        ],
      },
      { messageId: 'emailAsId', line: 6, column: 110, suggestions: [] },
    ],
  },
  {
    name: 'Klaviyo event profile externalId given an email',
    code: `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
  profile: { data: { type: 'profile', attributes: { externalId: order.customerEmail } } },
} } });`,
    output: null,
    errors: [
      {
        messageId: 'emailAsId',
        line: 8,
        column: 65,
        suggestions: [
          {
            messageId: 'useEmailIdentifier',
            output: `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
  profile: { data: { type: 'profile', attributes: { email: order.customerEmail } } },
} } });`,
          },
        ],
      },
    ],
  },
  // ---- How the client is found ----
  {
    name: 'an aliased import',
    code: `import { TrackClient as CustomerIO } from 'customerio-node';
const customerio = new CustomerIO(siteId, trackKey);
await customerio.identify(user.email, {});`,
    output: null,
    errors: [{ messageId: 'emailAsId', line: 3, column: 27 }],
  },
  {
    name: 'require with and without destructuring, and a namespace import',
    code: `const { TrackClient } = require('customerio-node');
const CIO = require('customerio-node');
import * as customerio from 'customerio-node';
const a = new TrackClient(siteId, trackKey);
const b = new CIO.TrackClient(siteId, trackKey);
const c = new customerio.TrackClient(siteId, trackKey);
a.identify(user.email, {});
b.destroy(user.email);
c.suppress(user.email);`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 7, column: 12 },
      { messageId: 'emailAsId', line: 8, column: 11 },
      { messageId: 'emailAsId', line: 9, column: 12 },
    ],
  },
  {
    name: 'a client in a class field and in a constructor parameter property',
    code: `import { TrackClient } from 'customerio-node';
export class People {
  private readonly cio = new TrackClient(siteId, trackKey);
  constructor(private readonly tracker: TrackClient) {}
  subscribe(email: string) { return this.cio.identify(email, { email }); }
  unsubscribe(email: string) { return this.tracker.suppress(email); }
}`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 5, column: 55 },
      { messageId: 'emailAsId', line: 6, column: 61 },
    ],
  },
  {
    name: 'clients from settings.cdp.clients',
    code: `import { cio, analytics } from './lib/cio';
await cio.identify(req.body.email, {});
analytics.identify({ userId: req.body.email });`,
    settings: settingsClients,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 2, column: 20 },
      { messageId: 'emailAsId', line: 3, column: 30 },
    ],
  },
  // ---- Wrappers ----
  {
    name: 'a local wrapper: reported where the email is passed',
    code: `${CIO}function identifyUser(id, attrs) { return cio.identify(id, attrs); }
const remove = async (personId) => { await cio.destroy(personId); };
await identifyUser(req.body.email, { plan: 'free' });
await remove(user.email);`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 5, column: 20 },
      { messageId: 'emailAsId', line: 6, column: 14 },
    ],
  },
  {
    name: 'a wrapper that reads the email itself is reported once, inside it',
    code: `${CIO}function sync(user) { return cio.identify(user.email, { plan: user.plan }); }
sync({ email: req.body.email, plan: 'pro' });
sync(current);`,
    output: null,
    errors: [{ messageId: 'emailAsId', line: 3, column: 43 }],
  },
  {
    name: 'an exported wrapper with a parameter named email and no caller in the file',
    code: `${CIO}export async function subscribeToNewsletter(email: string) {
  await cio.identify(email, { email, newsletter: true });
}`,
    output: null,
    errors: [{ messageId: 'emailAsId', line: 4, column: 22 }],
  },
  {
    name: 'wrappers from settings.cdp.wrappers',
    code: `import { trackEvent, people, lookup } from './lib/tracking';
await trackEvent(user.email, 'signed_up', {});
await people.upsert(user.email, { plan });
await lookup(user.email);`,
    settings: settingsWrappers,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 2, column: 18 },
      { messageId: 'emailAsId', line: 3, column: 21 },
      { messageId: 'emailAsId', line: 4, column: 14 },
    ],
  },
  // ---- async/await and .then chains ----
  {
    name: 'a user loaded with await, then identified by email',
    code: `${CIO}app.post('/signup', async (req, res) => {
  const user = await db.users.create(req.body);
  await cio.identify(user.email, { email: user.email, created_at: nowSec() });
  res.sendStatus(201);
});`,
    output: null,
    errors: [{ messageId: 'emailAsId', line: 5, column: 22 }],
  },
  {
    name: 'a .then chain and a client from an async factory',
    code: `import { TrackClient } from 'customerio-node';
async function client() { return new TrackClient(siteId, trackKey); }
db.users.find(id).then((user) => cio.identify(user.email, {}));
const cio = new TrackClient(siteId, trackKey);
client().then((c) => c.destroy(user.email));
const c2 = await client();
await c2.suppress(user.email);`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 3, column: 47 },
      { messageId: 'emailAsId', line: 5, column: 32 },
      { messageId: 'emailAsId', line: 7, column: 19 },
    ],
  },
];

const typedValid: ValidTestCase<[]>[] = [
  {
    name: 'typed: an imported client identified by the database id',
    code: `import { cio, analytics } from './lib/cio';
export async function sync(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email });
  analytics.identify({ userId: user.id, traits: { email: user.email } });
}`,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: clients exported from another module',
    code: `import { cio, analytics } from './lib/cio';
export async function sync(user: { id: string; email: string }) {
  await cio.identify(user.email, {});
  analytics.identify({ userId: user.email });
}`,
    output: null,
    errors: [
      { messageId: 'emailAsId', line: 3, column: 22 },
      { messageId: 'emailAsId', line: 4, column: 32 },
    ],
  },
];

createRuleTester().run('no-email-as-identifier', rule, { valid, invalid });
createTypedRuleTester().run('no-email-as-identifier (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describeFixSafety('no-email-as-identifier', rule, invalid);

describe('no-email-as-identifier: messages say what, why and how', () => {
  const noOptions = { name: '', code: '', errors: [] } as InvalidTestCase<MessageIds, []>;
  it('names the expression and the method', () => {
    const [message] = lintWith('no-email-as-identifier', rule, `${CIO}cio.identify(user.email, {});`, noOptions);
    expect(message.message).toBe(
      "`user.email` is used as the person id of `identify()`, but it is an email address: people change their email, and the new address then starts a second profile without the history, segments and subscriptions of the first. Identify people by an id that never changes (your database's user id) and send the email as an attribute.",
    );
  });
  it('does not print a literal address', () => {
    const [message] = lintWith('no-email-as-identifier', rule, `${CIO}cio.destroy('jane.doe@example.com');`, noOptions);
    expect(message.message).toMatch(/^This literal is used as the person id of `destroy\(\)`/);
    expect(message.message).not.toContain('jane.doe');
  });
  it('names the request class for transactional sends', () => {
    const [message] = lintWith(
      'no-email-as-identifier',
      rule,
      `${API}new SendEmailRequest({ to: email, identifiers: { id: email }, transactional_message_id: 1 });`,
      noOptions,
    );
    expect(message.message).toContain('the person id of `new SendEmailRequest(…)`');
  });
});
