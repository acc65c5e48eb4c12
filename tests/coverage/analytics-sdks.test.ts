import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import noClientPerRequest from '../../src/rules/no-client-per-request.js';
import noDynamicEventNames from '../../src/rules/no-dynamic-event-names.js';
import noFloatingSdkCalls from '../../src/rules/no-floating-sdk-calls.js';
import noHardcodedCredentials from '../../src/rules/no-hardcoded-credentials.js';
import requireErrorListener from '../../src/rules/require-error-listener.js';
import requireFlush from '../../src/rules/require-flush.js';
import validTimestamps from '../../src/rules/valid-timestamps.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester } from '../rule-tester.js';

/*
 * The analytics SDKs (Segment, PostHog, Amplitude, Mixpanel) are descriptors only: these cases
 * check that the rules written for Customer.io and Klaviyo cover them through the model, with the
 * import shapes people use (named, default, namespace, `require`, aliased, module functions).
 */

type Valid<O extends readonly unknown[] = []> = ValidTestCase<O>;
type Invalid<M extends string, O extends readonly unknown[] = []> = InvalidTestCase<M, O>;
type TimestampOptions = [{ additionalDateAttributes?: string[]; ignoreAttributes?: string[] }];
type EventNameOptions = [{ reportUnknown?: boolean }];
type CredentialOptions = [{ allow?: string[]; checkTests?: boolean }];

const ruleTester = createRuleTester();

const SEGMENT = `import { Analytics } from '@segment/analytics-node';\n`;
const POSTHOG = `import { PostHog } from 'posthog-node';\n`;
const AMPLITUDE = `import { init, track, flush } from '@amplitude/analytics-node';\n`;
const MIXPANEL = `const Mixpanel = require('mixpanel');\n`;
const EXPRESS = `import express from 'express';\nconst app = express();\n`;

// ---------------------------------------------------------------------------------------------
// valid-timestamps

type TimestampIds =
  | 'numberForDate'
  | 'suggestDateFromMillis'
  | 'suggestDateFromSeconds'
  | 'secondsForMilliseconds'
  | 'dateForMilliseconds'
  | 'suggestMillisFromSeconds'
  | 'suggestMillisFromDate';

const timestampValid: Valid<TimestampOptions>[] = [
  { name: 'Segment: a Date and an ISO string', code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.track({ userId: 'u1', event: 'signed_up', timestamp: new Date() });
analytics.identify({ userId: 'u1', timestamp: new Date().toISOString() });` },
  { name: 'PostHog: a Date', code: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
posthog.capture({ distinctId: 'u1', event: 'signed_up', timestamp: new Date(order.createdAt) });` },
  { name: 'Amplitude: milliseconds from Date.now() and getTime()', code: `${AMPLITUDE}track('signed_up', {}, { user_id: 'u1', time: Date.now() });
track({ event_type: 'signed_up', user_id: 'u1', time: order.createdAt.getTime() });` },
  { name: 'Amplitude: a namespace import and a created instance', code: `import * as amplitude from '@amplitude/analytics-node';
const client = amplitude.createInstance();
amplitude.track('a', undefined, { user_id: 'u1', time: Date.now() - 60_000 });
client.track('b', undefined, { device_id: 'd1', time: 1718000000000 });` },
  { name: 'Mixpanel: seconds and milliseconds are both accepted for `time`', code: `${MIXPANEL}const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);
mp.track('signed_up', { distinct_id: 'u1', time: Math.floor(Date.now() / 1000) });
mp.import('signed_up', Date.now(), { distinct_id: 'u1' });` },
];

const timestampInvalid: Invalid<TimestampIds, TimestampOptions>[] = [
  {
    name: 'Segment: milliseconds where a Date or ISO string goes',
    code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.track({ userId: 'u1', event: 'signed_up', timestamp: Date.now() });`,
    errors: [{
      messageId: 'numberForDate',
      suggestions: [{ messageId: 'suggestDateFromMillis', output: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.track({ userId: 'u1', event: 'signed_up', timestamp: new Date() });` }],
    }],
  },
  {
    name: 'Segment: the default import, seconds in a page call',
    code: `import Analytics from '@segment/analytics-node';
const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.page({ anonymousId: 'a1', timestamp: Math.floor(Date.now() / 1000) });`,
    errors: [{
      messageId: 'numberForDate',
      suggestions: [{ messageId: 'suggestDateFromSeconds', output: `import Analytics from '@segment/analytics-node';
const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.page({ anonymousId: 'a1', timestamp: new Date() });` }],
    }],
  },
  {
    name: 'PostHog: require and a class field, milliseconds where a Date goes',
    code: `const { PostHog: Client } = require('posthog-node');
class Tracker {
  client = new Client(process.env.POSTHOG_API_KEY);
  signup(id) {
    this.client.capture({ distinctId: id, event: 'signed_up', timestamp: Date.now() });
  }
}`,
    errors: [{
      messageId: 'numberForDate',
      suggestions: [{ messageId: 'suggestDateFromMillis', output: `const { PostHog: Client } = require('posthog-node');
class Tracker {
  client = new Client(process.env.POSTHOG_API_KEY);
  signup(id) {
    this.client.capture({ distinctId: id, event: 'signed_up', timestamp: new Date() });
  }
}` }],
    }],
  },
  {
    name: 'Amplitude: seconds out of habit, fixed to the milliseconds they came from',
    code: `import * as amplitude from '@amplitude/analytics-node';
amplitude.track('signed_up', {}, { user_id: 'u1', time: Math.floor(Date.now() / 1000) });`,
    output: `import * as amplitude from '@amplitude/analytics-node';
amplitude.track('signed_up', {}, { user_id: 'u1', time: Date.now() });`,
    errors: [{ messageId: 'secondsForMilliseconds' }],
  },
  {
    name: 'Amplitude: a module function gets a suggestion, not a fix',
    code: `${AMPLITUDE}track('signed_up', {}, { user_id: 'u1', time: Math.floor(Date.now() / 1000) });`,
    errors: [{
      messageId: 'secondsForMilliseconds',
      suggestions: [{ messageId: 'suggestMillisFromSeconds', output: `${AMPLITUDE}track('signed_up', {}, { user_id: 'u1', time: Date.now() });` }],
    }],
  },
  {
    name: 'Amplitude: seconds from a variable, in an event object',
    code: `${AMPLITUDE}const now = Math.floor(Date.now() / 1000);
track({ event_type: 'signed_up', user_id: 'u1', time: now });`,
    errors: [{
      messageId: 'secondsForMilliseconds',
      suggestions: [{ messageId: 'suggestMillisFromSeconds', output: `${AMPLITUDE}const now = Math.floor(Date.now() / 1000);
track({ event_type: 'signed_up', user_id: 'u1', time: now * 1000 });` }],
    }],
  },
  {
    name: 'Amplitude: a Date and an ISO string where milliseconds go',
    code: `const { createInstance } = require('@amplitude/analytics-node');
const client = createInstance();
client.track('a', undefined, { user_id: 'u1', time: new Date() });
client.identify(identify, { user_id: 'u1', time: order.createdAt.toISOString() });`,
    errors: [
      {
        messageId: 'dateForMilliseconds',
        suggestions: [{ messageId: 'suggestMillisFromDate', output: `const { createInstance } = require('@amplitude/analytics-node');
const client = createInstance();
client.track('a', undefined, { user_id: 'u1', time: new Date().getTime() });
client.identify(identify, { user_id: 'u1', time: order.createdAt.toISOString() });` }],
      },
      {
        messageId: 'dateForMilliseconds',
        suggestions: [{ messageId: 'suggestMillisFromDate', output: `const { createInstance } = require('@amplitude/analytics-node');
const client = createInstance();
client.track('a', undefined, { user_id: 'u1', time: new Date() });
client.identify(identify, { user_id: 'u1', time: order.createdAt.getTime() });` }],
      },
    ],
  },
];

ruleTester.run('valid-timestamps (analytics SDKs)', validTimestamps, { valid: timestampValid, invalid: timestampInvalid });
describeFixSafety('valid-timestamps', validTimestamps, timestampInvalid);

// ---------------------------------------------------------------------------------------------
// no-dynamic-event-names

const eventNameValid: Valid<EventNameOptions>[] = [
  { name: 'constant names on every SDK', code: `${SEGMENT}${POSTHOG}${AMPLITUDE}${MIXPANEL}const EVENTS = { SIGNED_UP: 'signed_up' } as const;
const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);
analytics.track({ userId: 'u1', event: EVENTS.SIGNED_UP });
posthog.capture({ distinctId: 'u1', event: 'signed_up' });
track(EVENTS.SIGNED_UP, { plan: user.plan }, { user_id: 'u1' });
mp.track('signed_up', { distinct_id: 'u1', plan: user.plan });` },
  { name: 'Amplitude: an event object is not the name itself', code: `${AMPLITUDE}const event = { event_type: 'signed_up', user_id: 'u1' };
track(event);
track({ event_type: 'signed_up', event_properties: { plan: user.plan }, user_id: 'u1' });` },
];

const eventNameInvalid: Invalid<'dynamicName', EventNameOptions>[] = [
  {
    name: 'Segment: a name built from data',
    code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.track({ userId: 'u1', event: \`viewed_\${page.slug}\` });`,
    errors: [{ messageId: 'dynamicName' }],
  },
  {
    name: 'PostHog: a name concatenated in a handler',
    code: `${POSTHOG}${EXPRESS}const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
app.post('/x', (req, res) => { posthog.capture({ distinctId: req.user.id, event: 'clicked_' + req.body.button }); res.end(); });`,
    errors: [{ messageId: 'dynamicName' }],
  },
  {
    name: 'Amplitude: a module function and an event object',
    code: `${AMPLITUDE}track(\`order_\${order.status}\`, {}, { user_id: 'u1' });
track({ event_type: 'order_' + order.status, user_id: 'u1' });`,
    errors: [{ messageId: 'dynamicName' }, { messageId: 'dynamicName' }],
  },
  {
    name: 'Mixpanel: an ESM default import',
    code: `import Mixpanel from 'mixpanel';
const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN!);
mp.track(\`\${feature}_used\`, { distinct_id: 'u1' });`,
    errors: [{ messageId: 'dynamicName' }],
  },
];

ruleTester.run('no-dynamic-event-names (analytics SDKs)', noDynamicEventNames, { valid: eventNameValid, invalid: eventNameInvalid });

// ---------------------------------------------------------------------------------------------
// no-hardcoded-credentials

const PERSONAL_KEY = 'phx_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ';
const PROJECT_KEY = 'phc_2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlS';

const credentialValid: Valid<CredentialOptions>[] = [
  { name: 'PostHog: a hard-coded project key is public by design', code: `${POSTHOG}const posthog = new PostHog('${PROJECT_KEY}', { host: 'https://eu.i.posthog.com' });` },
  { name: 'Segment write key, Mixpanel token, Amplitude API key: publishable', code: `${SEGMENT}${MIXPANEL}import * as amplitude from '@amplitude/analytics-node';
const analytics = new Analytics({ writeKey: 'k7VXc2MzsA1SwGq3b8Ld0rEf' });
const mp = Mixpanel.init('4Qwb8DwkNhFdnXsiVpzz63FfkCzJr4i0');
amplitude.init('729fae923d5a4fd12aabfe228f219e9c');` },
  { name: 'PostHog: the personal key from the environment', code: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!, { personalApiKey: process.env.POSTHOG_PERSONAL_API_KEY });` },
];

const credentialInvalid: Invalid<'hardcoded' | 'keyInSource' | 'useEnv', CredentialOptions>[] = [
  {
    name: 'PostHog: a personal API key in the options',
    code: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!, { personalApiKey: '${PERSONAL_KEY}' });`,
    errors: [{
      messageId: 'hardcoded',
      suggestions: [{ messageId: 'useEnv', output: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!, { personalApiKey: process.env.POSTHOG_PERSONAL_API_KEY! });` }],
    }],
  },
  {
    name: 'PostHog: a personal key anywhere in source, even far from the SDK',
    code: `export const config = { flags: { key: '${PERSONAL_KEY}' } };`,
    errors: [{
      messageId: 'keyInSource',
      suggestions: [{ messageId: 'useEnv', output: `export const config = { flags: { key: process.env.POSTHOG_PERSONAL_API_KEY! } };` }],
    }],
  },
  {
    name: 'Mixpanel: the API secret of the deprecated `secret` option',
    code: `${MIXPANEL}const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN, { secret: 'b2c0e9f4d1a87c3e5f60a9b8c7d6e5f4' });`,
    filename: 'file.js',
    errors: [{
      messageId: 'hardcoded',
      suggestions: [{ messageId: 'useEnv', output: `${MIXPANEL}const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN, { secret: process.env.MIXPANEL_API_SECRET });` }],
    }],
  },
];

ruleTester.run('no-hardcoded-credentials (analytics SDKs)', noHardcodedCredentials, { valid: credentialValid, invalid: credentialInvalid });

// ---------------------------------------------------------------------------------------------
// no-client-per-request

const perRequestValid: Valid[] = [
  { name: 'clients built once at module scope', code: `${SEGMENT}${POSTHOG}${MIXPANEL}${EXPRESS}import { createInstance } from '@amplitude/analytics-node';
const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);
const amplitude = createInstance();
app.post('/x', (req, res) => {
  analytics.track({ userId: req.user.id, event: 'x' });
  posthog.capture({ distinctId: req.user.id, event: 'x' });
  mp.track('x', { distinct_id: req.user.id });
  amplitude.track('x', undefined, { user_id: req.user.id });
  res.end();
});` },
  { name: 'Segment: the documented serverless pattern, built and flushed per invocation', code: `${SEGMENT}export const handler = async (event) => {
  const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
  analytics.track({ userId: event.userId, event: 'x' });
  await analytics.closeAndFlush();
};` },
  { name: 'PostHog: built and shut down per invocation', code: `${POSTHOG}export const handler = async (event) => {
  const posthog = new PostHog(process.env.POSTHOG_API_KEY!, { flushAt: 1, flushInterval: 0 });
  posthog.capture({ distinctId: event.userId, event: 'x' });
  await posthog.shutdown();
};` },
];

const perRequestInvalid: Invalid<'perRequest' | 'hoistToModule'>[] = [
  {
    name: 'Segment: a client per Express request',
    code: `${SEGMENT}${EXPRESS}app.post('/x', (req, res) => {
  const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
  analytics.track({ userId: req.user.id, event: 'x' });
  res.end();
});`,
    errors: [{ messageId: 'perRequest', suggestions: [{ messageId: 'hoistToModule', output: `${SEGMENT}${EXPRESS}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });

app.post('/x', (req, res) => {
  analytics.track({ userId: req.user.id, event: 'x' });
  res.end();
});` }] }],
  },
  {
    name: 'PostHog: a client per request, aliased',
    code: `import { PostHog as Ph } from 'posthog-node';
${EXPRESS}app.get('/x', async (req, res) => {
  const ph = new Ph(process.env.POSTHOG_API_KEY!);
  ph.capture({ distinctId: req.user.id, event: 'x' });
  res.end();
});`,
    errors: [{ messageId: 'perRequest', suggestions: [{ messageId: 'hoistToModule', output: `import { PostHog as Ph } from 'posthog-node';
${EXPRESS}const ph = new Ph(process.env.POSTHOG_API_KEY!);

app.get('/x', async (req, res) => {
  ph.capture({ distinctId: req.user.id, event: 'x' });
  res.end();
});` }] }],
  },
  {
    name: 'Mixpanel: Mixpanel.init per request',
    code: `${MIXPANEL}${EXPRESS}app.post('/x', (req, res) => {
  const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);
  mp.track('x', { distinct_id: req.user.id });
  res.end();
});`,
    errors: [{ messageId: 'perRequest', suggestions: [{ messageId: 'hoistToModule', output: `${MIXPANEL}${EXPRESS}const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);

app.post('/x', (req, res) => {
  mp.track('x', { distinct_id: req.user.id });
  res.end();
});` }] }],
  },
  {
    name: 'Amplitude: createInstance() and init per request',
    code: `import * as amplitude from '@amplitude/analytics-node';
${EXPRESS}app.post('/x', (req, res) => {
  const client = amplitude.createInstance();
  client.init(process.env.AMPLITUDE_API_KEY!);
  client.track('x', undefined, { user_id: req.user.id });
  res.end();
});`,
    errors: [{ messageId: 'perRequest', suggestions: [{ messageId: 'hoistToModule', output: `import * as amplitude from '@amplitude/analytics-node';
${EXPRESS}const client = amplitude.createInstance();

app.post('/x', (req, res) => {
  client.init(process.env.AMPLITUDE_API_KEY!);
  client.track('x', undefined, { user_id: req.user.id });
  res.end();
});` }] }],
  },
];

ruleTester.run('no-client-per-request (analytics SDKs)', noClientPerRequest, { valid: perRequestValid, invalid: perRequestInvalid });

// ---------------------------------------------------------------------------------------------
// no-floating-sdk-calls: none of these SDKs rejects per event, so nothing floats but flushes.

const floatingValid: Valid[] = [
  { name: 'queued calls return nothing, Amplitude promises never reject', code: `${SEGMENT}${POSTHOG}${AMPLITUDE}${MIXPANEL}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);
export async function signup(id) {
  analytics.track({ userId: id, event: 'x' });
  posthog.capture({ distinctId: id, event: 'x' });
  track('x', undefined, { user_id: id });
  track('y', undefined, { user_id: id }).promise.then(console.log);
  mp.track('x', { distinct_id: id });
}` },
];

const floatingInvalid: Invalid<'unawaitedFlush' | 'addAwait'>[] = [
  {
    name: 'Amplitude: a helper that waits for flush().promise, called without await',
    code: `${AMPLITUDE}async function done() {
  await flush().promise;
}
export async function handler() {
  track('x', undefined, { user_id: 'u1' });
  done();
}`,
    errors: [{ messageId: 'unawaitedFlush', suggestions: [{ messageId: 'addAwait', output: `${AMPLITUDE}async function done() {
  await flush().promise;
}
export async function handler() {
  track('x', undefined, { user_id: 'u1' });
  await done();
}` }] }],
  },
  {
    name: 'PostHog: a helper that shuts the client down, called without await',
    code: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
async function close() {
  await posthog.shutdown();
}
export async function main() {
  posthog.capture({ distinctId: 'u1', event: 'x' });
  close();
}`,
    errors: [{ messageId: 'unawaitedFlush', suggestions: [{ messageId: 'addAwait', output: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
async function close() {
  await posthog.shutdown();
}
export async function main() {
  posthog.capture({ distinctId: 'u1', event: 'x' });
  await close();
}` }] }],
  },
];

ruleTester.run('no-floating-sdk-calls (analytics SDKs)', noFloatingSdkCalls, { valid: floatingValid, invalid: floatingInvalid });

// ---------------------------------------------------------------------------------------------
// require-flush

type FlushIds = 'missingFlush' | 'missingFlushShared' | 'notAwaited' | 'closesSharedClient' | 'addAwait';

const flushValid: Valid[] = [
  { name: 'Segment: a shared client flushed (not closed) per invocation', code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
export const handler = async (event) => {
  analytics.track({ userId: event.userId, event: 'x' });
  await analytics.flush();
};` },
  { name: 'PostHog: flush in a finally', code: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
export const handler = async (event) => {
  try {
    posthog.capture({ distinctId: event.userId, event: 'x' });
  } finally {
    await posthog.flush();
  }
};` },
  { name: 'Amplitude: await flush().promise, module functions and a namespace', code: `${AMPLITUDE}export const handler = async (event) => {
  track('x', undefined, { user_id: event.userId });
  await flush().promise;
};` },
  { name: 'Amplitude: a namespace import, the flush handed to waitUntil', code: `import * as amplitude from '@amplitude/analytics-node';
export default {
  async fetch(request, env, ctx) {
    amplitude.track('x', undefined, { user_id: 'u1' });
    ctx.waitUntil(amplitude.flush().promise);
    return new Response('ok');
  },
};` },
  { name: 'Mixpanel sends each call at once: nothing to flush', code: `${MIXPANEL}const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);
export const handler = async (event) => {
  mp.track('x', { distinct_id: event.userId });
};` },
  { name: 'a long-running server needs no flush per request', code: `${POSTHOG}${EXPRESS}const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
app.post('/x', (req, res) => { posthog.capture({ distinctId: req.user.id, event: 'x' }); res.end(); });` },
];

const flushInvalid: Invalid<FlushIds>[] = [
  {
    name: 'Segment: a Lambda handler that never flushes',
    code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
export const handler = async (event) => {
  analytics.track({ userId: event.userId, event: 'x' });
};`,
    errors: [{ messageId: 'missingFlush', data: { client: '`analytics`', flushCall: 'analytics.flush()', entry: 'Lambda handler' } }],
  },
  {
    name: 'Segment: closeAndFlush closes a client the next invocation reuses',
    code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
export const handler = async (event) => {
  analytics.track({ userId: event.userId, event: 'x' });
  await analytics.closeAndFlush();
};`,
    errors: [{ messageId: 'closesSharedClient' }],
  },
  {
    name: 'PostHog: a Next.js route handler that never flushes',
    code: `${POSTHOG}const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
export async function POST(request: Request) {
  posthog.capture({ distinctId: 'u1', event: 'x' });
  return Response.json({ ok: true });
}`,
    filename: 'app/api/track/route.ts',
    errors: [{ messageId: 'missingFlush', data: { client: '`posthog`', flushCall: 'posthog.flush()', entry: 'Next.js route handler' } }],
  },
  {
    name: 'PostHog: shutdown not awaited',
    code: `${POSTHOG}export const handler = async (event) => {
  const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
  posthog.capture({ distinctId: event.userId, event: 'x' });
  posthog.shutdown();
};`,
    errors: [{ messageId: 'notAwaited', suggestions: [{ messageId: 'addAwait', output: `${POSTHOG}export const handler = async (event) => {
  const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
  posthog.capture({ distinctId: event.userId, event: 'x' });
  await posthog.shutdown();
};` }] }],
  },
  {
    name: 'Amplitude: a handler that never flushes the default instance',
    code: `${AMPLITUDE}export const handler = async (event) => {
  track('x', undefined, { user_id: event.userId });
};`,
    errors: [{ messageId: 'missingFlush', data: { client: 'the `NodeClient` client', flushCall: 'flush().promise', entry: 'Lambda handler' } }],
  },
  {
    name: 'Amplitude: awaiting the holder waits for nothing',
    code: `${AMPLITUDE}export const handler = async (event) => {
  track('x', undefined, { user_id: event.userId });
  await flush();
};`,
    errors: [{ messageId: 'notAwaited', data: { flushCall: 'flush().promise' }, suggestions: [{ messageId: 'addAwait', output: `${AMPLITUDE}export const handler = async (event) => {
  track('x', undefined, { user_id: event.userId });
  await flush().promise;
};` }] }],
  },
  {
    name: 'Amplitude: a created instance flushed without waiting',
    code: `const { createInstance } = require('@amplitude/analytics-node');
const client = createInstance();
export const handler = async (event) => {
  client.track('x', undefined, { user_id: event.userId });
  client.flush();
};`,
    errors: [{ messageId: 'notAwaited', data: { flushCall: 'client.flush().promise' }, suggestions: [{ messageId: 'addAwait', output: `const { createInstance } = require('@amplitude/analytics-node');
const client = createInstance();
export const handler = async (event) => {
  client.track('x', undefined, { user_id: event.userId });
  await client.flush().promise;
};` }] }],
  },
  {
    name: 'Amplitude: flushing another client does not flush this one',
    code: `import * as amplitude from '@amplitude/analytics-node';
const other = amplitude.createInstance();
export const handler = async (event) => {
  amplitude.track('x', undefined, { user_id: event.userId });
  await other.flush().promise;
};`,
    errors: [{ messageId: 'missingFlush', data: { client: '`amplitude`', flushCall: 'amplitude.flush().promise', entry: 'Lambda handler' } }],
  },
];

ruleTester.run('require-flush (analytics SDKs)', requireFlush, { valid: flushValid, invalid: flushInvalid });
describeFixSafety('require-flush', requireFlush, flushInvalid);

// ---------------------------------------------------------------------------------------------
// require-error-listener: only Segment reports failures only as events.

const listenerValid: Valid[] = [
  { name: 'Segment with an error listener', code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.on('error', (err) => console.error(err));` },
  { name: 'Segment with per-call callbacks', code: `${SEGMENT}const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });
analytics.track({ userId: 'u1', event: 'x' }, (err) => { if (err) console.error(err); });` },
  { name: 'PostHog logs failed flushes itself; Mixpanel and Amplitude have no emitter', code: `${POSTHOG}${MIXPANEL}import { createInstance } from '@amplitude/analytics-node';
const posthog = new PostHog(process.env.POSTHOG_API_KEY!);
const mp = Mixpanel.init(process.env.MIXPANEL_TOKEN);
const client = createInstance();` },
];

const listenerInvalid: Invalid<'missingListener' | 'addListener'>[] = [
  {
    name: 'Segment without a listener',
    code: `const { Analytics } = require('@segment/analytics-node');
const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });
analytics.track({ userId: 'u1', event: 'x' });`,
    errors: [{ messageId: 'missingListener', suggestions: [{ messageId: 'addListener', output: `const { Analytics } = require('@segment/analytics-node');
const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });
analytics.on('error', (error) => {
  console.error(error);
});
analytics.track({ userId: 'u1', event: 'x' });` }] }],
  },
  {
    name: 'Segment: the default export through require',
    code: `const Analytics = require('@segment/analytics-node').default;
export const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });`,
    errors: [{ messageId: 'missingListener', suggestions: [{ messageId: 'addListener', output: `const Analytics = require('@segment/analytics-node').default;
export const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });
analytics.on('error', (error) => {
  console.error(error);
});` }] }],
  },
];

ruleTester.run('require-error-listener (analytics SDKs)', requireErrorListener, { valid: listenerValid, invalid: listenerInvalid });
