import rule from '../../src/rules/consistent-attribute-types.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const typedRuleTester = createTypedRuleTester();

const CIO = `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID, process.env.KEY);
`;
const ANALYTICS = `import { Analytics } from '@customerio/cdp-analytics-node';
const analytics = new Analytics({ writeKey: process.env.WRITE_KEY });
`;

ruleTester.run('consistent-attribute-types', rule, {
  valid: [
    {
      name: 'the same types in every call',
      code: `${CIO}cio.identify(a.id, { plan: 'premium', seats: 3, beta: true, tags: ['x'], address: { city: 'Oslo' } });
cio.identify(b.id, { plan: 'free', seats: 1, beta: false, tags: [], address: {} });
cio.identify(c.id, { plan: \`trial\`, seats: n + 1, beta: !optOut, tags: list.map(String), address: { city } });`,
    },
    {
      name: 'a Date and an ISO string are both strings once sent',
      code: `${ANALYTICS}analytics.identify({ userId: a, traits: { trial_ends_at: new Date(end) } });
analytics.identify({ userId: b, traits: { trial_ends_at: end.toISOString() } });
analytics.identify({ userId: c, traits: { trial_ends_at: '2025-01-01T00:00:00Z' } });`,
    },
    {
      name: 'values of unknown type are not compared',
      code: `${CIO}cio.identify(a.id, { plan: user.plan, seats: body.seats, source: getSource() });
cio.identify(b.id, { plan: 1, seats: '2', source: true });
for (const row of rows) cio.identify(row.id, { plan: row.plan });`,
    },
    {
      name: 'null and undefined clear or omit an attribute: no type',
      code: `${CIO}cio.identify(a.id, { plan: 'premium', coupon: 'SAVE10' });
cio.identify(b.id, { plan: null, coupon: undefined });
cio.identify(c.id, { plan: cancelled ? null : 'free', coupon: void 0 });`,
    },
    {
      name: 'a value mixing types within one call is not a comparison between calls',
      code: `${CIO}cio.identify(a.id, { plan: isPro ? 2 : 'free', seats: big && 10 });
cio.identify(b.id, { plan: 'team', seats: 'many' });`,
    },
    {
      name: 'the same key of different events, and of an event and a person, are separate',
      code: `${CIO}cio.track(id, { name: 'order_completed', data: { total: 19.99 } });
cio.track(id, { name: 'refund_requested', data: { total: '19.99' } });
cio.identify(id, { total: 'gold' });`,
    },
    {
      name: 'event properties of an event whose name is not static are not grouped',
      code: `${CIO}cio.track(id, { name: EVENTS.ORDER, data: { total: 19.99 } });
cio.track(id, { name: EVENTS.ORDER, data: { total: '19.99' } });`,
    },
    {
      name: 'group traits describe companies, not people',
      code: `${ANALYTICS}analytics.group({ userId: id, groupId: org.id, traits: { plan: 3 } });
analytics.identify({ userId: id, traits: { plan: 'premium' } });`,
    },
    {
      name: 'different vendors keep different people',
      code: `import { TrackClient } from 'customerio-node';
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const cio = new TrackClient(s, k);
const profiles = new ProfilesApi(new ApiKeySession(key));
cio.identify(id, { organization: 1 });
profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email, organization: 'Acme' } } });`,
    },
    {
      name: 'ignoreAttributes',
      options: [{ ignoreAttributes: ['plan'] }],
      code: `${CIO}cio.identify(a.id, { plan: 'premium' });
cio.identify(b.id, { plan: 1 });`,
    },
    {
      name: 'checkEventProperties: false',
      options: [{ checkEventProperties: false }],
      code: `${CIO}cio.track(id, { name: 'order_completed', data: { total: 19.99 } });
cio.track(id, { name: 'order_completed', data: { total: '19.99' } });`,
    },
    {
      name: 'an object changed after it is built says nothing about the changed keys',
      code: `${CIO}const attrs = { plan: 'premium', seats: 1 };
attrs.plan = tier;
const more = { seats: 'one' };
Object.assign(more, defaults);
cio.identify(a.id, attrs);
cio.identify(b.id, more);
cio.identify(c.id, { plan: 2, seats: 2 });`,
    },
    {
      name: 'a later spread may override a key',
      code: `${CIO}cio.identify(a.id, { plan: 'premium', ...overrides });
cio.identify(b.id, { plan: 2 });`,
    },
    {
      name: 'one call only, and look-alike calls of other libraries',
      code: `${CIO}cio.identify(a.id, { plan: 'premium' });
mixpanel.people.set(b.id, { plan: 2 });
posthog.identify({ distinctId: c, properties: { plan: 3 } });`,
    },
    {
      name: 'methods, getters and computed keys are not attributes',
      code: `${CIO}cio.identify(a.id, { plan: 'premium', [key]: 1, get seats() { return 1; }, toJSON() { return {}; } });
cio.identify(b.id, { [key]: 'x', seats: 'one', toJSON: 'x' });`,
    },
    {
      name: 'what the syntax cannot decide stays unknown: async helpers, valueOf, regular expressions, big integers',
      code: `${CIO}async function load() { return 1; }
function pick(flag) { if (flag) return 1; return 'one'; }
cio.identify(a.id, { p: load(), q: thing.valueOf(), r: /x/, s: 10n, t: pick(f), u: tag\`x\`, v: obj.prop, w: await load() });
cio.identify(b.id, { p: 'x', q: 'x', r: 'x', s: 'x', t: true, u: 1, v: 2, w: 'x' });`,
    },
    {
      name: 'a local function named like a global is the local function',
      code: `${CIO}function String(value) { return value.length; }
cio.identify(a.id, { size: String(list) });
cio.identify(b.id, { size: 3 });`,
    },
  ],
  invalid: [
    {
      name: 'the catalog: a string in one call, a number in another',
      code: `${CIO}cio.identify(a.id, { plan: 'premium' });
cio.identify(b.id, { plan: 1 });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 4,
          column: 28,
          data: { key: 'plan', type: 'a number', firstType: 'a string', line: '3' },
          suggestions: [
            {
              messageId: 'convertValue',
              data: { value: "'1'", firstType: 'a string', line: '3' },
              output: `${CIO}cio.identify(a.id, { plan: 'premium' });
cio.identify(b.id, { plan: '1' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'created_at in Unix seconds in one call and an ISO string in another',
      code: `${CIO}const nowSec = () => Math.floor(Date.now() / 1000);
cio.identify(a.id, { created_at: nowSec() });
cio.identify(b.id, { created_at: user.createdAt.toISOString() });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 5,
          column: 34,
          data: { key: 'created_at', type: 'a string', firstType: 'a number', line: '4' },
          suggestions: [],
        },
      ],
    },
    {
      name: "a boolean and the string 'true'; a number and a numeric string",
      code: `${CIO}cio.identify(a.id, { newsletter: true, seats: 5 });
cio.identify(b.id, { newsletter: 'true', seats: '12' });
cio.identify(c.id, { newsletter: "yes", seats: '-1.5' });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 4,
          column: 34,
          data: { key: 'newsletter', type: 'a string', firstType: 'a boolean', line: '3' },
          suggestions: [
            {
              messageId: 'convertValue',
              data: { value: 'true', firstType: 'a boolean', line: '3' },
              output: `${CIO}cio.identify(a.id, { newsletter: true, seats: 5 });
cio.identify(b.id, { newsletter: true, seats: '12' });
cio.identify(c.id, { newsletter: "yes", seats: '-1.5' });`,
            },
          ],
        },
        {
          messageId: 'mixedAttributeTypes',
          line: 4,
          column: 49,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `${CIO}cio.identify(a.id, { newsletter: true, seats: 5 });
cio.identify(b.id, { newsletter: 'true', seats: 12 });
cio.identify(c.id, { newsletter: "yes", seats: '-1.5' });`,
            },
          ],
        },
        { messageId: 'mixedAttributeTypes', line: 5, column: 34, suggestions: [] },
        {
          messageId: 'mixedAttributeTypes',
          line: 5,
          column: 48,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `${CIO}cio.identify(a.id, { newsletter: true, seats: 5 });
cio.identify(b.id, { newsletter: 'true', seats: '12' });
cio.identify(c.id, { newsletter: "yes", seats: -1.5 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'the conversion to a string keeps the quotes of the first value',
      code: `${CIO}cio.identify(a.id, { tier: "gold", vip: "no" });
cio.identify(b.id, { tier: 2, vip: false });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 4,
          column: 28,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `${CIO}cio.identify(a.id, { tier: "gold", vip: "no" });
cio.identify(b.id, { tier: "2", vip: false });`,
            },
          ],
        },
        {
          messageId: 'mixedAttributeTypes',
          line: 4,
          column: 36,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `${CIO}cio.identify(a.id, { tier: "gold", vip: "no" });
cio.identify(b.id, { tier: 2, vip: "false" });`,
            },
          ],
        },
      ],
    },
    {
      name: 'operators, well-known functions and methods decide the type',
      code: `${CIO}cio.identify(a.id, { verified: !user.unverified, seats: team.members.length, label: \`\${first} \${last}\`, tags: csv.split(',') });
cio.identify(b.id, { verified: String(user.verified), seats: \`\${count}\`, label: count * 2, tags: tags.join(',') });`,
      output: null,
      errors: [
        { messageId: 'mixedAttributeTypes', line: 4, column: 32, data: { key: 'verified', type: 'a string', firstType: 'a boolean', line: '3' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 4, column: 62, data: { key: 'seats', type: 'a string', firstType: 'a number', line: '3' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 4, column: 81, data: { key: 'label', type: 'a number', firstType: 'a string', line: '3' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 4, column: 98, data: { key: 'tags', type: 'a string', firstType: 'an array', line: '3' }, suggestions: [] },
      ],
    },
    {
      name: 'operators, well-known functions, methods and date libraries decide the type of both values',
      code: `${CIO}import dayjs from 'dayjs';
import moment from 'moment';
cio.identify(a.id, {
  n1: i++,
  n2: Math.round(x),
  n3: Date.now(),
  n4: Number.parseInt(s, 10),
  n5: list.indexOf(x),
  n6: +s,
  n7: -x,
  n8: a % b,
  n9: d.getTime(),
  s1: typeof x,
  s2: JSON.stringify(o),
  s3: (log(), 'x'),
  s4: name.trim(),
  s5: x satisfies string,
  s6: encodeURIComponent(q),
  s7: d.toISOString(),
  b1: Array.isArray(x),
  b2: list.includes(x),
  b3: a instanceof B,
  b4: Number.isInteger(x),
  b5: 'k' in o,
  b6: delete o.k,
  b7: a !== b,
  a1: Array.from(x),
  a2: Object.keys(o),
  a3: [...rest],
  a4: s.split(','),
  d1: dayjs(),
  d2: new Date(),
  d3: moment().add(1, "day"),
});
cio.identify(b.id, {
  n1: 'x',
  n2: 'x',
  n3: 'x',
  n4: 'x',
  n5: 'x',
  n6: 'x',
  n7: 'x',
  n8: 'x',
  n9: 'x',
  s1: [],
  s2: [],
  s3: [],
  s4: [],
  s5: [],
  s6: [],
  s7: [],
  b1: 'x',
  b2: 'x',
  b3: 'x',
  b4: 'x',
  b5: 'x',
  b6: 'x',
  b7: 'x',
  a1: 'x',
  a2: 'x',
  a3: 'x',
  a4: 'x',
  d1: 1,
  d2: 1,
  d3: 1,
});`,
      output: null,
      errors: [
        { messageId: 'mixedAttributeTypes', line: 38, column: 7, data: { key: 'n1', type: 'a string', firstType: 'a number', line: '6' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 39, column: 7, data: { key: 'n2', type: 'a string', firstType: 'a number', line: '7' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 40, column: 7, data: { key: 'n3', type: 'a string', firstType: 'a number', line: '8' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 41, column: 7, data: { key: 'n4', type: 'a string', firstType: 'a number', line: '9' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 42, column: 7, data: { key: 'n5', type: 'a string', firstType: 'a number', line: '10' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 43, column: 7, data: { key: 'n6', type: 'a string', firstType: 'a number', line: '11' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 44, column: 7, data: { key: 'n7', type: 'a string', firstType: 'a number', line: '12' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 45, column: 7, data: { key: 'n8', type: 'a string', firstType: 'a number', line: '13' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 46, column: 7, data: { key: 'n9', type: 'a string', firstType: 'a number', line: '14' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 47, column: 7, data: { key: 's1', type: 'an array', firstType: 'a string', line: '15' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 48, column: 7, data: { key: 's2', type: 'an array', firstType: 'a string', line: '16' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 49, column: 7, data: { key: 's3', type: 'an array', firstType: 'a string', line: '17' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 50, column: 7, data: { key: 's4', type: 'an array', firstType: 'a string', line: '18' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 51, column: 7, data: { key: 's5', type: 'an array', firstType: 'a string', line: '19' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 52, column: 7, data: { key: 's6', type: 'an array', firstType: 'a string', line: '20' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 53, column: 7, data: { key: 's7', type: 'an array', firstType: 'a string', line: '21' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 54, column: 7, data: { key: 'b1', type: 'a string', firstType: 'a boolean', line: '22' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 55, column: 7, data: { key: 'b2', type: 'a string', firstType: 'a boolean', line: '23' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 56, column: 7, data: { key: 'b3', type: 'a string', firstType: 'a boolean', line: '24' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 57, column: 7, data: { key: 'b4', type: 'a string', firstType: 'a boolean', line: '25' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 58, column: 7, data: { key: 'b5', type: 'a string', firstType: 'a boolean', line: '26' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 59, column: 7, data: { key: 'b6', type: 'a string', firstType: 'a boolean', line: '27' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 60, column: 7, data: { key: 'b7', type: 'a string', firstType: 'a boolean', line: '28' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 61, column: 7, data: { key: 'a1', type: 'a string', firstType: 'an array', line: '29' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 62, column: 7, data: { key: 'a2', type: 'a string', firstType: 'an array', line: '30' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 63, column: 7, data: { key: 'a3', type: 'a string', firstType: 'an array', line: '31' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 64, column: 7, data: { key: 'a4', type: 'a string', firstType: 'an array', line: '32' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 65, column: 7, data: { key: 'd1', type: 'a number', firstType: 'a date (sent as an ISO string)', line: '33' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 66, column: 7, data: { key: 'd2', type: 'a number', firstType: 'a date (sent as an ISO string)', line: '34' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 67, column: 7, data: { key: 'd3', type: 'a number', firstType: 'a date (sent as an ISO string)', line: '35' }, suggestions: [] },
      ],
    },
    {
      name: 'declared types: tuples, generic arrays, template literal types, negative literals, aliases, Date',
      code: `${CIO}type Ratio = -1 | 0 | 1;
type Slug = \`plan-\${string}\`;
export function a(id: string, pair: [number, number], list: Array<string>, slug: Slug, ratio: Ratio, when: Date) {
  return cio.identify(id, { pair, list, slug, ratio, when });
}
export function b(id: string, pair: string, list: string, slug: number, ratio: string, when: number) {
  return cio.identify(id, { pair, list, slug, ratio, when });
}`,
      output: null,
      errors: [
        { messageId: 'mixedAttributeTypes', line: 9, column: 29, data: { key: 'pair', type: 'a string', firstType: 'an array', line: '6' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 9, column: 35, data: { key: 'list', type: 'a string', firstType: 'an array', line: '6' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 9, column: 41, data: { key: 'slug', type: 'a number', firstType: 'a string', line: '6' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 9, column: 47, data: { key: 'ratio', type: 'a string', firstType: 'a number', line: '6' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 9, column: 54, data: { key: 'when', type: 'a number', firstType: 'a date (sent as an ISO string)', line: '6' }, suggestions: [] },
      ],
    },
    {
      name: 'a date object first, then a number: a date is an ISO string once sent',
      code: `${ANALYTICS}analytics.identify({ userId: a, traits: { last_order_at: new Date() } });
analytics.identify({ userId: b, traits: { last_order_at: 1700000000 } });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 4,
          column: 58,
          data: { key: 'last_order_at', type: 'a number', firstType: 'a date (sent as an ISO string)', line: '3' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a third call with a third type is compared with the first',
      code: `${CIO}cio.identify(a.id, { score: 10 });
cio.identify(b.id, { score: 'high' });
cio.identify(c.id, { score: [10] });
cio.identify(d.id, { score: 7.5 });`,
      output: null,
      errors: [
        { messageId: 'mixedAttributeTypes', line: 4, column: 29, data: { key: 'score', type: 'a string', firstType: 'a number', line: '3' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 5, column: 29, data: { key: 'score', type: 'an array', firstType: 'a number', line: '3' }, suggestions: [] },
      ],
    },
    {
      name: 'declared types, constants, enums and local helpers',
      code: `${CIO}enum Tier { Gold = 'gold', Silver = 'silver' }
enum Level { Low, High }
const DEFAULT_SEATS = 5;
const LIMITS = { seats: '5' };
function seatsOf(team): number { return team.size; }
const label = (n: number) => \`\${n} seats\`;
export function a(id: string, seats: number, tier: Tier) {
  return cio.identify(id, { seats, tier, level: Level.High, quota: DEFAULT_SEATS, size: seatsOf(team), text: label(2) });
}
export function b(id: string, seats: string, tier: 'gold' | 'silver' | null) {
  return cio.identify(id, { seats, tier, level: 'high', quota: LIMITS.seats, size: seats as unknown as string, text: 2 as number });
}`,
      output: null,
      errors: [
        { messageId: 'mixedAttributeTypes', line: 13, column: 29, data: { key: 'seats', type: 'a string', firstType: 'a number', line: '10' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 13, column: 49, data: { key: 'level', type: 'a string', firstType: 'a number', line: '10' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 13, column: 64, data: { key: 'quota', type: 'a string', firstType: 'a number', line: '10' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 13, column: 84, data: { key: 'size', type: 'a string', firstType: 'a number', line: '10' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 13, column: 118, data: { key: 'text', type: 'a number', firstType: 'a string', line: '10' }, suggestions: [] },
      ],
    },
    {
      name: 'attributes built in a const before the call',
      code: `${CIO}const base = { plan: 'premium', seats: 3 };
cio.identify(a.id, base);
const update = { plan: 2 };
cio.identify(b.id, update);`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 5,
          column: 24,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `${CIO}const base = { plan: 'premium', seats: 3 };
cio.identify(a.id, base);
const update = { plan: '2' };
cio.identify(b.id, update);`,
            },
          ],
        },
      ],
    },
    {
      name: 'Track API and Data Pipelines write to the same people',
      code: `import { TrackClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
const cio = new TrackClient(s, k);
const analytics = new Analytics({ writeKey: w });
cio.identify(id, { company_size: 50 });
analytics.identify({ userId: id, traits: { company_size: '11-50' } });`,
      output: null,
      errors: [{ messageId: 'mixedAttributeTypes', line: 6, column: 58, suggestions: [] }],
    },
    {
      name: 'a property of the same event on two SDKs of one vendor',
      code: `import { TrackClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
const cio = new TrackClient(s, k);
const analytics = new Analytics({ writeKey: w });
cio.track(id, { name: 'order_completed', data: { total: 19.99, currency: 'EUR' } });
analytics.track({ userId: id, event: 'order_completed', properties: { total: '19.99', currency: 'EUR' } });`,
      output: null,
      errors: [
        {
          messageId: 'mixedPropertyTypes',
          line: 6,
          column: 78,
          data: { key: 'total', event: 'order_completed', type: 'a string', firstType: 'a number', line: '5' },
          suggestions: [
            {
              messageId: 'convertValue',
              output: `import { TrackClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
const cio = new TrackClient(s, k);
const analytics = new Analytics({ writeKey: w });
cio.track(id, { name: 'order_completed', data: { total: 19.99, currency: 'EUR' } });
analytics.track({ userId: id, event: 'order_completed', properties: { total: 19.99, currency: 'EUR' } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'Klaviyo profile attributes',
      code: `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(key));
await profiles.createProfile({ data: { type: 'profile', attributes: { email, organization: 'Acme' } } });
await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email, organization: 42 } } });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 4,
          column: 100,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(key));
await profiles.createProfile({ data: { type: 'profile', attributes: { email, organization: 'Acme' } } });
await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email, organization: '42' } } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'Klaviyo event properties of one metric',
      code: `import { ApiKeySession, EventsApi } from 'klaviyo-api';
const events = new EventsApi(new ApiKeySession(key));
const metric = { data: { type: 'metric', attributes: { name: 'Placed Order' } } };
await events.createEvent({ data: { type: 'event', attributes: { metric, properties: { items: 2 }, profile } } });
await events.createEvent({ data: { type: 'event', attributes: { metric, properties: { items: ['sku-1'] }, profile } } });`,
      output: null,
      errors: [
        {
          messageId: 'mixedPropertyTypes',
          line: 5,
          column: 94,
          data: { key: 'items', event: 'Placed Order', type: 'an array', firstType: 'a number', line: '4' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'aliased, namespace and require imports',
      code: `import { TrackClient as Track } from 'customerio-node';
import * as CIO from 'customerio-node';
const { TrackClient } = require('customerio-node');
const sdk = require('customerio-node');
new Track(s, k).identify(a, { plan: 'pro' });
new CIO.TrackClient(s, k).identify(b, { plan: 1 });
new TrackClient(s, k).identify(c, { plan: 2 });
new sdk.TrackClient(s, k).identify(d, { plan: true });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 6,
          column: 47,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `import { TrackClient as Track } from 'customerio-node';
import * as CIO from 'customerio-node';
const { TrackClient } = require('customerio-node');
const sdk = require('customerio-node');
new Track(s, k).identify(a, { plan: 'pro' });
new CIO.TrackClient(s, k).identify(b, { plan: '1' });
new TrackClient(s, k).identify(c, { plan: 2 });
new sdk.TrackClient(s, k).identify(d, { plan: true });`,
            },
          ],
        },
        {
          messageId: 'mixedAttributeTypes',
          line: 7,
          column: 43,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `import { TrackClient as Track } from 'customerio-node';
import * as CIO from 'customerio-node';
const { TrackClient } = require('customerio-node');
const sdk = require('customerio-node');
new Track(s, k).identify(a, { plan: 'pro' });
new CIO.TrackClient(s, k).identify(b, { plan: 1 });
new TrackClient(s, k).identify(c, { plan: '2' });
new sdk.TrackClient(s, k).identify(d, { plan: true });`,
            },
          ],
        },
        {
          messageId: 'mixedAttributeTypes',
          line: 8,
          column: 47,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `import { TrackClient as Track } from 'customerio-node';
import * as CIO from 'customerio-node';
const { TrackClient } = require('customerio-node');
const sdk = require('customerio-node');
new Track(s, k).identify(a, { plan: 'pro' });
new CIO.TrackClient(s, k).identify(b, { plan: 1 });
new TrackClient(s, k).identify(c, { plan: 2 });
new sdk.TrackClient(s, k).identify(d, { plan: 'true' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a client in a class field, async/await and a .then chain',
      code: `import { TrackClient } from 'customerio-node';
class Billing {
  private cio = new TrackClient(s, k);
  async upgrade(id: string) { await this.cio.identify(id, { seats: 10 }); }
}
async function load() { return new TrackClient(s, k); }
load().then((client) => client.identify(id, { seats: 'ten' }));`,
      output: null,
      errors: [{ messageId: 'mixedAttributeTypes', line: 7, column: 54, suggestions: [] }],
    },
    {
      name: 'clients from settings.cdp.clients',
      settings: { cdp: { clients: { './lib/cio': ['cio'] } } },
      code: `import { cio } from '../lib/cio';
export async function a(id) { await cio.identify(id, { onboarded: true }); }
export async function b(id) { await cio.identify(id, { onboarded: 'yes' }); }`,
      output: null,
      errors: [{ messageId: 'mixedAttributeTypes', line: 3, column: 67, suggestions: [] }],
    },
    {
      name: 'a local wrapper: values are compared where they are written',
      code: `${CIO}function identifyUser(id, attributes) { return cio.identify(id, attributes); }
function setPlan(id, plan) { return cio.identify(id, { plan }); }
identifyUser(a.id, { plan: 'premium' });
setPlan(b.id, 3);`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 6,
          column: 15,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `${CIO}function identifyUser(id, attributes) { return cio.identify(id, attributes); }
function setPlan(id, plan) { return cio.identify(id, { plan }); }
identifyUser(a.id, { plan: 'premium' });
setPlan(b.id, '3');`,
            },
          ],
        },
      ],
    },
    {
      name: 'wrappers declared in settings.cdp.wrappers, passing the whole object or one key',
      settings: {
        cdp: {
          wrappers: [
            { name: 'identifyUser', calls: 'TrackClient.identify', args: ['0', '1'] },
            { name: 'people.setPlan', calls: 'TrackClient.identify', args: ['0', '1.plan'] },
            { name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] },
          ],
        },
      },
      code: `import { identifyUser, people, trackEvent } from './lib/people';
identifyUser(a.id, { plan: 'premium' });
people.setPlan(b.id, false);
trackEvent(c.id, 'order_completed', { items: 3 });
trackEvent(c.id, 'order_completed', { items: 'three' });`,
      output: null,
      errors: [
        {
          messageId: 'mixedAttributeTypes',
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'convertValue',
              output: `import { identifyUser, people, trackEvent } from './lib/people';
identifyUser(a.id, { plan: 'premium' });
people.setPlan(b.id, 'false');
trackEvent(c.id, 'order_completed', { items: 3 });
trackEvent(c.id, 'order_completed', { items: 'three' });`,
            },
          ],
        },
        {
          messageId: 'mixedPropertyTypes',
          line: 5,
          column: 46,
          data: { key: 'items', event: 'order_completed', type: 'a string', firstType: 'a number', line: '4' },
          suggestions: [],
        },
      ],
    },
  ],
});

typedRuleTester.run('consistent-attribute-types (typed)', rule, {
  valid: [
    {
      name: 'typed: declared types that agree',
      code: `import { cio } from './lib/cio';
interface User { id: string; seats: number; plan: 'free' | 'pro'; createdAt: Date }
export async function run(user: User, other: User) {
  await cio.identify(user.id, { seats: user.seats, plan: user.plan, signed_up_at: user.createdAt });
  await cio.identify(other.id, { seats: 3, plan: 'pro', signed_up_at: '2024-01-01T00:00:00Z' });
}`,
    },
    {
      name: 'typed: any, unions of types and objects stay unknown',
      code: `import { cio } from './lib/cio';
export async function run(id: string, a: any, b: string | number, c: { x: number }) {
  await cio.identify(id, { one: a, two: b, three: c });
  await cio.identify(id, { one: 1, two: 2, three: 'x' });
}`,
    },
  ],
  invalid: [
    {
      name: 'typed: a client exported from another module, with declared member types',
      code: `import { cio } from './lib/cio';
interface User { id: string; seats: number; newsletter?: boolean | null; tags: string[] }
export async function run(user: User, form: { seats: string; newsletter: string; tags: string }) {
  await cio.identify(user.id, { seats: user.seats, newsletter: user.newsletter, tags: user.tags });
  await cio.identify(user.id, { seats: form.seats, newsletter: form.newsletter, tags: form.tags });
}`,
      output: null,
      errors: [
        { messageId: 'mixedAttributeTypes', line: 5, column: 40, data: { key: 'seats', type: 'a string', firstType: 'a number', line: '4' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 5, column: 64, data: { key: 'newsletter', type: 'a string', firstType: 'a boolean', line: '4' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 5, column: 87, data: { key: 'tags', type: 'a string', firstType: 'an array', line: '4' }, suggestions: [] },
      ],
    },
    {
      name: 'typed: awaited values and a Pipelines client from another module',
      code: `import { analytics } from './lib/cio';
declare function loadSeats(): Promise<number>;
export async function run(id: string) {
  analytics.identify({ userId: id, traits: { seats: await loadSeats(), since: new Date() } });
  analytics.identify({ userId: id, traits: { seats: 'unlimited', since: Date.now() } });
}`,
      output: null,
      errors: [
        { messageId: 'mixedAttributeTypes', line: 5, column: 53, data: { key: 'seats', type: 'a string', firstType: 'a number', line: '4' }, suggestions: [] },
        { messageId: 'mixedAttributeTypes', line: 5, column: 73, data: { key: 'since', type: 'a number', firstType: 'a date (sent as an ISO string)', line: '4' }, suggestions: [] },
      ],
    },
  ],
});
