import rule from '../../src/rules/no-dynamic-event-names.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const typedRuleTester = createTypedRuleTester();

const settingsClients = { cdp: { clients: { './lib/cio': ['cio', 'analytics'] } } };
const settingsTypedClients = { cdp: { clients: { './lib/cio': { cio: 'TrackClient', analytics: 'Analytics' } } } };
const settingsWrappers = {
  cdp: {
    wrappers: [
      { name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] },
      { name: 'telemetry.send', calls: 'Analytics.track', args: ['0.userId', '0.event'] },
    ],
  },
};

ruleTester.run('no-dynamic-event-names', rule, {
  valid: [
    // The catalog's right code.
    {
      name: 'a fixed name with the variable part in data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
cio.track(user.id, { name: 'product_viewed', data: { product_id: product.id } });`,
    },
    {
      name: 'a const binding, a template of constants and a concatenation of constants',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const PREFIX = 'shop';
const SIGNED_UP = 'signed_up';
cio.track(id, { name: SIGNED_UP });
cio.track(id, { name: \`\${PREFIX}_order_placed\` });
cio.track(id, { name: PREFIX + '_' + SIGNED_UP });`,
    },
    {
      name: 'conditionals between literals, also inside a template',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: isNew ? 'signed_up' : 'logged_in' });
cio.track(id, { name: \`app_\${isMobile ? 'mobile' : 'web'}_opened\` });
cio.track(id, { name: 'checkout_' + (paid ? 'completed' : 'abandoned') });`,
    },
    {
      name: 'members of as-const objects, plain object constants and lookup tables',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const EVENTS = { SIGNED_UP: 'signed_up', billing: { PAID: 'invoice_paid' } } as const;
const EVENT_FOR_ACTION = { view: 'product_viewed', buy: 'product_bought' };
const { SIGNED_UP } = EVENTS;
cio.track(id, { name: EVENTS.SIGNED_UP });
cio.track(id, { name: EVENTS.billing.PAID });
cio.track(id, { name: EVENTS['SIGNED_UP'] });
cio.track(id, { name: EVENT_FOR_ACTION[action] });
cio.track(id, { name: EVENT_FOR_ACTION[action] ?? 'product_other' });
cio.track(id, { name: SIGNED_UP });`,
    },
    {
      name: 'TS enum members and class static constants',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
enum EventName { SignedUp = 'signed_up', LoggedIn = 'logged_in' }
class Events { static readonly ORDER_PLACED = 'order_placed'; }
cio.track(id, { name: EventName.SignedUp });
cio.track(id, { name: EventName[kind] });
cio.track(id, { name: Events.ORDER_PLACED });
cio.track(id, { name: \`web_\${EventName.LoggedIn}\` });`,
    },
    {
      name: 'imported constants are constants, even though their values are not visible',
      code: `import { TrackClient } from 'customerio-node';
import { EVENTS, SIGNED_UP } from './events';
import * as names from './event-names';
import { EventName } from './types';
const legacy = require('./legacy-events');
const cio = new TrackClient(s, k);
cio.track(id, { name: EVENTS.SIGNED_UP });
cio.track(id, { name: SIGNED_UP });
cio.track(id, { name: names.orderPlaced });
cio.track(id, { name: EventName.Viewed });
cio.track(id, { name: \`\${EVENTS.PREFIX}_checkout\` });
cio.track(id, { name: legacy.events.signup });
cio.track(id, { name: require('./events').LOGGED_IN });`,
    },
    {
      name: 'configuration fixed per deployment: process.env, import.meta.env, constant-case names',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: process.env.SIGNUP_EVENT });
cio.track(id, { name: \`\${process.env.APP_NAME}_signed_up\` });
cio.track(id, { name: import.meta.env.VITE_SIGNUP_EVENT });
cio.track(id, { name: \`\${EVENT_PREFIX}:signed_up\` });
cio.track(id, { name: config.events.SIGNED_UP });`,
    },
    {
      name: 'a let only ever assigned literals',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
let eventName = 'plan_changed';
if (upgraded) eventName = 'plan_upgraded';
cio.track(id, { name: eventName });
let other;
switch (status) { case 'paid': other = 'invoice_paid'; break; default: other = 'invoice_failed'; }
cio.track(id, { name: other });`,
    },
    {
      name: 'parameters and assertions typed with a closed set of literals',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
type Action = 'viewed' | 'bought';
enum Plan { Free = 'free', Pro = 'pro' }
export function a(id: string, action: Action) { return cio.track(id, { name: \`product_\${action}\` }); }
export function b(id: string, plan: Plan) { return cio.track(id, { name: 'plan_' + plan }); }
export function c(id: string, step: 1 | 2 | 3) { return cio.track(id, { name: \`onboarding_step_\${step}\` }); }
export function d(id: string, kind: string) { return cio.track(id, { name: \`\${kind as 'a' | 'b'}_done\` }); }`,
    },
    {
      name: 'string methods on constants',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const BASE = 'Order Placed';
cio.track(id, { name: BASE.toLowerCase().replace(' ', '_') });
cio.track(id, { name: ['checkout', 'started'].join('_') });
cio.track(id, { name: 'order'.concat('_placed') });
cio.track(id, { name: String(BASE) });`,
    },
    // Other argument positions: templates there are normal.
    {
      name: 'templates in the person id, the event data and the page path are not event names',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(\`user_\${user.id}\`, { name: 'order_placed', data: { url: \`/orders/\${order.id}\`, label: \`\${a}_\${b}\` } });
cio.trackAnonymous(\`anon_\${sessionId}\`, { name: 'page_viewed' });
cio.identify(\`cio_\${cioId}\`, { email: user.email });
cio.trackPageView(user.id, \`/products/\${product.id}\`);`,
    },
    {
      name: 'transactional message ids and filters on the App API are not event names',
      code: `import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendEmail(new SendEmailRequest({ transactional_message_id: \`\${templateId}\`, identifiers: { id: \`cio_\${id}\` }, to: email }));
await api.searchCustomers({ and: [{ attribute: { field: \`plan_\${plan}\`, operator: 'eq', value: v } }] });
await api.triggerBroadcast(\`\${broadcastId}\`, { headline: \`Hi \${name}\` }, { ids: [id] });`,
    },
    {
      name: 'Klaviyo uniqueId, properties and profile identifiers are not event names',
      code: `import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY));
await events.createEvent({ data: { type: 'event', attributes: {
  uniqueId: \`\${order.id}-\${Date.now()}\`,
  properties: { sku: \`SKU-\${item.id}\` },
  metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
  profile: { data: { type: 'profile', attributes: { externalId: \`cust_\${id}\` } } },
} } });`,
    },
    {
      name: 'Pipelines page names, user ids and properties are not event names',
      code: `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY });
analytics.page({ userId: \`cio_\${id}\`, name: \`Product \${product.name}\` });
analytics.track({ userId: \`cio_\${id}\`, event: 'Order Completed', properties: { step: \`step_\${n}\` } });`,
    },
    // Wrappers: the name is checked where it is written.
    {
      name: 'inside a local wrapper the name parameter is not reported, and its callers pass literals',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
export function trackEvent(userId, name, data) {
  return cio.track(userId, { name, data });
}
trackEvent(user.id, 'signed_up', { plan });
const trackSignup = (userId, plan) => trackEvent(userId, 'signed_up', { plan });
trackSignup(user.id, 'pro');`,
    },
    {
      name: 'an exported wrapper with no callers in the file is checked at its call sites elsewhere',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
export async function track(userId: string, event: string, data = {}) {
  await cio.track(userId, { name: event, data });
}
export class Tracker {
  constructor(private readonly client: TrackClient) {}
  send(userId: string, name: string) { return this.client.track(userId, { name }); }
}`,
    },
    {
      name: 'a helper that composes names from its arguments, when every caller passes constants',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
function trackClick(userId, button) {
  return cio.track(userId, { name: \`clicked_\${button}\` });
}
trackClick(user.id, 'save');
trackClick(user.id, 'cancel');
const trackStep = (userId, step = 'start') => cio.track(userId, { name: 'onboarding_' + step });
trackStep(user.id);
trackStep(user.id, 'done');
class Checkout {
  private cio = new TrackClient(s, k);
  private emit(userId: string, stage: string) { return this.cio.track(userId, { name: \`checkout_\${stage}\` }); }
  start(userId: string) { return this.emit(userId, 'started'); }
  finish(userId: string) { return this.emit(userId, 'completed'); }
}`,
    },
    {
      name: 'a local function that names events from constants',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const eventFor = (kind) => \`\${kind}_viewed\`;
function statusEvent(paid) { if (paid) return 'invoice_paid'; return 'invoice_failed'; }
cio.track(id, { name: eventFor('product') });
cio.track(id, { name: statusEvent(invoice.paid) });`,
    },
    // Values of unknown origin are silent by default.
    {
      name: 'values of unknown origin are not reported without reportUnknown',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
for (const name of names) cio.track(id, { name });
app.post('/events', (req) => cio.track(req.user.id, { name: req.body.event }));
names.forEach((name) => cio.track(id, { name }));
cio.track(id, { name: product.name });
cio.track(id, { name: getEventName(kind) });
cio.track(id, { name: eventName.toLowerCase() });`,
    },
    {
      name: 'reportUnknown still ignores a wrapper parameter and constants',
      options: [{ reportUnknown: true }],
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
export function trackEvent(userId, name) { return cio.track(userId, { name }); }
cio.track(id, { name: 'signed_up' });`,
    },
    {
      name: 'reads only the property a constant key names, in nested destructuring with defaults',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const EVENTS = { SIGNED_UP: 'signed_up', CUSTOM: \`custom_\${kind}\`, billing: { PAID: 'invoice_paid' } };
const KEY = 'SIGNED_UP';
const { billing: { PAID: paid = 'invoice_paid' } } = EVENTS;
function track(userId, button) { return cio.track(userId, { name: 'clicked_' + button }); }
track(user.id, 'save');
export { track };
cio.track(id, { name: EVENTS[KEY] });
cio.track(id, { name: paid });
cio.track(id, { name: [, 'checkout', 'started'].join('_') });
cio.track(id, { name: (log(), 'signed_up') });
cio.track(id, { name: (last = 'signed_up') });
cio.track(id, { name: eventFor() });
const eventFor = (kind) => \`\${kind}_viewed\`;
let narrowed: 'signed_up' | 'logged_in' = pick();
cio.track(id, { name: narrowed });
export function typed(userId: string, step: \`one\` | \`two\`) { return cio.track(userId, { name: \`step_\${step}\` }); }`,
    },
    {
      name: 'odd shapes of unknown origin never throw and stay silent by default',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
var dup = 'a'; var dup = 'b';
let a1 = b1; let b1 = a1;
const [first] = NAMES;
let counter = 'a'; counter ||= 'b';
let mutable = { a: 'x' }; mutable = {};
const EMPTY = {};
const SPREAD = { ...BASE, a: 'x' };
class K { static other = 'x'; }
function noReturn() {}
function rec(n) { return rec(n); }
({ counter2: counter } = obj);
cio.track(id, { name: dup });
cio.track(id, { name: a1 });
cio.track(id, { name: first });
cio.track(id, { name: counter });
cio.track(id, { name: mutable.a });
cio.track(id, { name: EMPTY[k] });
cio.track(id, { name: SPREAD[k] });
cio.track(id, { name: K.missing });
cio.track(id, { name: SPREAD.b });
let never;
cio.track(id, { name: never });
cio.track(id, { name: noReturn() });
cio.track(id, { name: rec(1) });
cio.track(id, { name: new URL(x).pathname });
cio.track(id, { name: import.meta.url });
cio.track(id, { name: process.argv[2] });
cio.track(id, { name: await load() });
cio.track(id, { name: this.name });
cio.track(id, { name: cio.track });
cio.track(id, { name: a ** b });
try { run(); } catch (err) { cio.track(id, { name: err }); }
cio.track(id, { name });
cio.track(id, { ...event });
cio.track(id, event);
cio.track();`,
    },
    // Look-alikes.
    {
      name: 'other analytics libraries and unrelated track methods',
      code: `import { TrackClient } from 'customerio-node';
import Rudder from '@rudderstack/rudder-sdk-node';
const rudder = new Rudder(token);
rudder.track(\`clicked_\${button}\`, {});
posthog.capture({ distinctId: id, event: \`viewed_\${page}\` });
analytics.track({ userId: id, event: \`viewed_\${page}\` });
const tracker = { track(id, e) {} };
tracker.track(id, { name: \`viewed_\${page}\` });`,
    },
    {
      name: 'a file that mentions no SDK',
      code: `cio.track(id, { name: \`viewed_\${page}\` });`,
    },
    {
      name: 'a client imported from another module, without settings or types, is not resolved',
      code: `import { cio } from './lib/cio';
cio.track(id, { name: \`viewed_\${page}\` });`,
    },
  ],
  invalid: [
    // The catalog's wrong code.
    {
      name: 'catalog: a template with a product id',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: \`viewed_product_\${product.id}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23, data: { part: '`product.id`', properties: 'data' } }],
    },
    {
      name: 'catalog: string concatenation with a variable',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: 'clicked_' + button });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23 }],
    },
    {
      name: 'catalog: an email in the name is personal data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: \`email_\${user.email}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicPii', line: 3, column: 23, data: { part: '`user.email`', properties: 'data' } }],
    },
    // Client shapes.
    {
      name: 'aliased named import',
      code: `import { TrackClient as CustomerIO } from 'customerio-node';
const client = new CustomerIO(s, k);
client.track(id, { name: \`\${category}_viewed\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 26 }],
    },
    {
      name: 'require with destructuring',
      code: `const { TrackClient } = require('customerio-node');
const cio = new TrackClient(s, k);
cio.track(id, { name: 'viewed_' + req.params.slug });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23 }],
    },
    {
      name: 'require without destructuring',
      code: `const customerio = require('customerio-node');
const cio = new customerio.TrackClient(s, k);
cio.track(id, { name: \`viewed_\${req.params.slug}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23 }],
    },
    {
      name: 'namespace import',
      code: `import * as customerio from 'customerio-node';
const cio = new customerio.TrackClient(s, k);
cio.track(id, { name: \`viewed_\${page}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23 }],
    },
    {
      name: 'default import of the exports object',
      code: `import customerio from 'customerio-node';
const cio = new customerio.TrackClient(s, k);
cio.track(id, { name: \`viewed_\${page}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23 }],
    },
    {
      name: 'a client in a class field',
      code: `import { TrackClient } from 'customerio-node';
export class Analytics {
  private cio = new TrackClient(s, k);
  async viewed(userId: string, product: { id: string }) {
    await this.cio.track(userId, { name: \`viewed_\${product.id}\` });
  }
}`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 5, column: 42 }],
    },
    {
      name: 'trackAnonymous takes the name in the same place',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.trackAnonymous(anonymousId, { name: \`landing_\${utm.source}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 41 }],
    },
    {
      name: 'a client declared in settings.cdp.clients',
      settings: settingsClients,
      code: `import { cio } from '../lib/cio';
cio.track(id, { name: \`viewed_\${page}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 2, column: 23 }],
    },
    {
      name: 'a Pipelines client declared in settings.cdp.clients with its class',
      settings: settingsTypedClients,
      code: `import { analytics } from '@/lib/cio';
analytics.track({ userId: id, event: \`Viewed \${page}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 2, column: 38, data: { part: '`page`', properties: 'properties' } }],
    },
    {
      name: 'async factory and await',
      code: `import { TrackClient } from 'customerio-node';
async function getClient() { return new TrackClient(s, k); }
export async function handler(event) {
  const cio = await getClient();
  await cio.track(event.userId, { name: \`job_\${event.type}\` });
}`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 5, column: 41 }],
    },
    {
      name: 'a .then chain',
      code: `import { TrackClient } from 'customerio-node';
async function getClient() { return new TrackClient(s, k); }
getClient().then((cio) => cio.track(id, { name: \`viewed_\${page}\` }));`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 49 }],
    },
    // SDKs and positions.
    {
      name: 'Pipelines Analytics event built with concat',
      code: `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY });
analytics.track({ userId: user.id, event: 'Clicked '.concat(button.label) });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 43, data: { part: '`button.label`', properties: 'properties' } }],
    },
    {
      name: 'customerio-node PipelinesClient event',
      code: `import { PipelinesClient } from 'customerio-node';
const pipelines = new PipelinesClient(process.env.WRITE_KEY);
await pipelines.track({ userId: user.id, event: \`\${feature} Used\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 49 }],
    },
    {
      name: 'Klaviyo createEvent metric name',
      code: `import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY));
await events.createEvent({ data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: \`Viewed \${product.category}\` } } },
} } });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 5, column: 57, data: { part: '`product.category`', properties: 'properties' } }],
    },
    {
      name: 'Klaviyo payload built in a const before the call, with the singleton API',
      code: `import { Events } from 'klaviyo-api';
const body = { data: { type: 'event', attributes: {
  properties: {},
  metric: { data: { type: 'metric', attributes: { name: 'Placed ' + order.channel } } },
} } };
await Events.createEvent(body);`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 4, column: 57 }],
    },
    // Wrappers.
    {
      name: 'a local wrapper is reported at the call site, not inside the wrapper',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
function trackEvent(userId, name, data) {
  return cio.track(userId, { name, data });
}
trackEvent(user.id, \`viewed_\${page}\`, {});
trackEvent(user.id, 'signed_up', {});`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 6, column: 21 }],
    },
    {
      name: 'a wrapper of a wrapper that builds the name from its own caller data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
function trackEvent(userId, name) { return cio.track(userId, { name }); }
const trackPlan = (userId, plan) => trackEvent(userId, \`plan_\${plan}\`);
trackPlan(user.id, req.body.plan);`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 4, column: 56 }],
    },
    {
      name: 'wrappers declared in settings.cdp.wrappers',
      settings: settingsWrappers,
      code: `import { trackEvent, telemetry } from './analytics';
trackEvent(user.id, \`viewed_\${page}\`, {});
trackEvent(user.id, 'signed_up', { plan });
telemetry.send(user.id, \`Opened \${screen}\`);`,
      output: null,
      errors: [
        { messageId: 'dynamicName', line: 2, column: 21 },
        { messageId: 'dynamicName', line: 4, column: 25 },
      ],
    },
    // Shapes of building.
    {
      name: 'a name built in a const before the call is reported where it is used',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const eventName = \`viewed_\${page}\`;
cio.track(id, { name: eventName });
cio.track(id, { name: eventName, data: {} });`,
      output: null,
      errors: [
        { messageId: 'dynamicName', line: 4, column: 23 },
        { messageId: 'dynamicName', line: 5, column: 23 },
      ],
    },
    {
      name: 'a let extended with data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
let name = 'checkout';
name += '_' + step;
cio.track(id, { name });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 5, column: 17 }],
    },
    {
      name: 'replace, join, String() and toString() on data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: route.path.replace(/\\//g, '_') });
cio.track(id, { name: ['clicked', button].join('_') });
cio.track(id, { name: segments.join('.') });
cio.track(id, { name: String(res.statusCode) });
cio.track(id, { name: res.statusCode.toString() });
cio.track(id, { name: 'Order '.padEnd(width, '.') });`,
      output: null,
      errors: [
        { messageId: 'dynamicName', line: 3, column: 23 },
        { messageId: 'dynamicName', line: 4, column: 23 },
        { messageId: 'dynamicName', line: 5, column: 23 },
        { messageId: 'dynamicName', line: 6, column: 23 },
        { messageId: 'dynamicName', line: 7, column: 23 },
        { messageId: 'dynamicName', line: 8, column: 23 },
      ],
    },
    {
      name: 'a conditional with one branch built from data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: isNew ? 'signed_up' : \`plan_\${plan}_renewed\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23 }],
    },
    {
      name: 'a lookup table with a value built from data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const EVENTS = { view: 'viewed', other: \`custom_\${kind}\` };
cio.track(id, { name: EVENTS[action] });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 4, column: 23 }],
    },
    {
      name: 'a helper that composes names, with one caller passing request data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
function trackAction(userId, action) {
  return cio.track(userId, { name: \`app_\${action}\` });
}
trackAction(user.id, 'opened');
trackAction(user.id, req.body.action);`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 4, column: 36 }],
    },
    {
      name: 'an exported helper that composes names has callers this file cannot see',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
export function trackClick(userId, button) {
  return cio.track(userId, { name: 'clicked_' + button });
}`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 4, column: 36 }],
    },
    {
      name: 'a helper passed as a callback hides its arguments',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const trackButton = (button) => cio.track(id, { name: \`clicked_\${button}\` });
trackButton('save');
buttons.forEach(trackButton);`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 55 }],
    },
    {
      name: 'a class method that composes names, called with data',
      code: `import { TrackClient } from 'customerio-node';
class Checkout {
  private cio = new TrackClient(s, k);
  private emit(userId: string, stage: string) { return this.cio.track(userId, { name: \`checkout_\${stage}\` }); }
  run(userId: string, stage: string) { return this.emit(userId, stage); }
}`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 4, column: 87 }],
    },
    {
      name: 'a callback over a list of values names one event type per item',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
buttons.forEach((button) => cio.track(id, { name: \`clicked_\${button}\` }));`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 51 }],
    },
    {
      name: 'a local function that names events from its argument, given data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const eventFor = (kind) => \`\${kind}_viewed\`;
cio.track(id, { name: eventFor(item.kind) });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 4, column: 23 }],
    },
    {
      name: 'a template with a single expression converts data',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: \`\${payload.type}\` });`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 23 }],
    },
    {
      name: 'a spread argument to a local naming function',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const eventFor = (kind) => \`\${kind}_viewed\`;
cio.track(id, { name: eventFor(...args) });
cio.track(id, { name: [...parts, 'viewed'].join('_') });`,
      output: null,
      errors: [
        { messageId: 'dynamicName', line: 4, column: 23, data: { part: '`...args`', properties: 'data' } },
        { messageId: 'dynamicName', line: 5, column: 23 },
      ],
    },
    // Personal data.
    {
      name: 'personal data: first name, phone number, postal address',
      code: `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY });
analytics.track({ userId: id, event: \`welcome_\${user.firstName}\` });
analytics.track({ userId: id, event: 'sms_' + contact.phoneNumber });
analytics.track({ userId: id, event: \`shipped_to_\${order.shippingAddress}\` });
analytics.track({ userId: id, event: \`hello_\${customer.name}\` });
analytics.track({ userId: id, event: \`login_\${email.toLowerCase()}\` });
analytics.track({ userId: id, event: \`domain_\${user.email.split('@')[1]}\` });`,
      output: null,
      errors: [
        { messageId: 'dynamicPii', line: 3, column: 38, data: { part: '`user.firstName`', properties: 'properties' } },
        { messageId: 'dynamicPii', line: 4, column: 38 },
        { messageId: 'dynamicPii', line: 5, column: 38 },
        { messageId: 'dynamicPii', line: 6, column: 38 },
        { messageId: 'dynamicPii', line: 7, column: 38, data: { part: '`email`', properties: 'properties' } },
        { messageId: 'dynamicPii', line: 8, column: 38, data: { part: "`user.email.split('@')[1]`", properties: 'properties' } },
      ],
    },
    {
      name: 'personal data passed through as the whole name is reported without reportUnknown',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
const { email } = req.body;
cio.track(id, { name: user.email });
cio.track(id, { name: email });
cio.track(id, { name: user.name });`,
      output: null,
      errors: [
        { messageId: 'dynamicPii', line: 4, column: 23 },
        { messageId: 'dynamicPii', line: 5, column: 23 },
        { messageId: 'dynamicPii', line: 6, column: 23 },
      ],
    },
    {
      name: 'personal data reaching a wrapper is reported at the call site',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
function notify(userId, name) { return cio.track(userId, { name }); }
notify(user.id, \`newsletter_\${user.emailAddress}\`);`,
      output: null,
      errors: [{ messageId: 'dynamicPii', line: 4, column: 17 }],
    },
    {
      name: 'names that only look like personal data get the plain message',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: \`viewed_\${product.name}\` });
cio.track(id, { name: \`bound_\${server.address}\` });
cio.track(id, { name: \`verified_\${user.emailVerified}\` });
cio.track(id, { name: \`plan_\${user.plan}\` });`,
      output: null,
      errors: [
        { messageId: 'dynamicName', line: 3, column: 23, data: { part: '`product.name`', properties: 'data' } },
        { messageId: 'dynamicName', line: 4, column: 23 },
        { messageId: 'dynamicName', line: 5, column: 23 },
        { messageId: 'dynamicName', line: 6, column: 23 },
      ],
    },
    // reportUnknown.
    {
      name: 'reportUnknown: loop variables, request data, callback parameters, unknown calls',
      options: [{ reportUnknown: true }],
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
for (const name of names) cio.track(id, { name });
app.post('/events', (req) => cio.track(req.user.id, { name: req.body.event }));
names.forEach((name) => cio.track(id, { name }));
cio.track(id, { name: getEventName(kind) });
cio.track(id, { name: eventName.toLowerCase() });`,
      output: null,
      errors: [
        { messageId: 'unknownName', line: 3, column: 43, data: { part: '`name`', properties: 'data' } },
        { messageId: 'unknownName', line: 4, column: 61, data: { part: '`req.body.event`', properties: 'data' } },
        { messageId: 'unknownName', line: 5, column: 41 },
        { messageId: 'unknownName', line: 6, column: 23 },
        { messageId: 'unknownName', line: 7, column: 23 },
      ],
    },
    {
      name: 'reportUnknown: a parameter of a callback is data, not a wrapper parameter',
      options: [{ reportUnknown: true }],
      code: `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY });
queue.on('event', (job) => analytics.track({ userId: job.userId, event: job.name }));`,
      output: null,
      errors: [{ messageId: 'unknownName', line: 3, column: 73 }],
    },
    {
      name: 'the excerpt of a long expression is shortened',
      code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(s, k);
cio.track(id, { name: \`viewed_\${catalogue.sections.products.featured.items.first.slug}\` });`,
      output: null,
      errors: [
        {
          messageId: 'dynamicName',
          line: 3,
          column: 23,
          data: { part: '`catalogue.sections.products.featured.it…`', properties: 'data' },
        },
      ],
    },
  ],
});

typedRuleTester.run('no-dynamic-event-names (typed)', rule, {
  valid: [
    {
      name: 'typed: a loop over an as-const list has a literal-union type',
      code: `import { cio } from './lib/cio';
const STEPS = ['started', 'completed'] as const;
export async function run(id: string) {
  for (const step of STEPS) await cio.track(id, { name: \`checkout_\${step}\` });
}`,
    },
    {
      name: 'typed: a value typed with an indexed literal union, also with reportUnknown',
      options: [{ reportUnknown: true }],
      code: `import { analytics } from './lib/cio';
const KINDS = { view: 'product_viewed', buy: 'product_bought' } as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];
declare function pick(): Kind;
export function run(id: string, kind: keyof typeof KINDS) {
  analytics.track({ userId: id, event: pick() });
  analytics.track({ userId: id, event: \`\${kind}_clicked\` });
}`,
    },
    {
      name: 'typed: a string parameter narrowed to literals before the template is a closed set',
      code: `import { cio } from './lib/cio';
export async function run(id: string, step: string) {
  if (step !== 'started' && step !== 'completed') return;
  await cio.track(id, { name: \`checkout_\${step}\` });
}`,
    },
    {
      name: 'typed: templates in other positions of an imported client',
      code: `import { cio, api } from './lib/cio';
export async function run(id: string, templateId: number) {
  await cio.track(\`user_\${id}\`, { name: 'order_placed', data: { ref: \`r_\${id}\` } });
  await api.getAttributes(\`cio_\${id}\`);
}`,
    },
  ],
  invalid: [
    {
      name: 'typed: reportUnknown reports a string-typed value passed through',
      options: [{ reportUnknown: true }],
      code: `import { cio } from './lib/cio';
const STEPS = ['started', 'completed'] as const;
export async function run(id: string, names: string[]) {
  for (const step of STEPS) await cio.track(id, { name: step });
  for (const name of names) await cio.track(id, { name });
}`,
      output: null,
      errors: [{ messageId: 'unknownName', line: 5, column: 51 }],
    },
    {
      name: 'typed: a client exported from another module',
      code: `import { cio } from './lib/cio';
export async function run(id: string, page: string) {
  await cio.track(id, { name: \`viewed_\${page}\` });
}`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 31 }],
    },
    {
      name: 'typed: a Pipelines client exported from another module, with personal data',
      code: `import { analytics } from './lib/cio';
export function run(user: { id: string; email: string }) {
  analytics.track({ userId: user.id, event: \`signup_\${user.email}\` });
}`,
      output: null,
      errors: [{ messageId: 'dynamicPii', line: 3, column: 45 }],
    },
    {
      name: 'typed: a string-typed value is not a closed set',
      code: `import { cio } from './lib/cio';
export async function run(id: string, kinds: string[]) {
  for (const kind of kinds) await cio.track(id, { name: \`\${kind}_viewed\` });
}`,
      output: null,
      errors: [{ messageId: 'dynamicName', line: 3, column: 57 }],
    },
  ],
});
