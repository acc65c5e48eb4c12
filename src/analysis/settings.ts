import { SDKS } from '../sdk/index.js';
import type { ArgPath, ClientSpec, MethodSpec, SdkDescriptor } from '../sdk/types.js';

/**
 * `settings.cdp`: what users teach the engine about their own code.
 *
 * ```js
 * settings: { cdp: {
 *   clients: { './lib/cio': ['cio'], './lib/klaviyo': { events: 'EventsApi' } },
 *   wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }],
 * } }
 * ```
 */
export interface RawCdpSettings {
  clients?: Record<string, string[] | Record<string, string>>;
  wrappers?: RawWrapper[];
  region?: 'US' | 'EU';
  events?: string[];
}

export interface RawWrapper {
  /** The callee as written: `trackEvent` or `analytics.trackEvent`. */
  name: string;
  /** The client method it stands for: `TrackClient.track` or `customerio-node:TrackClient.track`. */
  calls: string;
  /** Where each of the wrapper's arguments lands in the SDK call: `'1.name'`; null for none. */
  args: (string | null)[];
}

export interface ClientBinding {
  /** A client class, or undefined to infer it from the method called. */
  client?: { sdk: SdkDescriptor; spec: ClientSpec };
}

export interface WrapperSetting {
  name: string;
  sdk: SdkDescriptor;
  client: ClientSpec;
  method: MethodSpec;
  params: (ArgPath | null)[];
}

export interface CdpSettings {
  /** Module path (normalised) → export name → binding. */
  clientModules: Map<string, Map<string, ClientBinding>>;
  wrappers: WrapperSetting[];
  region?: 'US' | 'EU';
  events?: ReadonlySet<string>;
}

const cache = new WeakMap<object, CdpSettings>();
const EMPTY: CdpSettings = { clientModules: new Map(), wrappers: [] };

export class CdpSettingsError extends Error {
  constructor(path: string, problem: string) {
    super(`eslint-plugin-cdp: invalid settings.cdp.${path}: ${problem}`);
  }
}

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): CdpSettings {
  const raw = settings?.cdp;
  if (raw === undefined) return EMPTY;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CdpSettingsError('', 'expected an object');
  }
  let parsed = cache.get(raw);
  if (!parsed) {
    parsed = parse(raw);
    cache.set(raw, parsed);
  }
  return parsed;
}

/** `./lib/cio.ts`, `../lib/cio`, `@/lib/cio` all normalise to `lib/cio`. */
export function normaliseModulePath(specifier: string): string {
  return specifier
    .replace(/\\/g, '/')
    .replace(/^(?:\.{1,2}\/)+/, '')
    .replace(/^[@~]\//, '')
    .replace(/\.[cm]?[jt]sx?$/, '')
    .replace(/\/index$/, '');
}

/** Does an import specifier name the configured module? Relative depth is not known, so compare tails. */
export function modulePathMatches(specifier: string, configured: string): boolean {
  if (!specifier.startsWith('.') && !specifier.startsWith('@/') && !specifier.startsWith('~/')) {
    return specifier === configured;
  }
  const normalised = normaliseModulePath(specifier);
  return normalised === configured || normalised.endsWith(`/${configured}`);
}

function findClientByName(reference: string, path: string): { sdk: SdkDescriptor; spec: ClientSpec } {
  const [sdkId, className] = reference.includes(':') ? reference.split(':', 2) : [undefined, reference];
  for (const sdk of SDKS) {
    if (sdkId && sdk.id !== sdkId) continue;
    const spec = sdk.clients.find((client) => client.name === className && client.kind === 'client');
    if (spec) return { sdk, spec };
  }
  throw new CdpSettingsError(path, `unknown client class '${reference}'`);
}

function parseArgPath(text: string, path: string): ArgPath {
  const [index, ...rest] = text.split('.');
  const number = Number(index);
  if (!Number.isInteger(number) || number < 0) {
    throw new CdpSettingsError(path, `'${text}' must start with an argument index, like '1.name'`);
  }
  return rest.length > 0 ? { index: number, path: rest } : { index: number };
}

function parse(raw: RawCdpSettings): CdpSettings {
  const clientModules = new Map<string, Map<string, ClientBinding>>();
  if (raw.clients !== undefined) {
    if (typeof raw.clients !== 'object' || raw.clients === null || Array.isArray(raw.clients)) {
      throw new CdpSettingsError('clients', 'expected an object of module → export names');
    }
    for (const [module, names] of Object.entries(raw.clients)) {
      const bindings = new Map<string, ClientBinding>();
      if (Array.isArray(names)) {
        for (const name of names) {
          if (typeof name !== 'string') throw new CdpSettingsError(`clients['${module}']`, 'expected export names');
          bindings.set(name, {});
        }
      } else if (typeof names === 'object' && names !== null) {
        for (const [name, className] of Object.entries(names)) {
          bindings.set(name, { client: findClientByName(String(className), `clients['${module}'].${name}`) });
        }
      } else {
        throw new CdpSettingsError(`clients['${module}']`, 'expected an array of export names or an object');
      }
      const key = module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/')
        ? normaliseModulePath(module)
        : module;
      clientModules.set(key, bindings);
    }
  }

  const wrappers: WrapperSetting[] = [];
  if (raw.wrappers !== undefined) {
    if (!Array.isArray(raw.wrappers)) throw new CdpSettingsError('wrappers', 'expected an array');
    raw.wrappers.forEach((wrapper, i) => {
      const path = `wrappers[${i}]`;
      if (typeof wrapper?.name !== 'string' || typeof wrapper.calls !== 'string' || !Array.isArray(wrapper.args)) {
        throw new CdpSettingsError(path, "expected { name: string, calls: 'Client.method', args: string[] }");
      }
      const dot = wrapper.calls.lastIndexOf('.');
      if (dot < 0) throw new CdpSettingsError(`${path}.calls`, `'${wrapper.calls}' must be 'Client.method'`);
      const { sdk, spec } = findClientByName(wrapper.calls.slice(0, dot), `${path}.calls`);
      const methodName = wrapper.calls.slice(dot + 1);
      const method = spec.methods.find((m) => m.name === methodName);
      if (!method) throw new CdpSettingsError(`${path}.calls`, `${spec.name} has no method '${methodName}'`);
      const params = wrapper.args.map((arg, j) =>
        arg === null ? null : parseArgPath(String(arg), `${path}.args[${j}]`),
      );
      wrappers.push({ name: wrapper.name, sdk, client: spec, method, params });
    });
  }

  if (raw.region !== undefined && raw.region !== 'US' && raw.region !== 'EU') {
    throw new CdpSettingsError('region', "expected 'US' or 'EU'");
  }
  if (raw.events !== undefined && (!Array.isArray(raw.events) || raw.events.some((e) => typeof e !== 'string'))) {
    throw new CdpSettingsError('events', 'expected an array of event names');
  }
  return {
    clientModules,
    wrappers,
    region: raw.region,
    events: raw.events ? new Set(raw.events) : undefined,
  };
}
