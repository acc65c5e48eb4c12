import rule from '../../src/rules/require-region.js';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

const EU = { cdp: { region: 'EU' } };
const US = { cdp: { region: 'US' } };

const valid: ValidTestCase<Options>[] = [
  {
    name: 'the exported region objects',
    code: `
import { TrackClient, APIClient, PipelinesClient, RegionEU, RegionUS } from 'customerio-node';
export const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!, { region: RegionEU });
export const api = new APIClient(process.env.CIO_APP_KEY!, { region: RegionUS });
export const pipes = new PipelinesClient(process.env.CIO_WRITE_KEY!, { region: RegionEU, strictMode: true });
`,
  },
  {
    name: 'no region and no configured region: the US default is a choice the rule cannot judge',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
export const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!);
export const api = new APIClient(process.env.CIO_APP_KEY!, { timeout: 5000 });
export const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY! });
`,
  },
  {
    name: 'EU workspace: every client names the EU, through every import shape',
    settings: EU,
    code: `
const { TrackClient, RegionEU: EU } = require('customerio-node');
const sdk = require('customerio-node');
import * as cio from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
const REGION = EU;
export const track = new TrackClient(process.env.A, process.env.B, { region: EU });
export const api = new sdk.APIClient(process.env.C, { region: sdk.RegionEU });
export const pipes = new cio.PipelinesClient(process.env.D, { region: cio.RegionEU });
export const other = new TrackClient(process.env.A, process.env.B, { region: REGION });
export const analytics = new Analytics({ writeKey: process.env.W, host: 'https://cdp-eu.customer.io' });
`,
  },
  {
    name: 'US workspace with RegionUS, in a class field',
    settings: US,
    code: `
import { TrackClient, RegionUS } from 'customerio-node';
export class Messaging {
  private readonly cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionUS });
}
`,
  },
  {
    name: 'a region chosen at run time is explicit, and the rule cannot tell which',
    settings: EU,
    code: `
import { TrackClient, RegionEU, RegionUS } from 'customerio-node';
import { config } from './config';
const region = process.env.CIO_REGION === 'us' ? RegionUS : RegionEU;
export const a = new TrackClient(process.env.A!, process.env.B!, { region });
export const b = new TrackClient(process.env.A!, process.env.B!, { region: config.customerio.region });
export const c = new TrackClient(process.env.A!, process.env.B!, { region: isEu ? RegionEU : RegionUS });
`,
  },
  {
    name: 'options the file does not show whole: a parameter, a spread, a computed key',
    settings: EU,
    code: `
import { TrackClient, APIClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
export const make = (options) => new TrackClient(process.env.A, process.env.B, options);
export const api = new APIClient(process.env.C, { ...sharedOptions, timeout: 5000 });
export const analytics = new Analytics({ writeKey: process.env.W, [hostKey]: hostValue });
export const more = new TrackClient(...credentials);
`,
  },
  {
    name: 'a custom url (a proxy or a mock server) replaces the region',
    settings: EU,
    code: `
import { TrackClient, APIClient } from 'customerio-node';
export const cio = new TrackClient('site', 'key', { url: 'http://localhost:4010' });
export const api = new APIClient(process.env.C!, { url: process.env.CIO_API_URL });
`,
  },
  {
    name: 'a Data Pipelines host that is neither region (a proxy, an env variable)',
    settings: EU,
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const a = new Analytics({ writeKey: process.env.W!, host: 'https://cdp-proxy.internal.example' });
export const b = new Analytics({ writeKey: process.env.W!, host: process.env.CDP_HOST });
`,
  },
  {
    name: 'test files build clients without a region on purpose',
    settings: EU,
    filename: 'src/__tests__/messaging.test.ts',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient('site', 'key');
`,
  },
  {
    name: 'an empty string is falsy: the SDK ignores it',
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: '' });
`,
  },
  {
    name: 'region strings of other SDKs (AWS, a local class) are not Customer.io regions',
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { TrackClient as _Unused } from 'customerio-node';
class TrackClient { constructor(public a: string, public b: string, public o: object) {} }
export const s3 = new S3Client({ region: 'eu-west-1' });
export const local = new TrackClient('a', 'b', { region: 'eu' });
`,
  },
  {
    name: 'a custom Region object is explicit',
    settings: EU,
    code: `
import { TrackClient, Region } from 'customerio-node';
const proxyRegion = new Region('https://track.proxy.example', 'https://api.proxy.example', 'https://cdp.proxy.example');
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: proxyRegion });
`,
  },
  {
    name: 'Klaviyo clients have no region to set',
    settings: EU,
    code: `
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
export const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY!));
`,
  },
  {
    name: 'clients imported from the app’s own modules are checked where they are built',
    settings: { cdp: { region: 'EU', clients: { './lib/cio': { cio: 'TrackClient' } } } },
    code: `
import { cio } from './lib/cio';
export async function signup(id: string) {
  await cio.identify(id, { plan: 'free' });
}
`,
  },
  {
    name: 'requireExplicit is satisfied by an explicit region',
    options: [{ requireExplicit: true }],
    code: `
import { APIClient, RegionUS } from 'customerio-node';
export const api = new APIClient(process.env.C!, { region: RegionUS });
`,
  },
  {
    name: 'a constructor missing earlier arguments is another problem',
    settings: EU,
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!);
`,
  },
  {
    name: 'a region key next to a spread that may hold the host',
    settings: EU,
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ ...baseSettings, region: 'eu' });
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "the catalog's wrong code: region 'eu' as a string (autofix adds the import)",
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!, { region: 'eu' });
`,
    errors: [{ messageId: 'stringRegion', line: 3, column: 92 }],
    output: `
import { TrackClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!, { region: RegionEU });
`,
  },
  {
    name: "'EU' with require and destructuring: the region joins the destructuring",
    code: `
const { TrackClient: Track } = require('customerio-node');
const cio = new Track(process.env.A, process.env.B, {
  region: 'EU',
  timeout: 5000,
});
`,
    errors: [{ messageId: 'stringRegion', line: 4, column: 3 }],
    output: `
const { TrackClient: Track, RegionEU } = require('customerio-node');
const cio = new Track(process.env.A, process.env.B, {
  region: RegionEU,
  timeout: 5000,
});
`,
  },
  {
    name: "'us' on an APIClient that already imports RegionUS under another name",
    code: `
import { APIClient, RegionUS as US } from 'customerio-node';
export const api = new APIClient(process.env.CIO_APP_KEY!, { region: 'us' });
`,
    errors: [{ messageId: 'stringRegion', line: 3, column: 62 }],
    output: `
import { APIClient, RegionUS as US } from 'customerio-node';
export const api = new APIClient(process.env.CIO_APP_KEY!, { region: US });
`,
  },
  {
    name: 'a namespace import: the region is read from the same namespace',
    code: `
import * as customerio from 'customerio-node';
export const pipes = new customerio.PipelinesClient(process.env.CIO_WRITE_KEY!, { region: 'EU' });
`,
    errors: [{ messageId: 'stringRegion', line: 3, column: 83 }],
    output: `
import * as customerio from 'customerio-node';
export const pipes = new customerio.PipelinesClient(process.env.CIO_WRITE_KEY!, { region: customerio.RegionEU });
`,
  },
  {
    name: 'require without destructuring',
    code: `
const cio = require('customerio-node');
module.exports = new cio.TrackClient(process.env.A, process.env.B, { region: 'eu' });
`,
    errors: [{ messageId: 'stringRegion', line: 3, column: 70 }],
    output: `
const cio = require('customerio-node');
module.exports = new cio.TrackClient(process.env.A, process.env.B, { region: cio.RegionEU });
`,
  },
  {
    name: 'customerio-node 2.x: the region objects come from customerio-node/regions',
    code: `
const CIO = require('customerio-node');
const cio = new CIO(process.env.A, process.env.B, { region: 'eu' });
`,
    errors: [{ messageId: 'stringRegion', line: 3, column: 53 }],
    output: `
const CIO = require('customerio-node');
const { RegionEU } = require('customerio-node/regions');
const cio = new CIO(process.env.A, process.env.B, { region: RegionEU });
`,
  },
  {
    name: 'a client loaded with a dynamic import in an ES module: a static import of the region is added',
    code: `
import { logger } from './logger';
export async function makeClient() {
  const { TrackClient } = await import('customerio-node');
  logger.info('customer.io client ready');
  return new TrackClient(process.env.A!, process.env.B!, { region: \`eu\` });
}
`,
    errors: [{ messageId: 'stringRegion', line: 6, column: 60 }],
    output: `
import { logger } from './logger';
import { RegionEU } from 'customerio-node';
export async function makeClient() {
  const { TrackClient } = await import('customerio-node');
  logger.info('customer.io client ready');
  return new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
}
`,
  },
  {
    name: 'a string constant, and a shorthand property of one',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
const CIO_REGION = 'eu';
const region = 'EU';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: CIO_REGION });
export const api = new APIClient(process.env.C!, { region });
`,
    errors: [
      { messageId: 'stringRegion', line: 5, column: 70 },
      { messageId: 'stringRegion', line: 6, column: 52 },
    ],
    output: [
      `
import { TrackClient, APIClient, RegionEU } from 'customerio-node';
const CIO_REGION = 'eu';
const region = 'EU';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
export const api = new APIClient(process.env.C!, { region });
`,
      `
import { TrackClient, APIClient, RegionEU } from 'customerio-node';
const CIO_REGION = 'eu';
const region = 'EU';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
export const api = new APIClient(process.env.C!, { region: RegionEU });
`,
    ],
  },
  {
    name: 'a local constant named like the export: reported, not fixed (the import would clash)',
    code: `
import { TrackClient } from 'customerio-node';
const RegionEU = 'eu';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
`,
    errors: [{ messageId: 'stringRegion', line: 4, column: 70, suggestions: [] }],
    output: null,
  },
  {
    name: 'an environment variable is a string whenever it is set: suggestions for both regions',
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: process.env.CIO_REGION });
`,
    errors: [
      {
        messageId: 'stringRegion',
        line: 3,
        column: 70,
        suggestions: [
          {
            messageId: 'useRegion',
            data: { value: 'RegionUS' },
            output: `
import { TrackClient, RegionUS } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionUS });
`,
          },
          {
            messageId: 'useRegion',
            data: { value: 'RegionEU' },
            output: `
import { TrackClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'an environment variable with a string fallback, in a CommonJS module without a destructuring',
    settings: EU,
    code: `
const { logger } = require('./logger');
const customerio = require('customerio-node').TrackClient;
module.exports = new customerio(process.env.A, process.env.B, { region: process.env.CIO_REGION || 'us' });
`,
    errors: [
      {
        messageId: 'stringRegion',
        line: 4,
        column: 65,
        suggestions: [
          {
            messageId: 'useRegion',
            data: { value: 'RegionEU' },
            output: `
const { logger } = require('./logger');
const customerio = require('customerio-node').TrackClient;
const { RegionEU } = require('customerio-node');
module.exports = new customerio(process.env.A, process.env.B, { region: RegionEU });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a string chosen between two regions: the rule cannot tell which was meant',
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: isProd ? 'eu' : 'us' });
`,
    errors: [
      {
        messageId: 'stringRegion',
        line: 3,
        column: 70,
        suggestions: [
          {
            messageId: 'useRegion',
            output: `
import { TrackClient, RegionUS } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionUS });
`,
          },
          {
            messageId: 'useRegion',
            output: `
import { TrackClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a string region that contradicts the configured region: a suggestion, not a fix',
    settings: US,
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: 'eu' });
`,
    errors: [
      {
        messageId: 'stringRegion',
        line: 3,
        column: 70,
        suggestions: [
          {
            messageId: 'useRegion',
            output: `
import { TrackClient, RegionUS } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionUS });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a client in a class field, built in the constructor, awaited in a method',
    code: `
import { TrackClient } from 'customerio-node';
export class Messaging {
  private readonly cio: TrackClient;
  constructor() {
    this.cio = new TrackClient(process.env.A!, process.env.B!, { region: 'eu' });
  }
  async signup(id: string) {
    await this.cio.identify(id, {});
  }
}
`,
    errors: [{ messageId: 'stringRegion', line: 6, column: 66 }],
    output: `
import { TrackClient, RegionEU } from 'customerio-node';
export class Messaging {
  private readonly cio: TrackClient;
  constructor() {
    this.cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
  }
  async signup(id: string) {
    await this.cio.identify(id, {});
  }
}
`,
  },
  {
    name: "Data Pipelines has no region option: region 'eu' is fixed to the EU host",
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY!, region: "eu" });
`,
    errors: [{ messageId: 'ignoredRegionKey', line: 3, column: 80 }],
    output: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY!, host: "https://cdp-eu.customer.io" });
`,
  },
  {
    name: 'Data Pipelines with a region key the rule cannot read, in an EU workspace',
    settings: EU,
    code: `
import Analytics from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY!, region: config.region });
`,
    errors: [
      {
        messageId: 'ignoredRegionKey',
        line: 3,
        column: 80,
        suggestions: [
          {
            messageId: 'useRegion',
            data: { value: "host: 'https://cdp-eu.customer.io'" },
            output: `
import Analytics from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY!, host: 'https://cdp-eu.customer.io' });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'EU workspace: the suggested options go after a parenthesized last argument, not inside it',
    settings: EU,
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, (process.env.B as string));
`,
    errors: [
      {
        messageId: 'missingRegion',
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
import { TrackClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, (process.env.B as string), { region: RegionEU });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'EU workspace: clients built without a region',
    settings: EU,
    code: `
import { TrackClient, APIClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!);
export const api = new APIClient(process.env.C!, {
  timeout: 5000,
});
export const empty = new APIClient(process.env.C!, {});
`,
    errors: [
      {
        messageId: 'missingRegion',
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
import { TrackClient, APIClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
export const api = new APIClient(process.env.C!, {
  timeout: 5000,
});
export const empty = new APIClient(process.env.C!, {});
`,
          },
        ],
      },
      {
        messageId: 'missingRegion',
        line: 4,
        column: 20,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
import { TrackClient, APIClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!);
export const api = new APIClient(process.env.C!, {
  timeout: 5000,
  region: RegionEU,
});
export const empty = new APIClient(process.env.C!, {});
`,
          },
        ],
      },
      {
        messageId: 'missingRegion',
        line: 7,
        column: 22,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
import { TrackClient, APIClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!);
export const api = new APIClient(process.env.C!, {
  timeout: 5000,
});
export const empty = new APIClient(process.env.C!, { region: RegionEU });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'EU workspace: a client per request in a handler, options from a local constant',
    settings: EU,
    code: `
const { TrackClient, RegionUS } = require('customerio-node');
const options = { timeout: 5000 };
app.post('/signup', async (req, res) => {
  const cio = new TrackClient(process.env.A, process.env.B, options);
  await cio.identify(req.body.id, {}).then(() => res.sendStatus(204));
});
`,
    errors: [
      {
        messageId: 'missingRegion',
        line: 5,
        column: 15,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
const { TrackClient, RegionUS, RegionEU } = require('customerio-node');
const options = { timeout: 5000, region: RegionEU };
app.post('/signup', async (req, res) => {
  const cio = new TrackClient(process.env.A, process.env.B, options);
  await cio.identify(req.body.id, {}).then(() => res.sendStatus(204));
});
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'EU workspace: RegionUS, a US Data Pipelines host and a US url contradict it',
    settings: EU,
    code: `
import { TrackClient, APIClient, RegionUS } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionUS });
export const analytics = new Analytics({ writeKey: process.env.W!, host: 'https://cdp.customer.io' });
export const api = new APIClient(process.env.C!, { url: 'https://api.customer.io/v1' });
`,
    errors: [
      {
        messageId: 'wrongRegion',
        line: 4,
        column: 78,
        suggestions: [
          {
            messageId: 'useRegion',
            output: `
import { TrackClient, APIClient, RegionUS, RegionEU } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
export const analytics = new Analytics({ writeKey: process.env.W!, host: 'https://cdp.customer.io' });
export const api = new APIClient(process.env.C!, { url: 'https://api.customer.io/v1' });
`,
          },
        ],
      },
      {
        messageId: 'wrongRegion',
        line: 5,
        column: 74,
        suggestions: [
          {
            messageId: 'useRegion',
            output: `
import { TrackClient, APIClient, RegionUS } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionUS });
export const analytics = new Analytics({ writeKey: process.env.W!, host: 'https://cdp-eu.customer.io' });
export const api = new APIClient(process.env.C!, { url: 'https://api.customer.io/v1' });
`,
          },
        ],
      },
      { messageId: 'wrongRegion', line: 6, column: 57, suggestions: [] },
    ],
    output: null,
  },
  {
    name: 'EU workspace: Data Pipelines without a host, built per Lambda invocation',
    settings: EU,
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const handler = async (event: { userId: string }) => {
  const analytics = new Analytics({
    writeKey: process.env.CIO_WRITE_KEY!,
  });
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  await analytics.closeAndFlush();
};
`,
    errors: [
      {
        messageId: 'missingRegion',
        line: 4,
        column: 21,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
import { Analytics } from '@customerio/cdp-analytics-node';
export const handler = async (event: { userId: string }) => {
  const analytics = new Analytics({
    writeKey: process.env.CIO_WRITE_KEY!,
    host: 'https://cdp-eu.customer.io',
  });
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  await analytics.closeAndFlush();
};
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'US workspace: an implicit region is reported too, so none is left behind on a move',
    settings: US,
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!);
`,
    errors: [
      {
        messageId: 'missingRegion',
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
import { TrackClient, RegionUS } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionUS });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'requireExplicit without a configured region: one suggestion per region',
    options: [{ requireExplicit: true }],
    code: `
import { APIClient } from 'customerio-node';
export const api = new APIClient(process.env.C!);
`,
    errors: [
      {
        messageId: 'missingRegion',
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'addRegion',
            data: { key: 'region', value: 'RegionUS' },
            output: `
import { APIClient, RegionUS } from 'customerio-node';
export const api = new APIClient(process.env.C!, { region: RegionUS });
`,
          },
          {
            messageId: 'addRegion',
            data: { key: 'region', value: 'RegionEU' },
            output: `
import { APIClient, RegionEU } from 'customerio-node';
export const api = new APIClient(process.env.C!, { region: RegionEU });
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a client built by a factory that a wrapper calls, with a .then chain',
    settings: EU,
    code: `
import * as customerio from 'customerio-node';
const makeClient = () => new customerio.TrackClient(process.env.A!, process.env.B!);
export function trackEvent(id: string, name: string) {
  return makeClient().track(id, { name }).then(() => undefined);
}
`,
    errors: [
      {
        messageId: 'missingRegion',
        line: 3,
        column: 26,
        suggestions: [
          {
            messageId: 'addRegion',
            output: `
import * as customerio from 'customerio-node';
const makeClient = () => new customerio.TrackClient(process.env.A!, process.env.B!, { region: customerio.RegionEU });
export function trackEvent(id: string, name: string) {
  return makeClient().track(id, { name }).then(() => undefined);
}
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a region host, a quoted export name and an interpolated string',
    code: `
import { TrackClient, APIClient } from 'customerio-node';
export const a = new TrackClient(process.env.A!, process.env.B!, { region: 'https://track-eu.customer.io' });
export const b = new APIClient(process.env.C!, { region: 'RegionUS' });
export const c = new APIClient(process.env.C!, { region: \`\${process.env.CIO_REGION}\` });
`,
    errors: [
      { messageId: 'stringRegion', line: 3, column: 68 },
      { messageId: 'stringRegion', line: 4, column: 50 },
      {
        messageId: 'stringRegion',
        line: 5,
        column: 50,
        suggestions: [
          {
            messageId: 'useRegion',
            output: `
import { TrackClient, APIClient, RegionUS } from 'customerio-node';
export const a = new TrackClient(process.env.A!, process.env.B!, { region: 'https://track-eu.customer.io' });
export const b = new APIClient(process.env.C!, { region: 'RegionUS' });
export const c = new APIClient(process.env.C!, { region: RegionUS });
`,
          },
          {
            messageId: 'useRegion',
            output: `
import { TrackClient, APIClient, RegionEU } from 'customerio-node';
export const a = new TrackClient(process.env.A!, process.env.B!, { region: 'https://track-eu.customer.io' });
export const b = new APIClient(process.env.C!, { region: 'RegionUS' });
export const c = new APIClient(process.env.C!, { region: RegionEU });
`,
          },
        ],
      },
    ],
    output: [
      `
import { TrackClient, APIClient, RegionEU } from 'customerio-node';
export const a = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
export const b = new APIClient(process.env.C!, { region: 'RegionUS' });
export const c = new APIClient(process.env.C!, { region: \`\${process.env.CIO_REGION}\` });
`,
      `
import { TrackClient, APIClient, RegionEU, RegionUS } from 'customerio-node';
export const a = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
export const b = new APIClient(process.env.C!, { region: RegionUS });
export const c = new APIClient(process.env.C!, { region: \`\${process.env.CIO_REGION}\` });
`,
    ],
  },
  {
    name: 'no import to extend and no module style to follow: reported without a fix',
    code: `
async function main() {
  const { TrackClient } = await import('customerio-node');
  return new TrackClient(process.env.A, process.env.B, { region: 'eu' });
}
main();
`,
    errors: [{ messageId: 'stringRegion', line: 4, column: 58, suggestions: [] }],
    output: null,
  },
  {
    name: "Data Pipelines given customerio-node's RegionEU object: fixed to the EU host",
    code: `
import { RegionEU } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.W!, region: RegionEU });
`,
    errors: [{ messageId: 'ignoredRegionKey', line: 4, column: 68 }],
    output: `
import { RegionEU } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: process.env.W!, host: 'https://cdp-eu.customer.io' });
`,
  },
  {
    name: 'a namespace import next to the named one: the region is read from the namespace',
    code: `
import * as customerio from 'customerio-node';
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: 'eu' });
export const regions = customerio;
`,
    errors: [{ messageId: 'stringRegion', line: 4, column: 70 }],
    output: `
import * as customerio from 'customerio-node';
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: customerio.RegionEU });
export const regions = customerio;
`,
  },
];

const ruleTester = createRuleTester();
ruleTester.run('require-region', rule, { valid, invalid });
describeFixSafety('require-region', rule, invalid);

createTypedRuleTester().run('require-region (typed)', rule, {
  valid: [
    {
      name: 'clients exported from another module are checked where they are built',
      settings: EU,
      code: `
import { cio, api } from './lib/cio';
export async function handler(id: string) {
  await cio.identify(id, {});
  await api.getAttributes(id);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a string region with type information',
      code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: 'eu' });
`,
      errors: [{ messageId: 'stringRegion', line: 3, column: 70 }],
      output: `
import { TrackClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
`,
    },
  ],
});
