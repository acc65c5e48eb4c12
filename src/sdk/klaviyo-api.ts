import { at, attributes, credential, field, timestamp } from './fields.js';
import type { ClientSpec, ExportSpec, MethodSpec, SdkDescriptor } from './types.js';

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
    { name: 'updateProfile', kind: 'identify', returns: 'promise', fields: [field('personId', at(0))] },
  ],
};

const apiClass = (resource: (typeof RESOURCES)[number]): ClientSpec => ({
  name: `${resource}Api`,
  kind: 'client',
  construct: 'new',
  ctorFields: [field('options', at(0))],
  methods: METHODS[resource] ?? [],
  unlistedMethodsReturn: 'promise',
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
};
