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

/** A JSON schema, as far as `settings.cdp` needs one. `title` is how an error names what was expected. */
export interface SettingsSchema {
  type?: 'object' | 'array' | 'string' | 'null';
  title?: string;
  description?: string;
  properties?: Readonly<Record<string, SettingsSchema>>;
  required?: readonly string[];
  additionalProperties?: false | SettingsSchema;
  items?: SettingsSchema;
  anyOf?: readonly SettingsSchema[];
  enum?: readonly unknown[];
  minLength?: number;
  pattern?: string;
}

const IDENTIFIER = '[A-Za-z_$][\\w$]*';

/**
 * The shape of `settings.cdp`, as JSON schema: what `readSettings` accepts, checked before the
 * values are looked up in the SDK model (class and method names).
 */
export const settingsSchema = {
  type: 'object',
  title: 'an object',
  properties: {
    clients: {
      type: 'object',
      title: 'an object of module → export names',
      description:
        "Modules of your app that export ready SDK clients: module path → the names it exports, or export name → client class ('TrackClient', 'klaviyo-api:EventsApi'). A class name several SDKs share means the first SDK's; qualify it with the package name for another ('@segment/analytics-node:Analytics').",
      additionalProperties: {
        title: 'an array of export names or an object of export name → client class',
        anyOf: [
          { type: 'array', items: { type: 'string', minLength: 1, title: 'an export name' } },
          {
            type: 'object',
            additionalProperties: { type: 'string', minLength: 1, title: "a client class like 'TrackClient'" },
          },
        ],
      },
    },
    wrappers: {
      type: 'array',
      title: 'an array of wrappers',
      description: 'Functions of your app that stand for an SDK call, and where each of their arguments lands in it.',
      items: {
        type: 'object',
        title: "{ name, calls: 'Client.method', args }",
        properties: {
          name: { type: 'string', minLength: 1, title: "the wrapper's callee, like 'trackEvent' or 'analytics.track'" },
          calls: {
            type: 'string',
            pattern: `^(?:[^:]+:)?${IDENTIFIER}\\.${IDENTIFIER}$`,
            title: '"Client.method"',
          },
          args: {
            type: 'array',
            title: 'an array of argument paths',
            items: {
              title: "an argument path like '1.name', or null",
              anyOf: [{ type: 'string', pattern: '^\\d+(?:\\.[^.]+)*$' }, { type: 'null' }],
            },
          },
        },
        required: ['name', 'calls', 'args'],
        additionalProperties: false,
      },
    },
    region: { title: "'US' or 'EU'", enum: ['US', 'EU'], description: 'The data-center region of the workspace.' },
    events: {
      type: 'array',
      title: 'an array of event names',
      description: 'The tracking plan: every event name the app may send.',
      items: { type: 'string', minLength: 1, title: 'an event name' },
    },
  },
  additionalProperties: false,
} as const satisfies SettingsSchema;

export class CdpSettingsError extends Error {
  /** Where in `settings.cdp` the problem is: `wrappers[0].calls`; empty for `settings.cdp` itself. */
  readonly path: string;

  constructor(path: string, problem: string) {
    const at = path === '' ? '' : path.startsWith('[') ? path : `.${path}`;
    super(`eslint-plugin-cdp: invalid settings.cdp${at}: ${problem}`);
    this.name = 'CdpSettingsError';
    this.path = path;
  }
}

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): CdpSettings {
  const raw = settings?.cdp;
  if (raw === undefined) return EMPTY;
  if (typeof raw !== 'object' || raw === null) {
    throw new CdpSettingsError('', `expected an object, got ${shown(raw)}`);
  }
  let parsed = cache.get(raw);
  if (!parsed) {
    validate(settingsSchema, raw, '');
    parsed = parse(raw);
    cache.set(raw, parsed);
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Validation against the schema

/** A value as an error shows it: short, and of a recognisable kind. */
function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  if (typeof value === 'string') return quote(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  const json = JSON.stringify(value) ?? 'a value';
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function typeOf(value: unknown): SettingsSchema['type'] | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'string';
  return 'other';
}

const joinPath = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? path === '' ? key : `${path}.${key}`
      : `${path}[${quote(key)}]`;

/** The closest of `candidates` to a misspelt name, when it is close enough to be the intended one. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

const didYouMean = (name: string, candidates: Iterable<string>): string => {
  const near = closest(name, candidates);
  return near === undefined ? '' : `; did you mean ${quote(near)}?`;
};

/** The first way `value` breaks `schema`, thrown as a `CdpSettingsError` that names the setting. */
function validate(schema: SettingsSchema, value: unknown, path: string): void {
  const expected = (): never => {
    throw new CdpSettingsError(path, `expected ${schema.title ?? schema.type ?? 'another value'}, got ${shown(value)}`);
  };
  if (schema.anyOf) {
    const errors: CdpSettingsError[] = [];
    for (const branch of schema.anyOf) {
      try {
        validate(branch, value, path);
        return;
      } catch (error) {
        if (!(error instanceof CdpSettingsError)) throw error;
        // A branch of the value's own type knows best what is wrong inside it.
        if (branch.type === typeOf(value) && (branch.type === 'object' || branch.type === 'array')) errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
    expected();
  }
  if (schema.enum && !schema.enum.includes(value)) expected();
  if (schema.type && typeOf(value) !== schema.type) expected();
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) expected();
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) expected();
  }
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => validate(schema.items!, item, joinPath(path, i)));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    // A misspelt key first: it is also why a required one looks missing.
    if (schema.additionalProperties === false) {
      const known = Object.keys(properties);
      const unknown = Object.keys(record).find((key) => !Object.hasOwn(properties, key));
      if (unknown !== undefined) {
        throw new CdpSettingsError(path, `unknown key ${quote(unknown)}${didYouMean(unknown, known)} (known keys: ${known.join(', ')})`);
      }
    }
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(record, key) || record[key] === undefined) {
        const title = properties[key]?.title;
        throw new CdpSettingsError(path, `missing ${quote(key)}${title ? ` (${title})` : ''}`);
      }
    }
    for (const [key, item] of Object.entries(record)) {
      if (Object.hasOwn(properties, key)) {
        if (item !== undefined) validate(properties[key], item, joinPath(path, key));
      } else if (schema.additionalProperties) {
        validate(schema.additionalProperties, item, joinPath(path, key));
      }
    }
  }
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

/** Client classes (not sessions or requests) of every SDK, by the names `settings.cdp` may use. */
function clientClassNames(): string[] {
  return SDKS.flatMap((sdk) =>
    sdk.clients.filter((client) => client.kind === 'client').flatMap((client) => [client.name, `${sdk.id}:${client.name}`]),
  );
}

function findClientByName(reference: string, path: string): { sdk: SdkDescriptor; spec: ClientSpec } {
  const colon = reference.lastIndexOf(':');
  const [sdkId, className] = colon >= 0 ? [reference.slice(0, colon), reference.slice(colon + 1)] : [undefined, reference];
  for (const sdk of SDKS) {
    if (sdkId !== undefined && sdk.id !== sdkId) continue;
    const spec = sdk.clients.find((client) => client.name === className && client.kind === 'client');
    if (spec) return { sdk, spec };
  }
  throw new CdpSettingsError(path, `unknown client class ${quote(reference)}${didYouMean(reference, clientClassNames())}`);
}

function parseArgPath(text: string): ArgPath {
  const [index, ...rest] = text.split('.');
  return rest.length > 0 ? { index: Number(index), path: rest } : { index: Number(index) };
}

/** Builds the engine's view of settings the schema has accepted. */
function parse(raw: RawCdpSettings): CdpSettings {
  const clientModules = new Map<string, Map<string, ClientBinding>>();
  for (const [module, names] of Object.entries(raw.clients ?? {})) {
    const bindings = new Map<string, ClientBinding>();
    if (Array.isArray(names)) {
      for (const name of names) bindings.set(name, {});
    } else {
      for (const [name, className] of Object.entries(names)) {
        bindings.set(name, { client: findClientByName(className, joinPath(joinPath('clients', module), name)) });
      }
    }
    const key = module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/')
      ? normaliseModulePath(module)
      : module;
    clientModules.set(key, bindings);
  }

  const wrappers: WrapperSetting[] = (raw.wrappers ?? []).map((wrapper, i) => {
    const path = `wrappers[${i}].calls`;
    const dot = wrapper.calls.lastIndexOf('.');
    const { sdk, spec } = findClientByName(wrapper.calls.slice(0, dot), path);
    const methodName = wrapper.calls.slice(dot + 1);
    const method = spec.methods.find((m) => m.name === methodName);
    if (!method) {
      const names = spec.methods.map((m) => m.name);
      throw new CdpSettingsError(path, `${spec.name} has no method ${quote(methodName)}${didYouMean(methodName, names)}`);
    }
    const params = wrapper.args.map((arg) => (arg === null ? null : parseArgPath(arg)));
    return { name: wrapper.name, sdk, client: spec, method, params };
  });

  return {
    clientModules,
    wrappers,
    region: raw.region,
    events: raw.events ? new Set(raw.events) : undefined,
  };
}
