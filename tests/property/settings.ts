// Valid `settings.cdp` built from the SDK model, and what a program needs to use it: the module
// paths that import a declared client module, and the wrappers with their resolved methods.
import fc from 'fast-check';
import type { ClientSpec, MethodSpec, SdkDescriptor } from '../../src/sdk/types.js';
import { SETTINGS_CLIENTS } from './model.js';

export interface GeneratedSettings {
  /** The value of `settings.cdp`. */
  cdp: Record<string, unknown>;
  modules: { importedAs: string[]; exportName: string; client?: ClientSpec }[];
  wrappers: { name: string; sdk: SdkDescriptor; client: ClientSpec; method: MethodSpec; params: ({ index: number; path?: string[] } | null)[] }[];
}

const MODULES: Record<string, string[]> = {
  './lib/cio': ['./lib/cio', '../lib/cio.js', '@/lib/cio', '../../lib/cio/index'],
  '@/lib/analytics': ['@/lib/analytics', '../lib/analytics'],
  'lib/klaviyo': ['../lib/klaviyo.ts', 'lib/klaviyo'],
  '@acme/tracking': ['@acme/tracking'],
};
const EXPORTS = ['cio', 'api', 'analytics', 'events', 'tracker', 'default'];
const WRAPPER_NAMES = ['trackEvent', 'analytics.track', 'identifyUser', 'sendIt', 'lib.cio.track'];

/** A class name more than one SDK uses (`Analytics`) means the first SDK's; others are qualified. */
const firstWithName = (name: string): (typeof SETTINGS_CLIENTS)[number] | undefined =>
  SETTINGS_CLIENTS.find((entry) => entry.client.name === name);

const classReference = (entry: (typeof SETTINGS_CLIENTS)[number]): fc.Arbitrary<string> =>
  firstWithName(entry.client.name) === entry
    ? fc.constantFrom(entry.client.name, `${entry.sdk.id}:${entry.client.name}`)
    : fc.constant(`${entry.sdk.id}:${entry.client.name}`);

const clientModule = fc.tuple(
  fc.constantFrom(...Object.keys(MODULES)),
  fc.uniqueArray(fc.constantFrom(...EXPORTS), { minLength: 1, maxLength: 2 }),
  fc.option(fc.constantFrom(...SETTINGS_CLIENTS), { freq: 2 }),
).chain(([module, exportNames, entry]) =>
  (entry ? classReference(entry) : fc.constant(undefined)).map((reference) => ({
    module,
    value: reference === undefined ? exportNames : Object.fromEntries(exportNames.map((name) => [name, reference])),
    uses: exportNames.filter((name) => name !== 'default').map((exportName) => ({
      importedAs: MODULES[module],
      exportName,
      client: entry?.client,
    })),
  })),
);

const withMethods = SETTINGS_CLIENTS.filter((entry) => entry.client.methods.length > 0);

const wrapper = fc
  .tuple(fc.constantFrom(...WRAPPER_NAMES), fc.constantFrom(...withMethods))
  .chain(([name, entry]) =>
    fc.tuple(fc.constant(name), fc.constant(entry), classReference(entry), fc.constantFrom(...entry.client.methods)),
  )
  .chain(([name, entry, reference, method]) => {
    const paths = [...new Set(['0', ...method.fields.map((field) => [String(field.at.index), ...(field.at.path ?? [])].join('.'))])];
    const path = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...paths) }, { weight: 1, arbitrary: fc.constant('9.nowhere') });
    return fc
      .array(fc.option(path, { freq: 5 }), { maxLength: 4 })
      .map((args) => ({
        raw: { name, calls: `${reference}.${method.name}`, args },
        parsed: {
          name,
          sdk: entry.sdk,
          client: entry.client,
          method,
          params: args.map((arg) => {
            if (arg === null) return null;
            const [index, ...path] = arg.split('.');
            return path.length > 0 ? { index: Number(index), path } : { index: Number(index) };
          }),
        },
      }));
  });

/** Random valid settings: client modules, wrappers, a region, a tracking plan. */
export const settingsArbitrary: fc.Arbitrary<GeneratedSettings> = fc
  .record(
    {
      clients: fc.uniqueArray(clientModule, { maxLength: 2, selector: (entry) => entry.module }),
      wrappers: fc.uniqueArray(wrapper, { maxLength: 2, selector: (entry) => entry.raw.name }),
      region: fc.constantFrom('US', 'EU'),
      events: fc.array(fc.constantFrom('signed_up', 'Order Completed', 'orderCompleted', 'cart_viewed', 'x'), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((generated) => {
    const cdp: Record<string, unknown> = {};
    if (generated.clients) cdp.clients = Object.fromEntries(generated.clients.map((entry) => [entry.module, entry.value]));
    if (generated.wrappers) cdp.wrappers = generated.wrappers.map((entry) => entry.raw);
    if (generated.region) cdp.region = generated.region;
    if (generated.events) cdp.events = generated.events;
    return {
      cdp,
      modules: (generated.clients ?? []).flatMap((entry) => entry.uses),
      wrappers: (generated.wrappers ?? []).map((entry) => entry.parsed),
    };
  });
