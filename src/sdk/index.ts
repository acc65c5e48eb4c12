import { amplitudeAnalyticsNode } from './amplitude-analytics-node.js';
import { cdpAnalyticsNode } from './cdp-analytics-node.js';
import { customerioNode } from './customerio-node.js';
import { klaviyoApi } from './klaviyo-api.js';
import { mixpanel } from './mixpanel.js';
import { posthogNode } from './posthog-node.js';
import { segmentAnalyticsNode } from './segment-analytics-node.js';
import type { ClientSpec, CredentialKind, CredentialSpec, ModuleSpec, SdkDescriptor } from './types.js';

export type * from './types.js';

/** Every SDK the plugin knows. Adding one is adding a descriptor here, not touching rules. */
// Order matters where a method name alone must pick a client (`settings.cdp.clients` without a
// class): the first SDK with the method wins, so the Customer.io ones come first.
export const SDKS: readonly SdkDescriptor[] = [
  customerioNode,
  cdpAnalyticsNode,
  klaviyoApi,
  segmentAnalyticsNode,
  posthogNode,
  amplitudeAnalyticsNode,
  mixpanel,
];

export interface ModuleEntry {
  sdk: SdkDescriptor;
  module: ModuleSpec;
}

/** Module shapes by specifier; a specifier can have several (one per major version). */
export const MODULES: ReadonlyMap<string, readonly ModuleEntry[]> = (() => {
  const map = new Map<string, ModuleEntry[]>();
  for (const sdk of SDKS) {
    for (const module of sdk.modules) {
      const list = map.get(module.specifier) ?? [];
      list.push({ sdk, module });
      map.set(module.specifier, list);
    }
  }
  return map;
})();

export function findClient(sdk: SdkDescriptor, name: string): ClientSpec | undefined {
  return sdk.clients.find((client) => client.name === name);
}

const CREDENTIALS = new Map<CredentialKind, CredentialSpec>(
  SDKS.flatMap((sdk) => sdk.credentials.map((spec) => [spec.kind, spec] as const)),
);

export function credentialSpec(kind: CredentialKind): CredentialSpec {
  const spec = CREDENTIALS.get(kind);
  if (!spec) throw new Error(`No credential spec for ${kind}`);
  return spec;
}

/** Every method name any client has: a cheap filter before resolving a receiver by types. */
export const METHOD_NAMES: ReadonlySet<string> = new Set(
  SDKS.flatMap((sdk) => sdk.clients.flatMap((client) => client.methods.map((m) => m.name))),
);

/** API hosts of every SDK, for requests made without the SDK. */
export const API_HOSTS: readonly string[] = SDKS.flatMap((sdk) => [...sdk.hosts.US, ...sdk.hosts.EU]);
