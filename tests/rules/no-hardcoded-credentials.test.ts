import rule from '../../src/rules/no-hardcoded-credentials.js';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

// Credential-shaped test values. The Klaviyo key is split so no scanner mistakes this file for a leak.
const SITE = 'f82ad78f695bd32f9d99';
const TRACK = '1a621ef65edfe6d3b6ae';
const APP = '20436c6351668b25a74a2c289a639d3f';
const PK = 'pk_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb';
const PK2 = 'pk_' + 'Zy9xWv8uTs7rQp6oNm5lKj4iHg3fEd2cBa';
const WRITE = 'cdpWk7Q2xLm9Zr4Tb8';
// base64('<SITE>:<TRACK>'), the Track API's Basic credential.
const BASIC = Buffer.from(`${SITE}:${TRACK}`).toString('base64');

const ruleTester = createRuleTester();

const valid: ValidTestCase<Options>[] = [
  {
    name: 'keys read from the environment',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
`,
  },
  {
    name: 'keys from a config module and from a secret manager',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import { config } from './config';
import { getSecret } from './secrets';
const cio = new TrackClient(config.customerio.siteId, config.customerio.trackApiKey);
const api = new APIClient(await getSecret('customerio/app-key'));
`,
  },
  {
    name: 'keys from a config object that reads the environment',
    code: `
import { TrackClient } from 'customerio-node';
const config = { cio: { siteId: process.env.CIO_SITE_ID!, key: process.env.CIO_KEY! } };
const cio = new TrackClient(config.cio.siteId, config.cio.key);
`,
  },
  {
    name: 'a fallback to another variable, not to a literal',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.CIO_APP_KEY ?? process.env.CUSTOMERIO_APP_API_KEY ?? '');
`,
  },
  {
    name: 'placeholders: empty, xxx, YOUR_API_KEY, <key>, changeme, test-key',
    code: `
import { TrackClient, APIClient, PipelinesClient } from 'customerio-node';
import { ApiKeySession } from 'klaviyo-api';
new TrackClient('', 'xxx');
new APIClient('YOUR_API_KEY');
new APIClient('<app-api-key>');
new PipelinesClient('changeme');
new ApiKeySession('test-key');
new ApiKeySession('pk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
new TrackClient('{{SITE_ID}}', '********');
`,
  },
  {
    name: 'values too short to be keys',
    code: `
import { TrackClient } from 'customerio-node';
new TrackClient('site', 'k3y9');
`,
  },
  {
    name: 'a test file, skipped by default',
    filename: 'src/__tests__/cio.test.ts',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient('${SITE}', '${TRACK}');
`,
  },
  {
    name: 'values listed in the allow option, exactly or by pattern',
    options: [{ allow: [SITE, '/^local-dev-/'] }],
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient('${SITE}', 'local-dev-track-key-0001');
`,
  },
  {
    name: 'an invalid allow pattern is taken as an exact value',
    options: [{ allow: ['/[unclosed/'] }],
    code: `
import { APIClient } from 'customerio-node';
new APIClient('/[unclosed/');
`,
  },
  {
    name: 'a 20-hex string that is not in a credential slot',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_KEY!);
const requestId = '${TRACK}';
await cio.track(user.id, { name: 'order_placed', data: { ref: '${SITE}', requestId } });
`,
  },
  {
    name: 'public tokens of other vendors and Stripe publishable keys are not Klaviyo keys',
    code: `
import { PostHog } from 'posthog-node';
import { TrackClient } from 'customerio-node';
const posthog = new PostHog('phc_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAbCdEfGh');
const stripe = 'pk_live_51HAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';
const stripeTest = 'pk_test_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';
`,
  },
  {
    name: 'a hex string in a file that uses no SDK',
    code: `const cacheKey = '${APP}';`,
  },
  {
    name: 'options that are not credentials (region, URL)',
    code: `
import { TrackClient, RegionEU } from 'customerio-node';
new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_KEY!, { region: RegionEU, url: 'https://track-eu.customer.io/api' });
`,
  },
  {
    name: 'both branches of a conditional read the environment',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient(isProd ? process.env.CIO_APP_KEY_PROD! : process.env.CIO_APP_KEY_DEV!);
`,
  },
  {
    name: 'a key the code can change later is not followed',
    code: `
import { APIClient } from 'customerio-node';
let key = 'initial-value-0001';
key = loadKey();
new APIClient(key);
`,
  },
  {
    name: 'a factory whose callers pass keys from the environment',
    code: `
import { TrackClient } from 'customerio-node';
function makeCio(siteId: string, key: string) {
  return new TrackClient(siteId, key);
}
export const cio = makeCio(process.env.CIO_SITE_ID!, process.env.CIO_KEY!);
`,
  },
  {
    name: 'request headers built from the environment',
    code: `
import axios from 'axios';
await fetch('https://track.customer.io/api/v1/customers/1', {
  headers: { Authorization: 'Basic ' + Buffer.from(process.env.CIO_SITE_ID + ':' + process.env.CIO_KEY).toString('base64') },
});
await axios.post('https://api.customer.io/v1/send/email', body, { headers: { Authorization: \`Bearer \${process.env.CIO_APP_KEY}\` } });
await fetch('https://a.klaviyo.com/api/profiles', { headers: { Authorization: \`Klaviyo-API-Key \${env.KLAVIYO_KEY}\` } });
`,
  },
  {
    name: 'a literal Authorization header for another host',
    code: `
import { TrackClient } from 'customerio-node';
await fetch('https://api.example.com/v1/things', { headers: { Authorization: 'Bearer ${APP}' } });
await fetch(\`\${baseUrl}/v1/send\`, { headers: { Authorization: 'Bearer ${APP}' } });
`,
  },
  {
    name: 'a placeholder Authorization header for an API host',
    code: `
await fetch('https://api.customer.io/v1/send/email', { headers: { Authorization: 'Bearer YOUR_APP_API_KEY' } });
await fetch('https://api.customer.io/v1/send/email', { headers: { Authorization: 'Bearer <token>' } });
`,
  },
  {
    name: 'a function named like an HTTP client is checked only with an API host',
    code: `
import got from 'got';
await got('https://internal.example.com/hook', { headers: { authorization: 'Token ${APP}' } });
`,
  },
  {
    name: 'clients and wrappers declared in settings: nothing is constructed here',
    settings: {
      cdp: {
        clients: { './lib/cio': ['cio'] },
        wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }],
      },
    },
    code: `
import { cio } from './lib/cio';
import { trackEvent } from './lib/events';
await cio.identify(user.id, { token: '${TRACK}' });
trackEvent(user.id, 'order_placed', { ref: '${APP}' });
`,
  },
  {
    name: 'odd shapes: spreads, missing, computed, numeric and dynamic values',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import axios from 'axios';
new TrackClient(...args);
new TrackClient();
new APIClient(keys[env]);
new APIClient(\`\${prefix}-\${suffix}\`);
new APIClient(123456789012);
new APIClient(keyFor(tenant));
fetch();
await axios.post();
await fetch('https://api.customer.io/v1/send/email', ...init);
await fetch('https://api.customer.io/v1/send/email', { headers });
await fetch('https://api.customer.io/v1/send/email', { headers: { Authorization: token } });
await fetch('https://api.customer.io/v1/send/email', { headers: { Authorization: 'Bearer' } });
await fetch('https://api.customer.io/v1/send/email', { headers: { Authorization: 'Basic ' + btoa(user) } });
function make(...params) { return new TrackClient(...params); }
make('${SITE}', '${TRACK}');
`,
  },
  {
    name: 'a description of the Klaviyo key format is not a key',
    code: `const hint = 'Keys look like pk_ followed by 34 characters';`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'the catalog example: site ID and Track API key as literals',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient('${SITE}', '${TRACK}');
`,
    errors: [
      {
        messageId: 'hardcodedPublic',
        data: { label: 'Customer.io site ID', value: "'f8…99'", envName: 'CUSTOMERIO_SITE_ID' },
        line: 3,
        column: 29,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, '${TRACK}');
`,
          },
        ],
      },
      {
        messageId: 'hardcoded',
        data: { label: 'Customer.io Track API key', value: "'1a…ae'", envName: 'CUSTOMERIO_TRACK_API_KEY' },
        line: 3,
        column: 53,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient('${SITE}', process.env.CUSTOMERIO_TRACK_API_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'the catalog example: a Klaviyo private key in ApiKeySession',
    code: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const session = new ApiKeySession('${PK}');
export const profiles = new ProfilesApi(session);
`,
    errors: [
      {
        messageId: 'hardcoded',
        data: { label: 'Klaviyo private API key', value: "'pk_A…Ab'", envName: 'KLAVIYO_PRIVATE_API_KEY' },
        line: 3,
        column: 35,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!);
export const profiles = new ProfilesApi(session);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'an aliased import of the App API client',
    code: `
import { APIClient as Api } from 'customerio-node';
export const api = new Api('${APP}');
`,
    errors: [
      {
        messageId: 'hardcoded',
        data: { label: 'Customer.io App API key', value: "'20…3f'", envName: 'CUSTOMERIO_APP_API_KEY' },
        line: 3,
        column: 28,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { APIClient as Api } from 'customerio-node';
export const api = new Api(process.env.CUSTOMERIO_APP_API_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a namespace import of the Pipelines client',
    code: `
import * as customerio from 'customerio-node';
const pipelines = new customerio.PipelinesClient('${WRITE}');
`,
    errors: [
      {
        messageId: 'hardcoded',
        data: { label: 'Customer.io Data Pipelines write key', value: "'cd…b8'", envName: 'CUSTOMERIO_WRITE_KEY' },
        line: 3,
        column: 50,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import * as customerio from 'customerio-node';
const pipelines = new customerio.PipelinesClient(process.env.CUSTOMERIO_WRITE_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'require with destructuring in a JavaScript file (no non-null assertion)',
    filename: 'src/cio.js',
    code: `
const { TrackClient } = require('customerio-node');
module.exports = new TrackClient(process.env.CIO_SITE_ID, '${TRACK}');
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 3,
        column: 59,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
const { TrackClient } = require('customerio-node');
module.exports = new TrackClient(process.env.CIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'require without destructuring',
    filename: 'src/api.cjs',
    code: `
const customerio = require('customerio-node');
const api = new customerio.APIClient('${APP}');
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 3,
        column: 38,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
const customerio = require('customerio-node');
const api = new customerio.APIClient(process.env.CUSTOMERIO_APP_API_KEY);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'the customerio-node 2.x module shapes',
    filename: 'lib/legacy.js',
    code: `
const CIO = require('customerio-node');
const { APIClient } = require('customerio-node/api');
const cio = new CIO(process.env.CIO_SITE_ID, '${TRACK}');
const api = new APIClient('${APP}');
`,
    errors: [
      {
        messageId: 'hardcoded',
        data: { label: 'Customer.io Track API key', value: "'1a…ae'", envName: 'CUSTOMERIO_TRACK_API_KEY' },
        line: 4,
        column: 46,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
const CIO = require('customerio-node');
const { APIClient } = require('customerio-node/api');
const cio = new CIO(process.env.CIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY);
const api = new APIClient('${APP}');
`,
          },
        ],
      },
      {
        messageId: 'hardcoded',
        data: { label: 'Customer.io App API key', value: "'20…3f'", envName: 'CUSTOMERIO_APP_API_KEY' },
        line: 5,
        column: 27,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
const CIO = require('customerio-node');
const { APIClient } = require('customerio-node/api');
const cio = new CIO(process.env.CIO_SITE_ID, '${TRACK}');
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'the Klaviyo namespace object, ConfigWrapper and GlobalApiKeySettings',
    code: `
import { Klaviyo, ConfigWrapper, GlobalApiKeySettings } from 'klaviyo-api';
const session = new Klaviyo.ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!);
ConfigWrapper(PRIVATE_KEY);
new GlobalApiKeySettings(isProd ? process.env.KLAVIYO_KEY! : '${PK2}');
const PRIVATE_KEY = '${PK}';
`,
    errors: [
      {
        messageId: 'hardcoded',
        data: { label: 'Klaviyo private API key', value: "'pk_Z…Ba'", envName: 'KLAVIYO_PRIVATE_API_KEY' },
        line: 5,
        column: 62,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { Klaviyo, ConfigWrapper, GlobalApiKeySettings } from 'klaviyo-api';
const session = new Klaviyo.ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!);
ConfigWrapper(PRIVATE_KEY);
new GlobalApiKeySettings(isProd ? process.env.KLAVIYO_KEY! : process.env.KLAVIYO_PRIVATE_API_KEY!);
const PRIVATE_KEY = '${PK}';
`,
          },
        ],
      },
      {
        // A constant declared after the call is still followed, and reported where the literal is.
        messageId: 'hardcoded',
        line: 6,
        column: 21,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { Klaviyo, ConfigWrapper, GlobalApiKeySettings } from 'klaviyo-api';
const session = new Klaviyo.ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!);
ConfigWrapper(PRIVATE_KEY);
new GlobalApiKeySettings(isProd ? process.env.KLAVIYO_KEY! : '${PK2}');
const PRIVATE_KEY = process.env.KLAVIYO_PRIVATE_API_KEY!;
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'the Pipelines Analytics client, written inline and through an options object',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: '${WRITE}', host: 'https://cdp-eu.customer.io' });
const settings = { writeKey: 'ABCD1234efgh5678', maxEventsInBatch: 20 };
export const batched = new Analytics(settings);
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 3,
        column: 52,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY!, host: 'https://cdp-eu.customer.io' });
const settings = { writeKey: 'ABCD1234efgh5678', maxEventsInBatch: 20 };
export const batched = new Analytics(settings);
`,
          },
        ],
      },
      {
        messageId: 'hardcoded',
        line: 4,
        column: 30,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: '${WRITE}', host: 'https://cdp-eu.customer.io' });
const settings = { writeKey: process.env.CUSTOMERIO_WRITE_KEY!, maxEventsInBatch: 20 };
export const batched = new Analytics(settings);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'an environment variable with a literal fallback (||)',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_KEY || '${TRACK}');
`,
    errors: [
      {
        messageId: 'hardcodedFallback',
        data: { label: 'Customer.io Track API key', value: "'1a…ae'", envName: 'CUSTOMERIO_TRACK_API_KEY' },
        line: 3,
        column: 78,
        suggestions: [
          {
            messageId: 'dropFallback',
            output: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a constant with a ?? fallback, used later',
    code: `
import { APIClient } from 'customerio-node';
const APP_KEY = process.env.CUSTOMERIO_APP_API_KEY ?? '${APP}';
export const api = new APIClient(APP_KEY);
`,
    errors: [
      {
        messageId: 'hardcodedFallback',
        line: 3,
        column: 55,
        suggestions: [
          {
            messageId: 'dropFallback',
            output: `
import { APIClient } from 'customerio-node';
const APP_KEY = process.env.CUSTOMERIO_APP_API_KEY!;
export const api = new APIClient(APP_KEY);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a fallback after a parenthesised chain of variables keeps the parentheses',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient((process.env.A || process.env.B) ?? '${APP}');
`,
    errors: [
      {
        messageId: 'hardcodedFallback',
        line: 3,
        column: 63,
        suggestions: [
          {
            messageId: 'dropFallback',
            output: `
import { APIClient } from 'customerio-node';
const api = new APIClient((process.env.A || process.env.B));
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a destructuring default and a parameter default are fallbacks too',
    code: `
import { TrackClient } from 'customerio-node';
const { CIO_SITE_ID = '${SITE}' } = process.env;
export function makeCio(key: string = '${TRACK}') {
  return new TrackClient(CIO_SITE_ID, key);
}
`,
    errors: [
      {
        messageId: 'hardcodedFallback',
        data: { label: 'Customer.io site ID', value: "'f8…99'", envName: 'CUSTOMERIO_SITE_ID' },
        line: 3,
        column: 23,
        suggestions: [
          {
            messageId: 'dropFallback',
            output: `
import { TrackClient } from 'customerio-node';
const { CIO_SITE_ID } = process.env;
export function makeCio(key: string = '${TRACK}') {
  return new TrackClient(CIO_SITE_ID, key);
}
`,
          },
        ],
      },
      {
        messageId: 'hardcodedFallback',
        line: 4,
        column: 39,
        suggestions: [
          {
            messageId: 'dropFallback',
            output: `
import { TrackClient } from 'customerio-node';
const { CIO_SITE_ID = '${SITE}' } = process.env;
export function makeCio(key: string) {
  return new TrackClient(CIO_SITE_ID, key);
}
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a default on a constructor parameter property',
    code: `
import { APIClient } from 'customerio-node';
export class Mailer {
  private api: APIClient;
  constructor(private readonly key: string = '${APP}') {
    this.api = new APIClient(key);
  }
}
`,
    errors: [
      {
        messageId: 'hardcodedFallback',
        line: 5,
        column: 46,
        suggestions: [
          {
            messageId: 'dropFallback',
            output: `
import { APIClient } from 'customerio-node';
export class Mailer {
  private api: APIClient;
  constructor(private readonly key: string) {
    this.api = new APIClient(key);
  }
}
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a literal used only when a flag is set',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient((useSandbox && '${APP}') || process.env.CIO_APP_KEY!);
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 3,
        column: 42,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { APIClient } from 'customerio-node';
const api = new APIClient((useSandbox && process.env.CUSTOMERIO_APP_API_KEY!) || process.env.CIO_APP_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a key in a config object, reported where it is written',
    code: `
import { TrackClient } from 'customerio-node';
const config = {
  customerio: { siteId: process.env.CIO_SITE_ID!, trackKey: '${TRACK}' as const },
};
export const cio = new TrackClient(config.customerio.siteId, config.customerio.trackKey);
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 4,
        column: 61,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient } from 'customerio-node';
const config = {
  customerio: { siteId: process.env.CIO_SITE_ID!, trackKey: process.env.CUSTOMERIO_TRACK_API_KEY! },
};
export const cio = new TrackClient(config.customerio.siteId, config.customerio.trackKey);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a key built by concatenating literals',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient('20436c6351668b25' + 'a74a2c289a639d3f');
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 3,
        column: 27,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'clients held in class fields and built in a constructor',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
export class Messaging {
  private readonly appKey = '${APP}';
  private api = new APIClient(this.appKey);
  private cio: TrackClient;
  constructor() {
    this.cio = new TrackClient(process.env.CIO_SITE_ID!, \`${TRACK}\`);
  }
}
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 4,
        column: 29,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient, APIClient } from 'customerio-node';
export class Messaging {
  private readonly appKey = process.env.CUSTOMERIO_APP_API_KEY!;
  private api = new APIClient(this.appKey);
  private cio: TrackClient;
  constructor() {
    this.cio = new TrackClient(process.env.CIO_SITE_ID!, \`${TRACK}\`);
  }
}
`,
          },
        ],
      },
      {
        messageId: 'hardcoded',
        line: 8,
        column: 58,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient, APIClient } from 'customerio-node';
export class Messaging {
  private readonly appKey = '${APP}';
  private api = new APIClient(this.appKey);
  private cio: TrackClient;
  constructor() {
    this.cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
  }
}
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'keys passed to a local factory function, reported at its call',
    code: `
import { TrackClient } from 'customerio-node';
const makeCio = (siteId: string, key: string) => new TrackClient(siteId, key);
export const cio = makeCio(process.env.CIO_SITE_ID!, '${TRACK}');
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 4,
        column: 54,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient } from 'customerio-node';
const makeCio = (siteId: string, key: string) => new TrackClient(siteId, key);
export const cio = makeCio(process.env.CIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'keys passed to a service class and to a static factory, through an options object',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
class Cio {
  client: TrackClient;
  constructor(options: { siteId: string; apiKey: string }) {
    this.client = new TrackClient(options.siteId, options.apiKey);
  }
  static api({ key }: { key: string }) {
    return new APIClient(key);
  }
}
export const cio = new Cio({ siteId: process.env.CIO_SITE_ID!, apiKey: '${TRACK}' });
export const api = Cio.api({ key: '${APP}' });
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 12,
        column: 72,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient, APIClient } from 'customerio-node';
class Cio {
  client: TrackClient;
  constructor(options: { siteId: string; apiKey: string }) {
    this.client = new TrackClient(options.siteId, options.apiKey);
  }
  static api({ key }: { key: string }) {
    return new APIClient(key);
  }
}
export const cio = new Cio({ siteId: process.env.CIO_SITE_ID!, apiKey: process.env.CUSTOMERIO_TRACK_API_KEY! });
export const api = Cio.api({ key: '${APP}' });
`,
          },
        ],
      },
      {
        messageId: 'hardcoded',
        line: 13,
        column: 35,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient, APIClient } from 'customerio-node';
class Cio {
  client: TrackClient;
  constructor(options: { siteId: string; apiKey: string }) {
    this.client = new TrackClient(options.siteId, options.apiKey);
  }
  static api({ key }: { key: string }) {
    return new APIClient(key);
  }
}
export const cio = new Cio({ siteId: process.env.CIO_SITE_ID!, apiKey: '${TRACK}' });
export const api = Cio.api({ key: process.env.CUSTOMERIO_APP_API_KEY! });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'clients built after await import() and in a .then callback',
    code: `
export async function load() {
  const { APIClient } = await import('customerio-node');
  return new APIClient('${APP}');
}
import('customerio-node').then(({ TrackClient }) => new TrackClient(process.env.CIO_SITE_ID!, '${TRACK}'));
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 4,
        column: 24,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
export async function load() {
  const { APIClient } = await import('customerio-node');
  return new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
}
import('customerio-node').then(({ TrackClient }) => new TrackClient(process.env.CIO_SITE_ID!, '${TRACK}'));
`,
          },
        ],
      },
      {
        messageId: 'hardcoded',
        line: 6,
        column: 95,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
export async function load() {
  const { APIClient } = await import('customerio-node');
  return new APIClient('${APP}');
}
import('customerio-node').then(({ TrackClient }) => new TrackClient(process.env.CIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!));
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a key used by two clients is reported once',
    code: `
import { TrackClient } from 'customerio-node';
const KEY = '${TRACK}';
export const us = new TrackClient(process.env.CIO_SITE_ID!, KEY);
export const eu = new TrackClient(process.env.CIO_SITE_ID!, KEY);
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 3,
        column: 13,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { TrackClient } from 'customerio-node';
const KEY = process.env.CUSTOMERIO_TRACK_API_KEY!;
export const us = new TrackClient(process.env.CIO_SITE_ID!, KEY);
export const eu = new TrackClient(process.env.CIO_SITE_ID!, KEY);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a test file when checkTests is on',
    filename: 'src/__tests__/cio.test.ts',
    options: [{ checkTests: true }],
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient('${APP}');
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 3,
        column: 27,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a Klaviyo private key anywhere, even in a file that uses no SDK',
    code: `
export const settings = { klaviyo: { privateKey: '${PK}' } };
`,
    errors: [
      {
        messageId: 'keyInSource',
        data: { label: 'Klaviyo private API key', value: "'pk_A…Ab'", envName: 'KLAVIYO_PRIVATE_API_KEY' },
        line: 2,
        column: 51,
        endLine: 2,
        endColumn: 88,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
export const settings = { klaviyo: { privateKey: process.env.KLAVIYO_PRIVATE_API_KEY! } };
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a Klaviyo private key inside a longer string and a template',
    filename: 'src/klaviyo.js',
    code: `
const header = 'Klaviyo-API-Key ${PK}';
const url = \`https://a.klaviyo.com/api/profiles?key=${PK2}&page=\${page}\`;
`,
    errors: [
      {
        messageId: 'keyInSource',
        line: 2,
        column: 33,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
const header = \`Klaviyo-API-Key \${process.env.KLAVIYO_PRIVATE_API_KEY}\`;
const url = \`https://a.klaviyo.com/api/profiles?key=${PK2}&page=\${page}\`;
`,
          },
        ],
      },
      {
        messageId: 'keyInSource',
        line: 3,
        column: 53,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
const header = 'Klaviyo-API-Key ${PK}';
const url = \`https://a.klaviyo.com/api/profiles?key=\${process.env.KLAVIYO_PRIVATE_API_KEY}&page=\${page}\`;
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a Klaviyo private key in JSX text, an object key and a tagged template: reported, no suggestion',
    filename: 'src/help.tsx',
    code: `
const page = <code>${PK}</code>;
const byKey = { '${PK2}': true };
const q = sql\`select ${PK}\`;
`,
    errors: [
      { messageId: 'keyInSource', line: 2, column: 20, suggestions: [] },
      { messageId: 'keyInSource', line: 3, column: 18, suggestions: [] },
      { messageId: 'keyInSource', line: 4, column: 22, suggestions: [] },
    ],
    output: null,
  },
  {
    name: 'two Klaviyo keys in one string: both reported, no suggestion',
    code: `const keys = '${PK},${PK2}';`,
    errors: [
      { messageId: 'keyInSource', line: 1, column: 15, suggestions: [] },
      { messageId: 'keyInSource', line: 1, column: 53, suggestions: [] },
    ],
    output: null,
  },
  {
    name: 'Basic credentials for the Track API built with Buffer.from in a fetch call',
    code: `
export async function identify(id: string) {
  await fetch(\`https://track.customer.io/api/v1/customers/\${id}\`, {
    method: 'PUT',
    headers: { Authorization: 'Basic ' + Buffer.from('${SITE}:${TRACK}').toString('base64') },
  });
}
`,
    errors: [
      {
        messageId: 'hardcodedRequest',
        data: { value: "'1a…ae'", where: 'Authorization header', target: 'of requests to track.customer.io' },
        line: 5,
        column: 31,
      },
    ],
    output: null,
  },
  {
    name: 'an encoded Basic header in a shared headers object, and a Bearer header given to axios',
    code: `
import http from 'axios';
const headers = { 'Content-Type': 'application/json', authorization: 'Basic ${BASIC}' };
const BASE = 'https://track-eu.customer.io/api/v2';
await fetch(BASE + '/entity', { method: 'POST', headers, body });
await http.post(\`https://api.customer.io/v1/send/email\`, body, { headers: { Authorization: 'Bearer ${APP}' } });
`,
    errors: [
      { messageId: 'hardcodedRequest', data: { value: "'1a…ae'", where: 'Authorization header', target: 'of requests to track-eu.customer.io' }, line: 3, column: 70 },
      { messageId: 'hardcodedRequest', data: { value: "'20…3f'", where: 'Authorization header', target: 'of requests to api.customer.io' }, line: 6, column: 92 },
    ],
    output: null,
  },
  {
    name: 'axios config objects, axios.create with a base URL, and basic-auth options',
    filename: 'src/http.js',
    code: `
const axios = require('axios');
await axios({ url: 'https://cdp.customer.io/v1/track', method: 'post', headers: new Headers({ Authorization: 'Basic ${Buffer.from(`${WRITE}:`).toString('base64')}' }) });
const app = axios.create({ baseURL: 'https://api-eu.customer.io/v1', headers: { Authorization: \`Bearer ${APP}\` } });
await axios.post(\`\${TRACK_URL}/customers/1\`, body, { auth: { username: '${SITE}', password: '${TRACK}' } });
const TRACK_URL = 'https://track.customer.io/api/v1';
`,
    errors: [
      { messageId: 'hardcodedRequest', data: { value: "'cd…b8'", where: 'Authorization header', target: 'of requests to cdp.customer.io' }, line: 3, column: 110 },
      { messageId: 'hardcodedRequest', data: { value: "'20…3f'", where: 'Authorization header', target: 'of requests to api-eu.customer.io' }, line: 4, column: 96 },
      { messageId: 'hardcodedRequest', data: { value: "'1a…ae'", where: 'basic-auth password', target: 'of requests to track.customer.io' }, line: 5, column: 106 },
    ],
    output: null,
  },
  {
    name: 'a class expression factory, an object method reading this, and an undici request',
    filename: 'src/mailer.mjs',
    code: `
import { APIClient } from 'customerio-node';
import { request } from 'undici';
const Mailer = class {
  constructor(key) { this.api = new APIClient(key); }
};
export const mailer = new Mailer('${APP}');
export const clients = { key: '${TRACK}${SITE}', api() { return new APIClient(this.key); } };
await request('https://api.customer.io/v1/send/email', { method: 'POST', headers: { Authorization: 'Bearer ${APP}' } });
`,
    errors: [
      {
        messageId: 'hardcoded',
        line: 7,
        column: 34,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { APIClient } from 'customerio-node';
import { request } from 'undici';
const Mailer = class {
  constructor(key) { this.api = new APIClient(key); }
};
export const mailer = new Mailer(process.env.CUSTOMERIO_APP_API_KEY);
export const clients = { key: '${TRACK}${SITE}', api() { return new APIClient(this.key); } };
await request('https://api.customer.io/v1/send/email', { method: 'POST', headers: { Authorization: 'Bearer ${APP}' } });
`,
          },
        ],
      },
      {
        messageId: 'hardcoded',
        line: 8,
        column: 31,
        suggestions: [
          {
            messageId: 'useEnv',
            output: `
import { APIClient } from 'customerio-node';
import { request } from 'undici';
const Mailer = class {
  constructor(key) { this.api = new APIClient(key); }
};
export const mailer = new Mailer('${APP}');
export const clients = { key: process.env.CUSTOMERIO_APP_API_KEY, api() { return new APIClient(this.key); } };
await request('https://api.customer.io/v1/send/email', { method: 'POST', headers: { Authorization: 'Bearer ${APP}' } });
`,
          },
        ],
      },
      { messageId: 'hardcodedRequest', line: 9, column: 100 },
    ],
    output: null,
  },
  {
    name: 'a Klaviyo key in a request header is reported once, as a request credential',
    code: `
import ky from 'ky';
await ky.post('https://a.klaviyo.com/api/events', { headers: { Authorization: 'Klaviyo-API-Key ${PK}', revision: '2026-07-15' }, json });
`,
    errors: [
      { messageId: 'hardcodedRequest', data: { value: "'pk_A…Ab'", where: 'Authorization header', target: 'of requests to a.klaviyo.com' }, line: 3, column: 79 },
    ],
    output: null,
  },
  {
    name: 'credentials in the URL of a request, with got and new URL()',
    code: `
import got from 'got';
await got.post('https://${SITE}:${TRACK}@track.customer.io/api/v1/customers/1/events', { json });
await fetch(new URL('/v1/customers', 'https://api.customer.io'), { headers: { Authorization: 'Token ${APP}' } });
`,
    errors: [
      { messageId: 'hardcodedRequest', data: { value: "'1a…ae'", where: 'URL', target: 'of requests to track.customer.io' }, line: 3, column: 16 },
      { messageId: 'hardcodedRequest', data: { value: "'20…3f'", where: 'Authorization header', target: 'of requests to api.customer.io' }, line: 4, column: 94 },
    ],
    output: null,
  },
  {
    name: 'an Authorization header given to the SDK client itself',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_KEY!, {
  headers: { Authorization: 'Basic ${BASIC}' },
});
`,
    errors: [
      { messageId: 'hardcodedRequest', data: { value: "'1a…ae'", where: 'Authorization header', target: 'given to TrackClient' }, line: 4, column: 29 },
    ],
    output: null,
  },
];

ruleTester.run('no-hardcoded-credentials', rule, { valid, invalid });

describeFixSafety('no-hardcoded-credentials', rule, invalid);

// With type information the rule reports the same things; a client imported from another module
// is not constructed here, so there is nothing to report about its keys.
createTypedRuleTester().run('no-hardcoded-credentials (typed)', rule, {
  valid: [
    {
      name: 'clients exported from another module',
      code: `
import { cio, api } from './lib/cio';
export async function handler(id: string) {
  await cio.track(id, { name: 'signed_up', data: { ref: '${TRACK}' } });
  await api.getAttributes(id);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a literal key with type information',
      code: `
import { APIClient } from 'customerio-node';
export const api = new APIClient('${APP}');
`,
      errors: [
        {
          messageId: 'hardcoded',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'useEnv',
              output: `
import { APIClient } from 'customerio-node';
export const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
