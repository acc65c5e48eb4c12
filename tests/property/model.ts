// What the generators know about the SDKs, read from the plugin's own model when the tests run, so
// an SDK, a client or a method added to `src/sdk/` is generated without touching the tests.
import { SDKS } from '../../src/sdk/index.js';
import type { ClientSpec, CredentialSpec, FieldSpec, ModuleSpec, SdkDescriptor } from '../../src/sdk/types.js';

/** Something a program can get from an SDK module: a class to construct, a ready instance. */
export interface Target {
  sdk: SdkDescriptor;
  module: ModuleSpec;
  /** The export it is reached through; undefined when it is the module's default itself. */
  exportName?: string;
  client: ClientSpec;
  /** `construct`: `new X(…)` or `X(…)`; `instance`: used as it is (Klaviyo's `Profiles`). */
  via: 'construct' | 'instance';
}

const findClient = (sdk: SdkDescriptor, name: string): ClientSpec | undefined =>
  sdk.clients.find((client) => client.name === name);

function targetsOf(sdk: SdkDescriptor, module: ModuleSpec): Target[] {
  const targets: Target[] = [];
  for (const [exportName, spec] of Object.entries(module.exports)) {
    if (spec.kind !== 'construct' && spec.kind !== 'instance') continue;
    const client = findClient(sdk, spec.client);
    if (client) targets.push({ sdk, module, exportName, client, via: spec.kind });
  }
  if (module.default && (module.default.kind === 'construct' || module.default.kind === 'instance')) {
    const client = findClient(sdk, module.default.client);
    if (client) targets.push({ sdk, module, client, via: module.default.kind });
  }
  return targets;
}

/** Every target of every module. */
export const TARGETS: readonly Target[] = SDKS.flatMap((sdk) => sdk.modules.flatMap((module) => targetsOf(sdk, module)));

/** A target's name in generated data, so a counterexample prints a name rather than the model. */
export const targetKey = (target: Target): string =>
  `${target.module.specifier}${target.module.versions ? `@${target.module.versions}` : ''}:${target.exportName ?? 'default'}`;

const BY_KEY = new Map(TARGETS.map((target) => [targetKey(target), target]));

export function targetByKey(key: string): Target {
  const target = BY_KEY.get(key);
  if (!target) throw new Error(`no target ${key}`);
  return target;
}

/** Targets whose client has methods: the ones SDK calls are made on. */
export const CLIENT_TARGETS: readonly Target[] = TARGETS.filter(
  (target) => target.client.kind === 'client' && (target.client.methods.length > 0 || target.client.unlistedMethodsReturn),
);

/** Targets of the same SDK whose client is of one of these kinds (sessions, requests, regions). */
export const targetsOfKind = (sdk: SdkDescriptor, kinds: readonly ClientSpec['kind'][]): Target[] =>
  TARGETS.filter((target) => target.sdk === sdk && kinds.includes(target.client.kind) && target.via === 'construct');

export const CREDENTIALS: readonly CredentialSpec[] = SDKS.flatMap((sdk) => sdk.credentials);

/** Every module specifier, for imports that bring nothing the generators use. */
export const SPECIFIERS: readonly string[] = [...new Set(SDKS.flatMap((sdk) => sdk.modules.map((module) => module.specifier)))];

/** Every client class settings may name, with its SDK-qualified form. */
export const SETTINGS_CLIENTS: readonly { sdk: SdkDescriptor; client: ClientSpec }[] = SDKS.flatMap((sdk) =>
  sdk.clients.filter((client) => client.kind === 'client').map((client) => ({ sdk, client })),
);

const allFields: FieldSpec[] = SDKS.flatMap((sdk) =>
  sdk.clients.flatMap((client) => [...client.ctorFields, ...client.methods.flatMap((method) => method.fields)]),
);

const snake = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Keys that mean something somewhere in the model (path segments, date and phone keys, misplaced
 * keys, region options), and their snake_case twins: what object literals are filled with.
 */
export const MODEL_KEYS: readonly string[] = (() => {
  const keys = new Set<string>();
  for (const field of allFields) {
    for (const segment of field.at.path ?? []) keys.add(segment);
    for (const name of field.dateKeys?.names ?? []) keys.add(name);
    for (const suffix of field.dateKeys?.suffixes ?? []) keys.add(`trial_ends${suffix}`);
    for (const name of field.phoneKeys ?? []) keys.add(name);
  }
  for (const sdk of SDKS) {
    for (const client of sdk.clients) {
      for (const key of [...(client.region?.overrides ?? []), ...(client.region?.ignoredKeys ?? [])]) keys.add(key);
      for (const method of client.methods) {
        for (const key of [...(method.misplacedKeys?.keys ?? []), ...(method.misplacedKeys?.companions ?? [])]) keys.add(key);
        if (method.payloadIdKey) keys.add(method.payloadIdKey);
      }
    }
  }
  for (const key of [...keys]) keys.add(snake(key));
  return [...keys].sort();
})();

/** Names the model gives to internals, flush and listener methods: members worth touching. */
export const memberNamesOf = (client: ClientSpec): string[] => [
  ...(client.internals ?? []).map((member) => member.name),
  ...(client.flushMethods ?? []),
  ...(client.errorEvent?.listenMethods ?? []),
  ...(client.batchMethod ? [client.batchMethod] : []),
];
