import rule from '../../src/rules/no-sdk-internals.js';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

const valid: ValidTestCase<Options>[] = [
  {
    name: 'the documented entry points and methods',
    code: `
import { TrackClient, APIClient, CustomerIORequestError, RegionEU } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
const api = new APIClient(process.env.C!);
const analytics = new Analytics({ writeKey: process.env.W! });
const profiles = new ProfilesApi(new ApiKeySession(process.env.K!));
export async function run(id: string) {
  try {
    await cio.identify(id, {});
    await api.getAttributes(id);
  } catch (error) {
    if (error instanceof CustomerIORequestError) console.error(error.statusCode);
  }
  analytics.on('error', console.error);
  await analytics.closeAndFlush();
  profiles.basePath = 'https://a.klaviyo.com';
}
`,
  },
  {
    name: 'members named like internals on objects that are not SDK clients',
    code: `
import axios from 'axios';
import { TrackClient } from 'customerio-node';
axios.defaults.timeout = 5000;
export function handler(req: { request: unknown }, res: { defaults: object }) {
  const { request } = req;
  return [request, res.defaults, this.request];
}
class Queue { _queue: unknown[] = []; drain() { return this._queue; } }
class Wrapper { constructor(private client: TrackClient) {} get request() { return 1; } read() { return this.request; } }
`,
  },
  {
    name: 'sub-paths that are entry points: the 2.x modules, the package.json',
    code: `
const { RegionEU } = require('customerio-node/regions');
const { APIClient } = require('customerio-node/api');
import pkg from 'customerio-node/package.json';
export { RegionEU, APIClient, pkg };
`,
  },
  {
    name: 'type-only deep imports are erased at build time',
    code: `
import type { RequestData } from 'customerio-node/dist/lib/request';
import { type RetryOptions } from 'customerio-node/dist/lib/request';
import { BasicAuth } from 'customerio-node/dist/lib/request';
export type { PushRequestData } from 'customerio-node/dist/lib/request';
export function send(data: RequestData, retry: RetryOptions, auth: BasicAuth) { return [data, retry, auth]; }
`,
  },
  {
    name: 'a look-alike package and other packages’ dist folders',
    code: `
import { helper } from 'customerio-node-extras/dist/helper';
import { Client } from 'some-sdk/dist/client';
export { helper, Client };
`,
  },
  {
    name: 'a public field name on a client (the credentials it was built with) is not flagged',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.A!, process.env.B!);
export const site = cio.siteid;
`,
  },
  {
    name: 'a computed member and a local require function',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.A!, process.env.B!);
const key = pick();
export const value = cio[key];
function load(require: (id: string) => unknown) { return require('customerio-node/dist/lib/request'); }
export { load };
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "the catalog's wrong code: the transport and a base URL of a client",
    code: `
import { TrackClient, RegionEU } from 'customerio-node';
const cio = new TrackClient(process.env.A!, process.env.B!, { region: RegionEU });
export async function addToSegment(id: string) {
  await cio.request.post(\`\${cio.trackRoot}/segments/7/add_customers\`, { ids: [id] });
}
`,
    errors: [
      { messageId: 'internalMember', line: 5, column: 13 },
      { messageId: 'internalMember', line: 5, column: 33 },
    ],
    output: null,
  },
  {
    name: 'a deep import of a build file, used at run time',
    code: `
import Request from 'customerio-node/dist/lib/request';
export const request = new Request({ siteid: 'a', apikey: 'b' });
`,
    errors: [{ messageId: 'deepImport', line: 2, column: 21, suggestions: [] }],
    output: null,
  },
  {
    name: 'a deep import of a class the root exports: suggestion to import from the root',
    code: `
import { CustomerIORequestError } from "customerio-node/dist/lib/utils";
export const isCioError = (error: unknown) => error instanceof CustomerIORequestError;
`,
    errors: [
      {
        messageId: 'deepImport',
        line: 2,
        column: 40,
        suggestions: [
          {
            messageId: 'importFromRoot',
            output: `
import { CustomerIORequestError } from "customerio-node";
export const isCioError = (error: unknown) => error instanceof CustomerIORequestError;
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'require with and without destructuring, and a member of a require',
    code: `
const { CustomerIORequestError: CioError } = require('customerio-node/dist/lib/utils');
const regions = require('customerio-node/dist/lib/regions');
const RegionUS = require('customerio-node/dist/lib/regions').RegionUS;
module.exports = { CioError, regions, RegionUS };
`,
    errors: [
      {
        messageId: 'deepImport',
        line: 2,
        column: 54,
        suggestions: [
          {
            messageId: 'importFromRoot',
            output: `
const { CustomerIORequestError: CioError } = require('customerio-node');
const regions = require('customerio-node/dist/lib/regions');
const RegionUS = require('customerio-node/dist/lib/regions').RegionUS;
module.exports = { CioError, regions, RegionUS };
`,
          },
        ],
      },
      { messageId: 'deepImport', line: 3, column: 25, suggestions: [] },
      {
        messageId: 'deepImport',
        line: 4,
        column: 26,
        suggestions: [
          {
            messageId: 'importFromRoot',
            output: `
const { CustomerIORequestError: CioError } = require('customerio-node/dist/lib/utils');
const regions = require('customerio-node/dist/lib/regions');
const RegionUS = require('customerio-node').RegionUS;
module.exports = { CioError, regions, RegionUS };
`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'deep imports into the other SDKs, a dynamic import and re-exports',
    code: `
import { ProfileCreateQuery } from 'klaviyo-api/dist/model/profileCreateQuery';
import { Publisher } from '@customerio/cdp-analytics-node/dist/cjs/plugins/customerio/publisher';
export * from 'klaviyo-api/api/profilesApi';
export { TrackClient } from 'customerio-node/lib/track';
export async function load() {
  return [ProfileCreateQuery, Publisher, await import('customerio-node/dist/lib/api')];
}
`,
    errors: [
      { messageId: 'deepImport', line: 2, column: 36, suggestions: [] },
      { messageId: 'deepImport', line: 3, column: 27, suggestions: [] },
      { messageId: 'deepImport', line: 4, column: 15, suggestions: [] },
      { messageId: 'deepImport', line: 5, column: 29, suggestions: [] },
      { messageId: 'deepImport', line: 7, column: 55, suggestions: [] },
    ],
    output: null,
  },
  {
    name: 'internals read through a class field, a destructuring and an assignment',
    code: `
import { APIClient, PipelinesClient } from 'customerio-node';
export class Mailer {
  private api = new APIClient(process.env.CIO_APP_KEY!);
  private pipes = new PipelinesClient(process.env.CIO_WRITE_KEY!);
  root() {
    const { apiRoot, request } = this.api;
    this.pipes.pipelinesRoot = 'http://localhost:4010';
    return [apiRoot, request, this.api.defaults.region];
  }
}
`,
    errors: [
      { messageId: 'internalMember', line: 7, column: 13 },
      { messageId: 'internalMember', line: 7, column: 22 },
      { messageId: 'internalMember', line: 8, column: 16 },
      { messageId: 'internalMember', line: 9, column: 40 },
    ],
    output: null,
  },
  {
    name: 'a subclass that reaches into its parent’s transport',
    code: `
const customerio = require('customerio-node');
class ExtendedClient extends customerio.TrackClient {
  addToSegment(segmentId, ids) {
    return this.request.post(\`\${this.trackRoot}/segments/\${segmentId}/add_customers\`, { ids });
  }
}
module.exports = ExtendedClient;
`,
    errors: [
      { messageId: 'internalMember', line: 5, column: 17 },
      { messageId: 'internalMember', line: 5, column: 38 },
    ],
    output: null,
  },
  {
    name: 'private fields of the Data Pipelines client and protected ones of a Klaviyo API',
    code: `
import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const analytics = new Analytics({ writeKey: process.env.W! });
const profiles = new ProfilesApi(new ApiKeySession(process.env.K!));
export const pending = () => (analytics as any)._queue.length + profiles['_defaultHeaders'].length;
`,
    errors: [
      { messageId: 'internalMember', line: 6, column: 49 },
      { messageId: 'internalMember', line: 6, column: 74 },
    ],
    output: null,
  },
  {
    name: 'a client from an async factory, through await and .then',
    code: `
import { TrackClient } from 'customerio-node';
async function getClient() { return new TrackClient(process.env.A!, process.env.B!); }
export async function a() { const cio = await getClient(); return cio.request; }
export function b() { return getClient().then((cio) => cio.trackV2Root); }
`,
    errors: [
      { messageId: 'internalMember', line: 4, column: 71 },
      { messageId: 'internalMember', line: 5, column: 60 },
    ],
    output: null,
  },
  {
    name: 'a client from settings.cdp.clients',
    settings: { cdp: { clients: { './lib/cio': { cio: 'TrackClient' } } } },
    code: `
import { cio } from './lib/cio';
export const root = cio.trackRoot;
`,
    errors: [{ messageId: 'internalMember', line: 3, column: 25 }],
    output: null,
  },
];

const ruleTester = createRuleTester();
ruleTester.run('no-sdk-internals', rule, { valid, invalid });
describeFixSafety('no-sdk-internals', rule, invalid);

createTypedRuleTester().run('no-sdk-internals (typed)', rule, {
  valid: [
    {
      name: 'documented methods of a client exported from another module',
      code: `
import { cio } from './lib/cio';
export async function run(id: string) {
  await cio.identify(id, {});
}
`,
    },
  ],
  invalid: [
    {
      name: 'the transport of a client exported from another module',
      code: `
import { cio } from './lib/cio';
export async function run(id: string) {
  await cio.identify(id, {});
  return cio.request.get('/api/v1/accounts/region');
}
`,
      errors: [{ messageId: 'internalMember', line: 5, column: 14 }],
      output: null,
    },
  ],
});

// ESLint's default parser has no type references: every imported binding that is used is a value.
describe('no-sdk-internals with the default JavaScript parser', () => {
  it('reports a deep import', () => {
    const messages = new Linter({ configType: 'flat' }).verify(
      `import { CustomerIORequestError } from 'customerio-node/dist/lib/utils';\nexport const is = (e) => e instanceof CustomerIORequestError;\n`,
      [
        {
          files: ['**/*.js'],
          plugins: { cdp: { rules: { 'no-sdk-internals': rule as never } } },
          rules: { 'cdp/no-sdk-internals': 'error' },
        },
      ],
      'src/errors.js',
    );
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['deepImport', 1, 40]]);
  });
});
