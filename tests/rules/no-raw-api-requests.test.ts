import rule from '../../src/rules/no-raw-api-requests.js';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

// The SDKs are installed in this repository, so the default (`whenInstalled`) reports the requests
// they could make; a file in an empty directory has none installed.
const OUTSIDE = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdp-raw-')), 'file.ts');
const HEADER_ONLY: Options = [{ preferSdk: 'never' }];
const REVISION = { header: 'revision', value: '2026-07-15' };
const KLAVIYO_SDK = ', or use the `*Api` classes (`ProfilesApi`, `EventsApi`, …) from klaviyo-api, which sends it';
const CIO_HANDLES =
  "picks the region's host, sends each API's own authorization (Basic for Track, Bearer for App) and, since 5.0, retries 429 and 5xx responses with backoff";

const ruleTester = createRuleTester();

const valid: ValidTestCase<Options>[] = [
  {
    name: 'a Klaviyo request with its revision (any case), when only the header is checked',
    code: `
await fetch('https://a.klaviyo.com/api/events', {
  method: 'POST',
  headers: { Authorization: \`Klaviyo-API-Key \${process.env.KLAVIYO_PRIVATE_API_KEY}\`, Revision: '2024-10-15' },
  body: JSON.stringify(event),
});
`,
    options: HEADER_ONLY,
  },
  {
    name: 'the SDK is not installed for the file: a raw request is the only way',
    code: `
import axios from 'axios';
await axios.post('https://track.customer.io/api/v1/customers/42/events', { name: 'signup' }, { auth });
await fetch('https://a.klaviyo.com/api/profiles', { headers: { revision: '2026-07-15', Authorization: auth } });
`,
    filename: OUTSIDE,
  },
  {
    name: 'a host mentioned in a string that is not a request',
    code: `
const docs = 'https://a.klaviyo.com/api/events';
console.log(\`See https://track.customer.io/api/v1/customers for the API\`);
logger.info({ url: 'https://api.customer.io/v1/send/email' });
`,
  },
  {
    name: 'webhooks from the vendor: an Express route, not a request',
    code: `
import express from 'express';
const app = express();
app.post('/webhooks/customerio', handler);
app.get('https://track.customer.io/api/v1/events', handler);
`,
  },
  {
    name: 'hosts that are not the APIs: the snippet, the website, static assets, a lookalike',
    code: `
await fetch('https://assets.customer.io/assets/track.js');
await fetch('https://www.klaviyo.com/api/events');
await fetch('https://static.klaviyo.com/onsite/js/klaviyo.js');
await fetch('https://a.klaviyo.com.example.org/api/events');
`,
  },
  {
    name: "the SDK's own calls, and a client pointed at its host",
    code: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
import { TrackClient } from 'customerio-node';
const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
await profiles.getProfiles();
const cio = new TrackClient(site, key, { url: 'https://track.customer.io/api/v1' });
await cio.track('42', { name: 'signup' });
`,
  },
  {
    name: 'a proxy or base URL from the environment',
    code: `
await fetch(\`\${process.env.CIO_TRACK_URL}/customers/42/events\`, { method: 'POST' });
await fetch(new URL('/api/events', process.env.KLAVIYO_BASE_URL));
const base = process.env.KLAVIYO_BASE ?? 'https://a.klaviyo.com';
await fetch(\`\${base}/api/events\`);
`,
  },
  {
    name: 'fetch shadowed by a local function or a parameter',
    code: `
function fetch(url: string) { return queue.push(url); }
fetch('https://a.klaviyo.com/api/events');
export const send = (got: (url: string) => Promise<unknown>) => got('https://track.customer.io/api/v1/events');
`,
  },
  {
    name: 'headers the rule cannot see: spreads, mutations, parameters, hooks and interceptors',
    code: `
import ky from 'ky';
await fetch('https://a.klaviyo.com/api/a', { headers: { ...klaviyoHeaders(), Authorization: auth } });
const headers = { Authorization: auth };
headers.revision = REVISION;
await fetch('https://a.klaviyo.com/api/b', { headers });
const h = new Headers({ Authorization: auth });
h.set('revision', REVISION);
await fetch('https://a.klaviyo.com/api/c', { headers: h });
export function call(init: RequestInit) { return fetch('https://a.klaviyo.com/api/d', init); }
const api = ky.create({ prefixUrl: 'https://a.klaviyo.com/api', hooks: { beforeRequest: [addRevision] } });
await api.get('profiles');
`,
    options: HEADER_ONLY,
  },
  {
    name: 'axios defaults or interceptors set elsewhere in the file',
    code: `
import axios from 'axios';
axios.defaults.headers.common.revision = '2026-07-15';
await axios.get('https://a.klaviyo.com/api/profiles');
`,
    options: HEADER_ONLY,
  },
  {
    name: 'Klaviyo endpoints outside the revisioned API, and an unknown path',
    code: `
await fetch('https://a.klaviyo.com/oauth/token', { method: 'POST', body });
await fetch(\`https://a.klaviyo.com\${path}\`, { method: 'POST' });
await fetch(\`https://track.customer.io\${path}\`, { method: 'POST' });
`,
  },
  {
    name: 'the browser client endpoints: nothing in klaviyo-api replaces them',
    code: `
await fetch('https://a.klaviyo.com/client/subscriptions?company_id=AbC123', {
  method: 'POST',
  headers: { revision: '2026-07-15', 'content-type': 'application/vnd.api+json' },
});
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'catalog: a Klaviyo event sent with fetch and no revision',
    code: `
await fetch('https://a.klaviyo.com/api/events', {
  method: 'POST',
  headers: {
    Authorization: \`Klaviyo-API-Key \${process.env.KLAVIYO_PRIVATE_API_KEY}\`,
    'content-type': 'application/vnd.api+json',
  },
  body: JSON.stringify(event),
});
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        data: {
          client: 'fetch',
          host: 'a.klaviyo.com',
          ...REVISION,
          consequence: 'Klaviyo rejects every API request without it',
          instead: KLAVIYO_SDK,
        },
        line: 2,
        column: 13,
        suggestions: [
          {
            messageId: 'addHeader',
            data: REVISION,
            output: `
await fetch('https://a.klaviyo.com/api/events', {
  method: 'POST',
  headers: {
    Authorization: \`Klaviyo-API-Key \${process.env.KLAVIYO_PRIVATE_API_KEY}\`,
    'content-type': 'application/vnd.api+json',
    revision: '2026-07-15',
  },
  body: JSON.stringify(event),
});
`,
          },
        ],
      },
    ],
  },
  {
    name: 'catalog: a Customer.io event sent with axios while customerio-node is installed',
    code: `
import axios from 'axios';
export async function trackSignup(userId: string) {
  await axios.post(\`https://track.customer.io/api/v1/customers/\${userId}/events\`, { name: 'signup' }, { auth });
}
`,
    output: null,
    errors: [
      {
        messageId: 'preferSdk',
        data: {
          client: 'axios.post',
          host: 'track.customer.io',
          sdk: 'customerio-node',
          use: '`TrackClient` (`identify`, `track`, `trackAnonymous`, …)',
          handles: CIO_HANDLES,
        },
        line: 4,
        column: 20,
      },
    ],
  },
  {
    name: 'a constant base URL, a missing revision with the SDK installed names the SDK too',
    code: `
import http from 'axios';
const KLAVIYO = 'https://a.klaviyo.com/api';
await http.post(\`\${KLAVIYO}/profiles\`, body, { headers: { Authorization: auth } });
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
import http from 'axios';
const KLAVIYO = 'https://a.klaviyo.com/api';
await http.post(\`\${KLAVIYO}/profiles\`, body, { headers: { Authorization: auth, revision: '2026-07-15' } });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios({ url }) options, and options without headers',
    code: `
const axios = require('axios');
await axios({ url: 'https://a.klaviyo.com/api/lists', method: 'get' });
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
const axios = require('axios');
await axios({ url: 'https://a.klaviyo.com/api/lists', method: 'get', headers: { revision: '2026-07-15' } });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'no options at all: a new options argument',
    code: `
import fetch from 'node-fetch';
const res = await fetch(new URL('/api/lists', 'https://a.klaviyo.com'));
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
import fetch from 'node-fetch';
const res = await fetch(new URL('/api/lists', 'https://a.klaviyo.com'), { headers: { revision: '2026-07-15' } });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an axios instance with a base URL: the header goes to its defaults',
    code: `
import axios from 'axios';
const klaviyo = axios.create({
  baseURL: 'https://a.klaviyo.com/api',
  headers: { Authorization: \`Klaviyo-API-Key \${process.env.KLAVIYO_PRIVATE_API_KEY}\` },
});
export const getProfile = (id: string) => klaviyo.get(\`/profiles/\${id}\`).then((res) => res.data);
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        line: 7,
        column: 55,
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
import axios from 'axios';
const klaviyo = axios.create({
  baseURL: 'https://a.klaviyo.com/api',
  headers: { Authorization: \`Klaviyo-API-Key \${process.env.KLAVIYO_PRIVATE_API_KEY}\`, revision: '2026-07-15' },
});
export const getProfile = (id: string) => klaviyo.get(\`/profiles/\${id}\`).then((res) => res.data);
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client in a class field, calling the App API',
    code: `
import axios from 'axios';
export class Mailer {
  private http = axios.create({ baseURL: 'https://api-eu.customer.io/v1', headers: { Authorization: \`Bearer \${key}\` } });
  async welcome(to: string) {
    return this.http.post('/send/email', { transactional_message_id: 3, to, identifiers: { email: to } });
  }
}
`,
    output: null,
    errors: [
      {
        messageId: 'preferSdk',
        data: {
          client: 'this.http.post',
          host: 'api-eu.customer.io',
          sdk: 'customerio-node',
          use: '`APIClient` (`sendEmail`, `triggerBroadcast`, `getCustomersByEmail`, …)',
          handles: CIO_HANDLES,
        },
        line: 6,
        column: 27,
      },
    ],
  },
  {
    name: 'got, ky with prefixUrl, and ofetch with baseURL',
    code: `
import got from 'got';
import ky from 'ky';
import { ofetch } from 'ofetch';
await got.post('https://track-eu.customer.io/api/v1/events', { json: { name: 'visit', anonymous_id: id } });
const klaviyo = ky.create({ prefixUrl: 'https://a.klaviyo.com/api', headers: { revision: '2026-07-15' } });
await klaviyo.post('events', { json: body }).json();
await ofetch('/v1/track', { baseURL: 'https://cdp.customer.io', method: 'POST', body });
`,
    output: null,
    errors: [
      { messageId: 'preferSdk', line: 5, column: 16 },
      { messageId: 'preferSdk', line: 7, column: 20 },
      { messageId: 'preferSdk', line: 8, column: 14 },
    ],
  },
  {
    name: 'https.get with a URL object',
    code: `
import { get } from 'https';
get(new URL('/api/v1/accounts/region', 'https://track.customer.io'), (res) => res.resume());
`,
    output: null,
    errors: [{ messageId: 'preferSdk', line: 3, column: 5 }],
  },
  {
    name: 'node:https with options',
    code: `
import * as https from 'node:https';
const req = https.request({ hostname: 'a.klaviyo.com', path: '/api/profile-import', method: 'POST', headers: { Authorization: auth } }, onResponse);
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        line: 3,
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
import * as https from 'node:https';
const req = https.request({ hostname: 'a.klaviyo.com', path: '/api/profile-import', method: 'POST', headers: { Authorization: auth, revision: '2026-07-15' } }, onResponse);
`,
          },
        ],
      },
    ],
  },
  {
    name: 'new Headers and header pairs without the revision',
    code: `
const a = await fetch('https://a.klaviyo.com/api/metrics', { headers: new Headers({ Authorization: auth }) });
const b = await fetch('https://a.klaviyo.com/api/segments', { headers: [['Authorization', auth]] });
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        line: 2,
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
const a = await fetch('https://a.klaviyo.com/api/metrics', { headers: new Headers({ Authorization: auth, revision: '2026-07-15' }) });
const b = await fetch('https://a.klaviyo.com/api/segments', { headers: [['Authorization', auth]] });
`,
          },
        ],
      },
      {
        messageId: 'missingHeader',
        line: 3,
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
const a = await fetch('https://a.klaviyo.com/api/metrics', { headers: new Headers({ Authorization: auth }) });
const b = await fetch('https://a.klaviyo.com/api/segments', { headers: [['Authorization', auth], ['revision', '2026-07-15']] });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'the browser client endpoint without revision: no SDK to name',
    code: `
fetch('https://a.klaviyo.com/client/events?company_id=AbC123', { method: 'POST', headers: {} }).then((res) => res.ok);
`,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        data: {
          client: 'fetch',
          host: 'a.klaviyo.com',
          ...REVISION,
          consequence: 'Klaviyo rejects every API request without it',
          instead: '',
        },
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
fetch('https://a.klaviyo.com/client/events?company_id=AbC123', { method: 'POST', headers: { revision: '2026-07-15' } }).then((res) => res.ok);
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a wrapper that builds the URL from a constant base and a path parameter',
    code: `
const BASE = 'https://a.klaviyo.com/api';
async function klaviyoRequest(path: string, body: unknown) {
  const res = await fetch(\`\${BASE}\${path}\`, { method: 'POST', headers: { revision: '2026-07-15' }, body: JSON.stringify(body) });
  return res.json();
}
`,
    output: null,
    errors: [
      {
        messageId: 'preferSdk',
        data: {
          client: 'fetch',
          host: 'a.klaviyo.com',
          sdk: 'klaviyo-api',
          use: 'the `*Api` classes (`ProfilesApi`, `EventsApi`, …)',
          handles:
            'sends the API key header, pins the API `revision` it was built for and retries 429, 503 and 504 responses with exponential backoff',
        },
      },
    ],
  },
  {
    name: 'preferSdk: always reports even without the SDK installed',
    code: `
await fetch('https://cdp-eu.customer.io/v1/batch', { method: 'POST', headers: { Authorization: auth }, body });
`,
    filename: OUTSIDE,
    options: [{ preferSdk: 'always' }],
    output: null,
    errors: [{ messageId: 'preferSdk', line: 2, column: 13 }],
  },
];

ruleTester.run('no-raw-api-requests', rule, { valid, invalid });

describeFixSafety('no-raw-api-requests', rule, invalid);

const typedRuleTester = createTypedRuleTester();
const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'a base URL constant imported from another module',
    code: `
import { KLAVIYO_API } from './lib/klaviyo-http';
export const send = (body: string) => fetch(\`\${KLAVIYO_API}/events\`, { method: 'POST', headers: { Authorization: 'x' }, body });
`,
    options: HEADER_ONLY,
    output: null,
    errors: [
      {
        messageId: 'missingHeader',
        suggestions: [
          {
            messageId: 'addHeader',
            output: `
import { KLAVIYO_API } from './lib/klaviyo-http';
export const send = (body: string) => fetch(\`\${KLAVIYO_API}/events\`, { method: 'POST', headers: { Authorization: 'x', revision: '2026-07-15' }, body });
`,
          },
        ],
      },
    ],
  },
];

typedRuleTester.run('no-raw-api-requests (typed)', rule, {
  valid: [
    {
      name: 'a string-typed URL from another module stays unknown',
      code: `
export const send = (url: string) => fetch(url, { method: 'POST' });
`,
    },
  ],
  invalid: typedInvalid,
});

describeFixSafety('no-raw-api-requests', rule, typedInvalid, true);
