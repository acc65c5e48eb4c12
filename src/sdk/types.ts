/**
 * The SDK model: everything the rules know about an SDK is data of these shapes.
 * A rule never names a class, a method or a field; it asks for a role.
 */

/** The unit a timestamp slot expects. */
export type TimeUnit =
  /** Whole Unix seconds (Customer.io Track and App APIs). */
  | 'unixSeconds'
  /** A `Date` or an ISO-8601 string (Data Pipelines, Segment). */
  | 'isoOrDate'
  /** A `Date` object (Klaviyo models serialise only `Date` to ISO). */
  | 'date';

/** Which credential an argument is. */
export type CredentialKind =
  | 'cio.siteId'
  | 'cio.trackApiKey'
  | 'cio.appApiKey'
  | 'cio.pipelinesWriteKey'
  | 'klaviyo.privateKey'
  /** Public by design (client-side `klaviyo.js`); no constructor takes it, but it is mistaken for the private key. */
  | 'klaviyo.publicKey';

export interface CredentialSpec {
  kind: CredentialKind;
  /** How messages name it: "Track API key". */
  label: string;
  /** False for values that are public by design (a site id ships in the browser snippet). */
  secret: boolean;
  /** The environment variable a suggestion reads it from. */
  envName: string;
  /** The literal shape of a real value, when it has a recognisable one. */
  shape?: RegExp;
  /** The shape alone identifies the credential (a vendor prefix): a match anywhere in source is one. */
  distinctive?: boolean;
}

/** Where a value sits in a call: a positional argument, then a property path inside it. */
export interface ArgPath {
  index: number;
  path?: readonly string[];
}

export type FieldRole =
  | 'personId'
  | 'anonymousId'
  | 'eventName'
  | 'attributes'
  | 'eventProperties'
  | 'timestamp'
  | 'credential'
  | 'options'
  | 'region'
  | 'email'
  | 'phone'
  | 'recipients'
  | 'broadcastData'
  | 'request'
  | 'payload';

/** Keys inside an attributes object that hold dates, and the unit they must be in. */
export interface DateKeys {
  unit: TimeUnit;
  names: readonly string[];
  /** Attribute names ending with one of these are dates by convention (`trial_ends_at`). */
  suffixes: readonly string[];
}

export interface FieldSpec {
  role: FieldRole;
  at: ArgPath;
  /** For `timestamp` fields. */
  unit?: TimeUnit;
  /** For `credential` fields. */
  credential?: CredentialKind;
  /** For `attributes` fields: which of their keys are dates. */
  dateKeys?: DateKeys;
}

/** What a method means, for rules that reason about call order. */
export type MethodKind = 'identify' | 'track' | 'page' | 'delete' | 'send' | 'flush' | 'other';

export interface MethodSpec {
  name: string;
  kind: MethodKind;
  /** `promise`: rejects on failure; `void`: queued, errors go to an emitter or callback. */
  returns: 'promise' | 'void';
  fields: readonly FieldSpec[];
}

/** What a constructed value is, for rules that care (only `client`s are costly per request). */
export type ConstructKind = 'client' | 'session' | 'config' | 'request' | 'region';

export interface ClientSpec {
  /** The exported class or function name. */
  name: string;
  kind: ConstructKind;
  /** `new X(...)` or a plain call `X(...)` (Klaviyo's `ConfigWrapper`). */
  construct: 'new' | 'call';
  ctorFields: readonly FieldSpec[];
  methods: readonly MethodSpec[];
  /** Methods not listed still return promises (every Klaviyo `*Api` method does). */
  unlistedMethodsReturn?: 'promise' | 'void';
  /** Queues events in memory and sends them in batches. */
  batches?: boolean;
  /** Methods that drain the queue; awaiting one ends the client's life safely. */
  flushMethods?: readonly string[];
}

/** What a module export is. */
export type ExportSpec =
  /** A constructible listed in the SDK's `clients`. */
  | { kind: 'construct'; client: string }
  /** A ready-made instance of a client (Klaviyo's `Profiles` singleton). */
  | { kind: 'instance'; client: string }
  /** The module itself again (Klaviyo's `Klaviyo` namespace object). */
  | { kind: 'namespace' }
  /** Anything else we know exists (regions, enums, error classes). */
  | { kind: 'value' };

export interface ModuleSpec {
  /** The import specifier: `customerio-node`, `customerio-node/api`. */
  specifier: string;
  exports: Readonly<Record<string, ExportSpec>>;
  /** What `import X from` / `require()` itself gives, when it is more than the exports object. */
  default?: ExportSpec;
  /** Major versions where this module shape works, e.g. `<3` for the 2.x sub-paths. */
  versions?: string;
}

export interface SdkDescriptor {
  /** The npm package name. */
  id: string;
  displayName: string;
  modules: readonly ModuleSpec[];
  clients: readonly ClientSpec[];
  credentials: readonly CredentialSpec[];
  /** API hosts, for raw HTTP requests and region checks. */
  hosts: Readonly<Record<'US' | 'EU', readonly string[]>>;
}
