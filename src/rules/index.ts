import type { TSESLint } from '@typescript-eslint/utils';
import type { CdpJsonRule } from '../util/create-rule.js';
import consistentAttributeTypes from './consistent-attribute-types.js';
import eventNameCasing from './event-name-casing.js';
import identifyBeforeTrack from './identify-before-track.js';
import noBlockingSdkCalls from './no-blocking-sdk-calls.js';
import noClientPerRequest from './no-client-per-request.js';
import noDynamicEventNames from './no-dynamic-event-names.js';
import noEmailAsIdentifier from './no-email-as-identifier.js';
import noFloatingSdkCalls from './no-floating-sdk-calls.js';
import noHardcodedCredentials from './no-hardcoded-credentials.js';
import noIgnoredPayloadKeys from './no-ignored-payload-keys.js';
import noLegacyImport from './no-legacy-import.js';
import noMismatchedCredentials from './no-mismatched-credentials.js';
import noRawApiRequests from './no-raw-api-requests.js';
import noRecipientsInBroadcastData from './no-recipients-in-broadcast-data.js';
import noSdkInternals from './no-sdk-internals.js';
import noServerSdkInBrowser from './no-server-sdk-in-browser.js';
import noUnauthenticatedSends from './no-unauthenticated-sends.js';
import noUnboundedSdkFanout from './no-unbounded-sdk-fanout.js';
import pinnedSdkVersions from './pinned-sdk-versions.js';
import preferUpsert from './prefer-upsert.js';
import requireErrorListener from './require-error-listener.js';
import requireEventUniqueId from './require-event-unique-id.js';
import requireFlush from './require-flush.js';
import requireIdentifyEmail from './require-identify-email.js';
import requireRegion from './require-region.js';
import validCallSignatures from './valid-call-signatures.js';
import validPhoneNumbers from './valid-phone-numbers.js';
import validSendRequest from './valid-send-request.js';
import validTimestamps from './valid-timestamps.js';

/** A rule for JavaScript and TypeScript, or one for another language (`meta.languages` says which). */
export type CdpRule =
  | (TSESLint.RuleModule<string, readonly unknown[]> & {
      meta: { docs?: { recommended?: 'recommended' | 'strict'; requiresTypeChecking?: boolean } };
    })
  | CdpJsonRule;

/** The registry: every rule the plugin ships, by name. */
export const rules: Record<string, CdpRule> = {
  'consistent-attribute-types': consistentAttributeTypes,
  'event-name-casing': eventNameCasing,
  'identify-before-track': identifyBeforeTrack,
  'no-blocking-sdk-calls': noBlockingSdkCalls,
  'no-client-per-request': noClientPerRequest,
  'no-dynamic-event-names': noDynamicEventNames,
  'no-email-as-identifier': noEmailAsIdentifier,
  'no-floating-sdk-calls': noFloatingSdkCalls,
  'no-hardcoded-credentials': noHardcodedCredentials,
  'no-ignored-payload-keys': noIgnoredPayloadKeys,
  'no-legacy-import': noLegacyImport,
  'no-mismatched-credentials': noMismatchedCredentials,
  'no-raw-api-requests': noRawApiRequests,
  'no-recipients-in-broadcast-data': noRecipientsInBroadcastData,
  'no-sdk-internals': noSdkInternals,
  'no-server-sdk-in-browser': noServerSdkInBrowser,
  'no-unauthenticated-sends': noUnauthenticatedSends,
  'no-unbounded-sdk-fanout': noUnboundedSdkFanout,
  'pinned-sdk-versions': pinnedSdkVersions,
  'prefer-upsert': preferUpsert,
  'require-error-listener': requireErrorListener,
  'require-event-unique-id': requireEventUniqueId,
  'require-flush': requireFlush,
  'require-identify-email': requireIdentifyEmail,
  'require-region': requireRegion,
  'valid-call-signatures': validCallSignatures,
  'valid-phone-numbers': validPhoneNumbers,
  'valid-send-request': validSendRequest,
  'valid-timestamps': validTimestamps,
};
