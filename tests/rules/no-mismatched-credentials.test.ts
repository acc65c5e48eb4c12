import rule from '../../src/rules/no-mismatched-credentials.js';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

const SITE = 'f82ad78f695bd32f9d99';
const TRACK = '1a621ef65edfe6d3b6ae';
const APP = '20436c6351668b25a74a2c289a639d3f';
const PK = 'pk_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb';
const PUBLIC_KEY = 'XyZ9ab';

const ruleTester = createRuleTester();

const valid: ValidTestCase<Options>[] = [
  {
    name: 'each client gets the key made for it',
    code: `
import { TrackClient, APIClient, PipelinesClient } from 'customerio-node';
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
const pipes = new PipelinesClient(process.env.CIO_CDP_WRITE_KEY!);
`,
  },
  {
    name: 'names from a config object that match their slots',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import { config } from './config';
export const cio = new TrackClient(config.customerio.siteId, config.customerio.trackApiKey);
export const api = new APIClient(config.customerio.appApiKey, { region });
export const transactional = new APIClient(config.cio.transactionalApiKey);
`,
  },
  {
    name: 'generic names say nothing: API_KEY, KEY, SECRET, TOKEN',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import { ApiKeySession } from 'klaviyo-api';
new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_API_KEY!);
new APIClient(process.env.CUSTOMERIO_API_KEY!);
new APIClient(API_KEY);
new APIClient(env.SECRET);
new TrackClient(siteId, process.env.TOKEN!);
new ApiKeySession(process.env.KLAVIYO_API_KEY!);
new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY!);
`,
  },
  {
    name: 'an application config section named "app" is not the App API key',
    code: `
import { TrackClient } from 'customerio-node';
new TrackClient(config.app.siteId, config.app.key);
new TrackClient(appConfig.cioSiteId, appConfig.cioKey);
new TrackClient(process.env.REACT_APP_CIO_SITE_ID!, process.env.REACT_APP_CIO_KEY!);
new TrackClient(settings.app.cio.siteId, settings.app.cio.apiKey);
`,
  },
  {
    name: 'browser-exposure prefixes are not Klaviyo public keys',
    code: `
import { ApiKeySession } from 'klaviyo-api';
new ApiKeySession(process.env.NEXT_PUBLIC_KLAVIYO_PRIVATE_KEY!);
new ApiKeySession(useRuntimeConfig().public.klaviyoKey);
new ApiKeySession(runtimeConfig.public.klaviyoApiKey);
`,
  },
  {
    name: 'names that disagree with each other are not a clear contradiction',
    code: `
import { TrackClient } from 'customerio-node';
const trackKey = process.env.CUSTOMERIO_APP_API_KEY!;
new TrackClient(process.env.CUSTOMERIO_SITE_ID!, trackKey);
new TrackClient(siteId, process.env.CIO_TRACK_KEY ?? process.env.CIO_APP_KEY);
`,
  },
  {
    name: 'literals of the right shape, and placeholders',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import { ApiKeySession } from 'klaviyo-api';
new TrackClient('${SITE}', '${TRACK}');
new APIClient('${APP}');
new ApiKeySession('${PK}');
new ApiKeySession('abc123');
new TrackClient('test-site', 'test-key');
`,
  },
  {
    name: 'a 20-hex string that is not in a credential slot',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);
await api.sendEmail({ transactional_message_id: '${TRACK}', identifiers: { id: '${SITE}' } });
`,
  },
  {
    name: 'a write key has no known shape, so a hex literal there is not judged',
    code: `
import { PipelinesClient } from 'customerio-node';
new PipelinesClient('${TRACK}');
`,
  },
  {
    name: 'options objects where options belong',
    code: `
import { APIClient, TrackClient, RegionEU } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
const defaults = { region: RegionEU };
new APIClient(appKey, defaults);
new APIClient(appKey, options);
new APIClient(process.env.CIO_APP_KEY!, undefined);
new TrackClient(siteId, trackKey, { region: RegionEU });
new TrackClient(siteId, trackKey, 'eu');
new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
new Analytics(settings);
`,
  },
  {
    name: 'a kind of key named without its vendor is not judged against the other vendor',
    code: `
import { TrackClient } from 'customerio-node';
new TrackClient(publicKey, secretKey);
new TrackClient(companyId, process.env.CIO_KEY!);
`,
  },
  {
    name: 'a second argument that names no credential, or names a setting of the same vendor',
    code: `
import { APIClient, PipelinesClient } from 'customerio-node';
new APIClient(process.env.CIO_APP_KEY!, process.env.CIO_REGION);
new PipelinesClient(writeKey, config.cio);
`,
  },
  {
    name: 'odd shapes: spreads, missing and computed arguments',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession } from 'klaviyo-api';
new TrackClient(...args);
new TrackClient();
new APIClient(keys[env], ...rest);
new Analytics();
new ApiKeySession(keys['klaviyo' + suffix]);
function make(...params) { return new TrackClient(...params); }
make(process.env.CIO_APP_API_KEY, process.env.CIO_SITE_ID);
class Svc { constructor([siteId, key]) { this.cio = new TrackClient(siteId, key); } }
new Svc([process.env.CIO_APP_API_KEY, 'x']);
`,
  },
  {
    name: 'a file that uses no SDK',
    code: `new TrackClient(process.env.CIO_TRACK_API_KEY, process.env.CIO_SITE_ID);`,
  },
  {
    name: 'a factory whose callers pass the right keys',
    code: `
import { TrackClient } from 'customerio-node';
function makeCio(a: string, b: string) {
  return new TrackClient(a, b);
}
export const cio = makeCio(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_API_KEY!);
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
await cio.identify(process.env.CIO_APP_API_KEY, {});
trackEvent(user.id, 'order_placed', { key: process.env.CIO_SITE_ID });
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'the catalog example: the App API key given to TrackClient',
    code: `
import { TrackClient } from 'customerio-node';
new TrackClient(env.CUSTOMERIO_SITE_ID, env.CUSTOMERIO_APP_API_KEY);
`,
    errors: [
      {
        messageId: 'wrongName',
        data: {
          name: 'env.CUSTOMERIO_APP_API_KEY',
          hinted: 'Customer.io App API key',
          label: 'Customer.io Track API key',
          client: 'TrackClient',
        },
        line: 3,
        column: 41,
      },
    ],
    output: null,
  },
  {
    name: 'the catalog example: the Track API key given to APIClient',
    code: `
import { APIClient } from 'customerio-node';
new APIClient(env.CUSTOMERIO_TRACK_API_KEY);
`,
    errors: [
      {
        messageId: 'wrongName',
        data: {
          name: 'env.CUSTOMERIO_TRACK_API_KEY',
          hinted: 'Customer.io Track API key',
          label: 'Customer.io App API key',
          client: 'APIClient',
        },
        line: 3,
        column: 15,
      },
    ],
    output: null,
  },
  {
    name: 'TRANSACTIONAL and APP names into the Track client and Pipelines; SITE_ID into APIClient',
    code: `
import { TrackClient as Track, APIClient, PipelinesClient } from 'customerio-node';
new Track(process.env.CIO_SITE_ID!, process.env.CIO_TRANSACTIONAL_API_KEY!);
new PipelinesClient(process.env.CUSTOMERIO_APP_API_KEY!);
new PipelinesClient(process.env.CUSTOMERIO_TRACK_API_KEY!);
new APIClient(process.env.CUSTOMERIO_SITE_ID!);
`,
    errors: [
      { messageId: 'wrongName', data: { name: 'process.env.CIO_TRANSACTIONAL_API_KEY', hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 3, column: 37 },
      { messageId: 'wrongName', data: { name: 'process.env.CUSTOMERIO_APP_API_KEY', hinted: 'Customer.io App API key', label: 'Customer.io Data Pipelines write key', client: 'PipelinesClient' }, line: 4, column: 21 },
      { messageId: 'wrongName', data: { name: 'process.env.CUSTOMERIO_TRACK_API_KEY', hinted: 'Customer.io Track API key', label: 'Customer.io Data Pipelines write key', client: 'PipelinesClient' }, line: 5, column: 21 },
      { messageId: 'wrongName', data: { name: 'process.env.CUSTOMERIO_SITE_ID', hinted: 'Customer.io site ID', label: 'Customer.io App API key', client: 'APIClient' }, line: 6, column: 15 },
    ],
    output: null,
  },
  {
    name: 'site ID and Track key swapped: one report, with a suggestion to swap them back',
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.CUSTOMERIO_TRACK_API_KEY!, process.env.CUSTOMERIO_SITE_ID!);
`,
    errors: [
      {
        messageId: 'swapped',
        data: {
          client: 'TrackClient',
          first: 'Customer.io site ID',
          second: 'Customer.io Track API key',
          firstName: 'process.env.CUSTOMERIO_TRACK_API_KEY',
          secondName: 'process.env.CUSTOMERIO_SITE_ID',
        },
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'swapArguments',
            output: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a Track key name as the site ID, without the other half swapped',
    code: `
import { TrackClient } from 'customerio-node';
new TrackClient(trackApiKey, apiKey);
`,
    errors: [
      { messageId: 'wrongName', data: { name: 'trackApiKey', hinted: 'Customer.io Track API key', label: 'Customer.io site ID', client: 'TrackClient' }, line: 3, column: 17 },
    ],
    output: null,
  },
  {
    name: 'APIClient given a site ID and a key, as TrackClient takes them',
    code: `
import { APIClient } from 'customerio-node';
new APIClient(siteId, apiKey);
new APIClient(process.env.CIO_SITE_ID!, process.env.CIO_API_KEY!);
new APIClient(key, '${APP}');
`,
    errors: [
      { messageId: 'extraCredential', data: { client: 'APIClient', label: 'Customer.io App API key', position: '2', name: 'apiKey' }, line: 3, column: 23 },
      { messageId: 'extraCredential', data: { client: 'APIClient', label: 'Customer.io App API key', position: '2', name: 'process.env.CIO_API_KEY' }, line: 4, column: 41 },
      { messageId: 'extraCredential', line: 5, column: 20 },
    ],
    output: null,
  },
  {
    name: 'the Pipelines client given a site ID and a key',
    code: `
import { PipelinesClient } from 'customerio-node';
new PipelinesClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_API_KEY!);
`,
    errors: [
      { messageId: 'extraCredential', data: { client: 'PipelinesClient', label: 'Customer.io Data Pipelines write key', position: '2', name: 'process.env.CIO_TRACK_API_KEY' }, line: 3, column: 47 },
    ],
    output: null,
  },
  {
    name: 'public key and site ID names without a vendor into a Klaviyo session',
    code: `
import { ApiKeySession } from 'klaviyo-api';
new ApiKeySession(publicKey);
new ApiKeySession(this.siteId);
`,
    errors: [
      { messageId: 'wrongName', data: { name: 'publicKey', hinted: 'Klaviyo public API key (site ID)', label: 'Klaviyo private API key', client: 'ApiKeySession' }, line: 3, column: 19 },
      { messageId: 'wrongName', data: { name: 'this.siteId', hinted: 'Klaviyo public API key (site ID)', label: 'Klaviyo private API key', client: 'ApiKeySession' }, line: 4, column: 19 },
    ],
    output: null,
  },
  {
    name: 'the Pipelines Analytics client given the key instead of its options',
    code: `
import Analytics from '@customerio/cdp-analytics-node';
export const analytics = new Analytics(process.env.CUSTOMERIO_WRITE_KEY!);
`,
    errors: [
      {
        messageId: 'notAnOptionsObject',
        data: { client: 'Analytics', label: 'Customer.io Data Pipelines write key', key: 'writeKey', name: 'process.env.CUSTOMERIO_WRITE_KEY' },
        line: 3,
        column: 40,
        suggestions: [
          {
            messageId: 'wrapInOptions',
            output: `
import Analytics from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'literal shapes: a 32-hex App key into TrackClient, a 20-hex key into APIClient',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
new TrackClient('${SITE}', '${APP}');
new TrackClient('${APP}', process.env.CIO_KEY!);
new APIClient('${TRACK}');
new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_KEY ?? '${APP}');
`,
    errors: [
      { messageId: 'wrongShape', data: { value: "'20…3f'", hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 3, column: 41 },
      { messageId: 'wrongShape', data: { value: "'20…3f'", hinted: 'Customer.io App API key', label: 'Customer.io site ID', client: 'TrackClient' }, line: 4, column: 17 },
      { messageId: 'wrongShape', data: { value: "'1a…ae'", hinted: 'Customer.io site ID or Track API key', label: 'Customer.io App API key', client: 'APIClient' }, line: 5, column: 15 },
      { messageId: 'wrongShape', line: 6, column: 66 },
    ],
    output: null,
  },
  {
    name: 'a Klaviyo 6-character public key into every Klaviyo key slot',
    code: `
import { ApiKeySession, ConfigWrapper, GlobalApiKeySettings } from 'klaviyo-api';
const PUBLIC = '${PUBLIC_KEY}';
new ApiKeySession('${PUBLIC_KEY}');
ConfigWrapper(PUBLIC);
new GlobalApiKeySettings(\`${PUBLIC_KEY}\`);
`,
    errors: [
      { messageId: 'wrongShape', line: 3, column: 16 },
      {
        messageId: 'wrongShape',
        data: { value: "'X…'", hinted: 'Klaviyo public API key (site ID)', label: 'Klaviyo private API key', client: 'ApiKeySession' },
        line: 4,
        column: 19,
      },
      { messageId: 'wrongShape', data: { value: "'X…'", hinted: 'Klaviyo public API key (site ID)', label: 'Klaviyo private API key', client: 'GlobalApiKeySettings' }, line: 6, column: 26 },
    ],
    output: null,
  },
  {
    name: 'PUBLIC, SITE_ID and COMPANY_ID names into a Klaviyo session',
    code: `
import { ApiKeySession, Klaviyo } from 'klaviyo-api';
new ApiKeySession(process.env.KLAVIYO_PUBLIC_KEY!);
new ApiKeySession(process.env.KLAVIYO_SITE_ID!);
new Klaviyo.ApiKeySession(process.env.KLAVIYO_COMPANY_ID!);
new ApiKeySession(klaviyoPublicApiKey);
`,
    errors: [
      { messageId: 'wrongName', data: { name: 'process.env.KLAVIYO_PUBLIC_KEY', hinted: 'Klaviyo public API key (site ID)', label: 'Klaviyo private API key', client: 'ApiKeySession' }, line: 3, column: 19 },
      { messageId: 'wrongName', line: 4, column: 19 },
      { messageId: 'wrongName', line: 5, column: 27 },
      { messageId: 'wrongName', line: 6, column: 19 },
    ],
    output: null,
  },
  {
    name: 'keys of the other vendor, by name and by shape',
    code: `
import { TrackClient } from 'customerio-node';
import { ApiKeySession } from 'klaviyo-api';
new TrackClient(process.env.CIO_SITE_ID!, process.env.KLAVIYO_PRIVATE_API_KEY!);
new ApiKeySession(config.customerio.key);
new TrackClient(process.env.CIO_SITE_ID!, '${PK}');
`,
    errors: [
      { messageId: 'wrongName', data: { name: 'process.env.KLAVIYO_PRIVATE_API_KEY', hinted: 'Klaviyo credential', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 4, column: 43 },
      { messageId: 'wrongName', data: { name: 'config.customerio.key', hinted: 'Customer.io credential', label: 'Klaviyo private API key', client: 'ApiKeySession' }, line: 5, column: 19 },
      { messageId: 'wrongShape', data: { value: "'pk_A…Ab'", hinted: 'Klaviyo private API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 6, column: 43 },
    ],
    output: null,
  },
  {
    name: 'names found through const bindings, destructuring and config readers',
    code: `
import { TrackClient } from 'customerio-node';
const key = process.env.CUSTOMERIO_APP_API_KEY!;
new TrackClient(siteId, key);
const { CIO_APP_KEY } = process.env;
new TrackClient(siteId, CIO_APP_KEY!);
const { app: secret } = config.customerio;
new TrackClient(siteId, secret);
new TrackClient(siteId, configService.get<string>('CUSTOMERIO_APP_API_KEY'));
new TrackClient(siteId, Deno.env.get('CIO_TRANSACTIONAL_KEY')!.trim());
const cio = config.cio;
new TrackClient(siteId, String(cio.app));
`,
    errors: [
      { messageId: 'wrongName', data: { name: 'process.env.CUSTOMERIO_APP_API_KEY', hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 4, column: 25 },
      { messageId: 'wrongName', data: { name: 'CIO_APP_KEY', hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 6, column: 25 },
      { messageId: 'wrongName', data: { name: 'secret', hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 8, column: 25 },
      { messageId: 'wrongName', line: 9, column: 25 },
      { messageId: 'wrongName', line: 10, column: 25 },
      { messageId: 'wrongName', data: { name: 'cio.app', hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 12, column: 25 },
    ],
    output: null,
  },
  {
    name: 'the config.cio.app shape from the catalog',
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(config.cio.siteId, config.cio.app);
`,
    errors: [{ messageId: 'wrongName', data: { name: 'config.cio.app', hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 3, column: 55 }],
    output: null,
  },
  {
    name: 'require with and without destructuring, and the 2.x module shapes',
    filename: 'src/clients.js',
    code: `
const { TrackClient } = require('customerio-node');
const customerio = require('customerio-node');
const { APIClient } = require('customerio-node/api');
new TrackClient(process.env.CIO_SITE_ID, process.env.CIO_APP_API_KEY);
new customerio.APIClient(process.env.CIO_TRACK_API_KEY);
new APIClient(process.env.CIO_SITE_ID);
`,
    errors: [
      { messageId: 'wrongName', line: 5, column: 42 },
      { messageId: 'wrongName', line: 6, column: 26 },
      { messageId: 'wrongName', line: 7, column: 15 },
    ],
    output: null,
  },
  {
    name: 'a namespace import of customerio-node',
    code: `
import * as customerio from 'customerio-node';
new customerio.TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_APP_API_KEY!);
`,
    errors: [{ messageId: 'wrongName', line: 3, column: 54 }],
    output: null,
  },
  {
    name: 'clients in class fields and built in a service constructor',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
interface Config { siteId: string; appApiKey: string; trackApiKey: string }
export class Messaging {
  private api = new APIClient(process.env.CUSTOMERIO_TRACK_API_KEY!);
  private cio: TrackClient;
  constructor(private readonly config: Config) {
    this.cio = new TrackClient(config.siteId, config.appApiKey);
  }
}
`,
    errors: [
      { messageId: 'wrongName', line: 5, column: 31 },
      { messageId: 'wrongName', data: { name: 'config.appApiKey', hinted: 'Customer.io App API key', label: 'Customer.io Track API key', client: 'TrackClient' }, line: 8, column: 47 },
    ],
    output: null,
  },
  {
    name: 'keys passed to a local factory, reported at its call; swapped arguments of the factory',
    code: `
import { TrackClient } from 'customerio-node';
function makeCio(siteId: string, key: string) {
  return new TrackClient(siteId, key);
}
export const a = makeCio(process.env.CIO_SITE_ID!, process.env.CIO_APP_API_KEY!);
export const b = makeCio(process.env.CIO_TRACK_API_KEY!, process.env.CIO_SITE_ID!);
`,
    errors: [
      { messageId: 'wrongName', line: 6, column: 52 },
      {
        messageId: 'swapped',
        line: 7,
        column: 18,
        suggestions: [
          {
            messageId: 'swapArguments',
            output: `
import { TrackClient } from 'customerio-node';
function makeCio(siteId: string, key: string) {
  return new TrackClient(siteId, key);
}
export const a = makeCio(process.env.CIO_SITE_ID!, process.env.CIO_APP_API_KEY!);
export const b = makeCio(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_API_KEY!);
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'keys passed to a service class through an options object: no mechanical swap',
    code: `
import { TrackClient } from 'customerio-node';
class Cio {
  client: TrackClient;
  constructor({ siteId, apiKey }: { siteId: string; apiKey: string }) {
    this.client = new TrackClient(siteId, apiKey);
  }
}
export const cio = new Cio({ siteId: env.CIO_TRACK_KEY, apiKey: env.CIO_SITE_ID });
`,
    errors: [{ messageId: 'swapped', line: 9, column: 20, suggestions: [] }],
    output: null,
  },
  {
    name: 'clients built after await import() and in a .then callback',
    code: `
export async function load() {
  const { APIClient } = await import('customerio-node');
  return new APIClient(process.env.CIO_TRACK_API_KEY!);
}
import('klaviyo-api').then(({ ApiKeySession }) => new ApiKeySession(process.env.KLAVIYO_PUBLIC_API_KEY!));
`,
    errors: [
      { messageId: 'wrongName', line: 4, column: 24 },
      { messageId: 'wrongName', line: 6, column: 69 },
    ],
    output: null,
  },
];

ruleTester.run('no-mismatched-credentials', rule, { valid, invalid });

describeFixSafety('no-mismatched-credentials', rule, invalid);

createTypedRuleTester().run('no-mismatched-credentials (typed)', rule, {
  valid: [
    {
      name: 'clients exported from another module',
      code: `
import { cio, api } from './lib/cio';
export async function handler(id: string) {
  await cio.identify(id, { plan: process.env.CIO_APP_API_KEY });
  await api.getAttributes(id);
}
`,
    },
  ],
  invalid: [
    {
      name: 'the App API key given to TrackClient, with type information',
      code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_APP_API_KEY!);
`,
      errors: [{ messageId: 'wrongName', line: 3, column: 69 }],
      output: null,
    },
  ],
});
