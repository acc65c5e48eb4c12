import { amplitudeAnalyticsNode } from './amplitude-analytics-node.js';
import { cdpAnalyticsNode } from './cdp-analytics-node.js';
import { customerioNode } from './customerio-node.js';
import { klaviyoApi } from './klaviyo-api.js';
import { mixpanel } from './mixpanel.js';
import { posthogNode } from './posthog-node.js';
import { segmentAnalyticsNode } from './segment-analytics-node.js';
import type { ClientSpec, CredentialKind, CredentialSpec, FieldSpec, MethodSpec, ModuleSpec, SdkDescriptor } from './types.js';

export type * from './types.js';

/** Every SDK the plugin knows. Adding one is adding a descriptor here, not touching rules. */
// Order matters where a method name alone must pick a client (`settings.cdp.clients` without a
// class): the first SDK with the method wins, so the Customer.io ones come first.
const DESCRIPTORS: readonly SdkDescriptor[] = [
  customerioNode,
  cdpAnalyticsNode,
  klaviyoApi,
  segmentAnalyticsNode,
  posthogNode,
  amplitudeAnalyticsNode,
  mixpanel,
];

/** Every key any of the objects has, in one order. */
function keysOf(objects: readonly object[]): readonly string[] {
  return [...new Set(objects.flatMap((object) => Object.keys(object)))].sort();
}

/** A copy with exactly `keys`, in that order: absent ones are undefined, which reads the same. */
function reshaped<T extends object>(object: T, keys: readonly string[], replace: Partial<T> = {}): T {
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = Object.hasOwn(replace, key) ? replace[key as keyof T] : object[key as keyof T];
  return copy as T;
}

const allClients = DESCRIPTORS.flatMap((sdk) => sdk.clients);
const allMethods = allClients.flatMap((client) => client.methods);
const allFields = [...allClients.flatMap((client) => client.ctorFields), ...allMethods.flatMap((method) => method.fields)];
const ARG_PATH_KEYS = keysOf(allFields.map((field) => field.at));
const FIELD_KEYS = keysOf(allFields);
const METHOD_KEYS = keysOf([...allMethods, { name: '', kind: 'other', returns: 'promise', fields: [] } satisfies MethodSpec]);
const CLIENT_KEYS = keysOf(allClients);

/**
 * The models are object literals with optional keys, so their methods, fields and clients came in
 * dozens of hidden classes, and every rule's reads of `call.method.kind` or `field.spec.role`
 * were megamorphic. Rebuilt once at load with every key in one order, each kind has one shape.
 */
function uniform(sdk: SdkDescriptor): SdkDescriptor {
  const field = (spec: FieldSpec): FieldSpec => reshaped(spec, FIELD_KEYS, { at: reshaped(spec.at, ARG_PATH_KEYS) });
  const clients = sdk.clients.map((client) =>
    reshaped(client, CLIENT_KEYS, {
      ctorFields: client.ctorFields.map(field),
      methods: client.methods.map((method) => reshaped(method, METHOD_KEYS, { fields: method.fields.map(field) })),
    }),
  );
  return { ...sdk, clients };
}

export const SDKS: readonly SdkDescriptor[] = DESCRIPTORS.map(uniform);

/** A method made up at run time (an unlisted method of a client), in the models' one shape. */
export function uniformMethod(method: MethodSpec): MethodSpec {
  return reshaped(method, METHOD_KEYS);
}

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
