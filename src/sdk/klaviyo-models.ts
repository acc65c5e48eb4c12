import type { PayloadAttribute, PayloadModel } from './types.js';

/**
 * The request models of `klaviyo-api` 6 and later, transcribed from the `attributeTypeMap` of each
 * model in the package (`model/*.ts`, version 23.0.0). `ObjectSerializer.serialize` copies only
 * the attributes a model lists, each under its wire key (`uniqueId` goes out as `unique_id`), so a
 * key written as the wire name is dropped without an error. Attributes typed `object`
 * (`properties`) and `Date` are sent as they are.
 *
 * Only models on a path to a renamed attribute are listed, with all their attributes; a rule never
 * looks inside an attribute that has no model here. `tests/coverage/klaviyo.test.ts` checks these
 * tables against the installed package.
 */

type Nested = Readonly<Record<string, PayloadModel | readonly [PayloadModel]>>;

/** `name` or `name=wire_key`, separated by white space; `[model]` for an array of models. */
function model(name: string, attributes: string, nested: Nested = {}): PayloadModel {
  const entries = attributes
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [attribute, wire] = entry.split('=');
      const inner = Object.hasOwn(nested, attribute) ? nested[attribute] : undefined;
      const shape: PayloadAttribute = !inner ? {} : 'name' in inner ? { model: inner } : { model: inner[0], list: true };
      return [attribute, { ...(wire ? { wire } : {}), ...shape }] as const;
    });
  return { name, attributes: Object.fromEntries(entries) };
}

const onsiteProfileMeta = model(
  'OnsiteProfileMeta',
  'patchProperties=patch_properties patchIdentifiers=patch_identifiers',
);
const eventProfileCreateQueryROAttributes = model(
  'EventProfileCreateQueryResourceObjectAttributes',
  `
    email phoneNumber=phone_number externalId=external_id anonymousId=anonymous_id kx=_kx
    firstName=first_name lastName=last_name organization locale title image location properties meta
  `,
  { meta: onsiteProfileMeta },
);
const eventProfileCreateQueryRO = model(
  'EventProfileCreateQueryResourceObject',
  'type id attributes',
  { attributes: eventProfileCreateQueryROAttributes },
);
const eventCreateQueryV2ROAttributesProfile = model(
  'EventCreateQueryV2ResourceObjectAttributesProfile',
  'data',
  { data: eventProfileCreateQueryRO },
);
const eventCreateQueryV2ROAttributes = model(
  'EventCreateQueryV2ResourceObjectAttributes',
  'properties time value valueCurrency=value_currency uniqueId=unique_id backfill metric profile',
  { profile: eventCreateQueryV2ROAttributesProfile },
);
const eventCreateQueryV2RO = model(
  'EventCreateQueryV2ResourceObject',
  'type attributes',
  { attributes: eventCreateQueryV2ROAttributes },
);
const eventCreateQueryV2 = model('EventCreateQueryV2', 'data', { data: eventCreateQueryV2RO });
const onsiteProfileCreateQueryROAttributes = model(
  'OnsiteProfileCreateQueryResourceObjectAttributes',
  `
    email phoneNumber=phone_number externalId=external_id anonymousId=anonymous_id kx=_kx
    firstName=first_name lastName=last_name organization locale title image location properties
  `,
);
const onsiteProfileCreateQueryRO = model(
  'OnsiteProfileCreateQueryResourceObject',
  'type id attributes meta',
  { attributes: onsiteProfileCreateQueryROAttributes, meta: onsiteProfileMeta },
);
const eventsBulkCreateQueryROAttributesProfile = model(
  'EventsBulkCreateQueryResourceObjectAttributesProfile',
  'data',
  { data: onsiteProfileCreateQueryRO },
);
const baseEventCreateQueryBulkEntryROAttributes = model(
  'BaseEventCreateQueryBulkEntryResourceObjectAttributes',
  'properties time value valueCurrency=value_currency backfill metric uniqueId=unique_id',
);
const baseEventCreateQueryBulkEntryRO = model(
  'BaseEventCreateQueryBulkEntryResourceObject',
  'type attributes',
  { attributes: baseEventCreateQueryBulkEntryROAttributes },
);
const eventsBulkCreateQueryROAttributesEvents = model(
  'EventsBulkCreateQueryResourceObjectAttributesEvents',
  'data',
  { data: [baseEventCreateQueryBulkEntryRO] },
);
const eventsBulkCreateQueryROAttributes = model(
  'EventsBulkCreateQueryResourceObjectAttributes',
  'backfill profile events',
  { profile: eventsBulkCreateQueryROAttributesProfile, events: eventsBulkCreateQueryROAttributesEvents },
);
const eventsBulkCreateQueryRO = model(
  'EventsBulkCreateQueryResourceObject',
  'type attributes',
  { attributes: eventsBulkCreateQueryROAttributes },
);
const eventsBulkCreateJobROAttributesEventsBulkCreate = model(
  'EventsBulkCreateJobResourceObjectAttributesEventsBulkCreate',
  'data',
  { data: [eventsBulkCreateQueryRO] },
);
const eventsBulkCreateJobROAttributes = model(
  'EventsBulkCreateJobResourceObjectAttributes',
  'eventsBulkCreate=events-bulk-create',
  { eventsBulkCreate: eventsBulkCreateJobROAttributesEventsBulkCreate },
);
const eventsBulkCreateJobRO = model(
  'EventsBulkCreateJobResourceObject',
  'type attributes',
  { attributes: eventsBulkCreateJobROAttributes },
);
const eventsBulkCreateJob = model('EventsBulkCreateJob', 'data', { data: eventsBulkCreateJobRO });
const profileCreateQueryROAttributes = model(
  'ProfileCreateQueryResourceObjectAttributes',
  `
    email phoneNumber=phone_number externalId=external_id firstName=first_name lastName=last_name
    organization locale title image location properties
  `,
);
const profileCreateQueryRO = model(
  'ProfileCreateQueryResourceObject',
  'type attributes',
  { attributes: profileCreateQueryROAttributes },
);
const profileCreateQuery = model('ProfileCreateQuery', 'data', { data: profileCreateQueryRO });
const profileUpsertQueryROAttributes = model(
  'ProfileUpsertQueryResourceObjectAttributes',
  `
    email phoneNumber=phone_number externalId=external_id kx=_kx firstName=first_name
    lastName=last_name organization locale title image location properties
  `,
);
const profileMeta = model(
  'ProfileMeta',
  'patchProperties=patch_properties patchIdentifiers=patch_identifiers',
);
const profileUpsertQueryRO = model(
  'ProfileUpsertQueryResourceObject',
  'type id attributes meta',
  { attributes: profileUpsertQueryROAttributes, meta: profileMeta },
);
const profileUpsertQuery = model('ProfileUpsertQuery', 'data', { data: profileUpsertQueryRO });
const profilePartialUpdateQueryRO = model(
  'ProfilePartialUpdateQueryResourceObject',
  'type id attributes meta',
  { attributes: profileCreateQueryROAttributes, meta: profileMeta },
);
const profilePartialUpdateQuery = model(
  'ProfilePartialUpdateQuery',
  'data',
  { data: profilePartialUpdateQueryRO },
);
const profileImportJobCreateQueryROAttributesProfiles = model(
  'ProfileImportJobCreateQueryResourceObjectAttributesProfiles',
  'data',
  { data: [profileUpsertQueryRO] },
);
const profileImportJobCreateQueryROAttributes = model(
  'ProfileImportJobCreateQueryResourceObjectAttributes',
  'profiles',
  { profiles: profileImportJobCreateQueryROAttributesProfiles },
);
const profileImportJobCreateQueryRO = model(
  'ProfileImportJobCreateQueryResourceObject',
  'type attributes relationships',
  { attributes: profileImportJobCreateQueryROAttributes },
);
const profileImportJobCreateQuery = model(
  'ProfileImportJobCreateQuery',
  'data',
  { data: profileImportJobCreateQueryRO },
);
const subscriptionParameters = model('SubscriptionParameters', 'consent consentedAt=consented_at');
const emailSubscriptionParameters = model(
  'EmailSubscriptionParameters',
  'marketing openTracking=open_tracking',
  { marketing: subscriptionParameters },
);
const smsSubscriptionParameters = model(
  'SMSSubscriptionParameters',
  'marketing transactional',
  { marketing: subscriptionParameters, transactional: subscriptionParameters },
);
const whatsAppSubscriptionParameters = model(
  'WhatsAppSubscriptionParameters',
  'marketing transactional',
  { marketing: subscriptionParameters, transactional: subscriptionParameters },
);
const pushTokenDeviceMetadata = model(
  'PushTokenDeviceMetadata',
  `
    deviceId=device_id klaviyoSdk=klaviyo_sdk sdkVersion=sdk_version deviceModel=device_model
    osName=os_name osVersion=os_version manufacturer appName=app_name appVersion=app_version
    appBuild=app_build appId=app_id environment
  `,
);
const pushTokenEntry = model(
  'PushTokenEntry',
  `
    token platform vendor enablementStatus=enablement_status background
    deviceMetadata=device_metadata
  `,
  { deviceMetadata: pushTokenDeviceMetadata },
);
const pushSubscriptionParameters = model(
  'PushSubscriptionParameters',
  'marketing tokens anonymousId=anonymous_id',
  { marketing: subscriptionParameters, tokens: [pushTokenEntry] },
);
const subscriptionChannels = model(
  'SubscriptionChannels',
  'email sms whatsapp push',
  { email: emailSubscriptionParameters, sms: smsSubscriptionParameters, whatsapp: whatsAppSubscriptionParameters, push: pushSubscriptionParameters },
);
const profileSubscriptionCreateQueryROAttributes = model(
  'ProfileSubscriptionCreateQueryResourceObjectAttributes',
  'email phoneNumber=phone_number subscriptions ageGatedDateOfBirth=age_gated_date_of_birth',
  { subscriptions: subscriptionChannels },
);
const profileSubscriptionCreateQueryRO = model(
  'ProfileSubscriptionCreateQueryResourceObject',
  'type id attributes',
  { attributes: profileSubscriptionCreateQueryROAttributes },
);
const subscriptionCreateJobCreateQueryROAttributesProfiles = model(
  'SubscriptionCreateJobCreateQueryResourceObjectAttributesProfiles',
  'data',
  { data: [profileSubscriptionCreateQueryRO] },
);
const subscriptionCreateJobCreateQueryROAttributes = model(
  'SubscriptionCreateJobCreateQueryResourceObjectAttributes',
  'customSource=custom_source profiles historicalImport=historical_import',
  { profiles: subscriptionCreateJobCreateQueryROAttributesProfiles },
);
const subscriptionCreateJobCreateQueryRO = model(
  'SubscriptionCreateJobCreateQueryResourceObject',
  'type attributes relationships',
  { attributes: subscriptionCreateJobCreateQueryROAttributes },
);
const subscriptionCreateJobCreateQuery = model(
  'SubscriptionCreateJobCreateQuery',
  'data',
  { data: subscriptionCreateJobCreateQueryRO },
);
const emailUnsubscriptionParameters = model(
  'EmailUnsubscriptionParameters',
  'marketing openTracking=open_tracking',
);
const pushUnsubscriptionParameters = model(
  'PushUnsubscriptionParameters',
  'marketing tokens',
  { tokens: [pushTokenEntry] },
);
const unsubscriptionChannels = model(
  'UnsubscriptionChannels',
  'email sms whatsapp push',
  { email: emailUnsubscriptionParameters, push: pushUnsubscriptionParameters },
);
const profileSubscriptionDeleteQueryROAttributes = model(
  'ProfileSubscriptionDeleteQueryResourceObjectAttributes',
  'email phoneNumber=phone_number subscriptions',
  { subscriptions: unsubscriptionChannels },
);
const profileSubscriptionDeleteQueryRO = model(
  'ProfileSubscriptionDeleteQueryResourceObject',
  'type attributes',
  { attributes: profileSubscriptionDeleteQueryROAttributes },
);
const subscriptionDeleteJobCreateQueryROAttributesProfiles = model(
  'SubscriptionDeleteJobCreateQueryResourceObjectAttributesProfiles',
  'data',
  { data: [profileSubscriptionDeleteQueryRO] },
);
const subscriptionDeleteJobCreateQueryROAttributes = model(
  'SubscriptionDeleteJobCreateQueryResourceObjectAttributes',
  'profiles',
  { profiles: subscriptionDeleteJobCreateQueryROAttributesProfiles },
);
const subscriptionDeleteJobCreateQueryRO = model(
  'SubscriptionDeleteJobCreateQueryResourceObject',
  'type attributes relationships',
  { attributes: subscriptionDeleteJobCreateQueryROAttributes },
);
const subscriptionDeleteJobCreateQuery = model(
  'SubscriptionDeleteJobCreateQuery',
  'data',
  { data: subscriptionDeleteJobCreateQueryRO },
);
const listMembersAddQuery = model('ListMembersAddQuery', 'data');

/** The body argument of each method, by method name (aliases take their method's). */
export const KLAVIYO_BODY_MODELS: Readonly<Record<string, { index: number; model: PayloadModel }>> = {
  createEvent: { index: 0, model: eventCreateQueryV2 },
  bulkCreateEvents: { index: 0, model: eventsBulkCreateJob },
  createProfile: { index: 0, model: profileCreateQuery },
  createOrUpdateProfile: { index: 0, model: profileUpsertQuery },
  updateProfile: { index: 1, model: profilePartialUpdateQuery },
  bulkImportProfiles: { index: 0, model: profileImportJobCreateQuery },
  bulkSubscribeProfiles: { index: 0, model: subscriptionCreateJobCreateQuery },
  bulkUnsubscribeProfiles: { index: 0, model: subscriptionDeleteJobCreateQuery },
  addProfilesToList: { index: 1, model: listMembersAddQuery },
};
