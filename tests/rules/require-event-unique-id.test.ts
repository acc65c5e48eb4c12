import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-event-unique-id.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * require-event-unique-id: Klaviyo deduplicates events on (profile, metric, unique id), and the
 * unique id defaults to the event time truncated to the second. Two purchases by one person in the
 * same second become one. The rule asks for `uniqueId` where the event attributes are visible, and
 * suggests a fresh UUID only with a generator the module already imports.
 */

type MessageIds = 'missing' | 'addRandomId';

const KLAVIYO = `import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY));
`;
const METRIC = `metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } }`;
const PROFILE = `profile: { data: { type: 'profile', attributes: { externalId: user.id } } }`;
const MERGES = 'two events for the same profile and metric in the same second';
const missing = (expression = '') => ({
  messageId: 'missing' as const,
  data: { method: 'createEvent', key: 'uniqueId', merges: MERGES, expression },
});

const valid: ValidTestCase<[]>[] = [
  {
    name: 'a unique id from the domain, or a fresh one',
    code: `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { properties: { total }, uniqueId: order.id, ${METRIC}, ${PROFILE} } } });
await events.createEvent({ data: { type: 'event', attributes: { properties: {}, uniqueId: crypto.randomUUID(), ${METRIC}, ${PROFILE} } } });`,
  },
  {
    name: 'the wire name is there (klaviyo-api 5.x, or a key no-ignored-payload-keys renames)',
    code: `${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { properties: {}, unique_id: order.id, ${METRIC}, ${PROFILE} } } });`,
  },
  {
    name: 'attributes not visible: a parameter, a call result, a spread that may carry the id',
    code: `${KLAVIYO}export async function send(attributes, extra) {
  await events.createEvent({ data: { type: 'event', attributes } });
  await events.createEvent({ data: { type: 'event', attributes: buildAttributes(order) } });
  await events.createEvent({ data: { type: 'event', attributes: { ...extra, properties: {}, ${METRIC}, ${PROFILE} } } });
  await events.createEvent(body);
}`,
  },
  {
    name: 'a local wrapper that sets the id itself, called with the rest',
    code: `${KLAVIYO}function track(name, properties) {
  return events.createEvent({ data: { type: 'event', attributes: { properties, uniqueId: properties.id, metric: { data: { type: 'metric', attributes: { name } } }, ${PROFILE} } } });
}
await track('Placed Order', { id: order.id });`,
  },
  {
    name: 'look-alike methods of other SDKs',
    code: `${KLAVIYO}await analytics.createEvent({ data: { type: 'event', attributes: { properties: {} } } });
await posthog.capture({ distinctId: user.id, event: 'Placed Order' });`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: createEvent without uniqueId, no UUID generator imported: no suggestion',
    code: `${KLAVIYO}await events.createEvent({
  data: {
    type: 'event',
    attributes: { properties: { total: order.total }, ${METRIC}, ${PROFILE} },
  },
});`,
    output: null,
    errors: [{ ...missing(), line: 6, column: 17, suggestions: [] }],
  },
  {
    name: 'randomUUID imported from node:crypto',
    code: `import { randomUUID } from 'node:crypto';
${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { properties: {}, ${METRIC}, ${PROFILE} } } });`,
    output: null,
    errors: [
      {
        ...missing('randomUUID()'),
        suggestions: [
          {
            messageId: 'addRandomId',
            data: { method: 'createEvent', key: 'uniqueId', merges: MERGES, expression: 'randomUUID()' },
            output: `import { randomUUID } from 'node:crypto';
${KLAVIYO}await events.createEvent({ data: { type: 'event', attributes: { properties: {}, ${METRIC}, ${PROFILE}, uniqueId: randomUUID() } } });`,
          },
        ],
      },
    ],
  },
  {
    name: 'the crypto module as a default import, singletons from the Klaviyo namespace, a .then chain',
    code: `import crypto from 'crypto';
import { Klaviyo, ConfigWrapper } from 'klaviyo-api';
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
Klaviyo.Events.createEvent({ data: { type: 'event', attributes: { properties: {}, ${METRIC}, ${PROFILE} } } }).then(() => done());`,
    output: null,
    errors: [
      {
        ...missing('crypto.randomUUID()'),
        suggestions: [
          {
            messageId: 'addRandomId',
            data: { method: 'createEvent', key: 'uniqueId', merges: MERGES, expression: 'crypto.randomUUID()' },
            output: `import crypto from 'crypto';
import { Klaviyo, ConfigWrapper } from 'klaviyo-api';
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
Klaviyo.Events.createEvent({ data: { type: 'event', attributes: { properties: {}, ${METRIC}, ${PROFILE}, uniqueId: crypto.randomUUID() } } }).then(() => done());`,
          },
        ],
      },
    ],
  },
  {
    name: 'uuid v4 through require, attributes held in a const',
    code: `const { v4: uuidv4 } = require('uuid');
const { Events } = require('klaviyo-api');
const attributes = { properties: { sku }, ${METRIC}, ${PROFILE} };
Events.createEvent({ data: { type: 'event', attributes } });`,
    output: null,
    errors: [
      {
        ...missing('uuidv4()'),
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'addRandomId',
            data: { method: 'createEvent', key: 'uniqueId', merges: MERGES, expression: 'uuidv4()' },
            output: `const { v4: uuidv4 } = require('uuid');
const { Events } = require('klaviyo-api');
const attributes = { properties: { sku }, ${METRIC}, ${PROFILE}, uniqueId: uuidv4() };
Events.createEvent({ data: { type: 'event', attributes } });`,
          },
        ],
      },
    ],
  },
  {
    name: 'the imported generator is shadowed where the event is built: no suggestion',
    code: `import { randomUUID } from 'node:crypto';
${KLAVIYO}export async function track(randomUUID) {
  await events.createEvent({ data: { type: 'event', attributes: { properties: {}, ${METRIC}, ${PROFILE} } } });
}`,
    output: null,
    errors: [{ ...missing(), suggestions: [] }],
  },
  {
    name: 'a client in a class field, inside an async method',
    code: `import { ApiKeySession, EventsApi } from 'klaviyo-api';
export class Analytics {
  private events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
  async placed(order: { id: string; total: number }, email: string) {
    await this.events.createEvent({ data: { type: 'event', attributes: { properties: { total: order.total }, ${METRIC}, profile: { data: { type: 'profile', attributes: { email } } } } } });
  }
}`,
    output: null,
    errors: [{ ...missing(), line: 5, column: 72 }],
  },
  {
    name: 'a local wrapper: reported at the call site where the attributes are written',
    code: `${KLAVIYO}const track = (attributes) => events.createEvent({ data: { type: 'event', attributes } });
await track({ properties: {}, ${METRIC}, ${PROFILE} });`,
    output: null,
    errors: [{ ...missing(), line: 4, column: 13 }],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module',
    code: `import { events } from './lib/klaviyo';
export async function placed(orderTotal: number, email: string) {
  await events.createEvent({ data: { type: 'event', attributes: { properties: { orderTotal }, ${METRIC}, profile: { data: { type: 'profile', attributes: { email } } } } } } as never);
}`,
    output: null,
    errors: [{ ...missing(), line: 3, column: 65 }],
  },
];

createRuleTester().run('require-event-unique-id', rule, { valid, invalid });
createTypedRuleTester().run('require-event-unique-id (typed)', rule, { valid: [], invalid: typedInvalid });
describeFixSafety('require-event-unique-id', rule, invalid);
describeFixSafety('require-event-unique-id', rule, typedInvalid, true);
