import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-identify-email.js';
import { lintWith } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * require-identify-email: an identify whose attributes are an object literal (in the call or in a
 * local binding nothing changes) without `email`. Silent whenever the keys cannot all be seen:
 * spreads, computed keys, objects built elsewhere, bindings written to or handed to other code.
 */

type MessageIds = 'missingEmail' | 'missingAttributes';
type Options = [{ requiredAttributes?: string[] }];

const CIO = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, trackKey);
`;
const ANALYTICS = `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey });
`;
const KLAVIYO = `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(privateKey));
`;

const settingsClients = { cdp: { clients: { './lib/cio': ['cio', 'analytics'] } } };
const settingsWrappers = {
  cdp: { wrappers: [{ name: 'people.upsert', calls: 'TrackClient.identify', args: ['0', '1'] }] },
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'attributes with email: written out, shorthand, quoted key, through a const',
    code: `${CIO}await cio.identify(user.id, { email: user.email, created_at: nowSec() });
await cio.identify(user.id, { email });
await cio.identify(user.id, { 'email': user.email });
const attrs = { email: user.email, plan: user.plan };
await cio.identify(user.id, attrs);`,
  },
  {
    name: 'Data Pipelines traits and Klaviyo profile attributes with email',
    code: `${ANALYTICS}${KLAVIYO}analytics.identify({ userId: user.id, traits: { email: user.email, plan } });
const traits = { email };
analytics.identify({ userId: user.id, traits });
await profiles.createProfile({ data: { type: 'profile', attributes: { email: user.email, firstName } } });`,
  },
  // ---- Keys the rule cannot all see ----
  {
    name: 'a spread may carry the email',
    code: `${CIO}await cio.identify(user.id, { ...profile, plan: 'pro' });
await cio.identify(user.id, { plan: 'pro', ...(user.email ? { email: user.email } : {}) });
const attrs = { ...base, plan };
await cio.identify(user.id, attrs);`,
  },
  {
    name: 'a computed key may be email',
    code: `${CIO}await cio.identify(user.id, { [field]: value });`,
  },
  {
    name: 'attributes built elsewhere: a parameter, a call, a property, a conditional',
    code: `${CIO}export async function sync(user, attrs) {
  await cio.identify(user.id, attrs);
  await cio.identify(user.id, toAttributes(user));
  await cio.identify(user.id, user.attributes);
  await cio.identify(user.id, isNew ? { email: user.email } : {});
}`,
  },
  {
    name: 'a binding written to or handed to other code afterwards',
    code: `${CIO}const attrs = { name: user.name };
if (user.email) attrs.email = user.email;
await cio.identify(user.id, attrs);
const more = { name: user.name };
Object.assign(more, extra);
await cio.identify(user.id, more);
const third = { plan };
addDefaults(third);
await cio.identify(user.id, third);
let fourth = { plan };
fourth = { ...fourth, email };
await cio.identify(user.id, fourth);
const fifth = { plan };
fifth['email'] = email;
await cio.identify(user.id, fifth);`,
  },
  // ---- Near-misses ----
  {
    name: 'identified by the email itself (no-email-as-identifier reports that)',
    code: `${CIO}await cio.identify(user.email, { plan: user.plan });`,
  },
  {
    name: 'identify calls without attributes, and Pipelines identify without traits',
    code: `${CIO}${ANALYTICS}await cio.identify(user.id);
analytics.identify({ userId: user.id });`,
  },
  {
    name: 'track, page and group calls are not identify calls',
    code: `${CIO}${ANALYTICS}await cio.track(user.id, { name: 'plan_changed', data: { plan } });
analytics.group({ userId: user.id, groupId: team.id, traits: { name: team.name } });
analytics.page({ userId: user.id, name: 'Pricing' });`,
  },
  {
    name: 'Klaviyo updateProfile takes the Klaviyo profile id and a partial body',
    code: `${KLAVIYO}await profiles.updateProfile(profileId, { data: { type: 'profile', id: profileId, attributes: { firstName } } });`,
  },
  {
    name: 'identify methods of things that are not an SDK client',
    code: `${CIO}await db.identify(user.id, { plan });
await mixpanel.people.identify(user.id, {});`,
  },
  {
    name: 'a local wrapper: its own attributes are a parameter, and its caller sends email',
    code: `${CIO}function identifyUser(id, attrs) { return cio.identify(id, attrs); }
await identifyUser(user.id, { email: user.email, plan: 'free' });`,
  },
  {
    name: 'requiredAttributes: every configured attribute present',
    code: `${CIO}await cio.identify(user.id, { email: user.email, first_name: user.firstName });`,
    options: [{ requiredAttributes: ['email', 'first_name'] }],
  },
  {
    name: 'requiredAttributes: an empty list turns the check off',
    code: `${CIO}await cio.identify(user.id, { plan });`,
    options: [{ requiredAttributes: [] }],
  },
  {
    name: 'requiredAttributes: another attribute instead of email',
    code: `${CIO}await cio.identify(user.id, { phone: user.phone });`,
    options: [{ requiredAttributes: ['phone'] }],
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // ---- The catalog's wrong code ----
  {
    name: 'catalog: attributes written in the call without email',
    code: `${CIO}await cio.identify(user.id, { name: user.name, plan: user.plan, created_at: nowSec() });`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 3, column: 29 }],
  },
  {
    name: 'an empty attributes object',
    code: `${CIO}await cio.identify(req.body.id, {});`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 3, column: 33 }],
  },
  {
    name: 'attributes in a local const, only read afterwards (logged, members read, spread)',
    code: `${CIO}const attrs = { name: user.name, plan: user.plan };
logger.info('identify', attrs);
console.debug(JSON.stringify(attrs), attrs.plan);
const copy = { ...attrs };
await cio.identify(user.id, attrs as Record<string, unknown>);`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 7, column: 29 }],
  },
  {
    name: 'a later duplicate key does not add email, a spread before the keys is overridden',
    code: `${CIO}await cio.identify(user.id, { plan: 'free', plan: 'pro' });`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 3, column: 29 }],
  },
  {
    name: 'Data Pipelines traits without email: in the call and through a const',
    code: `${ANALYTICS}analytics.identify({ userId: user.id, traits: { plan: user.plan } });
const traits = { name: user.name };
analytics.identify({ userId: user.id, traits });`,
    output: null,
    errors: [
      { messageId: 'missingEmail', line: 3, column: 47 },
      { messageId: 'missingEmail', line: 5, column: 39 },
    ],
  },
  {
    name: "customerio-node's PipelinesClient",
    code: `import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(writeKey);
await pipelines.identify({ userId: user.id, traits: { plan } });`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 3, column: 53 }],
  },
  {
    name: 'a Klaviyo profile created without email',
    code: `${KLAVIYO}await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { externalId: user.id, firstName } } });`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 3, column: 77 }],
  },
  // ---- Options ----
  {
    name: 'requiredAttributes: another missing attribute',
    code: `${CIO}await cio.identify(user.id, { email: user.email });`,
    options: [{ requiredAttributes: ['email', 'first_name'] }],
    output: null,
    errors: [{ messageId: 'missingAttributes', line: 3, column: 29 }],
  },
  {
    name: 'requiredAttributes: several missing attributes, including email',
    code: `${CIO}await cio.identify(user.id, { plan });`,
    options: [{ requiredAttributes: ['email', 'first_name'] }],
    output: null,
    errors: [{ messageId: 'missingAttributes', line: 3, column: 29 }],
  },
  // ---- How the client is found ----
  {
    name: 'an aliased import, require with and without destructuring, a namespace import',
    code: `import { TrackClient as CIO } from 'customerio-node';
import * as customerio from 'customerio-node';
const { TrackClient } = require('customerio-node');
const lib = require('customerio-node');
new CIO(s, k).identify(id, { plan });
new customerio.TrackClient(s, k).identify(id, { plan });
new TrackClient(s, k).identify(id, { plan });
new lib.TrackClient(s, k).identify(id, { plan });`,
    output: null,
    errors: [
      { messageId: 'missingEmail', line: 5, column: 28 },
      { messageId: 'missingEmail', line: 6, column: 47 },
      { messageId: 'missingEmail', line: 7, column: 36 },
      { messageId: 'missingEmail', line: 8, column: 40 },
    ],
  },
  {
    name: 'a client in a class field',
    code: `import { TrackClient } from 'customerio-node';
export class People {
  private readonly cio = new TrackClient(siteId, trackKey);
  upgrade(user) { return this.cio.identify(user.id, { plan: 'pro' }); }
}`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 4, column: 53 }],
  },
  {
    name: 'clients from settings.cdp.clients',
    code: `import { cio, analytics } from './lib/cio';
await cio.identify(user.id, { plan });
analytics.identify({ userId: user.id, traits: { plan } });`,
    settings: settingsClients,
    output: null,
    errors: [
      { messageId: 'missingEmail', line: 2, column: 29 },
      { messageId: 'missingEmail', line: 3, column: 47 },
    ],
  },
  // ---- Wrappers ----
  {
    name: 'a local wrapper: reported where the attributes are written',
    code: `${CIO}function identifyUser(id, attrs) { return cio.identify(id, attrs); }
await identifyUser(user.id, { plan: 'free' });`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 4, column: 29 }],
  },
  {
    name: 'a wrapper that writes the attributes itself is reported inside it',
    code: `${CIO}const upgrade = (user) => cio.identify(user.id, { plan: 'pro', upgraded_at: nowSec() });
upgrade(current);`,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 3, column: 49 }],
  },
  {
    name: 'wrappers from settings.cdp.wrappers',
    code: `import { people } from './lib/people';
await people.upsert(user.id, { plan });`,
    settings: settingsWrappers,
    output: null,
    errors: [{ messageId: 'missingEmail', line: 2, column: 30 }],
  },
  // ---- async/await and .then chains ----
  {
    name: 'in an async route handler and a .then chain',
    code: `${CIO}app.post('/plan', async (req, res) => {
  const user = await db.users.update(req.user.id, { plan: req.body.plan });
  await cio.identify(user.id, { plan: user.plan });
  res.sendStatus(204);
});
db.users.find(id).then((user) => cio.identify(user.id, { last_seen_at: nowSec() }));`,
    output: null,
    errors: [
      { messageId: 'missingEmail', line: 5, column: 31 },
      { messageId: 'missingEmail', line: 8, column: 56 },
    ],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'typed: clients exported from another module',
    code: `import { cio, analytics } from './lib/cio';
export async function upgrade(user: { id: string }) {
  await cio.identify(user.id, { plan: 'pro' });
  analytics.identify({ userId: user.id, traits: { plan: 'pro' } });
}`,
    output: null,
    errors: [
      { messageId: 'missingEmail', line: 3, column: 31 },
      { messageId: 'missingEmail', line: 4, column: 49 },
    ],
  },
];

const typedValid: ValidTestCase<Options>[] = [
  {
    name: 'typed: an imported client with email in the attributes',
    code: `import { cio } from './lib/cio';
export async function signup(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email });
}`,
  },
];

createRuleTester().run('require-identify-email', rule, { valid, invalid });
createTypedRuleTester().run('require-identify-email (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describe('require-identify-email: messages say what, why and how', () => {
  const base = { name: '', code: '', errors: [] } as InvalidTestCase<MessageIds, Options>;
  it('explains the missing email', () => {
    const [message] = lintWith('require-identify-email', rule, `${CIO}cio.identify(id, { plan });`, base);
    expect(message.message).toBe(
      'This `identify()` sends attributes without `email`: a person created this way has no address, so email campaigns, newsletters and transactional emails sent by person skip them. Add `email` to the attributes, or disable the rule for calls that only update people who already have one.',
    );
  });
  it('lists every missing configured attribute', () => {
    const [message] = lintWith('require-identify-email', rule, `${CIO}cio.identify(id, { plan });`, {
      ...base,
      options: [{ requiredAttributes: ['email', 'first_name'] }],
    });
    expect(message.message).toContain('without `email`, `first_name`, which this project requires');
  });
});
