import { at, attributes, credential, field, timestamp } from './fields.js';
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
    },
  ],
  Profiles: [
    { name: 'createProfile', kind: 'identify', returns: 'promise', fields: profileFields },
    { name: 'createOrUpdateProfile', kind: 'identify', returns: 'promise', fields: profileFields },
    {
      name: 'updateProfile',
      kind: 'identify',
      returns: 'promise',
      // The body's phone number must be E.164 like on create (`valid-phone-numbers`).
      fields: [field('personId', at(0)), field('phone', at(1, ...BODY, 'phoneNumber'))],
    },
  ],
};

// Documented burst and steady rates of the write methods (their doc comments in `dist/api/*.d.ts`),
// and the bulk endpoints that replace one request per record (`no-unbounded-sdk-fanout`).
const RATES: Readonly<Record<string, RateLimit>> = {
  createEvent: { burstPerSecond: 350, perMinute: 3500 },
  createProfile: { burstPerSecond: 75, perMinute: 750 },
  createOrUpdateProfile: { burstPerSecond: 75, perMinute: 750 },
  updateProfile: { burstPerSecond: 75, perMinute: 750 },
};
const BATCH_METHODS: Partial<Record<(typeof RESOURCES)[number], string>> = {
  Events: 'bulkCreateEvents',
  Profiles: 'bulkImportProfiles',
};
const withRate = (method: MethodSpec): MethodSpec =>
  Object.hasOwn(RATES, method.name) ? { ...method, rateLimit: RATES[method.name] } : method;

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
  methods: (METHODS[resource] ?? []).map(withRate),
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
  // The private `pk_…` key can read and change every profile: server only.
  serverOnly: true,
  browserAlternative: 'the klaviyo.js onsite script with your public key (site ID)',
  // `main` is `dist/api.js`; the package also ships its TypeScript sources.
  internalPaths: ['dist', 'api', 'model', 'util'],
};
