import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-recipients-in-broadcast-data.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * no-recipients-in-broadcast-data: `triggerBroadcast(id, data, recipients)` reads the recipient
 * selectors (`ids`, `emails`, `per_user_data`, `data_file_url`) from its third argument only. In the
 * second they are template data, and the broadcast goes to its whole configured audience.
 */

type MessageIds = 'misplaced' | 'moveToSlot';

const API = `import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
`;

const valid: ValidTestCase<[]>[] = [
  {
    name: 'recipients in the third argument, template data in the second',
    code: `${API}await api.triggerBroadcast(12, { promo_code: 'SPRING' }, { ids: ['1', '2'] });
await api.triggerBroadcast(12, {}, { emails: ['a@example.com'], email_ignore_missing: true });
await api.triggerBroadcast(12, undefined, { per_user_data: [{ id: '1', data: {} }] });`,
  },
  {
    name: 'the recipients argument is given: keys of the same name in the data are the author’s data',
    code: `${API}await api.triggerBroadcast(12, { emails: ['support@example.com'] }, { segment: { id: 7 } });`,
  },
  {
    name: 'a trigger with only template data goes to the configured audience, as intended',
    code: `${API}await api.triggerBroadcast(12, { headline: 'New features', items: launch.items });
await api.triggerBroadcast(12);`,
  },
  {
    name: 'a data object of unknown shape (a parameter, a function result) is not guessed at',
    code: `${API}export async function announce(id, data) {
  await api.triggerBroadcast(id, data);
  await api.triggerBroadcast(id, buildData());
}`,
  },
  {
    name: 'computed and spread keys are not read as selectors',
    code: `${API}const key = 'emails';
await api.triggerBroadcast(12, { [key]: list, ...extra });`,
  },
  {
    name: 'a wrapper that passes the recipients it is given, called with them',
    code: `${API}function broadcast(id, data, recipients) {
  return api.triggerBroadcast(id, data, recipients);
}
await broadcast(12, { emails: ['ops@example.com'] }, { ids: ['1'] });`,
  },
  {
    name: 'a wrapper that builds the recipients itself',
    code: `${API}function broadcastTo(id, data, emails) {
  return api.triggerBroadcast(id, data, { emails });
}
await broadcastTo(12, { emails: 'see list' }, ['a@example.com']);`,
  },
  {
    name: 'the arguments are spread: unknown',
    code: `${API}await api.triggerBroadcast(...[12, { emails: list }]);
function viaRest(...args) { return api.triggerBroadcast(12, { emails: list }, ...args); }`,
  },
  {
    name: 'look-alike methods of other libraries',
    code: `${API}await mailchimp.triggerBroadcast(12, { emails: list });
await pusher.trigger('channel', 'event', { ids: [1] });`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: the emails in the data slot',
    code: `${API}await api.triggerBroadcast(12, { emails: ['a@example.com', 'b@example.com'] });`,
    output: null,
    errors: [
      {
        messageId: 'misplaced',
        data: { key: 'emails', label: 'recipients', slot: 'second', target: 'third', method: 'triggerBroadcast' },
        line: 3,
        column: 34,
        suggestions: [
          {
            messageId: 'moveToSlot',
            data: { label: 'recipients', target: 'third', keys: '`emails`' },
            output: `${API}await api.triggerBroadcast(12, {}, { emails: ['a@example.com', 'b@example.com'] });`,
          },
        ],
      },
    ],
  },
  {
    name: 'template data and a selector with its flags: the selector and the flags move, the data stays',
    code: `${API}await api.triggerBroadcast(12, { promo_code: code, ids: userIds, id_ignore_missing: true });`,
    output: null,
    errors: [
      {
        messageId: 'misplaced',
        data: { key: 'ids', label: 'recipients', slot: 'second', target: 'third', method: 'triggerBroadcast' },
        line: 3,
        column: 52,
        suggestions: [
          {
            messageId: 'moveToSlot',
            data: { label: 'recipients', target: 'third', keys: '`ids`, `id_ignore_missing`' },
            output: `${API}await api.triggerBroadcast(12, { promo_code: code }, { ids: userIds, id_ignore_missing: true });`,
          },
        ],
      },
    ],
  },
  {
    name: 'per_user_data and data_file_url, shorthand and quoted keys',
    code: `${API}const per_user_data = rows.map((r) => ({ id: r.id, data: r }));
await api.triggerBroadcast(3, { per_user_data });
await api.triggerBroadcast(4, { 'data_file_url': url });`,
    output: null,
    errors: [
      {
        messageId: 'misplaced',
        data: { key: 'per_user_data', label: 'recipients', slot: 'second', target: 'third', method: 'triggerBroadcast' },
        line: 4,
        column: 33,
        suggestions: [
          {
            messageId: 'moveToSlot',
            output: `${API}const per_user_data = rows.map((r) => ({ id: r.id, data: r }));
await api.triggerBroadcast(3, {}, { per_user_data });
await api.triggerBroadcast(4, { 'data_file_url': url });`,
          },
        ],
      },
      {
        messageId: 'misplaced',
        data: { key: 'data_file_url', label: 'recipients', slot: 'second', target: 'third', method: 'triggerBroadcast' },
        line: 5,
        column: 33,
        suggestions: [
          {
            messageId: 'moveToSlot',
            output: `${API}const per_user_data = rows.map((r) => ({ id: r.id, data: r }));
await api.triggerBroadcast(3, { per_user_data });
await api.triggerBroadcast(4, {}, { 'data_file_url': url });`,
          },
        ],
      },
    ],
  },
  {
    name: 'undefined, void 0 and null as the recipients are "not given"',
    code: `${API}await api.triggerBroadcast(12, { emails }, undefined);
await api.triggerBroadcast(12, { emails }, null);
await api.triggerBroadcast(12, { emails }, void 0);`,
    output: null,
    errors: [
      { messageId: 'misplaced', line: 3, column: 34, suggestions: [] },
      { messageId: 'misplaced', line: 4, column: 34, suggestions: [] },
      { messageId: 'misplaced', line: 5, column: 34, suggestions: [] },
    ],
  },
  {
    name: 'a const bound to a selector object: moved whole to the third argument',
    code: `${API}export async function sendTo(emails) {
  const recipients = { emails, email_add_duplicates: false };
  await api.triggerBroadcast(12, recipients);
}`,
    output: null,
    errors: [
      {
        messageId: 'misplaced',
        line: 5,
        column: 34,
        suggestions: [
          {
            messageId: 'moveToSlot',
            data: { label: 'recipients', target: 'third', keys: '`emails`, `email_add_duplicates`' },
            output: `${API}export async function sendTo(emails) {
  const recipients = { emails, email_add_duplicates: false };
  await api.triggerBroadcast(12, {}, recipients);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a const that mixes data and selectors: reported, no suggestion',
    code: `${API}const payload = { headline: 'Hi', ids: ['1'] };
await api.triggerBroadcast(12, payload);`,
    output: null,
    errors: [{ messageId: 'misplaced', line: 4, column: 32, suggestions: [] }],
  },
  {
    name: 'an object with a spread, a method or a computed key: reported, no suggestion',
    code: `${API}await api.triggerBroadcast(12, { ...defaults, emails });
await api.triggerBroadcast(12, { emails, toJSON() { return {}; } });
await api.triggerBroadcast(12, { emails, [locale]: copy });`,
    output: null,
    errors: [
      { messageId: 'misplaced', line: 3, column: 47, suggestions: [] },
      { messageId: 'misplaced', line: 4, column: 34, suggestions: [] },
      { messageId: 'misplaced', line: 5, column: 34, suggestions: [] },
    ],
  },
  {
    name: 'require, a client in a class field, and a .then chain',
    code: `
const { APIClient } = require('customerio-node');
class Campaigns {
  constructor() { this.api = new APIClient(process.env.APP_KEY); }
  launch(id, emails) { return this.api.triggerBroadcast(id, { emails }); }
}
Promise.resolve(new APIClient(key)).then((api) => api.triggerBroadcast(3, { ids }));`,
    filename: 'src/campaigns.js',
    output: null,
    errors: [
      {
        messageId: 'misplaced',
        line: 5,
        column: 63,
        suggestions: [
          {
            messageId: 'moveToSlot',
            output: `
const { APIClient } = require('customerio-node');
class Campaigns {
  constructor() { this.api = new APIClient(process.env.APP_KEY); }
  launch(id, emails) { return this.api.triggerBroadcast(id, {}, { emails }); }
}
Promise.resolve(new APIClient(key)).then((api) => api.triggerBroadcast(3, { ids }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client from settings.cdp.clients (the example app’s admin route)',
    code: `
import { api } from '../lib/cio.js';
admin.post('/admin/broadcasts/:id/send', async (req, res) => {
  const emails = req.body.emails as string[];
  await api.triggerBroadcast(Number(req.params.id), { emails });
  res.status(202).end();
});`,
    settings: { cdp: { clients: { './lib/cio': { api: 'APIClient' } } } },
    output: null,
    errors: [
      {
        messageId: 'misplaced',
        line: 5,
        column: 55,
        suggestions: [
          {
            messageId: 'moveToSlot',
            output: `
import { api } from '../lib/cio.js';
admin.post('/admin/broadcasts/:id/send', async (req, res) => {
  const emails = req.body.emails as string[];
  await api.triggerBroadcast(Number(req.params.id), {}, { emails });
  res.status(202).end();
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'a local wrapper that never passes recipients: reported at its call, no suggestion',
    code: `${API}function announce(id, data) {
  return api.triggerBroadcast(id, data);
}
await announce(12, { emails: list });`,
    output: null,
    errors: [{ messageId: 'misplaced', line: 6, column: 22, suggestions: [] }],
  },
  {
    name: 'a local wrapper whose recipients parameter is left out at the call',
    code: `${API}const broadcast = (id, data, recipients) => api.triggerBroadcast(id, data, recipients);
await broadcast(12, { ids: ['1'] });`,
    output: null,
    errors: [{ messageId: 'misplaced', line: 4, column: 23, suggestions: [] }],
  },
  {
    name: 'a wrapper declared in settings.cdp.wrappers',
    code: `await broadcast(12, { emails: list });`,
    settings: { cdp: { wrappers: [{ name: 'broadcast', calls: 'APIClient.triggerBroadcast', args: ['0', '1'] }] } },
    output: null,
    errors: [{ messageId: 'misplaced', line: 1, column: 23, suggestions: [] }],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module',
    code: `
import { api } from './lib/cio';
export async function send(emails: string[]) {
  await api.triggerBroadcast(12, { emails });
}`,
    output: null,
    errors: [
      {
        messageId: 'misplaced',
        line: 4,
        column: 36,
        suggestions: [
          {
            messageId: 'moveToSlot',
            output: `
import { api } from './lib/cio';
export async function send(emails: string[]) {
  await api.triggerBroadcast(12, {}, { emails });
}`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('no-recipients-in-broadcast-data', rule, { valid, invalid });
createTypedRuleTester().run('no-recipients-in-broadcast-data (typed)', rule, { valid: [], invalid: typedInvalid });
describeFixSafety('no-recipients-in-broadcast-data', rule, invalid);
describeFixSafety('no-recipients-in-broadcast-data', rule, typedInvalid, true);
