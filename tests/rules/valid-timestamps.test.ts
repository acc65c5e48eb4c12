import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/valid-timestamps.js';
import { describeFixSafety, lintWith } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

type MessageIds = typeof rule extends TSESLint.RuleModule<infer M, Options> ? M : never;
type Options = [{ additionalDateAttributes?: string[]; ignoreAttributes?: string[] }];

const CIO = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(siteId, trackKey);
`;
const PIPELINES = `import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(writeKey);
`;
const ANALYTICS = `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey });
`;
const KLAVIYO = `import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(privateKey));
`;

const valid: ValidTestCase<Options>[] = [
  {
    name: 'every correct conversion real code uses is silent',
    code: `${CIO}import { getUnixTime } from 'date-fns';
import dayjs from 'dayjs';
import moment from 'moment';
import { DateTime } from 'luxon';
await cio.identify(user.id, {
  created_at: Math.floor(Date.now() / 1000),
  a_at: Math.round(user.createdAt.getTime() / 1000),
  b_at: Math.trunc(+new Date() / 1e3),
  c_at: Date.now() / 1000 | 0,
  d_at: ~~(Date.now() / 1000),
  e_at: Math.floor(Date.now() * 0.001),
  f_at: getUnixTime(user.createdAt),
  g_at: dayjs().unix(),
  h_at: moment(user.createdAt).unix(),
  i_at: DateTime.now().toUnixInteger(),
  j_at: Math.floor(DateTime.now().toSeconds()),
  k_at: 1704067200,
  l_at: Math.floor(Date.now() / 1000) + 7 * 86400,
});`,
  },
  {
    name: 'local helpers whose returns are whole seconds are seen through',
    code: `${CIO}const nowSec = () => Math.floor(Date.now() / 1000);
function toUnix(d) { return Math.floor(d.getTime() / 1000); }
async function signupTime(id) { return Math.floor((await db.user(id)).createdAt.getTime() / 1000); }
export async function handler(user) {
  await cio.identify(user.id, { created_at: nowSec(), updated_at: toUnix(user.updatedAt), signup_at: await signupTime(user.id) });
}`,
  },
  {
    name: 'Date.now() for latency and logging never reaches a timestamp slot',
    code: `${CIO}export async function handler(user) {
  const start = Date.now();
  await cio.identify(user.id, { email: user.email });
  logger.info({ took: Date.now() - start, at: Date.now(), when: new Date().toISOString() });
}`,
  },
  {
    name: 'values it cannot classify are unknown: a property of unknown type, a parameter, parseInt',
    code: `${CIO}export async function handler(user, ts) {
  await cio.identify(user.id, { created_at: user.createdAt, a_at: ts, b_at: parseInt(String(Date.now() / 1000), 10), c_at: Date.now() - start });
}`,
  },
  {
    name: 'keys that are not dates, and event data, are not timestamp slots',
    code: `${CIO}cio.identify(id, { plan: 'pro', visits: Date.now(), createdAt: Date.now(), _at: Date.now() });
cio.track(id, { name: 'clicked', data: { clicked_at: Date.now(), at: new Date() } });`,
  },
  {
    name: 'look-alike calls of other analytics libraries are not SDK calls',
    code: `${CIO}mixpanel.track('signed_up', { time: Date.now() });
posthog.capture({ distinctId: id, event: 'x', timestamp: Date.now() });
segment.track({ userId: id, event: 'x', timestamp: Date.now() });`,
  },
  {
    name: 'Pipelines timestamps given a Date or an ISO string are right',
    code: `${PIPELINES}await pipelines.track({ userId: id, event: 'x', timestamp: new Date() });
await pipelines.track({ userId: id, event: 'x', timestamp: new Date(order.createdAtMs) });
await pipelines.identify({ userId: id, timestamp: order.createdAt.toISOString() });`,
  },
  {
    name: 'Pipelines traits are not modelled as seconds: their dates are ISO strings',
    code: `${ANALYTICS}analytics.identify({ userId: id, traits: { created_at: new Date().toISOString(), createdAt: Date.now() } });
analytics.track({ userId: id, event: 'x', timestamp: new Date(Date.now()) });`,
  },
  {
    name: 'Klaviyo time given a Date, or an ISO string the serialiser passes through, is right',
    code: `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { time: new Date(), properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } } } } });
await events.createEvent({ data: { type: 'event', attributes: { time: order.createdAt.toISOString(), properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } } } } });`,
  },
  {
    name: 'a wrapper that converts the value itself takes milliseconds on purpose',
    code: `${CIO}function trackAt(id, name, ms) {
  return cio.track(id, { name, timestamp: Math.floor(ms / 1000) });
}
trackAt(user.id, 'signed_up', Date.now());`,
  },
  {
    name: 'conditional branches that disagree on the unit are not reported',
    code: `${CIO}cio.identify(id, { created_at: legacy ? Date.now() : Math.floor(Date.now() / 1000), a_at: x ? Date.now() : user.createdAt });`,
  },
  {
    name: 'a value replaced after the object is built, a later spread, or a reassigned let is unknown',
    code: `${CIO}const attrs = { created_at: Date.now() };
attrs.created_at = Math.floor(attrs.created_at / 1000);
cio.identify(id, attrs);
cio.identify(id, { created_at: Date.now(), ...overrides });
let ts = Date.now();
ts = Math.floor(ts / 1000);
cio.track(id, { name: 'x', timestamp: ts });`,
  },
  {
    name: 'a shadowed Date, a getter and an uncalled Date.now are not timestamps',
    code: `${CIO}function f(Date) { return cio.identify(id, { created_at: Date.now() }); }
cio.identify(id, { get created_at() { return Date.now(); } });
cio.identify(id, { created_at: Date.now });`,
  },
  {
    name: 'digits of whole seconds as a string are left alone in a seconds slot',
    code: `${CIO}cio.identify(id, { created_at: String(Math.floor(Date.now() / 1000)) });`,
  },
  {
    name: 'ignoreAttributes: a *_at attribute the workspace does not use as a date',
    code: `${CIO}cio.identify(id, { seen_at: new Date().toISOString() });`,
    options: [{ ignoreAttributes: ['seen_at'] }],
  },
  {
    name: 'a file that mentions no SDK is not analysed',
    code: `const cio = makeClient(); cio.identify(id, { created_at: Date.now() });`,
  },
  {
    name: 'App API calls without a timestamp slot are not looked at',
    code: `import { APIClient } from 'customerio-node';
const api = new APIClient(appKey);
await api.sendEmail(request);
await api.getAttributes(id, { since: Date.now() });`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'App API message windows are Unix seconds',
    code: `import { APIClient } from 'customerio-node';
const api = new APIClient(appKey);
await api.getCustomerMessages(id, { start_ts: Date.now(), end_ts: 1704067200 });`,
    output: `import { APIClient } from 'customerio-node';
const api = new APIClient(appKey);
await api.getCustomerMessages(id, { start_ts: Math.floor(Date.now() / 1000), end_ts: 1704067200 });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 47 }],
  },
  // ---- The catalog's wrong code ----
  {
    name: 'catalog: Date.now() as created_at is fixed to whole seconds',
    code: `${CIO}cio.identify(user.id, { email, created_at: Date.now() });`,
    output: `${CIO}cio.identify(user.id, { email, created_at: Math.floor(Date.now() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 44 }],
  },
  {
    name: 'catalog: getTime() as an event timestamp is fixed',
    code: `${CIO}cio.track(user.id, { name: 'order_placed', timestamp: order.createdAt.getTime() });`,
    output: `${CIO}cio.track(user.id, { name: 'order_placed', timestamp: Math.floor(order.createdAt.getTime() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 55 }],
  },
  {
    name: 'catalog: a 13-digit literal is fixed to the 10-digit literal',
    code: `${CIO}cio.identify(user.id, { created_at: 1704067200000 });`,
    output: `${CIO}cio.identify(user.id, { created_at: 1704067200 });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 37 }],
  },
  {
    name: 'catalog: a 13-digit literal that is not whole seconds is rounded down',
    code: `${CIO}cio.identify(user.id, { created_at: 1704067200999 });`,
    output: `${CIO}cio.identify(user.id, { created_at: 1704067200 });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 37 }],
  },
  {
    name: 'catalog: a Date object becomes an ISO string: suggestion',
    code: `${CIO}cio.identify(user.id, { created_at: new Date() });`,
    output: null,
    errors: [
      {
        messageId: 'dateForSeconds',
        line: 3,
        column: 37,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}cio.identify(user.id, { created_at: Math.floor(new Date().getTime() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'catalog: Date.now() as a Data Pipelines timestamp (cdp-analytics-node) goes out raw',
    code: `${ANALYTICS}analytics.track({ userId, event: 'order_placed', timestamp: Date.now() });`,
    output: null,
    errors: [
      {
        messageId: 'numberForDate',
        line: 3,
        column: 61,
        suggestions: [
          {
            messageId: 'suggestDateFromMillis',
            output: `${ANALYTICS}analytics.track({ userId, event: 'order_placed', timestamp: new Date() });`,
          },
        ],
      },
    ],
  },
  {
    name: 'catalog: toISOString() in a seconds slot: suggestion from the date it came from',
    code: `${CIO}cio.identify(user.id, { last_login_at: user.lastLogin.toISOString() });`,
    output: null,
    errors: [
      {
        messageId: 'stringForSeconds',
        line: 3,
        column: 40,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}cio.identify(user.id, { last_login_at: Math.floor(user.lastLogin.getTime() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'catalog: un-floored seconds: suggestion to round down',
    code: `${CIO}cio.identify(user.id, { trial_ends_at: trialEnd.getTime() / 1000 });`,
    output: null,
    errors: [
      {
        messageId: 'fractionalSeconds',
        line: 3,
        column: 40,
        suggestions: [
          {
            messageId: 'suggestFloor',
            output: `${CIO}cio.identify(user.id, { trial_ends_at: Math.floor(trialEnd.getTime() / 1000) });`,
          },
        ],
      },
    ],
  },

  // ---- Every seconds slot of customerio-node ----
  {
    name: 'trackAnonymous: +new Date() is fixed',
    code: `${CIO}await cio.trackAnonymous(anonymousId, { name: 'viewed', timestamp: +new Date() });`,
    output: `${CIO}await cio.trackAnonymous(anonymousId, { name: 'viewed', timestamp: Math.floor(+new Date() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 68 }],
  },
  {
    name: 'addDevice: last_used in milliseconds is fixed',
    code: `${CIO}await cio.addDevice(user.id, token, 'ios', { last_used: new Date().getTime() });`,
    output: `${CIO}await cio.addDevice(user.id, token, 'ios', { last_used: Math.floor(new Date().getTime() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 57 }],
  },
  {
    name: 'SendEmailRequest: send_at an hour from now in milliseconds: suggestion (arithmetic is not rewritten automatically)',
    code: `import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(appKey);
await api.sendEmail(new SendEmailRequest({ to, identifiers: { id }, transactional_message_id: 3, send_at: Date.now() + 60 * 60 * 1000 }));`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 3,
        column: 107,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(appKey);
await api.sendEmail(new SendEmailRequest({ to, identifiers: { id }, transactional_message_id: 3, send_at: Math.floor((Date.now() + 60 * 60 * 1000) / 1000) }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'SendSMSRequest: send_at as a Date',
    code: `const { SendSMSRequest } = require('customerio-node');
const request = new SendSMSRequest({ identifiers: { id }, transactional_message_id: 7, send_at: sendAt.toDate() });`,
    output: null,
    errors: [
      {
        messageId: 'dateForSeconds',
        line: 2,
        column: 97,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `const { SendSMSRequest } = require('customerio-node');
const request = new SendSMSRequest({ identifiers: { id }, transactional_message_id: 7, send_at: Math.floor(sendAt.toDate().getTime() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'trackPush: a Date timestamp',
    code: `${CIO}await cio.trackPush({ delivery_id: deliveryId, device_id: token, event: 'opened', timestamp: new Date(openedAt) });`,
    output: null,
    errors: [
      {
        messageId: 'dateForSeconds',
        line: 3,
        column: 94,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}await cio.trackPush({ delivery_id: deliveryId, device_id: token, event: 'opened', timestamp: Math.floor(new Date(openedAt).getTime() / 1000) });`,
          },
        ],
      },
    ],
  },

  // ---- Data Pipelines and Klaviyo: numbers in Date slots ----
  {
    name: 'PipelinesClient: floored seconds where a Date is expected: suggestion from the milliseconds',
    code: `${PIPELINES}await pipelines.track({ userId: id, event: 'x', timestamp: Math.floor(order.placedAt.getTime() / 1000) });`,
    output: null,
    errors: [
      {
        messageId: 'numberForDate',
        line: 3,
        column: 60,
        suggestions: [
          {
            messageId: 'suggestDateFromSeconds',
            output: `${PIPELINES}await pipelines.track({ userId: id, event: 'x', timestamp: new Date(order.placedAt.getTime()) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'PipelinesClient: a 10-digit literal where a Date is expected',
    code: `${PIPELINES}await pipelines.page({ userId: id, timestamp: 1704067200 });`,
    output: null,
    errors: [
      {
        messageId: 'numberForDate',
        line: 3,
        column: 47,
        suggestions: [
          {
            messageId: 'suggestDateFromSeconds',
            output: `${PIPELINES}await pipelines.page({ userId: id, timestamp: new Date(1704067200 * 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'cdp-analytics-node: a string of seconds (the shape of customerio-node#160) has no mechanical fix',
    code: `${ANALYTICS}analytics.track({ userId, event: 'x', timestamp: Math.floor(Date.now() / 1000).toString() });`,
    output: null,
    errors: [{ messageId: 'numberForDate', line: 3, column: 50, suggestions: [] }],
  },
  {
    name: 'Klaviyo createEvent: time in milliseconds',
    code: `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { time: order.createdAt.getTime(), properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } } } } });`,
    output: null,
    errors: [
      {
        messageId: 'numberForDate',
        line: 3,
        column: 71,
        suggestions: [
          {
            messageId: 'suggestDateFromMillis',
            output: `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { time: new Date(order.createdAt.getTime()), properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } } } } });`,
          },
        ],
      },
    ],
  },
  {
    name: 'Klaviyo through the ConfigWrapper singletons: time as Date.now()',
    code: `import { ConfigWrapper, Events } from 'klaviyo-api';
ConfigWrapper(process.env.KLAVIYO_KEY);
const body = { data: { type: 'event', attributes: { time: Date.now(), properties: {}, metric: { data: { type: 'metric', attributes: { name: 'x' } } } } } };
await Events.createEvent(body);`,
    output: null,
    errors: [
      {
        messageId: 'numberForDate',
        line: 3,
        column: 59,
        suggestions: [
          {
            messageId: 'suggestDateFromMillis',
            output: `import { ConfigWrapper, Events } from 'klaviyo-api';
ConfigWrapper(process.env.KLAVIYO_KEY);
const body = { data: { type: 'event', attributes: { time: new Date(), properties: {}, metric: { data: { type: 'metric', attributes: { name: 'x' } } } } } };
await Events.createEvent(body);`,
          },
        ],
      },
    ],
  },

  // ---- Values that come through variables ----
  {
    name: 'through a const: suggestion wraps the use, not the declaration',
    code: `${CIO}const ts = Date.now();
await cio.track(id, { name: 'x', timestamp: ts });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 4,
        column: 45,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}const ts = Date.now();
await cio.track(id, { name: 'x', timestamp: Math.floor(ts / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'through a shorthand property: the suggestion keeps the key',
    code: `${CIO}let timestamp = Date.now();
await cio.track(id, { name: 'x', timestamp });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 4,
        column: 34,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}let timestamp = Date.now();
await cio.track(id, { name: 'x', timestamp: Math.floor(timestamp / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'an attributes object built earlier in the function: suggestion only',
    code: `${CIO}export async function onSignup(user) {
  const attrs = { email: user.email, created_at: Date.now() };
  await cio.identify(user.id, attrs);
}`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 4,
        column: 50,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}export async function onSignup(user) {
  const attrs = { email: user.email, created_at: Math.floor(Date.now() / 1000) };
  await cio.identify(user.id, attrs);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an event object built earlier: suggestion only',
    code: `${CIO}const event = { name: 'purchase', timestamp: Date.now() };
cio.track(id, event);`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 3,
        column: 46,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}const event = { name: 'purchase', timestamp: Math.floor(Date.now() / 1000) };
cio.track(id, event);`,
          },
        ],
      },
    ],
  },
  {
    name: 'a property of a local object literal',
    code: `${CIO}const order = { placedAt: Date.now() };
cio.track(id, { name: 'order_placed', timestamp: order.placedAt });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 4,
        column: 50,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}const order = { placedAt: Date.now() };
cio.track(id, { name: 'order_placed', timestamp: Math.floor(order.placedAt / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a local helper that returns milliseconds: suggestion',
    code: `${CIO}function now() { return Date.now(); }
cio.identify(id, { updated_at: now() });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 4,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}function now() { return Date.now(); }
cio.identify(id, { updated_at: Math.floor(now() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a 13-digit constant: suggestion on the use',
    code: `${CIO}const LAUNCH = 1704067200000;
cio.identify(id, { created_at: LAUNCH });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 4,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}const LAUNCH = 1704067200000;
cio.identify(id, { created_at: Math.floor(LAUNCH / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'an ISO string through a const: suggestion parses it',
    code: `${CIO}const createdAt = new Date().toISOString();
cio.identify(id, { created_at: createdAt });`,
    output: null,
    errors: [
      {
        messageId: 'stringForSeconds',
        line: 4,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestSecondsFromString',
            output: `${CIO}const createdAt = new Date().toISOString();
cio.identify(id, { created_at: Math.floor(Date.parse(createdAt) / 1000) });`,
          },
        ],
      },
    ],
  },

  // ---- Conditionals ----
  {
    name: 'both branches in milliseconds: suggestion wraps the whole conditional',
    code: `${CIO}cio.identify(id, { created_at: user.createdAt ? user.createdAt.getTime() : Date.now() });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 3,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}cio.identify(id, { created_at: Math.floor((user.createdAt ? user.createdAt.getTime() : Date.now()) / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'milliseconds or nothing: reported without a suggestion (wrapping undefined would give NaN)',
    code: `${CIO}cio.identify(id, { trial_ends_at: user.trialEnd && user.trialEnd.getTime() });`,
    output: null,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 35, suggestions: [] }],
  },

  {
    name: 'both branches are Dates: the suggestion parenthesises the conditional',
    code: `${CIO}cio.identify(id, { created_at: user.createdAt ? new Date(user.createdAt) : new Date });`,
    output: null,
    errors: [
      {
        messageId: 'dateForSeconds',
        line: 3,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}cio.identify(id, { created_at: Math.floor((user.createdAt ? new Date(user.createdAt) : new Date).getTime() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Date written without parentheses is parenthesised before .getTime()',
    code: `${CIO}cio.identify(id, { created_at: new Date });`,
    output: null,
    errors: [
      {
        messageId: 'dateForSeconds',
        line: 3,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}cio.identify(id, { created_at: Math.floor((new Date).getTime() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'an awaited async helper that returns milliseconds',
    code: `${CIO}async function lastSeen(id) { return (await db.session(id)).lastSeen.getTime(); }
export async function sync(id) {
  await cio.identify(id, { last_seen_at: await lastSeen(id) });
}`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 5,
        column: 42,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}async function lastSeen(id) { return (await db.session(id)).lastSeen.getTime(); }
export async function sync(id) {
  await cio.identify(id, { last_seen_at: Math.floor(await lastSeen(id) / 1000) });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'seconds plus an offset where a Date is expected: the sum is parenthesised',
    code: `${PIPELINES}await pipelines.track({ userId: id, event: 'x', timestamp: Math.floor(Date.now() / 1000) + 60 });`,
    output: null,
    errors: [
      {
        messageId: 'numberForDate',
        line: 3,
        column: 60,
        suggestions: [
          {
            messageId: 'suggestDateFromSeconds',
            output: `${PIPELINES}await pipelines.track({ userId: id, event: 'x', timestamp: new Date((Math.floor(Date.now() / 1000) + 60) * 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'fractional seconds where a Date is expected come from milliseconds',
    code: `${PIPELINES}await pipelines.identify({ userId: id, timestamp: signup.getTime() / 1000 });`,
    output: null,
    errors: [
      {
        messageId: 'numberForDate',
        line: 3,
        column: 51,
        suggestions: [
          {
            messageId: 'suggestDateFromSeconds',
            output: `${PIPELINES}await pipelines.identify({ userId: id, timestamp: new Date(signup.getTime()) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'milliseconds or nothing where a Date is expected: no suggestion',
    code: `${PIPELINES}await pipelines.track({ userId: id, event: 'x', timestamp: at ? at.getTime() : undefined });`,
    output: null,
    errors: [{ messageId: 'numberForDate', line: 3, column: 60, suggestions: [] }],
  },

  // ---- Strings and date-library objects ----
  {
    name: 'an ISO literal with a zone: suggestion with the seconds it stands for',
    code: `${CIO}cio.track(id, { name: 'x', timestamp: '2024-01-01T00:00:00Z' });`,
    output: null,
    errors: [
      {
        messageId: 'stringForSeconds',
        line: 3,
        column: 39,
        suggestions: [{ messageId: 'suggestSecondsLiteral', output: `${CIO}cio.track(id, { name: 'x', timestamp: 1704067200 });` }],
      },
    ],
  },
  {
    name: 'an ISO literal without a zone depends on the machine: suggestion parses it at run time',
    code: `${CIO}cio.track(id, { name: 'x', timestamp: '2024-01-01T09:30:00' });`,
    output: null,
    errors: [
      {
        messageId: 'stringForSeconds',
        line: 3,
        column: 39,
        suggestions: [
          {
            messageId: 'suggestSecondsFromString',
            output: `${CIO}cio.track(id, { name: 'x', timestamp: Math.floor(Date.parse('2024-01-01T09:30:00') / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'Day.js, Moment and Luxon values: each converted the library’s way',
    code: `${CIO}import dayjs from 'dayjs';
import moment from 'moment';
import { DateTime } from 'luxon';
cio.identify(id, { a_at: dayjs().format(), b_at: moment(), c_at: DateTime.now().toISO(), d_at: DateTime.now().toMillis() });`,
    output: null,
    errors: [
      {
        messageId: 'stringForSeconds',
        line: 6,
        column: 26,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}import dayjs from 'dayjs';
import moment from 'moment';
import { DateTime } from 'luxon';
cio.identify(id, { a_at: dayjs().unix(), b_at: moment(), c_at: DateTime.now().toISO(), d_at: DateTime.now().toMillis() });`,
          },
        ],
      },
      {
        messageId: 'dateForSeconds',
        line: 6,
        column: 50,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}import dayjs from 'dayjs';
import moment from 'moment';
import { DateTime } from 'luxon';
cio.identify(id, { a_at: dayjs().format(), b_at: moment().unix(), c_at: DateTime.now().toISO(), d_at: DateTime.now().toMillis() });`,
          },
        ],
      },
      {
        messageId: 'stringForSeconds',
        line: 6,
        column: 66,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `${CIO}import dayjs from 'dayjs';
import moment from 'moment';
import { DateTime } from 'luxon';
cio.identify(id, { a_at: dayjs().format(), b_at: moment(), c_at: DateTime.now().toUnixInteger(), d_at: DateTime.now().toMillis() });`,
          },
        ],
      },
      {
        messageId: 'millisecondsForSeconds',
        line: 6,
        column: 96,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}import dayjs from 'dayjs';
import moment from 'moment';
import { DateTime } from 'luxon';
cio.identify(id, { a_at: dayjs().format(), b_at: moment(), c_at: DateTime.now().toISO(), d_at: Math.floor(DateTime.now().toMillis() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'Luxon toSeconds() has a fraction',
    code: `${CIO}const { DateTime } = require('luxon');
cio.track(id, { name: 'x', timestamp: DateTime.now().toSeconds() });`,
    output: null,
    errors: [
      {
        messageId: 'fractionalSeconds',
        line: 4,
        column: 39,
        suggestions: [
          {
            messageId: 'suggestFloor',
            output: `${CIO}const { DateTime } = require('luxon');
cio.track(id, { name: 'x', timestamp: Math.floor(DateTime.now().toSeconds()) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'Date() without new is a string, with no mechanical fix',
    code: `${CIO}cio.identify(id, { created_at: Date() });`,
    output: null,
    errors: [{ messageId: 'stringForSeconds', line: 3, column: 32, suggestions: [] }],
  },
  {
    name: 'Date.parse() is milliseconds but not written as one of the unambiguous forms: suggestion',
    code: `${CIO}cio.identify(id, { created_at: Date.parse(row.created) });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 3,
        column: 32,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}cio.identify(id, { created_at: Math.floor(Date.parse(row.created) / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a TypeScript assertion around the value is kept, in parentheses',
    code: `${CIO}cio.identify(id, { created_at: Date.now() as number });`,
    output: `${CIO}cio.identify(id, { created_at: Math.floor((Date.now() as number) / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 32 }],
  },
  {
    name: 'several wrong attributes in one call: each reported, the unambiguous ones fixed',
    code: `${CIO}cio.identify(id, { created_at: Date.now(), 'trial_ends_at': trialEnd.getTime() / 1000, email });`,
    output: `${CIO}cio.identify(id, { created_at: Math.floor(Date.now() / 1000), 'trial_ends_at': trialEnd.getTime() / 1000, email });`,
    errors: [
      { messageId: 'millisecondsForSeconds', line: 3, column: 32 },
      {
        messageId: 'fractionalSeconds',
        line: 3,
        column: 61,
        suggestions: [
          {
            messageId: 'suggestFloor',
            output: `${CIO}cio.identify(id, { created_at: Date.now(), 'trial_ends_at': Math.floor(trialEnd.getTime() / 1000), email });`,
          },
        ],
      },
    ],
  },
  {
    name: 'additionalDateAttributes: an extra attribute name that holds a date',
    code: `${CIO}cio.identify(id, { trial_end: Date.now() });`,
    output: `${CIO}cio.identify(id, { trial_end: Math.floor(Date.now() / 1000) });`,
    options: [{ additionalDateAttributes: ['trial_end'] }],
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 31 }],
  },

  // ---- How clients are imported and held ----
  {
    name: 'aliased named import',
    code: `import { TrackClient as CIO, RegionEU } from 'customerio-node';
const client = new CIO(siteId, key, { region: RegionEU });
client.identify(id, { created_at: Date.now() });`,
    output: `import { TrackClient as CIO, RegionEU } from 'customerio-node';
const client = new CIO(siteId, key, { region: RegionEU });
client.identify(id, { created_at: Math.floor(Date.now() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 35 }],
  },
  {
    name: 'require with destructuring and a renamed binding',
    code: `const { TrackClient: TC } = require('customerio-node');
const cio = new TC(siteId, key);
cio.identify(id, { created_at: Date.now() });`,
    output: `const { TrackClient: TC } = require('customerio-node');
const cio = new TC(siteId, key);
cio.identify(id, { created_at: Math.floor(Date.now() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 32 }],
  },
  {
    name: 'require without destructuring',
    code: `const customerio = require('customerio-node');
const cio = new customerio.TrackClient(siteId, key);
cio.track(id, { name: 'x', timestamp: Date.now() });`,
    output: `const customerio = require('customerio-node');
const cio = new customerio.TrackClient(siteId, key);
cio.track(id, { name: 'x', timestamp: Math.floor(Date.now() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 39 }],
  },
  {
    name: 'namespace import',
    code: `import * as customerio from 'customerio-node';
const cio = new customerio.TrackClient(siteId, key);
cio.identify(id, { created_at: Date.now() });`,
    output: `import * as customerio from 'customerio-node';
const cio = new customerio.TrackClient(siteId, key);
cio.identify(id, { created_at: Math.floor(Date.now() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 32 }],
  },
  {
    name: 'the 2.x default export used as the Track client',
    code: `const CIO = require('customerio-node');
const cio = new CIO(siteId, key);
cio.identify(id, { created_at: Date.now() });`,
    output: `const CIO = require('customerio-node');
const cio = new CIO(siteId, key);
cio.identify(id, { created_at: Math.floor(Date.now() / 1000) });`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 3, column: 32 }],
  },
  {
    name: 'a client in a class field, used in an async method',
    code: `import { TrackClient } from 'customerio-node';
class Notifier {
  private cio = new TrackClient(siteId, key);
  async signedUp(user) {
    await this.cio.identify(user.id, { created_at: Date.now() });
  }
}`,
    output: `import { TrackClient } from 'customerio-node';
class Notifier {
  private cio = new TrackClient(siteId, key);
  async signedUp(user) {
    await this.cio.identify(user.id, { created_at: Math.floor(Date.now() / 1000) });
  }
}`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 5, column: 52 }],
  },
  {
    name: 'a client injected through a typed constructor parameter',
    code: `import type { TrackClient } from 'customerio-node';
export class Billing {
  constructor(private readonly cio: TrackClient) {}
  renewed(id: string, at: Date) { return this.cio.track(id, { name: 'renewed', timestamp: at.getTime() }); }
}`,
    output: `import type { TrackClient } from 'customerio-node';
export class Billing {
  constructor(private readonly cio: TrackClient) {}
  renewed(id: string, at: Date) { return this.cio.track(id, { name: 'renewed', timestamp: Math.floor(at.getTime() / 1000) }); }
}`,
    errors: [{ messageId: 'millisecondsForSeconds', line: 4, column: 91 }],
  },
  {
    name: 'a client from an awaited factory and from a .then callback',
    code: `import { TrackClient } from 'customerio-node';
async function getCio() { return new TrackClient(siteId, key); }
export async function a(id) {
  const cio = await getCio();
  await cio.identify(id, { created_at: Date.now() });
}
getCio().then((cio) => cio.track(id, { name: 'x', timestamp: Date.now() }));`,
    output: `import { TrackClient } from 'customerio-node';
async function getCio() { return new TrackClient(siteId, key); }
export async function a(id) {
  const cio = await getCio();
  await cio.identify(id, { created_at: Math.floor(Date.now() / 1000) });
}
getCio().then((cio) => cio.track(id, { name: 'x', timestamp: Math.floor(Date.now() / 1000) }));`,
    errors: [
      { messageId: 'millisecondsForSeconds', line: 5, column: 40 },
      { messageId: 'millisecondsForSeconds', line: 7, column: 62 },
    ],
  },
  {
    name: 'a client module declared in settings.cdp.clients',
    code: `import { cio } from '../lib/cio';
export const touch = (id) => cio.identify(id, { updated_at: Date.now() });`,
    output: `import { cio } from '../lib/cio';
export const touch = (id) => cio.identify(id, { updated_at: Math.floor(Date.now() / 1000) });`,
    settings: { cdp: { clients: { './lib/cio': { cio: 'TrackClient' } } } },
    errors: [{ messageId: 'millisecondsForSeconds', line: 2, column: 61 }],
  },

  // ---- Wrappers ----
  {
    name: 'a local wrapper: reported at the call site, as a suggestion (the wrapper may use the value elsewhere)',
    code: `${CIO}function trackEvent(userId, name, ts) {
  return cio.track(userId, { name, timestamp: ts });
}
trackEvent(user.id, 'signed_up', Date.now());`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 6,
        column: 34,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}function trackEvent(userId, name, ts) {
  return cio.track(userId, { name, timestamp: ts });
}
trackEvent(user.id, 'signed_up', Math.floor(Date.now() / 1000));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a local wrapper that forwards a whole attributes object',
    code: `${CIO}const identifyUser = (user, attrs) => cio.identify(user.id, attrs);
identifyUser(current, { email: current.email, created_at: +new Date() });`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 4,
        column: 59,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}const identifyUser = (user, attrs) => cio.identify(user.id, attrs);
identifyUser(current, { email: current.email, created_at: Math.floor(+new Date() / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a wrapper that sends one value to two slots is reported once',
    code: `${CIO}async function trackBoth(id, at) {
  await cio.track(id, { name: 'a', timestamp: at });
  await cio.track(id, { name: 'b', timestamp: at });
}
await trackBoth(user.id, order.createdAt.getTime());`,
    output: null,
    errors: [
      {
        messageId: 'millisecondsForSeconds',
        line: 7,
        column: 26,
        suggestions: [
          {
            messageId: 'suggestSecondsFromMillis',
            output: `${CIO}async function trackBoth(id, at) {
  await cio.track(id, { name: 'a', timestamp: at });
  await cio.track(id, { name: 'b', timestamp: at });
}
await trackBoth(user.id, Math.floor(order.createdAt.getTime() / 1000));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a wrapper declared in settings.cdp.wrappers',
    code: `import { trackEvent } from './analytics';
await trackEvent(user.id, { name: 'x', timestamp: new Date() });`,
    output: null,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1'] }] } },
    errors: [
      {
        messageId: 'dateForSeconds',
        line: 2,
        column: 51,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `import { trackEvent } from './analytics';
await trackEvent(user.id, { name: 'x', timestamp: Math.floor(new Date().getTime() / 1000) });`,
          },
        ],
      },
    ],
  },
];

describe('valid-timestamps', () => {
  createRuleTester().run('valid-timestamps', rule, { valid, invalid });
});

// ---- With type information ----

const typedValid: ValidTestCase<Options>[] = [
  {
    name: 'typed: number-typed values are not guessed at',
    code: `import { cio } from './lib/cio';
declare const user: { id: string; createdAtSec: number; plan: string };
await cio.identify(user.id, { created_at: user.createdAtSec, plan: user.plan });`,
  },
  {
    name: 'typed: a stringified number is not a date string',
    code: `import { cio } from './lib/cio';
declare const seconds: number;
const asText = String(seconds);
await cio.identify('1', { created_at: asText, updated_at: seconds.toFixed(0) });`,
  },
  {
    name: 'typed: a Date is right for Data Pipelines',
    code: `import { analytics } from './lib/cio';
declare const placedAt: Date;
analytics.track({ userId: '1', event: 'x', timestamp: placedAt });`,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'typed: a client exported from another module, found through types',
    code: `import { cio, analytics } from './lib/cio';
export async function handler(id: string) {
  await cio.identify(id, { created_at: Date.now() });
  analytics.track({ userId: id, event: 'x', timestamp: Date.now() });
}`,
    output: `import { cio, analytics } from './lib/cio';
export async function handler(id: string) {
  await cio.identify(id, { created_at: Math.floor(Date.now() / 1000) });
  analytics.track({ userId: id, event: 'x', timestamp: Date.now() });
}`,
    errors: [
      { messageId: 'millisecondsForSeconds', line: 3, column: 40 },
      {
        messageId: 'numberForDate',
        line: 4,
        column: 56,
        suggestions: [
          {
            messageId: 'suggestDateFromMillis',
            output: `import { cio, analytics } from './lib/cio';
export async function handler(id: string) {
  await cio.identify(id, { created_at: Date.now() });
  analytics.track({ userId: id, event: 'x', timestamp: new Date() });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'typed: a string-typed column (a timestamptz read as text)',
    code: `import { cio } from './lib/cio';
declare const row: { id: string; created_at: string | null };
await cio.identify(row.id, { created_at: row.created_at });`,
    output: null,
    errors: [
      {
        messageId: 'stringForSeconds',
        line: 3,
        column: 42,
        suggestions: [
          {
            messageId: 'suggestSecondsFromString',
            output: `import { cio } from './lib/cio';
declare const row: { id: string; created_at: string | null };
await cio.identify(row.id, { created_at: Math.floor(Date.parse(row.created_at) / 1000) });`,
          },
        ],
      },
    ],
  },
  {
    name: 'typed: a Date-typed property in a seconds slot',
    code: `import { cio } from './lib/cio';
declare const user: { id: string; createdAt: Date };
await cio.identify(user.id, { created_at: user.createdAt });`,
    output: null,
    errors: [
      {
        messageId: 'dateForSeconds',
        line: 3,
        column: 43,
        suggestions: [
          {
            messageId: 'suggestSecondsFromDate',
            output: `import { cio } from './lib/cio';
declare const user: { id: string; createdAt: Date };
await cio.identify(user.id, { created_at: Math.floor(user.createdAt.getTime() / 1000) });`,
          },
        ],
      },
    ],
  },
];

describe('valid-timestamps (typed)', () => {
  createTypedRuleTester().run('valid-timestamps', rule, { valid: typedValid, invalid: typedInvalid });
});

// ---- Every fix and suggestion leaves code the rule no longer flags there ----
describeFixSafety('valid-timestamps', rule, invalid);
describeFixSafety('valid-timestamps', rule, typedInvalid, true);

describe('valid-timestamps: messages name the field, the unit found, the unit expected and the fix', () => {
  const noOptions = { name: '', code: '', errors: [] } as InvalidTestCase<MessageIds, Options>;
  it.each([
    [
      'milliseconds in a seconds slot',
      `${CIO}cio.identify(id, { created_at: Date.now() });`,
      '`created_at` gets a millisecond timestamp, but Customer.io (customerio-node) expects whole Unix seconds: it is read as a date about 50,000 years away, so segments and campaign timing silently break. Divide by 1000 and round down: `Math.floor(ms / 1000)`.',
    ],
    [
      'un-floored seconds',
      `${CIO}cio.track(id, { name: 'x', timestamp: d.getTime() / 1000 });`,
      '`timestamp` gets Unix seconds with a fraction, but Customer.io (customerio-node) expects a whole number of seconds, so the value is not a valid timestamp for segments and campaign timing. Round it down: `Math.floor(seconds)`.',
    ],
    [
      'a Day.js object in a seconds slot',
      `${CIO}import dayjs from 'dayjs';\ncio.identify(id, { trial_ends_at: dayjs().add(14, 'day') });`,
      '`trial_ends_at` gets a Day.js object, which is sent as an ISO-8601 string, but Customer.io (customerio-node) expects whole Unix seconds and does not treat strings as dates in segments. Send `date.unix()` instead.',
    ],
    [
      'an ISO string in a seconds slot',
      `${CIO}cio.identify(id, { last_login_at: new Date().toISOString() });`,
      '`last_login_at` gets an ISO-8601 string, but Customer.io (customerio-node) expects whole Unix seconds and does not treat strings as dates in segments. Send the date as whole seconds, e.g. `Math.floor(date.getTime() / 1000)`.',
    ],
    [
      'seconds in a Pipelines Date slot',
      `${ANALYTICS}analytics.track({ userId, event: 'x', timestamp: Math.floor(Date.now() / 1000) });`,
      '`timestamp` gets a number of Unix seconds, but Customer.io Data Pipelines (@customerio/cdp-analytics-node) expects a `Date` or an ISO-8601 string: the value goes out as it is, not as a date, so the event gets the wrong time or is rejected. Pass a `Date`: `new Date(seconds * 1000)`.',
    ],
    [
      'digits of milliseconds in a Klaviyo Date slot',
      `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { time: String(Date.now()), properties: {}, metric: { data: { type: 'metric', attributes: { name: 'x' } } } } } });`,
      '`time` gets a string of digits, but Klaviyo (klaviyo-api) expects a `Date`: the value goes out as it is, not as a date, so the event gets the wrong time or is rejected. Pass a `Date`: `new Date(Number(text))`.',
    ],
  ])('%s', (_name, code, message) => {
    expect(lintWith('valid-timestamps', rule as never, code, noOptions as never).map((m) => m.message)).toEqual([message]);
  });
});
