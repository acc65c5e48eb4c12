import { at, attributes, credential, field, timestamp } from './fields.js';
import { KLAVIYO_BODY_MODELS } from './klaviyo-models.js';
import type { ClientSpec, ExportSpec, InternalMember, MethodSpec, RateLimit, SdkDescriptor } from './types.js';

/**
 * `klaviyo-api`: one `*Api` class per resource, each built on a session that holds the private
 * key. Three generations coexist in real code: `ConfigWrapper(key)` with the global singletons
 * (`Profiles.createProfile`), `new GlobalApiKeySettings(key)` with the same singletons, and
 * `new ProfilesApi(new ApiKeySession(key))`. Every method is async and returns `{ response, body }`.
 */

/** The 23 resources: `ProfilesApi` is the class, `Profiles` its global singleton. */
const RESOURCES = [
  'Accounts', 'Campaigns', 'Catalogs', 'Client', 'Conversations', 'Coupons', 'CustomObjects',
  'DataPrivacy', 'Events', 'Flows', 'Forms', 'Images', 'Lists', 'Metrics', 'Profiles', 'Reporting',
  'Reviews', 'Segments', 'Tags', 'Templates', 'TrackingSettings', 'WebFeeds', 'Webhooks',
] as const;

const BODY = ['data', 'attributes'];
const PROFILE = [...BODY, 'profile', 'data', 'attributes'];

const profileFields = [
  field('email', at(0, ...BODY, 'email')),
  field('phone', at(0, ...BODY, 'phoneNumber')),
  field('personId', at(0, ...BODY, 'externalId')),
  attributes(at(0, ...BODY)),
];

const METHODS: Partial<Record<(typeof RESOURCES)[number], MethodSpec[]>> = {
  Events: [
    {
      name: 'createEvent',
      kind: 'track',
      returns: 'promise',
      fields: [
        field('payload', at(0, ...BODY)),
        field('eventName', at(0, ...BODY, 'metric', 'data', 'attributes', 'name')),
        field('eventProperties', at(0, ...BODY, 'properties')),
        timestamp(at(0, ...BODY, 'time'), 'date'),
        field('email', at(0, ...PROFILE, 'email')),
        field('phone', at(0, ...PROFILE, 'phoneNumber')),
        field('personId', at(0, ...PROFILE, 'externalId')),
      ],
      // Without a unique id the API keys an event on its profile, metric and second (model doc).
      dedupKey: {
        at: at(0, ...BODY, 'uniqueId'),
        merges: 'two events for the same profile and metric in the same second',
      },
    },
    { name: 'bulkCreateEvents', kind: 'other', returns: 'promise', fields: [] },
  ],
  Lists: [{ name: 'addProfilesToList', kind: 'other', returns: 'promise', fields: [] }],
  Profiles: [
    {
      name: 'createProfile',
      kind: 'identify',
      returns: 'promise',
      fields: profileFields,
      // 409 `duplicate_profile` when any identifier exists (`errors[0].meta.duplicate_profile_id`);
      // `createOrUpdateProfile` arrived in 8.0.0.
      conflict: {
        status: 409,
        code: 'duplicate_profile',
        upsert: 'createOrUpdateProfile',
        upsertVersions: '>=8',
        lookups: ['getProfiles', 'getProfile'],
      },
    },
    { name: 'createOrUpdateProfile', kind: 'identify', returns: 'promise', fields: profileFields },
    {
      name: 'updateProfile',
      kind: 'identify',
      returns: 'promise',
      // The body's phone number must be E.164 like on create (`valid-phone-numbers`).
      fields: [field('personId', at(0)), field('phone', at(1, ...BODY, 'phoneNumber'))],
    },
    { name: 'bulkImportProfiles', kind: 'other', returns: 'promise', fields: [] },
    { name: 'bulkSubscribeProfiles', kind: 'other', returns: 'promise', fields: [] },
    { name: 'bulkUnsubscribeProfiles', kind: 'other', returns: 'promise', fields: [] },
  ],
};

// Deprecated aliases the package assigns on the prototypes (`ProfilesApi.prototype.createProfileImport
// = …createOrUpdateProfile`): old code calls them, with the same body.
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  bulkCreateEvents: ['createEventBulkCreateJob'],
  addProfilesToList: ['createListRelationships', 'createListRelationshipsProfile', 'createListRelationshipsProfiles'],
  createOrUpdateProfile: ['createProfileImport'],
  bulkImportProfiles: ['spawnBulkProfileImportJob', 'createProfileBulkImportJob'],
  bulkSubscribeProfiles: ['subscribeProfiles', 'createProfileSubscriptionBulkCreateJob'],
  bulkUnsubscribeProfiles: ['unsubscribeProfiles', 'createProfileSubscriptionBulkDeleteJob'],
};

/** 6.0.0 replaced the raw JSON bodies of 5.x (snake_case on the wire as written) with models. */
const MODELS_SINCE = '>=6';

// Documented burst and steady rates of the write methods (their doc comments in `dist/api/*.d.ts`),
// and the bulk endpoints that replace one request per record (`no-unbounded-sdk-fanout`).
const RATES: Readonly<Record<string, RateLimit>> = {
  createEvent: { burstPerSecond: 350, perMinute: 3500 },
  createProfile: { burstPerSecond: 75, perMinute: 750 },
  createOrUpdateProfile: { burstPerSecond: 75, perMinute: 750 },
  updateProfile: { burstPerSecond: 75, perMinute: 750 },
  bulkCreateEvents: { burstPerSecond: 10, perMinute: 150 },
  addProfilesToList: { burstPerSecond: 10, perMinute: 150 },
  bulkImportProfiles: { burstPerSecond: 10, perMinute: 150 },
  bulkSubscribeProfiles: { burstPerSecond: 75, perMinute: 750 },
  bulkUnsubscribeProfiles: { burstPerSecond: 75, perMinute: 750 },
};
const BATCH_METHODS: Partial<Record<(typeof RESOURCES)[number], string>> = {
  Events: 'bulkCreateEvents',
  Profiles: 'bulkImportProfiles',
};
const withRate = (method: MethodSpec): MethodSpec =>
  Object.hasOwn(RATES, method.name) ? { ...method, rateLimit: RATES[method.name] } : method;
const withBody = (method: MethodSpec): MethodSpec =>
  Object.hasOwn(KLAVIYO_BODY_MODELS, method.name)
    ? { ...method, body: { ...KLAVIYO_BODY_MODELS[method.name], versions: MODELS_SINCE } }
    : method;
const withAliases = (method: MethodSpec): MethodSpec[] => [
  method,
  ...(ALIASES[method.name] ?? []).map((name) => ({ ...method, name })),
];

const INTERNALS: InternalMember[] = [
  { name: '_basePath', instead: 'the `basePath` accessor' },
  { name: '_defaultHeaders', instead: 'the `defaultHeaders` accessor' },
  { name: '_useQuerystring', instead: 'the `useQuerystring` setter' },
];

const apiClass = (resource: (typeof RESOURCES)[number]): ClientSpec => ({
  name: `${resource}Api`,
  kind: 'client',
  construct: 'new',
  ctorFields: [field('options', at(0))],
  methods: (METHODS[resource] ?? []).map((method) => withBody(withRate(method))).flatMap(withAliases),
  unlistedMethodsReturn: 'promise',
  ...(BATCH_METHODS[resource] ? { batchMethod: BATCH_METHODS[resource] } : {}),
  // Protected in the generated `dist/api/*Api.d.ts`; plain properties in JavaScript.
  internals: INTERNALS,
});

const session = (name: string, construct: ClientSpec['construct'], kind: ClientSpec['kind']): ClientSpec => ({
  name,
  kind,
  construct,
  ctorFields: [credential(at(0), 'klaviyo.privateKey')],
  methods: [],
});

const construct = (client: string): ExportSpec => ({ kind: 'construct', client });

const exportsMap: Record<string, ExportSpec> = {
  ApiKeySession: construct('ApiKeySession'),
  GlobalApiKeySettings: construct('GlobalApiKeySettings'),
  ConfigWrapper: construct('ConfigWrapper'),
  GlobalApiKeySession: { kind: 'value' },
  RetryWithExponentialBackoff: { kind: 'value' },
  OAuthApi: { kind: 'value' },
  OAuthSession: { kind: 'value' },
  OAuthBasicSession: { kind: 'value' },
  Klaviyo: { kind: 'namespace' },
  // `Auth.ApiKeySession` and friends: the session classes again, grouped.
  Auth: { kind: 'namespace' },
  ...Object.fromEntries(RESOURCES.map((r) => [`${r}Api`, construct(`${r}Api`)])),
  ...Object.fromEntries(RESOURCES.map((r) => [r, { kind: 'instance', client: `${r}Api` } satisfies ExportSpec])),
};

export const klaviyoApi: SdkDescriptor = {
  id: 'klaviyo-api',
  displayName: 'Klaviyo (klaviyo-api)',
  versions: '5.x – 23.x',
  checkedAgainst: '23.0.0',
  modules: [{ specifier: 'klaviyo-api', exports: exportsMap }],
  clients: [
    ...RESOURCES.map(apiClass),
    session('ApiKeySession', 'new', 'session'),
    session('GlobalApiKeySettings', 'new', 'config'),
    session('ConfigWrapper', 'call', 'config'),
  ],
  credentials: [
    {
      kind: 'klaviyo.privateKey',
      label: 'private API key',
      secret: true,
      envName: 'KLAVIYO_PRIVATE_API_KEY',
      shape: /^pk_[A-Za-z0-9]{34}$/,
      distinctive: true,
    },
    {
      kind: 'klaviyo.publicKey',
      label: 'public API key (site ID)',
      secret: false,
      envName: 'KLAVIYO_PUBLIC_API_KEY',
      shape: /^[A-Za-z0-9]{6}$/,
    },
  ],
  hosts: { US: ['a.klaviyo.com'], EU: [] },
  rawApi: {
    // Generated from the OpenAPI spec: every `/api/` endpoint has a method. The `/client/`
    // endpoints (public key, browser) were removed in 4.0.0, so nothing replaces those.
    endpoints: [
      { hosts: ['a.klaviyo.com'], paths: ['/api/**'], use: 'the `*Api` classes (`ProfilesApi`, `EventsApi`, …)' },
    ],
    handles: 'sends the API key header, pins the API `revision` it was built for and retries 429, 503 and 504 responses with exponential backoff',
    requiredHeaders: [
      {
        name: 'revision',
        // The revision klaviyo-api 23.x pins (`apis.ts`).
        example: '2026-07-15',
        paths: ['/api/**', '/client/**'],
        consequence: 'Klaviyo rejects every API request without it',
      },
    ],
  },
  // The private `pk_…` key can read and change every profile: server only.
  serverOnly: true,
  browserAlternative: 'the klaviyo.js onsite script with your public key (site ID)',
  // `main` is `dist/api.js`; the package also ships its TypeScript sources.
  internalPaths: ['dist', 'api', 'model', 'util'],
  // CHANGELOG: 10.0.0 sends revision 2024-05-15, 10.1.0 sends 2024-06-15.
  pinReason:
    'each klaviyo-api release hard-codes one Klaviyo API revision, and even a minor release can move to a newer one (10.1.0 did), which changes request validation and response shapes',
};
