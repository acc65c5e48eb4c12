import type { TSESLint } from '@typescript-eslint/utils';
import identifyBeforeTrack from './identify-before-track.js';
import noClientPerRequest from './no-client-per-request.js';
import noDynamicEventNames from './no-dynamic-event-names.js';
import noHardcodedCredentials from './no-hardcoded-credentials.js';
import noMismatchedCredentials from './no-mismatched-credentials.js';
import validTimestamps from './valid-timestamps.js';

export type CdpRule = TSESLint.RuleModule<string, readonly unknown[]> & {
  meta: { docs?: { recommended?: 'recommended' | 'strict'; requiresTypeChecking?: boolean } };
};

/** The registry: every rule the plugin ships, by name. */
export const rules: Record<string, CdpRule> = {
  'identify-before-track': identifyBeforeTrack,
  'no-client-per-request': noClientPerRequest,
  'no-dynamic-event-names': noDynamicEventNames,
  'no-hardcoded-credentials': noHardcodedCredentials,
  'no-mismatched-credentials': noMismatchedCredentials,
  'valid-timestamps': validTimestamps,
};
