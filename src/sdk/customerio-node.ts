import { at, attributes, credential, field, timestamp } from './fields.js';
import type {
  ClientSpec,
  DateKeys,
  ExportSpec,
  FieldSpec,
  InternalMember,
  MethodSpec,
  RateLimit,
  RegionSpec,
  SdkDescriptor,
} from './types.js';

/**
 * `customerio-node`: Track API (`TrackClient`), App API (`APIClient`) and, from 5.0,
 * Data Pipelines (`PipelinesClient`). Every call is one HTTP request returning a promise;
 * nothing converts timestamps, so a seconds slot must be given seconds.
 */

// Customer.io segments on any date attribute only when it is Unix seconds.
const SECONDS_ATTRIBUTES: DateKeys = {
  unit: 'unixSeconds',
  names: ['created_at', 'last_used', 'updated_at'],
  suffixes: ['_at'],
};

// Customer.io's SMS and WhatsApp channels send to the `phone` attribute, which must be E.164;
// `phone_number` is the other name real code uses for it.
const PHONE_ATTRIBUTES: readonly string[] = ['phone', 'phone_number'];

/** A person id whose kind (`IdentifierType`) another argument states. */
const typedPersonId = (where: FieldSpec['at'], idTypeAt: FieldSpec['at']): FieldSpec => ({
  ...field('personId', where),
  idTypeAt,
});

// Documented rates of single App API methods (`no-unbounded-sdk-fanout`): API-triggered broadcasts
// accept one request every 10 seconds, transactional sends about 100 per second.
const METHOD_RATES: Readonly<Record<string, RateLimit>> = {
  triggerBroadcast: { perSecond: 0.1 },
  ...Object.fromEntries(
    ['sendEmail', 'sendPush', 'sendSMS', 'sendWhatsApp', 'sendInboxMessage', 'sendInApp'].map((name) => [
      name,
      { perSecond: 100 },
    ]),
  ),
};

function promise(name: string, kind: MethodSpec['kind'], fields: FieldSpec[] = []): MethodSpec {
  const method: MethodSpec = { name, kind, returns: 'promise', fields };
  return Object.hasOwn(METHOD_RATES, name) ? { ...method, rateLimit: METHOD_RATES[name] } : method;
}

const secondsWindow = (index: number): FieldSpec[] => [
  timestamp(at(index, 'start_ts'), 'unixSeconds'),
  timestamp(at(index, 'end_ts'), 'unixSeconds'),
];

const eventFields = (person: 'personId' | 'anonymousId'): FieldSpec[] => [
  field(person, at(0)),
  // The Track API rejects event names longer than 100 bytes (400, "invalid-api-requests").
  { ...field('eventName', at(1, 'name')), maxBytes: 100 },
  field('eventProperties', at(1, 'data')),
  timestamp(at(1, 'timestamp'), 'unixSeconds'),
];

// The region is one of the exported `Region` objects; the constructor throws on anything else
// (`'eu'` included). `url` replaces the region's host (a proxy, a mock server).
const REGIONS: RegionSpec = {
  by: 'export',
  values: { US: 'RegionUS', EU: 'RegionEU' },
  default: 'US',
  overrides: ['url'],
};

// Public fields the constructors set up, documented nowhere (`dist/lib/*.d.ts`, README): the
// transport and the base URLs built from the region. Any patch release may reshape them.
const TRANSPORT: InternalMember = { name: 'request', instead: "the client's own methods" };
const OPTIONS: InternalMember = { name: 'defaults', instead: 'the options passed to the constructor' };
const baseUrl = (name: string): InternalMember => ({ name, instead: 'the `region` or `url` you pass to the constructor' });

const trackClient: ClientSpec = {
  name: 'TrackClient',
  kind: 'client',
  construct: 'new',
  ctorFields: [
    credential(at(0), 'cio.siteId'),
    credential(at(1), 'cio.trackApiKey'),
    field('options', at(2)),
    field('region', at(2, 'region')),
  ],
  methods: [
    promise('identify', 'identify', [
      field('personId', at(0)),
      { ...attributes(at(1), SECONDS_ATTRIBUTES), phoneKeys: PHONE_ATTRIBUTES },
    ]),
    promise('track', 'track', eventFields('personId')),
    promise('trackAnonymous', 'track', eventFields('anonymousId')),
    promise('trackPageView', 'page', [field('personId', at(0))]),
    promise('trackPush', 'other', [timestamp(at(0, 'timestamp'), 'unixSeconds')]),
    promise('destroy', 'delete', [field('personId', at(0))]),
    promise('suppress', 'other', [field('personId', at(0))]),
    promise('unsuppress', 'other', [field('personId', at(0))]),
    promise('addDevice', 'other', [field('personId', at(0)), timestamp(at(3, 'last_used'), 'unixSeconds')]),
    promise('deleteDevice', 'other', [field('personId', at(0))]),
    promise('mergeCustomers', 'other', [typedPersonId(at(1), at(0)), typedPersonId(at(3), at(2))]),
    promise('reportMetric', 'other', [timestamp(at(0, 'timestamp'), 'unixSeconds')]),
    promise('submitForm', 'other'),
    promise('batch', 'other'),
    promise('entity', 'other'),
    promise('addCustomersToSegment', 'other'),
    promise('removeCustomersFromSegment', 'other'),
    promise('getAccountRegion', 'other'),
    promise('unsubscribe', 'other'),
  ],
  // Track API fair use is about 100 requests per second per workspace; `batch` (customerio-node 5)
  // sends many people and events in one request.
  rateLimit: { perSecond: 100 },
  batchMethod: 'batch',
  region: REGIONS,
  internals: [TRANSPORT, OPTIONS, baseUrl('trackRoot'), baseUrl('trackV2Root')],
};

const apiClient: ClientSpec = {
  name: 'APIClient',
  kind: 'client',
  construct: 'new',
  ctorFields: [credential(at(0), 'cio.appApiKey'), field('options', at(1)), field('region', at(1, 'region'))],
  methods: [
    promise('sendEmail', 'send', [field('request', at(0))]),
    promise('sendPush', 'send', [field('request', at(0))]),
    promise('sendSMS', 'send', [field('request', at(0))]),
    promise('sendWhatsApp', 'send', [field('request', at(0))]),
    promise('sendInboxMessage', 'send', [field('request', at(0))]),
    promise('sendInApp', 'send', [field('request', at(0))]),
    promise('triggerBroadcast', 'send', [field('broadcastData', at(1)), field('recipients', at(2))]),
    promise('getCustomersByEmail', 'other', [field('email', at(0))]),
    promise('getAttributes', 'other', [typedPersonId(at(0), at(1))]),
    // Message listings filter by a window of Unix seconds.
    promise('getCustomerMessages', 'other', [typedPersonId(at(0), at(1, 'idType')), ...secondsWindow(1)]),
    promise('getTransactionalMessageDeliveries', 'other', secondsWindow(1)),
    promise('getCampaignMessages', 'other', secondsWindow(1)),
    promise('getBroadcastMessages', 'other', secondsWindow(1)),
  ],
  // The App API client has some 160 methods; the unlisted ones are promises too.
  unlistedMethodsReturn: 'promise',
  // The App API allows about 10 requests per second.
  rateLimit: { perSecond: 10 },
  region: REGIONS,
  internals: [TRANSPORT, OPTIONS, baseUrl('apiRoot'), { name: 'resourceBase', instead: "the client's own methods" }],
};

/** Data Pipelines payloads: `{ userId | anonymousId, event, properties, traits, timestamp }`. */
export function pipelinesMethods(returns: MethodSpec['returns']): MethodSpec[] {
  const common = (): FieldSpec[] => [
    field('personId', at(0, 'userId')),
    field('anonymousId', at(0, 'anonymousId')),
    timestamp(at(0, 'timestamp'), 'isoOrDate'),
  ];
  return [
    {
      name: 'identify',
      kind: 'identify',
      returns,
      fields: [...common(), { ...attributes(at(0, 'traits')), phoneKeys: PHONE_ATTRIBUTES }],
    },
    {
      name: 'track',
      kind: 'track',
      returns,
      fields: [...common(), field('eventName', at(0, 'event')), field('eventProperties', at(0, 'properties'))],
    },
    { name: 'page', kind: 'page', returns, fields: common() },
    { name: 'screen', kind: 'page', returns, fields: common() },
    { name: 'group', kind: 'other', returns, fields: [...common(), attributes(at(0, 'traits'))] },
    { name: 'alias', kind: 'other', returns, fields: [field('personId', at(0, 'userId'))] },
  ];
}

const pipelinesClient: ClientSpec = {
  name: 'PipelinesClient',
  kind: 'client',
  construct: 'new',
  ctorFields: [credential(at(0), 'cio.pipelinesWriteKey'), field('options', at(1)), field('region', at(1, 'region'))],
  // customerio-node's Pipelines client posts at once: promises, no queue.
  methods: [...pipelinesMethods('promise'), { name: 'batch', kind: 'other', returns: 'promise', fields: [] }],
  // `batch` sends many calls in one request (`no-unbounded-sdk-fanout`).
  batchMethod: 'batch',
  region: REGIONS,
  internals: [
    TRANSPORT,
    OPTIONS,
    baseUrl('pipelinesRoot'),
    { name: 'envelope', instead: "the client's own methods" },
    { name: 'autoContext', instead: 'the `defaultContext` constructor option' },
  ],
};

// Transactional SMS and WhatsApp go to phone numbers in E.164 (`to`, and WhatsApp's `from`).
const PHONE_KEYS_OF_REQUEST: Readonly<Record<string, readonly string[]>> = {
  SendSMSRequest: ['to'],
  SendWhatsAppRequest: ['to', 'from'],
};

const sendRequest = (name: string): ClientSpec => ({
  name,
  kind: 'request',
  construct: 'new',
  ctorFields: [
    field('payload', at(0)),
    field('recipients', at(0, 'to')),
    field('personId', at(0, 'identifiers', 'id')),
    field('email', at(0, 'identifiers', 'email')),
    timestamp(at(0, 'send_at'), 'unixSeconds'),
    ...(PHONE_KEYS_OF_REQUEST[name] ?? []).map((key) => field('phone', at(0, key))),
  ],
  methods: [],
});

const region = (name: string): ClientSpec => ({ name, kind: 'region', construct: 'new', ctorFields: [], methods: [] });

const SEND_REQUESTS = [
  'SendEmailRequest',
  'SendPushRequest',
  'SendSMSRequest',
  'SendWhatsAppRequest',
  'SendInboxMessageRequest',
  'SendInAppRequest',
];

const construct = (client: string): ExportSpec => ({ kind: 'construct', client });
const value: ExportSpec = { kind: 'value' };

const currentExports: Record<string, ExportSpec> = {
  TrackClient: construct('TrackClient'),
  APIClient: construct('APIClient'),
  PipelinesClient: construct('PipelinesClient'),
  Region: construct('Region'),
  RegionUS: value,
  RegionEU: value,
  IdentifierType: value,
  FilterOperator: value,
  DeliveryExportMetric: value,
  CustomerIORequestError: value,
  MissingParamError: value,
  verifyRequestSignature: value,
  ...Object.fromEntries(SEND_REQUESTS.map((name) => [name, construct(name)])),
};

/**
 * Call-shape facts for `valid-call-signatures`, `valid-send-request` and
 * `no-recipients-in-broadcast-data`, merged into the method tables by name.
 * Argument counts are those of customerio-node 5.2.0 (`dist/lib/track.js`, `api.js`; the same in
 * 3.x and 4.x): with fewer arguments the method throws a `MissingParamError` before sending (or the
 * API rejects the request), and extra arguments are ignored.
 */
type CallShape = Pick<MethodSpec, 'arity' | 'legacyArity' | 'payloadIdKey' | 'requiresInstanceOf' | 'misplacedKeys'>;
const takes = (min: number, max = min): CallShape => ({ arity: { min, max } });
/** Each transactional send checks `instanceof` its request class and throws otherwise. */
const sendsRequest = (client: string): CallShape => ({ ...takes(1), requiresInstanceOf: { index: 0, client } });

const TRACK_CALL_SHAPES: Readonly<Record<string, CallShape>> = {
  identify: { ...takes(1, 2), payloadIdKey: 'id' },
  // Both throw without `data.name`: the event object is required.
  track: { ...takes(2), payloadIdKey: 'id' },
  // 3.0.0 made the anonymous id the first argument; 2.x took the event object alone.
  trackAnonymous: { ...takes(2), legacyArity: { versions: '<3', min: 1, max: 1 }, payloadIdKey: 'anonymous_id' },
  trackPageView: takes(2),
  trackPush: takes(0, 1),
  destroy: takes(1),
  suppress: takes(1),
  unsuppress: takes(1),
  addDevice: takes(3, 4),
  deleteDevice: takes(2),
  mergeCustomers: takes(4),
  reportMetric: takes(1),
  submitForm: takes(2),
  batch: takes(1),
  entity: takes(1),
  addCustomersToSegment: takes(2, 3),
  removeCustomersFromSegment: takes(2, 3),
  getAccountRegion: takes(0),
  unsubscribe: takes(1, 2),
};

const API_CALL_SHAPES: Readonly<Record<string, CallShape>> = {
  sendEmail: sendsRequest('SendEmailRequest'),
  sendPush: sendsRequest('SendPushRequest'),
  sendSMS: sendsRequest('SendSMSRequest'),
  sendWhatsApp: sendsRequest('SendWhatsAppRequest'),
  sendInboxMessage: sendsRequest('SendInboxMessageRequest'),
  sendInApp: sendsRequest('SendInAppRequest'),
  triggerBroadcast: {
    ...takes(1, 3),
    // The recipient selectors (`BROADCASTS_ALLOWED_RECIPIENT_FIELDS` in `dist/lib/api.js`) are read
    // from the third argument only; in the second they are Liquid data, and the broadcast goes to
    // its whole configured audience.
    misplacedKeys: {
      index: 1,
      keys: ['ids', 'emails', 'per_user_data', 'data_file_url'],
      companions: ['id_ignore_missing', 'email_ignore_missing', 'email_add_duplicates'],
      belongsAt: 2,
      label: 'recipients',
    },
  },
  getCustomersByEmail: takes(1),
  getAttributes: takes(1, 2),
  getCustomerMessages: takes(1, 2),
  getTransactionalMessageDeliveries: takes(1, 2),
  getCampaignMessages: takes(1, 2),
  getBroadcastMessages: takes(1, 2),
};

function withCallShapes(client: ClientSpec, shapes: Readonly<Record<string, CallShape>>): ClientSpec {
  return { ...client, methods: client.methods.map((method) => ({ ...method, ...shapes[method.name] })) };
}

export const customerioNode: SdkDescriptor = {
  id: 'customerio-node',
  displayName: 'Customer.io (customerio-node)',
  versions: '2.x – 5.x',
  checkedAgainst: '5.2.0',
  modules: [
    // 3.x and later: one entry point with named exports; the default import is the exports object.
    { specifier: 'customerio-node', exports: currentExports, versions: '>=3' },
    // 2.x and earlier: the module itself is the Track client class, with sub-path modules.
    {
      specifier: 'customerio-node',
      exports: {},
      default: construct('TrackClient'),
      versions: '<3',
    },
    {
      specifier: 'customerio-node/api',
      exports: { APIClient: construct('APIClient'), SendEmailRequest: construct('SendEmailRequest') },
      versions: '<3',
    },
    { specifier: 'customerio-node/regions', exports: { RegionUS: value, RegionEU: value }, versions: '<3' },
  ],
  clients: [
    withCallShapes(trackClient, TRACK_CALL_SHAPES),
    withCallShapes(apiClient, API_CALL_SHAPES),
    pipelinesClient,
    region('Region'),
    ...SEND_REQUESTS.map(sendRequest),
  ],
  credentials: [
    { kind: 'cio.siteId', label: 'site ID', secret: false, envName: 'CUSTOMERIO_SITE_ID', shape: /^[0-9a-f]{20}$/ },
    {
      kind: 'cio.trackApiKey',
      label: 'Track API key',
      secret: true,
      envName: 'CUSTOMERIO_TRACK_API_KEY',
      shape: /^[0-9a-f]{20}$/,
    },
    {
      kind: 'cio.appApiKey',
      label: 'App API key',
      secret: true,
      envName: 'CUSTOMERIO_APP_API_KEY',
      shape: /^[0-9a-f]{32}$/,
    },
    {
      kind: 'cio.pipelinesWriteKey',
      label: 'Data Pipelines write key',
      secret: true,
      envName: 'CUSTOMERIO_WRITE_KEY',
    },
  ],
  hosts: {
    US: ['track.customer.io', 'api.customer.io', 'cdp.customer.io'],
    EU: ['track-eu.customer.io', 'api-eu.customer.io', 'cdp-eu.customer.io'],
  },
  rawApi: {
    endpoints: [
      {
        hosts: ['track.customer.io', 'track-eu.customer.io'],
        paths: ['/api/v1/**', '/api/v2/**'],
        use: '`TrackClient` (`identify`, `track`, `trackAnonymous`, …)',
      },
      {
        hosts: ['api.customer.io', 'api-eu.customer.io'],
        paths: ['/v1/**'],
        use: '`APIClient` (`sendEmail`, `triggerBroadcast`, `getCustomersByEmail`, …)',
      },
      { hosts: ['cdp.customer.io', 'cdp-eu.customer.io'], paths: ['/v1/**'], use: '`PipelinesClient` (5.x)' },
    ],
    handles:
      "picks the region's host, sends each API's own authorization (Basic for Track, Bearer for App) and, since 5.0, retries 429 and 5xx responses with backoff",
  },
  // Track, App and Pipelines keys are secrets: the package belongs on a server.
  serverOnly: true,
  browserAlternative: '`@customerio/cdp-analytics-browser` (or the JavaScript snippet) with a public write key',
  // No sub-path is exported since 5.0 (`exports: {".": …}`): these fail in Node, and move between releases.
  internalPaths: ['dist', 'lib'],
};
