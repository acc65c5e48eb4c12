import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/valid-phone-numbers.js';
import { describeFixSafety, lintWith } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * valid-phone-numbers: phone literals (or constants holding one) that the SDKs send as a phone
 * number must be E.164. The places come from the SDK model: Klaviyo `phoneNumber`, Customer.io
 * identify attributes `phone`/`phone_number`, Data Pipelines identify traits, and the `to`/`from`
 * of transactional SMS and WhatsApp requests. Values that are not literals are never guessed at.
 */

type MessageIds = 'notE164' | 'numberNotString' | 'useE164';
type Options = [{ phoneAttributes?: string[] }];

const CIO = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, trackKey);
`;
const API = `import { APIClient, SendSMSRequest, SendWhatsAppRequest, SendEmailRequest } from 'customerio-node';
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
  cdp: { wrappers: [{ name: 'people.upsert', calls: 'TrackClient.identify', args: ['0', '1'] }] },
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'E.164 literals in every phone slot',
    code: `${CIO}${API}${ANALYTICS}await cio.identify(user.id, { email, phone: '+15551234567', phone_number: '+447700900123' });
analytics.identify({ userId: user.id, traits: { phone: '+4915112345678' } });
await api.sendSMS(new SendSMSRequest({ to: '+15551234567', identifiers: { id: user.id }, transactional_message_id: 4 }));
await api.sendWhatsApp(new SendWhatsAppRequest({ to: '+15551234567', from: '+15557654321', identifiers: { id }, transactional_message_id: 5 }));`,
  },
  {
    name: 'Klaviyo phoneNumber in E.164',
    code: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { email, phoneNumber: '+15551234567' } } });
await events.createEvent({ data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
  profile: { data: { type: 'profile', attributes: { phoneNumber: '+15551234567' } } },
} } });`,
  },
  {
    name: 'values that are not literals are not guessed at',
    code: `${CIO}${API}await cio.identify(user.id, { phone: user.phone, phone_number: normalizePhone(form.phone) });
await cio.identify(user.id, { phone: \`+1\${digits}\` });
await cio.identify(user.id, { phone: isTest ? '555-0100' : user.phone });
await api.sendSMS(new SendSMSRequest({ to: order.phone, identifiers: { id }, transactional_message_id: 4 }));
export function text(to: string) { return api.sendSMS(new SendSMSRequest({ to, identifiers: { id }, transactional_message_id: 4 })); }`,
  },
  {
    name: 'an empty string clears the attribute on purpose, null and undefined are not numbers',
    code: `${CIO}await cio.identify(user.id, { phone: '' });
await cio.identify(user.id, { phone: null, phone_number: undefined });`,
  },
  {
    name: 'phone-like strings where no phone number goes',
    code: `${CIO}${API}await cio.identify(user.id, { support_line: '1-800-555-0100', phone_verified: true, phone_country: 'US' });
await cio.track(user.id, { name: 'called_support', data: { phone: '555-0100' } });
await api.sendEmail(new SendEmailRequest({ to: 'jane@example.com', identifiers: { id }, transactional_message_id: 1 }));
await api.sendPush(new SendPushRequest({ to: 'device-token', identifiers: { id }, transactional_message_id: 2 }));`,
  },
  {
    name: 'a binding whose phone is changed afterwards, and a spread that may override it',
    code: `${CIO}const attrs = { phone: form.phone ?? '555 0100' };
attrs.phone = toE164(attrs.phone);
await cio.identify(user.id, attrs);
await cio.identify(user.id, { phone: '555 0100', ...normalized });`,
  },
  {
    name: 'a let that is reassigned is not a constant',
    code: `${CIO}let phone = '(555) 010-0100';
phone = format(phone);
await cio.identify(user.id, { phone });`,
  },
  {
    name: 'phone keys of things that are not an SDK client',
    code: `${CIO}await db.identify(user.id, { phone: '555-0100' });
await twilio.messages.create({ to: '555-0100', body: 'hi' });`,
  },
  {
    name: 'phoneAttributes: an extra attribute in E.164',
    code: `${CIO}await cio.identify(user.id, { mobile: '+15551234567' });`,
    options: [{ phoneAttributes: ['mobile'] }],
  },
  {
    name: 'an extra phone attribute is not checked unless configured',
    code: `${CIO}await cio.identify(user.id, { mobile: '555 0100' });`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // ---- Customer.io identify attributes ----
  {
    name: 'a national number without a country code: no suggestion (it would be a guess)',
    code: `${CIO}await cio.identify(user.id, { email, phone: '555-123-4567' });`,
    output: null,
    errors: [{ messageId: 'notE164', line: 3, column: 45, suggestions: [] }],
  },
  {
    name: 'an international number with formatting: suggest the digits',
    code: `${CIO}await cio.identify(user.id, { phone: '+1 (555) 123-4567' });`,
    output: null,
    errors: [
      {
        messageId: 'notE164',
        line: 3,
        column: 38,
        suggestions: [
          { messageId: 'useE164', output: `${CIO}await cio.identify(user.id, { phone: '+15551234567' });` },
        ],
      },
    ],
  },
  {
    name: 'phone_number with a trunk prefix in brackets and double quotes',
    code: `${CIO}await cio.identify(user.id, { phone_number: "+44 (0)20 7946 0958" });`,
    output: null,
    errors: [
      {
        messageId: 'notE164',
        line: 3,
        column: 45,
        suggestions: [
          { messageId: 'useE164', output: `${CIO}await cio.identify(user.id, { phone_number: "+442079460958" });` },
        ],
      },
    ],
  },
  {
    name: 'a template literal without expressions keeps its backticks',
    code: `${CIO}await cio.identify(user.id, { phone: \`+49 151 1234 5678\` });`,
    output: null,
    errors: [
      {
        messageId: 'notE164',
        line: 3,
        column: 38,
        suggestions: [
          { messageId: 'useE164', output: `${CIO}await cio.identify(user.id, { phone: \`+4915112345678\` });` },
        ],
      },
    ],
  },
  {
    name: 'a number loses the plus',
    code: `${CIO}await cio.identify(user.id, { phone: 15551234567 });`,
    output: null,
    errors: [{ messageId: 'numberNotString', line: 3, column: 38 }],
  },
  {
    name: 'an invalid country code, an extension and letters: no suggestion',
    code: `${CIO}await cio.identify(a, { phone: '+0123456789' });
await cio.identify(b, { phone: '+1 555 123 4567 ext. 2' });
await cio.identify(c, { phone: 'N/A' });
await cio.identify(d, { phone: '+1 555 CALL NOW' });`,
    output: null,
    errors: [
      { messageId: 'notE164', line: 3, column: 32, suggestions: [] },
      { messageId: 'notE164', line: 4, column: 32, suggestions: [] },
      { messageId: 'notE164', line: 5, column: 32, suggestions: [] },
      { messageId: 'notE164', line: 6, column: 32, suggestions: [] },
    ],
  },
  {
    name: 'a constant holding the literal: the suggestion edits the constant',
    code: `${CIO}const SUPPORT_PHONE = '+1 555 010 0100';
await cio.identify(user.id, { phone: SUPPORT_PHONE });`,
    output: null,
    errors: [
      {
        messageId: 'notE164',
        line: 4,
        column: 38,
        suggestions: [
          {
            messageId: 'useE164',
            output: `${CIO}const SUPPORT_PHONE = '+15550100100';
await cio.identify(user.id, { phone: SUPPORT_PHONE });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a concatenation of constants: reported, no suggestion (no single literal to edit)',
    code: `${CIO}const AREA = '(555)';
await cio.identify(user.id, { phone: AREA + ' 010-0100' });`,
    output: null,
    errors: [{ messageId: 'notE164', line: 4, column: 38, suggestions: [] }],
  },
  {
    name: 'attributes in a local const that is only read',
    code: `${CIO}const attrs = { email, phone: '07700 900123' };
logger.info(attrs);
await cio.identify(user.id, attrs);`,
    output: null,
    errors: [{ messageId: 'notE164', line: 3, column: 31, suggestions: [] }],
  },
  {
    name: 'phoneAttributes: a configured attribute is checked too',
    code: `${CIO}await cio.identify(user.id, { phone: '+15551234567', mobile: '07700 900123' });`,
    options: [{ phoneAttributes: ['mobile'] }],
    output: null,
    errors: [{ messageId: 'notE164', line: 3, column: 62, suggestions: [] }],
  },
  // ---- Data Pipelines ----
  {
    name: 'Data Pipelines identify traits, on both clients',
    code: `${ANALYTICS}import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(writeKey);
analytics.identify({ userId: user.id, traits: { phone: '(555) 123-4567' } });
await pipelines.identify({ userId: user.id, traits: { phone_number: '+1.555.123.4567' } });`,
    output: null,
    errors: [
      { messageId: 'notE164', line: 5, column: 56, suggestions: [] },
      {
        messageId: 'notE164',
        line: 6,
        column: 69,
        suggestions: [
          {
            messageId: 'useE164',
            output: `${ANALYTICS}import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(writeKey);
analytics.identify({ userId: user.id, traits: { phone: '(555) 123-4567' } });
await pipelines.identify({ userId: user.id, traits: { phone_number: '+15551234567' } });`,
          },
        ],
      },
    ],
  },
  // ---- Transactional SMS and WhatsApp ----
  {
    name: 'transactional SMS to, WhatsApp to and from',
    code: `${API}await api.sendSMS(new SendSMSRequest({ to: '5551234567', identifiers: { id }, transactional_message_id: 4 }));
await api.sendWhatsApp(new SendWhatsAppRequest({ to: '+15551234567', from: '+1 555 765 4321', identifiers: { id }, transactional_message_id: 5 }));`,
    output: null,
    errors: [
      { messageId: 'notE164', line: 3, column: 44, suggestions: [] },
      {
        messageId: 'notE164',
        line: 4,
        column: 76,
        suggestions: [
          {
            messageId: 'useE164',
            output: `${API}await api.sendSMS(new SendSMSRequest({ to: '5551234567', identifiers: { id }, transactional_message_id: 4 }));
await api.sendWhatsApp(new SendWhatsAppRequest({ to: '+15551234567', from: '+15557654321', identifiers: { id }, transactional_message_id: 5 }));`,
          },
        ],
      },
    ],
  },
  // ---- Klaviyo ----
  {
    name: 'Klaviyo phoneNumber on create, upsert, update and in an event profile',
    code: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { phoneNumber: '555-123-4567' } } });
await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email, phoneNumber: 5551234567 } } });
await profiles.updateProfile(id, { data: { type: 'profile', id, attributes: { phoneNumber: '555 123 4567' } } });
await events.createEvent({ data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
  profile: { data: { type: 'profile', attributes: { phoneNumber: '+1 555-123-4567' } } },
} } });`,
    output: null,
    errors: [
      { messageId: 'notE164', line: 5, column: 84, suggestions: [] },
      { messageId: 'numberNotString', line: 6, column: 99 },
      { messageId: 'notE164', line: 7, column: 92, suggestions: [] },
      {
        messageId: 'notE164',
        line: 11,
        column: 66,
        suggestions: [
          {
            messageId: 'useE164',
            output: `${KLAVIYO}await profiles.createProfile({ data: { type: 'profile', attributes: { phoneNumber: '555-123-4567' } } });
await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email, phoneNumber: 5551234567 } } });
await profiles.updateProfile(id, { data: { type: 'profile', id, attributes: { phoneNumber: '555 123 4567' } } });
await events.createEvent({ data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
  profile: { data: { type: 'profile', attributes: { phoneNumber: '+15551234567' } } },
} } });`,
          },
        ],
      },
    ],
  },
  // ---- How the client is found ----
  {
    name: 'an aliased import, require with and without destructuring, a namespace import',
    code: `import { TrackClient as CIO } from 'customerio-node';
import * as customerio from 'customerio-node';
const { TrackClient } = require('customerio-node');
const lib = require('customerio-node');
new CIO(s, k).identify(id, { phone: '555 0100' });
new customerio.TrackClient(s, k).identify(id, { phone: '555 0100' });
new TrackClient(s, k).identify(id, { phone: '555 0100' });
new lib.TrackClient(s, k).identify(id, { phone: '555 0100' });`,
    output: null,
    errors: [
      { messageId: 'notE164', line: 5, column: 37, suggestions: [] },
      { messageId: 'notE164', line: 6, column: 56, suggestions: [] },
      { messageId: 'notE164', line: 7, column: 45, suggestions: [] },
      { messageId: 'notE164', line: 8, column: 49, suggestions: [] },
    ],
  },
  {
    name: 'a client in a class field',
    code: `import { TrackClient } from 'customerio-node';
export class Seeder {
  private readonly cio = new TrackClient(siteId, trackKey);
  seed() { return this.cio.identify('demo', { email: 'demo@example.com', phone: '555-0100' }); }
}`,
    output: null,
    errors: [{ messageId: 'notE164', line: 4, column: 81, suggestions: [] }],
  },
  {
    name: 'clients from settings.cdp.clients',
    code: `import { cio, analytics } from './lib/cio';
await cio.identify(user.id, { phone: '555-0100' });
analytics.identify({ userId: user.id, traits: { phone: '555-0100' } });`,
    settings: settingsClients,
    output: null,
    errors: [
      { messageId: 'notE164', line: 2, column: 38, suggestions: [] },
      { messageId: 'notE164', line: 3, column: 56, suggestions: [] },
    ],
  },
  // ---- Wrappers ----
  {
    name: 'a local wrapper: reported where the literal is passed',
    code: `${CIO}function identifyUser(id, attrs) { return cio.identify(id, attrs); }
await identifyUser(user.id, { phone: '555-0100' });`,
    output: null,
    errors: [{ messageId: 'notE164', line: 4, column: 38, suggestions: [] }],
  },
  {
    name: 'wrappers from settings.cdp.wrappers',
    code: `import { people } from './lib/people';
await people.upsert(user.id, { phone: '+1 555 010 0100' });`,
    settings: settingsWrappers,
    output: null,
    errors: [
      {
        messageId: 'notE164',
        line: 2,
        column: 39,
        suggestions: [
          {
            messageId: 'useE164',
            output: `import { people } from './lib/people';
await people.upsert(user.id, { phone: '+15550100100' });`,
          },
        ],
      },
    ],
  },
  // ---- async/await and .then chains ----
  {
    name: 'in an async function and a .then chain',
    code: `${CIO}export async function seed() {
  const user = await db.users.create({ name: 'Demo' });
  await cio.identify(user.id, { phone: '555-0100' });
}
db.users.find(id).then((user) => cio.identify(user.id, { phone: '555-0101' }));`,
    output: null,
    errors: [
      { messageId: 'notE164', line: 5, column: 40, suggestions: [] },
      { messageId: 'notE164', line: 7, column: 65, suggestions: [] },
    ],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'typed: clients exported from another module',
    code: `import { cio, analytics } from './lib/cio';
export async function seed(id: string) {
  await cio.identify(id, { phone: '555-0100' });
  analytics.identify({ userId: id, traits: { phone: '+1 555 010 0100' } });
}`,
    output: null,
    errors: [
      { messageId: 'notE164', line: 3, column: 35, suggestions: [] },
      {
        messageId: 'notE164',
        line: 4,
        column: 53,
        suggestions: [
          {
            messageId: 'useE164',
            output: `import { cio, analytics } from './lib/cio';
export async function seed(id: string) {
  await cio.identify(id, { phone: '555-0100' });
  analytics.identify({ userId: id, traits: { phone: '+15550100100' } });
}`,
          },
        ],
      },
    ],
  },
];

const typedValid: ValidTestCase<Options>[] = [
  {
    name: 'typed: an imported client given an E.164 number',
    code: `import { cio } from './lib/cio';
export async function seed(id: string) {
  await cio.identify(id, { phone: '+15550100100' });
}`,
  },
];

createRuleTester().run('valid-phone-numbers', rule, { valid, invalid });
createTypedRuleTester().run('valid-phone-numbers (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describeFixSafety('valid-phone-numbers', rule, invalid);
describeFixSafety('valid-phone-numbers', rule, typedInvalid, true);

describe('valid-phone-numbers: messages say what, why and how', () => {
  const base = { name: '', code: '', errors: [] } as InvalidTestCase<MessageIds, Options>;
  it('shows the value, the SDK and the format', () => {
    const [message] = lintWith('valid-phone-numbers', rule, `${CIO}cio.identify(id, { phone: '555-0100' });`, base);
    expect(message.message).toBe(
      '`555-0100` is not an E.164 phone number, which Customer.io (customerio-node) needs here: the number is rejected or ignored, so the person gets no SMS or WhatsApp messages. Write a `+`, the country code and the number, digits only (e.g. `+15551234567`).',
    );
  });
  it('shortens a long value', () => {
    const [message] = lintWith(
      'valid-phone-numbers',
      rule,
      `${CIO}cio.identify(id, { phone: 'call the front desk and ask for extension 12' });`,
      base,
    );
    expect(message.message).toMatch(/^`call the front desk and…` is not an E\.164 phone number/);
  });
  it('explains a numeric phone number', () => {
    const [message] = lintWith('valid-phone-numbers', rule, `${CIO}cio.identify(id, { phone: 15551234567 });`, base);
    expect(message.message).toContain('This phone number is a number, so it has no leading `+`');
  });
});
