import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../src/rules/no-ignored-payload-keys.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-ignored-payload-keys: klaviyo-api 6+ builds each request body from its models and copies only
 * the camelCase attributes they list. A key written as its wire name (`unique_id`, `phone_number`)
 * is dropped without an error. Free-form objects (`properties`) go out as written, and 5.x sent
 * the raw object, so snake_case was right there.
 */

type MessageIds = 'ignored' | 'ignoredDuplicate' | 'rename' | 'remove';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function projectWith(version: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdp-klaviyo-'));
  roots.push(root);
  mkdirSync(path.join(root, 'node_modules', 'klaviyo-api'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'klaviyo-api', 'package.json'), JSON.stringify({ name: 'klaviyo-api', version }));
  return path.join(root, 'src', 'klaviyo.js');
}
const v5File = projectWith('5.1.0');
const v6File = projectWith('6.0.1');

const KLAVIYO = `import { ApiKeySession, EventsApi, ProfilesApi, ListsApi } from 'klaviyo-api';
const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY);
const profiles = new ProfilesApi(session);
const events = new EventsApi(session);
const lists = new ListsApi(session);
`;

const ignored = (key: string, attribute: string, method: string) => ({
  messageId: 'ignored' as const,
  data: { key, attribute, method, sdk: 'Klaviyo (klaviyo-api)' },
});

const valid: ValidTestCase<[]>[] = [
  {
    name: 'camelCase attributes everywhere the models have them',
    code: `${KLAVIYO}await profiles.createProfile({
  data: {
    type: 'profile',
    attributes: { email, phoneNumber: '+15005550006', externalId: user.id, firstName: 'Ada', location: { zip: '10001', ip } },
  },
});
await events.createEvent({
  data: {
    type: 'event',
    attributes: {
      properties: { order_id: order.id },
      uniqueId: order.id,
      valueCurrency: 'USD',
      metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
      profile: { data: { type: 'profile', attributes: { externalId: user.id, phoneNumber: user.phone } } },
    },
  },
});`,
  },
  {
    name: 'free-form properties keep their keys, snake_case or wire names included',
    code: `${KLAVIYO}await events.createEvent({
  data: {
    type: 'event',
    attributes: {
      properties: { unique_id: 'sku-1', first_name: 'Ada', shipping: { phone_number: '+15005550006' } },
      metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
      profile: { data: { type: 'profile', attributes: { email, properties: { external_id: 'legacy-7' } } } },
    },
  },
});`,
  },
  {
    name: 'keys the model does not know are not guessed at (only wire names of its attributes are)',
    code: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { email, postal_code: '10001', favourite_color: 'blue' } } });`,
  },
  {
    name: 'klaviyo-api 5.x sends the object as written: snake_case is right there',
    filename: v5File,
    code: `const { ConfigWrapper, Profiles } = require('klaviyo-api');
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
await Profiles.createProfile({ data: { type: 'profile', attributes: { email, first_name: 'Ada', phone_number: '+15005550006' } } });`,
  },
  {
    name: 'bodies of unknown shape: a parameter, a function result, a spread of the call arguments',
    code: `${KLAVIYO}export async function save(body, attributes) {
  await profiles.createProfile(body);
  await profiles.createProfile(buildBody());
  await profiles.createProfile({ data: { type: 'profile', attributes } });
  await profiles.createProfile(...args);
}`,
  },
  {
    name: 'look-alike methods of other clients, and raw HTTP bodies (snake_case is the wire format)',
    code: `${KLAVIYO}await crm.createProfile({ data: { type: 'profile', attributes: { first_name: 'Ada' } } });
await fetch('https://a.klaviyo.com/api/profiles', {
  method: 'POST',
  body: JSON.stringify({ data: { type: 'profile', attributes: { first_name: 'Ada' } } }),
});`,
  },
  {
    name: 'addProfilesToList takes profile ids: nothing there is dropped',
    code: `${KLAVIYO}await lists.addProfilesToList(listId, { data: [{ type: 'profile', id: profileId }] });`,
  },
  {
    name: 'a method without a body model (a read) is not checked',
    code: `${KLAVIYO}await profiles.getProfiles({ filter: 'equals(email,"a@example.com")', page_size: 10 });`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: unique_id and value_currency on the event, phone_number and external_id on its profile',
    code: `${KLAVIYO}await events.createEvent({
  data: {
    type: 'event',
    attributes: {
      properties: { total: 42 },
      unique_id: order.id,
      value_currency: 'USD',
      metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
      profile: { data: { type: 'profile', attributes: { phone_number: user.phone, external_id: user.id } } },
    },
  },
});`,
    output: `${KLAVIYO}await events.createEvent({
  data: {
    type: 'event',
    attributes: {
      properties: { total: 42 },
      uniqueId: order.id,
      valueCurrency: 'USD',
      metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
      profile: { data: { type: 'profile', attributes: { phoneNumber: user.phone, externalId: user.id } } },
    },
  },
});`,
    errors: [
      { ...ignored('unique_id', 'uniqueId', 'createEvent'), line: 11, column: 7 },
      { ...ignored('value_currency', 'valueCurrency', 'createEvent'), line: 12, column: 7 },
      { ...ignored('phone_number', 'phoneNumber', 'createEvent'), line: 14, column: 57 },
      { ...ignored('external_id', 'externalId', 'createEvent'), line: 14, column: 83 },
    ],
  },
  {
    name: 'createProfile: every snake_case attribute, shorthand and quoted keys; properties untouched',
    code: `${KLAVIYO}const first_name = user.first;
await profiles.createProfile({
  data: {
    type: 'profile',
    attributes: { email, first_name, 'last_name': user.last, ['phone_number']: user.phone, properties: { plan_tier: 'pro' } },
  },
});`,
    output: `${KLAVIYO}const first_name = user.first;
await profiles.createProfile({
  data: {
    type: 'profile',
    attributes: { email, firstName: first_name, lastName: user.last, ['phoneNumber']: user.phone, properties: { plan_tier: 'pro' } },
  },
});`,
    errors: [
      ignored('first_name', 'firstName', 'createProfile'),
      ignored('last_name', 'lastName', 'createProfile'),
      ignored('phone_number', 'phoneNumber', 'createProfile'),
    ],
  },
  {
    name: 'createOrUpdateProfile (and its deprecated alias): `_kx` and the patch meta object',
    code: `${KLAVIYO}await profiles.createOrUpdateProfile({
  data: { type: 'profile', attributes: { email, _kx: token }, meta: { patch_properties: { append: { tags: 'vip' } } } },
});
await profiles.createProfileImport({ data: { type: 'profile', attributes: { email, external_id: id } } });`,
    output: `${KLAVIYO}await profiles.createOrUpdateProfile({
  data: { type: 'profile', attributes: { email, kx: token }, meta: { patchProperties: { append: { tags: 'vip' } } } },
});
await profiles.createProfileImport({ data: { type: 'profile', attributes: { email, externalId: id } } });`,
    errors: [
      ignored('_kx', 'kx', 'createOrUpdateProfile'),
      ignored('patch_properties', 'patchProperties', 'createOrUpdateProfile'),
      ignored('external_id', 'externalId', 'createProfileImport'),
    ],
  },
  {
    name: 'updateProfile: the body is the second argument',
    code: `${KLAVIYO}await profiles.updateProfile(profileId, { data: { type: 'profile', id: profileId, attributes: { last_name: 'Lovelace' } } });`,
    output: `${KLAVIYO}await profiles.updateProfile(profileId, { data: { type: 'profile', id: profileId, attributes: { lastName: 'Lovelace' } } });`,
    errors: [ignored('last_name', 'lastName', 'updateProfile')],
  },
  {
    name: 'bulk subscribe: each profile of the array, its consent, and the job flags',
    code: `${KLAVIYO}await profiles.bulkSubscribeProfiles({
  data: {
    type: 'profile-subscription-bulk-create-job',
    attributes: {
      historical_import: true,
      profiles: {
        data: [
          { type: 'profile', attributes: { email, subscriptions: { email: { marketing: { consent: 'SUBSCRIBED', consented_at: signedUpAt } } } } },
          { type: 'profile', attributes: { phone_number: phone } },
        ],
      },
    },
  },
});`,
    output: `${KLAVIYO}await profiles.bulkSubscribeProfiles({
  data: {
    type: 'profile-subscription-bulk-create-job',
    attributes: {
      historicalImport: true,
      profiles: {
        data: [
          { type: 'profile', attributes: { email, subscriptions: { email: { marketing: { consent: 'SUBSCRIBED', consentedAt: signedUpAt } } } } },
          { type: 'profile', attributes: { phoneNumber: phone } },
        ],
      },
    },
  },
});`,
    errors: [
      ignored('historical_import', 'historicalImport', 'bulkSubscribeProfiles'),
      ignored('consented_at', 'consentedAt', 'bulkSubscribeProfiles'),
      ignored('phone_number', 'phoneNumber', 'bulkSubscribeProfiles'),
    ],
  },
  {
    name: 'bulk import and bulk events: arrays of models, and a kebab-case wire key',
    code: `${KLAVIYO}await profiles.bulkImportProfiles({
  data: { type: 'profile-bulk-import-job', attributes: { profiles: { data: [{ type: 'profile', attributes: { first_name: 'Ada' } }] } } },
});
await events.bulkCreateEvents({ data: { type: 'event-bulk-create-job', attributes: { 'events-bulk-create': { data: [] } } } });`,
    output: `${KLAVIYO}await profiles.bulkImportProfiles({
  data: { type: 'profile-bulk-import-job', attributes: { profiles: { data: [{ type: 'profile', attributes: { firstName: 'Ada' } }] } } },
});
await events.bulkCreateEvents({ data: { type: 'event-bulk-create-job', attributes: { eventsBulkCreate: { data: [] } } } });`,
    errors: [
      ignored('first_name', 'firstName', 'bulkImportProfiles'),
      ignored('events-bulk-create', 'eventsBulkCreate', 'bulkCreateEvents'),
    ],
  },
  {
    name: 'attributes held in a const: reported where written, renamed only by a suggestion',
    code: `${KLAVIYO}const attrs = { email: user.email, first_name: user.first };
await profiles.createProfile({ data: { type: 'profile', attributes: attrs } });`,
    output: null,
    errors: [
      {
        ...ignored('first_name', 'firstName', 'createProfile'),
        line: 6,
        column: 36,
        suggestions: [
          {
            messageId: 'rename',
            data: { key: 'first_name', attribute: 'firstName', sdk: 'Klaviyo (klaviyo-api)', method: 'createProfile' },
            output: `${KLAVIYO}const attrs = { email: user.email, firstName: user.first };
await profiles.createProfile({ data: { type: 'profile', attributes: attrs } });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a spread may already carry the camelCase key: a suggestion, not a fix',
    code: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { ...base, first_name: name } } });`,
    output: null,
    errors: [
      {
        ...ignored('first_name', 'firstName', 'createProfile'),
        suggestions: [
          {
            messageId: 'rename',
            data: { key: 'first_name', attribute: 'firstName', sdk: 'Klaviyo (klaviyo-api)', method: 'createProfile' },
            output: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { ...base, firstName: name } } });`,
          },
        ],
      },
    ],
  },
  {
    name: 'the camelCase key is set too: the snake_case one is only removable',
    code: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { email, phoneNumber: e164, phone_number: raw } } });`,
    output: null,
    errors: [
      {
        messageId: 'ignoredDuplicate',
        data: { key: 'phone_number', attribute: 'phoneNumber', sdk: 'Klaviyo (klaviyo-api)', method: 'createProfile' },
        suggestions: [
          {
            messageId: 'remove',
            data: { key: 'phone_number', attribute: 'phoneNumber', sdk: 'Klaviyo (klaviyo-api)', method: 'createProfile' },
            output: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { email, phoneNumber: e164 } } });`,
          },
        ],
      },
    ],
  },
  {
    name: 'global singletons after ConfigWrapper, through require, in a .then chain',
    code: `const { ConfigWrapper, Profiles } = require('klaviyo-api');
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
Profiles.createProfile({ data: { type: 'profile', attributes: { external_id: id } } }).then(({ body }) => body.data.id);`,
    output: `const { ConfigWrapper, Profiles } = require('klaviyo-api');
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
Profiles.createProfile({ data: { type: 'profile', attributes: { externalId: id } } }).then(({ body }) => body.data.id);`,
    errors: [ignored('external_id', 'externalId', 'createProfile')],
  },
  {
    name: 'the Klaviyo namespace object and a namespace import',
    code: `import * as sdk from 'klaviyo-api';
new sdk.GlobalApiKeySettings(process.env.KLAVIYO_PRIVATE_API_KEY);
await sdk.Klaviyo.Profiles.createProfile({ data: { type: 'profile', attributes: { first_name: 'Ada' } } });
await sdk.Events.createEvent({ data: { type: 'event', attributes: { unique_id: id, properties: {}, metric, profile } } });`,
    output: `import * as sdk from 'klaviyo-api';
new sdk.GlobalApiKeySettings(process.env.KLAVIYO_PRIVATE_API_KEY);
await sdk.Klaviyo.Profiles.createProfile({ data: { type: 'profile', attributes: { firstName: 'Ada' } } });
await sdk.Events.createEvent({ data: { type: 'event', attributes: { uniqueId: id, properties: {}, metric, profile } } });`,
    errors: [ignored('first_name', 'firstName', 'createProfile'), ignored('unique_id', 'uniqueId', 'createEvent')],
  },
  {
    name: 'a client in a class field',
    code: `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
export class Crm {
  private readonly profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
  async add(user: { email: string; first: string }) {
    await this.profiles.createProfile({ data: { type: 'profile', attributes: { email: user.email, first_name: user.first } } });
  }
}`,
    output: `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
export class Crm {
  private readonly profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
  async add(user: { email: string; first: string }) {
    await this.profiles.createProfile({ data: { type: 'profile', attributes: { email: user.email, firstName: user.first } } });
  }
}`,
    errors: [ignored('first_name', 'firstName', 'createProfile')],
  },
  {
    name: 'klaviyo-api 6.0 is the first major with models',
    filename: v6File,
    code: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { first_name: 'Ada' } } });`,
    output: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { firstName: 'Ada' } } });`,
    errors: [ignored('first_name', 'firstName', 'createProfile')],
  },
  {
    name: 'a local wrapper: the attributes passed at its call site, renamed by a suggestion',
    code: `${KLAVIYO}function saveProfile(attributes) {
  return profiles.createProfile({ data: { type: 'profile', attributes } });
}
await saveProfile({ email, phone_number: phone });`,
    output: null,
    errors: [
      {
        ...ignored('phone_number', 'phoneNumber', 'createProfile'),
        line: 9,
        column: 28,
        suggestions: [
          {
            messageId: 'rename',
            data: { key: 'phone_number', attribute: 'phoneNumber', sdk: 'Klaviyo (klaviyo-api)', method: 'createProfile' },
            output: `${KLAVIYO}function saveProfile(attributes) {
  return profiles.createProfile({ data: { type: 'profile', attributes } });
}
await saveProfile({ email, phoneNumber: phone });`,
          },
        ],
      },
    ],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module',
    code: `import { profiles } from './lib/klaviyo';
export async function signUp(email: string, first: string) {
  await profiles.createProfile({ data: { type: 'profile', attributes: { email, first_name: first } } as never });
}`,
    output: `import { profiles } from './lib/klaviyo';
export async function signUp(email: string, first: string) {
  await profiles.createProfile({ data: { type: 'profile', attributes: { email, firstName: first } } as never });
}`,
    errors: [ignored('first_name', 'firstName', 'createProfile')],
  },
];

createRuleTester().run('no-ignored-payload-keys', rule, { valid, invalid });
createTypedRuleTester().run('no-ignored-payload-keys (typed)', rule, { valid: [], invalid: typedInvalid });
describeFixSafety('no-ignored-payload-keys', rule, invalid);
describeFixSafety('no-ignored-payload-keys', rule, typedInvalid, true);
