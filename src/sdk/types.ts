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
  | 'date'
  /** Milliseconds since the epoch (Amplitude's `time`): `Date.now()` is right, seconds are read as 1970. */
  | 'unixMillis';

/** Which credential an argument is. */
export type CredentialKind =
  | 'cio.siteId'
  | 'cio.trackApiKey'
  | 'cio.appApiKey'
  | 'cio.pipelinesWriteKey'
  | 'klaviyo.privateKey'
  /** Public by design (client-side `klaviyo.js`); no constructor takes it, but it is mistaken for the private key. */
  | 'klaviyo.publicKey'
  | 'segment.writeKey'
  | 'posthog.projectKey'
  /** A personal (`phx_`) or project secret (`phs_`) API key: reads and changes the whole project. */
  | 'posthog.secretKey'
  | 'mixpanel.token'
  /** The deprecated `secret` option: the project's API secret, which can export all its data. */
  | 'mixpanel.apiSecret'
  | 'amplitude.apiKey';

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
  /**
   * Meant to ship in browser and app bundles (PostHog's `phc_` project key, a Mixpanel token): it
   * only lets someone send events, so a hard-coded value is neither a leak nor worth a report.
   */
  publishable?: boolean;
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
  /**
   * For `attributes` fields: keys that hold phone numbers (Customer.io's SMS and WhatsApp channels
   * read `phone`), which must be E.164 like a `phone` field (`valid-phone-numbers`).
   */
  phoneKeys?: readonly string[];
  /**
   * For `personId` fields: the argument that says which kind of identifier the value is
   * (`IdentifierType`: id, email or cio_id). When it is given, an email there can be intended
   * (`getAttributes(email, 'email')`), so `no-email-as-identifier` leaves the value alone.
   */
  idTypeAt?: ArgPath;
  /**
   * For `eventName` fields: the longest name the API accepts, in UTF-8 bytes; a longer one is
   * rejected and the event is lost (`event-name-casing`).
   */
  maxBytes?: number;
  /**
   * The argument may be the whole payload object instead (`track(name | { event_type, … })`):
   * an object there is not this field, and the field's path inside it says where the value is.
   */
  unlessObject?: boolean;
}

/** What a method means, for rules that reason about call order. */
export type MethodKind = 'identify' | 'track' | 'page' | 'delete' | 'send' | 'flush' | 'other';

export interface MethodSpec {
  name: string;
  kind: MethodKind;
  /**
   * `promise`: rejects on failure; `void`: queued, errors go to an emitter or callback;
   * `promiseHolder`: an object whose `promise` property is the promise (Amplitude's `{ promise }`),
   * so only `await call().promise` waits for it.
   */
  returns: 'promise' | 'void' | 'promiseHolder';
  /**
   * The promise resolves even when delivery fails (the failure is logged, emitted or in the
   * result): dropping it loses no rejection, only the wait (`no-floating-sdk-calls`).
   */
  neverRejects?: boolean;
  fields: readonly FieldSpec[];
  /**
   * How fast the API behind the method accepts requests, when it is documented; overrides the
   * client's. `no-unbounded-sdk-fanout` names it when a call is started for a whole collection at once.
   */
  rateLimit?: RateLimit;
  /**
   * The argument that takes an optional per-call callback receiving the call's delivery error
   * (queued clients): a caller that passes one sees failures without an error listener.
   */
  callbackArg?: number;
  /**
   * How many arguments the method uses (`valid-call-signatures`): with fewer it throws or the API
   * rejects the request; more are silently ignored.
   */
  arity?: Arity;
  /** A call shape of older majors that no longer works: customerio-node 2.x's `trackAnonymous(data)`. */
  legacyArity?: Arity & { versions: string };
  /**
   * The key callers put the positional id under when they pass one payload object instead
   * (`identify({ id, email })` for `identify(id, { email })`), for a mechanical suggestion.
   */
  payloadIdKey?: string;
  /** The argument must be an instance of this SDK class (`sendEmail` → `SendEmailRequest`), else it throws. */
  requiresInstanceOf?: { index: number; client: string };
  /** Keys that belong in another argument (`triggerBroadcast`'s recipients passed as template data). */
  misplacedKeys?: MisplacedKeys;
  /** The argument the SDK serialises through a request model, which drops keys it does not list. */
  body?: SerialisedBody;
  /** The method fails when the record already exists, and another one creates or updates instead. */
  conflict?: ExistingConflict;
  /** Where the key goes that tells two otherwise identical records apart; without it the API merges them. */
  dedupKey?: DedupKey;
}

/** A request body the SDK builds from a model (klaviyo-api 6+'s `ObjectSerializer`). */
export interface SerialisedBody {
  index: number;
  model: PayloadModel;
  /** Majors that serialise through the model, e.g. `>=6`; older ones send the object as written. */
  versions: string;
}

/**
 * A request model: only its attributes are sent, each under its wire key; any other key, the
 * wire key itself included, is dropped without an error.
 */
export interface PayloadModel {
  /** The SDK's model class, for upkeep. */
  name: string;
  attributes: Readonly<Record<string, PayloadAttribute>>;
}

export interface PayloadAttribute {
  /** The key sent on the wire, when it differs from the attribute name (`unique_id` for `uniqueId`). */
  wire?: string;
  /** The model of the value (of each element for a `list`); none for values sent as they are. */
  model?: PayloadModel;
  list?: boolean;
}

export interface ExistingConflict {
  /** The HTTP status and error code the API answers with (`409`, `duplicate_profile`). */
  status: number;
  code: string;
  /** The method that creates the record or updates the existing one. */
  upsert: string;
  /** Majors that have `upsert`. */
  upsertVersions?: string;
  /** Methods that look the record up first: a call after one of them is deliberate. */
  lookups?: readonly string[];
}

export interface DedupKey {
  /** Where the key goes; its parent object must be visible for a rule to say it is missing. */
  at: ArgPath;
  /** What the API merges without it, for messages. */
  merges: string;
}

export interface Arity {
  min: number;
  max: number;
}

export interface MisplacedKeys {
  /** The argument they are wrongly put in. */
  index: number;
  /** Keys that only mean something in argument `belongsAt`. */
  keys: readonly string[];
  /** Keys that go along with them, but are not wrong alone (`email_ignore_missing`). */
  companions: readonly string[];
  /** The argument they belong in. */
  belongsAt: number;
  /** What the keys are, for messages: `recipients`. */
  label: string;
}

/**
 * A documented request rate. Customer.io publishes sustained rates (`perSecond`); Klaviyo a burst
 * and a steady rate per method (`burstPerSecond`, `perMinute`). Excess requests get 429s.
 */
export interface RateLimit {
  perSecond?: number;
  burstPerSecond?: number;
  perMinute?: number;
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
  /**
   * Flush methods that also close the client: calls after them are dropped. A client shared across
   * serverless invocations cannot be flushed with one (`require-flush`).
   */
  closingFlushMethods?: readonly string[];
  /**
   * `emitter`: delivery failures (a wrong key's 401 included) neither throw nor reject; they are
   * only emitted as `errorEvent`, so without a listener they vanish (`require-error-listener`).
   * `callback`: they only reach the per-call callback (`callbackArg`); no listener can see them.
   */
  errorChannel?: 'emitter' | 'callback';
  /** The event failures are emitted as, and the methods that register a listener for it. */
  errorEvent?: { name: string; listenMethods: readonly string[] };
  /** The default request rate of the API behind the client's methods (a method's own wins). */
  rateLimit?: RateLimit;
  /** A method that sends many records in one request: the alternative to one request per record. */
  batchMethod?: string;
  /** Properties of an instance that hold another client of the SDK (Mixpanel's `mp.people`). */
  members?: Readonly<Record<string, string>>;
  /**
   * How the client picks its data center (`require-region`). Where the option sits is the
   * constructor's `region` field; this says what values it takes.
   */
  region?: RegionSpec;
  /**
   * Members that exist on instances but are not the SDK's documented surface: the transport and
   * base URLs it builds in the constructor, private fields. They change shape in patch releases
   * (`no-sdk-internals`).
   */
  internals?: readonly InternalMember[];
}

/** A data-center region of a multi-region vendor. */
export type RegionId = 'US' | 'EU';

export interface RegionSpec {
  /**
   * `export`: one of the SDK's exported region objects (`RegionEU`); anything else, a string
   * included, throws in the constructor. `host`: a base URL string.
   */
  by: 'export' | 'host';
  /** Per region: the export name (`by: 'export'`) or the base URL (`by: 'host'`). */
  values: Readonly<Record<RegionId, string>>;
  /** The region used when none is given. */
  default: RegionId;
  /** Options that replace the region's hosts altogether (`url`: a proxy or a mock server). */
  overrides?: readonly string[];
  /** Option names the SDK silently ignores, but that people write to choose the region. */
  ignoredKeys?: readonly string[];
}

export interface InternalMember {
  name: string;
  /** The documented way to get what the member is read for, for messages. */
  instead: string;
}

/** What a module export is. */
export type ExportSpec =
  /** A constructible listed in the SDK's `clients`. */
  | { kind: 'construct'; client: string }
  /** A ready-made instance of a client (Klaviyo's `Profiles` singleton). */
  | { kind: 'instance'; client: string }
  /**
   * A function that calls the method of the same name on the module's own instance of a client
   * (Amplitude's `import { track } from '@amplitude/analytics-node'`).
   */
  | { kind: 'bound'; client: string }
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
  /** The major versions the model covers, for the README's coverage table: `2.x – 5.x`. */
  versions: string;
  /** The release whose type declarations and sources the model was checked against. */
  checkedAgainst: string;
  modules: readonly ModuleSpec[];
  clients: readonly ClientSpec[];
  credentials: readonly CredentialSpec[];
  /** API hosts, for raw HTTP requests and region checks. */
  hosts: Readonly<Record<'US' | 'EU', readonly string[]>>;
  /**
   * The SDK authenticates with a secret key and belongs on a server only: bundled into browser
   * code, it ships the key to every visitor (`no-server-sdk-in-browser`).
   */
  serverOnly?: boolean;
  /** What to use in the browser instead, for messages. */
  browserAlternative?: string;
  /**
   * Top-level folders of the package that are build output or sources, not entry points:
   * `customerio-node/dist/lib/request` reaches into them (`no-sdk-internals`).
   */
  internalPaths?: readonly string[];
  /**
   * Why a dependency range on this SDK is risky, when the SDK has a reason of its own (a release
   * that changes the API version it talks to), for `pinned-sdk-versions` messages.
   */
  pinReason?: string;
  /** What a hand-written HTTP request to the SDK's API misses (`no-raw-api-requests`). */
  rawApi?: RawApiSpec;
}

/**
 * URL path patterns of an API's endpoints: `/`-separated segments, `*` for any one segment, a
 * final `**` for any rest (`/api/v1/**`).
 */
export type PathPattern = string;

export interface RawApiSpec {
  /** Which clients replace raw requests, by host and path. */
  endpoints: readonly RawEndpoint[];
  /** What the SDK does that a hand-written request has to redo, for messages. */
  handles: string;
  /** Headers the API rejects a request without (Klaviyo's `revision`). */
  requiredHeaders?: readonly RequiredHeader[];
}

export interface RawEndpoint {
  hosts: readonly string[];
  paths: readonly PathPattern[];
  /** What to call instead, for messages: "`TrackClient` (`identify`, `track`, …)". */
  use: string;
}

export interface RequiredHeader {
  /** Compared case-insensitively, as HTTP does. */
  name: string;
  /** The value the current SDK release sends; a suggestion writes it. */
  example: string;
  /** Where the API requires it, on the SDK's hosts. */
  paths: readonly PathPattern[];
  /** What happens without it, for messages. */
  consequence: string;
}
