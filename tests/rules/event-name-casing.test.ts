import rule from '../../src/rules/event-name-casing.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const typedRuleTester = createTypedRuleTester();

const CIO = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
`;
const ANALYTICS = `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY });
`;
const PLAN = ['order_completed', 'order_refunded', 'signed_up', 'checkout_started', 'checkout_step_viewed', 'Product Added'];
const plan = { cdp: { events: PLAN } };
const LONG = 'x'.repeat(101);

ruleTester.run('event-name-casing', rule, {
  valid: [
    {
      name: 'snake_case names on every SDK that has an event name (the default convention)',
      code: `import { TrackClient, PipelinesClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession, EventsApi } from 'klaviyo-api';
const cio = new TrackClient(s, k);
const pipes = new PipelinesClient(w);
const analytics = new Analytics({ writeKey: w });
const events = new EventsApi(new ApiKeySession(key));
cio.track(id, { name: 'order_completed', data: { total: 3 } });
cio.trackAnonymous(anon, { name: 'checkout_step_2_viewed' });
pipes.track({ userId: id, event: '2fa_enabled' });
analytics.track({ userId: id, event: 'signed_up' });
events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'placed_order' } } } } } });`,
    },
    {
      name: 'names the rule cannot see are not guessed: imports, parameters, request data, built names',
      code: `${CIO}import { EVENTS } from './events';
cio.track(id, { name: EVENTS.ORDER_COMPLETED });
cio.track(id, { name: req.body.event });
cio.track(id, { name: \`Viewed \${page}\` });
cio.track(id, { name: process.env.SIGNUP_EVENT });
export function relay(id, name) { return cio.track(id, { name }); }`,
    },
    {
      name: 'strings that are not event names: attributes, page paths, page names, event data',
      code: `${CIO}${ANALYTICS}cio.identify(id, { plan: 'Pro Plan', role: 'Account Owner' });
cio.trackPageView(id, '/Pricing Page');
analytics.page({ userId: id, name: 'Home Page' });
cio.track(id, { name: 'order_completed', data: { source: 'Mobile App' } });`,
    },
    {
      name: 'a look-alike client of another library is not an SDK call',
      code: `${CIO}const mixpanel = Mixpanel.init(token);
mixpanel.track('Order Completed', {});
tracker.track(id, { name: 'Order Completed' });`,
    },
    {
      name: 'camelCase, with acronyms and digits',
      options: [{ convention: 'camelCase' }],
      code: `${CIO}cio.track(id, { name: 'orderCompleted' });
cio.track(id, { name: 'signup' });
cio.track(id, { name: 'userIDVerified' });
cio.track(id, { name: 'checkoutStep2Viewed' });`,
    },
    {
      name: 'PascalCase and kebab-case',
      options: [{ convention: 'PascalCase' }],
      code: `${CIO}cio.track(id, { name: 'OrderCompleted' });
cio.track(id, { name: 'Signup' });`,
    },
    {
      name: 'kebab-case',
      options: [{ convention: 'kebab-case' }],
      code: `${CIO}cio.track(id, { name: 'order-completed' });
cio.track(id, { name: 'checkout-step-2' });`,
    },
    {
      name: 'Title Case, with short connectors, acronyms and brand names',
      options: [{ convention: 'Title Case' }],
      code: `${ANALYTICS}analytics.track({ userId: id, event: 'Order Completed' });
analytics.track({ userId: id, event: 'Product Added to Wishlist' });
analytics.track({ userId: id, event: 'SMS Sent' });
analytics.track({ userId: id, event: 'iOS App Opened' });
analytics.track({ userId: id, event: 'Signed Up' });
analytics.track({ userId: id, event: 'Step 2 Completed' });`,
    },
    {
      name: 'Object Action: an object then a past-tense action, and the phrasal names of the Segment specs',
      options: [{ convention: 'Object Action' }],
      code: `${ANALYTICS}analytics.track({ userId: id, event: 'Order Completed' });
analytics.track({ userId: id, event: 'Product Added to Wishlist' });
analytics.track({ userId: id, event: 'Invite Sent' });
analytics.track({ userId: id, event: 'Invoice Paid' });
analytics.track({ userId: id, event: 'Signed Up' });
analytics.track({ userId: id, event: 'Signed Out' });
analytics.track({ userId: id, event: 'Checkout Step Viewed' });`,
    },
    {
      name: 'names in the allow list are accepted whatever the convention',
      options: [{ allow: ['Application Opened', 'legacy.signup'] }],
      code: `${CIO}cio.track(id, { name: 'Application Opened' });
cio.track(id, { name: 'legacy.signup' });`,
    },
    {
      name: 'with a tracking plan, planned names are accepted even in another style',
      settings: plan,
      code: `${CIO}${ANALYTICS}cio.track(id, { name: 'order_completed' });
analytics.track({ userId: id, event: 'Product Added' });
cio.track(id, { name: paid ? 'checkout_started' : 'checkout_step_viewed' });`,
    },
    {
      name: 'an empty tracking plan is no plan: the convention applies',
      settings: { cdp: { events: [] } },
      code: `${CIO}cio.track(id, { name: 'order_completed' });`,
    },
    {
      name: 'the 100-byte limit is the Track API\'s: Data Pipelines names are not measured',
      code: `${ANALYTICS}analytics.track({ userId: id, event: '${LONG}' });`,
    },
    {
      name: 'a name of exactly 100 bytes is accepted by the Track API',
      code: `${CIO}cio.track(id, { name: '${'x'.repeat(100)}' });`,
    },
    {
      name: 'a wrapper parameter is checked at the call sites, which pass good names',
      code: `${CIO}function trackEvent(userId, name, data) { return cio.track(userId, { name, data }); }
trackEvent(user.id, 'order_completed', {});
trackEvent(user.id, 'order_refunded');`,
    },
    {
      name: 'constants and conditionals between good names',
      code: `${CIO}const SIGNED_UP = 'signed_up';
const EVENTS = { PAID: 'invoice_paid', FAILED: 'invoice_failed' } as const;
cio.track(id, { name: SIGNED_UP });
cio.track(id, { name: ok ? EVENTS.PAID : EVENTS.FAILED });
cio.track(id, { name: EVENTS[kind] ?? 'invoice_other' });`,
    },
  ],
  invalid: [
    // The catalog's wrong code: one action in three styles.
    {
      name: 'one action in several styles across a file',
      code: `${CIO}cio.track(id, { name: 'Order Completed' });
cio.track(id, { name: 'orderCompleted' });
cio.track(id, { name: 'order-completed' });
cio.track(id, { name: 'order_completed' });`,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 23,
          data: { name: 'Order Completed', convention: 'snake_case', example: 'order_completed' },
          suggestions: [
            {
              messageId: 'renameEvent',
              data: { name: 'order_completed' },
              output: `${CIO}cio.track(id, { name: 'order_completed' });
cio.track(id, { name: 'orderCompleted' });
cio.track(id, { name: 'order-completed' });
cio.track(id, { name: 'order_completed' });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}cio.track(id, { name: 'Order Completed' });
cio.track(id, { name: 'order_completed' });
cio.track(id, { name: 'order-completed' });
cio.track(id, { name: 'order_completed' });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 5,
          column: 23,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}cio.track(id, { name: 'Order Completed' });
cio.track(id, { name: 'orderCompleted' });
cio.track(id, { name: 'order_completed' });
cio.track(id, { name: 'order_completed' });`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Data Pipelines and Klaviyo event names, default convention',
      code: `import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession, EventsApi } from 'klaviyo-api';
const analytics = new Analytics({ writeKey: w });
const events = new EventsApi(new ApiKeySession(key));
analytics.track({ userId: id, event: 'Checkout.Started' });
events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } } } } });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 5,
          column: 38,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession, EventsApi } from 'klaviyo-api';
const analytics = new Analytics({ writeKey: w });
const events = new EventsApi(new ApiKeySession(key));
analytics.track({ userId: id, event: 'checkout_started' });
events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } } } } });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 6,
          column: 129,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession, EventsApi } from 'klaviyo-api';
const analytics = new Analytics({ writeKey: w });
const events = new EventsApi(new ApiKeySession(key));
analytics.track({ userId: id, event: 'Checkout.Started' });
events.createEvent({ data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'placed_order' } } } } } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'aliased, namespace and default imports, require with and without destructuring',
      code: `import { TrackClient as Track } from 'customerio-node';
import * as CIO from 'customerio-node';
const { TrackClient } = require('customerio-node');
const sdk = require('customerio-node');
const a = new Track(s, k);
const b = new CIO.TrackClient(s, k);
const c = new TrackClient(s, k);
const d = new sdk.TrackClient(s, k);
a.track(id, { name: 'OrderCompleted' });
b.track(id, { name: 'OrderCompleted' });
c.track(id, { name: 'OrderCompleted' });
d.track(id, { name: 'OrderCompleted' });`,
      output: null,
      errors: [9, 10, 11, 12].map((line) => ({
        messageId: 'wrongConvention' as const,
        line,
        column: 21,
        suggestions: [
          {
            messageId: 'renameEvent' as const,
            output: `import { TrackClient as Track } from 'customerio-node';
import * as CIO from 'customerio-node';
const { TrackClient } = require('customerio-node');
const sdk = require('customerio-node');
const a = new Track(s, k);
const b = new CIO.TrackClient(s, k);
const c = new TrackClient(s, k);
const d = new sdk.TrackClient(s, k);
${['a', 'b', 'c', 'd'].map((client, i) => `${client}.track(id, { name: '${i + 9 === line ? 'order_completed' : 'OrderCompleted'}' });`).join('\n')}`,
          },
        ],
      })),
    },
    {
      name: 'a client in a class field, used in an async method and in a .then chain',
      code: `import { TrackClient } from 'customerio-node';
class Checkout {
  private cio = new TrackClient(s, k);
  async complete(id: string) { await this.cio.track(id, { name: 'Checkout Completed' }); }
}
async function load() { return new TrackClient(s, k); }
load().then((client) => client.track(id, { name: 'checkoutAbandoned' }));`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 65,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { TrackClient } from 'customerio-node';
class Checkout {
  private cio = new TrackClient(s, k);
  async complete(id: string) { await this.cio.track(id, { name: 'checkout_completed' }); }
}
async function load() { return new TrackClient(s, k); }
load().then((client) => client.track(id, { name: 'checkoutAbandoned' }));`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 7,
          column: 50,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { TrackClient } from 'customerio-node';
class Checkout {
  private cio = new TrackClient(s, k);
  async complete(id: string) { await this.cio.track(id, { name: 'Checkout Completed' }); }
}
async function load() { return new TrackClient(s, k); }
load().then((client) => client.track(id, { name: 'checkout_abandoned' }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'clients from settings.cdp.clients',
      settings: { cdp: { clients: { './lib/cio': { cio: 'TrackClient', analytics: 'Analytics' } } } },
      code: `import { cio, analytics } from '../lib/cio';
export async function handler(id) {
  await cio.track(id, { name: 'Trial Started' });
  analytics.track({ userId: id, event: 'trialEnded' });
}`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 31,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { cio, analytics } from '../lib/cio';
export async function handler(id) {
  await cio.track(id, { name: 'trial_started' });
  analytics.track({ userId: id, event: 'trialEnded' });
}`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 40,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { cio, analytics } from '../lib/cio';
export async function handler(id) {
  await cio.track(id, { name: 'Trial Started' });
  analytics.track({ userId: id, event: 'trial_ended' });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a local wrapper: reported at the call site, where the name is written',
      code: `${CIO}function trackEvent(userId, name, data = {}) { return cio.track(userId, { name, data }); }
trackEvent(user.id, 'Order Shipped', { carrier });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}function trackEvent(userId, name, data = {}) { return cio.track(userId, { name, data }); }
trackEvent(user.id, 'order_shipped', { carrier });`,
            },
          ],
        },
      ],
    },
    {
      name: 'wrappers declared in settings.cdp.wrappers',
      settings: {
        cdp: {
          wrappers: [
            { name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] },
            { name: 'telemetry.send', calls: 'Analytics.track', args: ['0.userId', '0.event'] },
          ],
        },
      },
      code: `import { trackEvent, telemetry } from './analytics';
trackEvent(user.id, 'Order Shipped', { carrier });
telemetry.send(user.id, 'Order Shipped');`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 2,
          column: 21,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { trackEvent, telemetry } from './analytics';
trackEvent(user.id, 'order_shipped', { carrier });
telemetry.send(user.id, 'Order Shipped');`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { trackEvent, telemetry } from './analytics';
trackEvent(user.id, 'Order Shipped', { carrier });
telemetry.send(user.id, 'order_shipped');`,
            },
          ],
        },
      ],
    },
    {
      name: 'a name from a constant is reported where it is used; the suggestion renames the constant',
      code: `${CIO}const EVENTS = { SIGNED_UP: 'SignedUp', PAID: "Invoice Paid" } as const;
const CHURNED = \`Customer Churned\`;
cio.track(id, { name: EVENTS.SIGNED_UP });
cio.track(id, { name: EVENTS.PAID });
cio.track(id, { name: CHURNED });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 5,
          column: 23,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}const EVENTS = { SIGNED_UP: 'signed_up', PAID: "Invoice Paid" } as const;
const CHURNED = \`Customer Churned\`;
cio.track(id, { name: EVENTS.SIGNED_UP });
cio.track(id, { name: EVENTS.PAID });
cio.track(id, { name: CHURNED });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 6,
          column: 23,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}const EVENTS = { SIGNED_UP: 'SignedUp', PAID: "invoice_paid" } as const;
const CHURNED = \`Customer Churned\`;
cio.track(id, { name: EVENTS.SIGNED_UP });
cio.track(id, { name: EVENTS.PAID });
cio.track(id, { name: CHURNED });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 7,
          column: 23,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}const EVENTS = { SIGNED_UP: 'SignedUp', PAID: "Invoice Paid" } as const;
const CHURNED = \`customer_churned\`;
cio.track(id, { name: EVENTS.SIGNED_UP });
cio.track(id, { name: EVENTS.PAID });
cio.track(id, { name: CHURNED });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a member of a local enum; an enum member without a string value is not a name',
      code: `${CIO}enum EventName { SignedUp = 'SignedUp', LoggedIn = 'logged_in' }
enum Step { First, Second }
cio.track(id, { name: EventName.SignedUp });
cio.track(id, { name: EventName.LoggedIn });
cio.track(id, { name: Step.First });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 5,
          column: 23,
          data: { name: 'SignedUp', convention: 'snake_case', example: 'order_completed' },
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}enum EventName { SignedUp = 'signed_up', LoggedIn = 'logged_in' }
enum Step { First, Second }
cio.track(id, { name: EventName.SignedUp });
cio.track(id, { name: EventName.LoggedIn });
cio.track(id, { name: Step.First });`,
            },
          ],
        },
      ],
    },
    {
      name: 'each branch of a conditional or fallback is a name of its own',
      code: `${CIO}cio.track(id, { name: paid ? 'checkout_completed' : 'Checkout Abandoned' });
cio.track(id, { name: EVENT_FOR[kind] ?? 'Other Event' });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 53,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}cio.track(id, { name: paid ? 'checkout_completed' : 'checkout_abandoned' });
cio.track(id, { name: EVENT_FOR[kind] ?? 'Other Event' });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 42,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}cio.track(id, { name: paid ? 'checkout_completed' : 'Checkout Abandoned' });
cio.track(id, { name: EVENT_FOR[kind] ?? 'other_event' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a name built from constants only is static: reported, without a suggestion',
      code: `${CIO}const PREFIX = 'Checkout';
cio.track(id, { name: PREFIX + ' Started' });`,
      output: null,
      errors: [{ messageId: 'wrongConvention', line: 4, column: 23, suggestions: [] }],
    },
    {
      name: 'leading and trailing whitespace',
      code: `${CIO}cio.track(id, { name: 'order_completed ' });
cio.track(id, { name: '\\torder_refunded' });`,
      output: null,
      errors: [
        {
          messageId: 'surroundingSpaces',
          line: 3,
          column: 23,
          data: { name: 'order_completed ' },
          suggestions: [
            {
              messageId: 'trimName',
              output: `${CIO}cio.track(id, { name: 'order_completed' });
cio.track(id, { name: '\\torder_refunded' });`,
            },
          ],
        },
        {
          messageId: 'surroundingSpaces',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'trimName',
              output: `${CIO}cio.track(id, { name: 'order_completed ' });
cio.track(id, { name: 'order_refunded' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'an empty or blank name',
      code: `${CIO}${ANALYTICS}cio.track(id, { name: '' });
analytics.track({ userId: id, event: '   ' });`,
      output: null,
      errors: [
        { messageId: 'blankName', line: 5, column: 23 },
        { messageId: 'blankName', line: 6, column: 38 },
      ],
    },
    {
      name: 'a Track API event name over 100 bytes, also when multi-byte characters make it long',
      code: `${CIO}cio.track(id, { name: '${LONG}' });
cio.trackAnonymous(anon, { name: '${'é'.repeat(51)}' });`,
      output: null,
      errors: [
        { messageId: 'tooLong', line: 3, column: 23, data: { bytes: '101', max: '100', sdk: 'Customer.io (customerio-node)' } },
        { messageId: 'tooLong', line: 4, column: 34, data: { bytes: '102', max: '100', sdk: 'Customer.io (customerio-node)' } },
      ],
    },
    // Conventions.
    {
      name: 'camelCase convention',
      options: [{ convention: 'camelCase' }],
      code: `${CIO}cio.track(id, { name: 'order_completed' });
cio.track(id, { name: 'OrderCompleted' });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 23,
          data: { name: 'order_completed', convention: 'camelCase', example: 'orderCompleted' },
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}cio.track(id, { name: 'orderCompleted' });
cio.track(id, { name: 'OrderCompleted' });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${CIO}cio.track(id, { name: 'order_completed' });
cio.track(id, { name: 'orderCompleted' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'PascalCase convention',
      options: [{ convention: 'PascalCase' }],
      code: `${CIO}cio.track(id, { name: 'order completed' });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 23,
          suggestions: [{ messageId: 'renameEvent', output: `${CIO}cio.track(id, { name: 'OrderCompleted' });` }],
        },
      ],
    },
    {
      name: 'kebab-case convention',
      options: [{ convention: 'kebab-case' }],
      code: `${CIO}cio.track(id, { name: 'orderCompleted' });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 23,
          suggestions: [{ messageId: 'renameEvent', output: `${CIO}cio.track(id, { name: 'order-completed' });` }],
        },
      ],
    },
    {
      name: 'Title Case convention: sentence case, snake case and double spaces',
      options: [{ convention: 'Title Case' }],
      code: `${ANALYTICS}analytics.track({ userId: id, event: 'Order completed' });
analytics.track({ userId: id, event: "product_added_to_wishlist" });
analytics.track({ userId: id, event: 'Order  Refunded' });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 38,
          data: { name: 'Order completed', convention: 'Title Case', example: 'Order Completed' },
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${ANALYTICS}analytics.track({ userId: id, event: 'Order Completed' });
analytics.track({ userId: id, event: "product_added_to_wishlist" });
analytics.track({ userId: id, event: 'Order  Refunded' });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 38,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${ANALYTICS}analytics.track({ userId: id, event: 'Order completed' });
analytics.track({ userId: id, event: "Product Added to Wishlist" });
analytics.track({ userId: id, event: 'Order  Refunded' });`,
            },
          ],
        },
        {
          messageId: 'wrongConvention',
          line: 5,
          column: 38,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${ANALYTICS}analytics.track({ userId: id, event: 'Order completed' });
analytics.track({ userId: id, event: "product_added_to_wishlist" });
analytics.track({ userId: id, event: 'Order Refunded' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'Object Action convention: action-first names have no mechanical fix, snake names do',
      options: [{ convention: 'Object Action' }],
      code: `${ANALYTICS}analytics.track({ userId: id, event: 'Completed Order' });
analytics.track({ userId: id, event: 'order_completed' });
analytics.track({ userId: id, event: 'Checkout' });`,
      output: null,
      errors: [
        { messageId: 'wrongConvention', line: 3, column: 38, data: { name: 'Completed Order', convention: 'Object Action', example: 'Order Completed' }, suggestions: [] },
        {
          messageId: 'wrongConvention',
          line: 4,
          column: 38,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${ANALYTICS}analytics.track({ userId: id, event: 'Completed Order' });
analytics.track({ userId: id, event: 'Order Completed' });
analytics.track({ userId: id, event: 'Checkout' });`,
            },
          ],
        },
        { messageId: 'wrongConvention', line: 5, column: 38, suggestions: [] },
      ],
    },
    // The tracking plan.
    {
      name: 'a tracking plan: a typo and a casing variant get the planned name, an unrelated name gets none',
      settings: plan,
      code: `${CIO}cio.track(id, { name: 'order_complted' });
cio.track(id, { name: 'OrderRefunded' });
cio.track(id, { name: 'newsletter_subscribed' });`,
      output: null,
      errors: [
        {
          messageId: 'unknownEvent',
          line: 3,
          column: 23,
          data: { name: 'order_complted', hint: " (the closest planned name is 'order_completed')" },
          suggestions: [
            {
              messageId: 'usePlannedName',
              data: { name: 'order_completed' },
              output: `${CIO}cio.track(id, { name: 'order_completed' });
cio.track(id, { name: 'OrderRefunded' });
cio.track(id, { name: 'newsletter_subscribed' });`,
            },
          ],
        },
        {
          messageId: 'unknownEvent',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'usePlannedName',
              output: `${CIO}cio.track(id, { name: 'order_complted' });
cio.track(id, { name: 'order_refunded' });
cio.track(id, { name: 'newsletter_subscribed' });`,
            },
          ],
        },
        { messageId: 'unknownEvent', line: 5, column: 23, data: { name: 'newsletter_subscribed', hint: '' }, suggestions: [] },
      ],
    },
    {
      name: 'a tracking plan: two planned names equally close give no suggestion',
      settings: { cdp: { events: ['plan_a_chosen', 'plan_b_chosen'] } },
      code: `${CIO}cio.track(id, { name: 'plan_c_chosen' });`,
      output: null,
      errors: [{ messageId: 'unknownEvent', line: 3, column: 23, data: { name: 'plan_c_chosen', hint: '' }, suggestions: [] }],
    },
    {
      name: 'a tracking plan with the same words twice, in two styles, gives no suggestion',
      settings: { cdp: { events: ['order_completed', 'Order Completed', 'a_much_longer_event_name_than_this_one'] } },
      code: `${CIO}cio.track(id, { name: 'orderCompleted' });`,
      output: null,
      errors: [{ messageId: 'unknownEvent', line: 3, column: 23, data: { name: 'orderCompleted', hint: '' }, suggestions: [] }],
    },
    {
      name: 'a tracking plan: a planned name with a quote is escaped in the suggestion',
      settings: { cdp: { events: ["Customer's Order Placed"] } },
      code: `${CIO}cio.track(id, { name: 'customers_order_placed' });`,
      output: null,
      errors: [
        {
          messageId: 'unknownEvent',
          line: 3,
          column: 23,
          suggestions: [{ messageId: 'usePlannedName', output: `${CIO}cio.track(id, { name: 'Customer\\'s Order Placed' });` }],
        },
      ],
    },
    {
      name: 'a tracking plan: whitespace is reported before the plan',
      settings: plan,
      code: `${CIO}cio.track(id, { name: 'signed_up ' });`,
      output: null,
      errors: [
        {
          messageId: 'surroundingSpaces',
          line: 3,
          column: 23,
          suggestions: [{ messageId: 'trimName', output: `${CIO}cio.track(id, { name: 'signed_up' });` }],
        },
      ],
    },
    {
      name: 'a template literal keeps its backticks in the suggestion',
      code: `${CIO}cio.track(id, { name: \`Order Placed\` });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 23,
          suggestions: [{ messageId: 'renameEvent', output: `${CIO}cio.track(id, { name: \`order_placed\` });` }],
        },
      ],
    },
    {
      name: 'a long name is shortened in the message',
      options: [{ convention: 'camelCase' }],
      code: `${ANALYTICS}analytics.track({ userId: id, event: '${'word_'.repeat(15)}end' });`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 38,
          data: { name: `${'word_'.repeat(11)}word…`, convention: 'camelCase', example: 'orderCompleted' },
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `${ANALYTICS}analytics.track({ userId: id, event: 'word${'Word'.repeat(14)}End' });`,
            },
          ],
        },
      ],
    },
  ],
});

typedRuleTester.run('event-name-casing (typed)', rule, {
  valid: [
    {
      name: 'typed: a client from another module with good names',
      code: `import { cio, analytics } from './lib/cio';
export async function run(id: string) {
  await cio.track(id, { name: 'order_completed' });
  analytics.track({ userId: id, event: 'signed_up' });
}`,
    },
    {
      name: 'typed: a union of names is not checked (each name is checked where it is written)',
      code: `import { cio } from './lib/cio';
declare const name: 'Order Completed' | 'order_refunded';
export async function run(id: string) {
  await cio.track(id, { name });
}`,
    },
  ],
  invalid: [
    {
      name: 'typed: a client exported from another module',
      code: `import { cio } from './lib/cio';
export async function run(id: string) {
  await cio.track(id, { name: 'Order Completed' });
}`,
      output: null,
      errors: [
        {
          messageId: 'wrongConvention',
          line: 3,
          column: 31,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `import { cio } from './lib/cio';
export async function run(id: string) {
  await cio.track(id, { name: 'order_completed' });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a constant whose value only its type shows is reported, without a suggestion',
      code: `import { analytics } from './lib/cio';
declare const EVENTS: { readonly SIGNED_UP: 'Signed Up' };
export function run(id: string) {
  analytics.track({ userId: id, event: EVENTS.SIGNED_UP });
}`,
      output: null,
      errors: [{ messageId: 'wrongConvention', line: 4, column: 40, data: { name: 'Signed Up', convention: 'snake_case', example: 'order_completed' }, suggestions: [] }],
    },
  ],
});
