import { at, attributes, credential, field, timestamp } from './fields.js';
import type { ClientSpec, DateKeys, ExportSpec, FieldSpec, MethodSpec, SdkDescriptor } from './types.js';

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

function promise(name: string, kind: MethodSpec['kind'], fields: FieldSpec[] = []): MethodSpec {
  return { name, kind, returns: 'promise', fields };
}

const secondsWindow = (index: number): FieldSpec[] => [
  timestamp(at(index, 'start_ts'), 'unixSeconds'),
  timestamp(at(index, 'end_ts'), 'unixSeconds'),
];

const eventFields = (person: 'personId' | 'anonymousId'): FieldSpec[] => [
  field(person, at(0)),
  field('eventName', at(1, 'name')),
  field('eventProperties', at(1, 'data')),
  timestamp(at(1, 'timestamp'), 'unixSeconds'),
];

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
    promise('identify', 'identify', [field('personId', at(0)), attributes(at(1), SECONDS_ATTRIBUTES)]),
    promise('track', 'track', eventFields('personId')),
    promise('trackAnonymous', 'track', eventFields('anonymousId')),
    promise('trackPageView', 'page', [field('personId', at(0))]),
    promise('trackPush', 'other', [timestamp(at(0, 'timestamp'), 'unixSeconds')]),
    promise('destroy', 'delete', [field('personId', at(0))]),
    promise('suppress', 'other', [field('personId', at(0))]),
    promise('unsuppress', 'other', [field('personId', at(0))]),
    promise('addDevice', 'other', [field('personId', at(0)), timestamp(at(3, 'last_used'), 'unixSeconds')]),
    promise('deleteDevice', 'other', [field('personId', at(0))]),
    promise('mergeCustomers', 'other', [field('personId', at(1)), field('personId', at(3))]),
    promise('reportMetric', 'other', [timestamp(at(0, 'timestamp'), 'unixSeconds')]),
    promise('submitForm', 'other'),
    promise('batch', 'other'),
    promise('entity', 'other'),
    promise('addCustomersToSegment', 'other'),
    promise('removeCustomersFromSegment', 'other'),
    promise('getAccountRegion', 'other'),
    promise('unsubscribe', 'other'),
  ],
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
    promise('getAttributes', 'other', [field('personId', at(0))]),
    // Message listings filter by a window of Unix seconds.
    promise('getCustomerMessages', 'other', [field('personId', at(0)), ...secondsWindow(1)]),
    promise('getTransactionalMessageDeliveries', 'other', secondsWindow(1)),
    promise('getCampaignMessages', 'other', secondsWindow(1)),
    promise('getBroadcastMessages', 'other', secondsWindow(1)),
  ],
  // The App API client has some 160 methods; the unlisted ones are promises too.
  unlistedMethodsReturn: 'promise',
};

/** Data Pipelines payloads: `{ userId | anonymousId, event, properties, traits, timestamp }`. */
export function pipelinesMethods(returns: MethodSpec['returns']): MethodSpec[] {
  const common = (): FieldSpec[] => [
    field('personId', at(0, 'userId')),
    field('anonymousId', at(0, 'anonymousId')),
    timestamp(at(0, 'timestamp'), 'isoOrDate'),
  ];
  return [
    { name: 'identify', kind: 'identify', returns, fields: [...common(), attributes(at(0, 'traits'))] },
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

export const customerioNode: SdkDescriptor = {
  id: 'customerio-node',
  displayName: 'Customer.io (customerio-node)',
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
  clients: [trackClient, apiClient, pipelinesClient, region('Region'), ...SEND_REQUESTS.map(sendRequest)],
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
};
