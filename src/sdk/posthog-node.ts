import { at, credential, field, timestamp } from './fields.js';
import type { FieldSpec, MethodSpec, SdkDescriptor } from './types.js';

/**
 * `posthog-node` 5.x. `capture`/`identify`/`alias`/`groupIdentify` only queue the event; a batch
 * goes out every 20 events (`flushAt`) or 5 seconds, or on `flush()` / `shutdown()`.
 *
 * The `*Immediate` variants are left out on purpose: they send at once (no flush needed) and
 * their promise resolves even when the request fails (`_sendPreparedEvent` catches and logs), so
 * the batching rules would misjudge them on this client.
 */
const payload = (...fields: FieldSpec[]): FieldSpec[] => [field('personId', at(0, 'distinctId')), ...fields];

const captureFields = (): FieldSpec[] =>
  payload(
    field('eventName', at(0, 'event')),
    field('eventProperties', at(0, 'properties')),
    // `timestamp?: Date` (`dist/types.d.ts`).
    timestamp(at(0, 'timestamp'), 'date'),
  );

const queued = (name: string, kind: MethodSpec['kind'], fields: FieldSpec[]): MethodSpec => ({ name, kind, returns: 'void', fields });

export const posthogNode: SdkDescriptor = {
  id: 'posthog-node',
  displayName: 'PostHog (posthog-node)',
  versions: '5.x',
  checkedAgainst: '5.70.0',
  modules: [
    // Named export only: there is no default export in ESM or CommonJS.
    { specifier: 'posthog-node', exports: { PostHog: { kind: 'construct', client: 'PostHog' } } },
    { specifier: 'posthog-node/edge', exports: { PostHog: { kind: 'construct', client: 'PostHog' } } },
  ],
  clients: [
    {
      name: 'PostHog',
      kind: 'client',
      construct: 'new',
      ctorFields: [
        credential(at(0), 'posthog.projectKey'),
        field('options', at(1)),
        credential(at(1, 'secretKey'), 'posthog.secretKey'),
        credential(at(1, 'personalApiKey'), 'posthog.secretKey'),
        field('region', at(1, 'host')),
      ],
      methods: [
        queued('capture', 'track', captureFields()),
        queued('identify', 'identify', payload(field('attributes', at(0, 'properties')))),
        queued('alias', 'other', payload()),
        queued('groupIdentify', 'other', [field('attributes', at(0, 'properties'))]),
        // `flush()` rejects with the first failed batch; `shutdown()` logs fetch errors instead.
        { name: 'flush', kind: 'flush', returns: 'promise', fields: [] },
        { name: 'shutdown', kind: 'flush', returns: 'promise', fields: [] },
      ],
      batches: true,
      // `shutdown()` stops the flag poller but does not close the queue: later calls still send,
      // so it is no closing flush for `require-flush`.
      flushMethods: ['flush', 'shutdown'],
      // No `errorChannel`: background flush failures are printed with `console.error`
      // (`logFlushError`) and emitted as `'error'`, so they are not lost without a listener.
      region: {
        by: 'host',
        values: { US: 'https://us.i.posthog.com', EU: 'https://eu.i.posthog.com' },
        default: 'US',
      },
    },
  ],
  credentials: [
    {
      kind: 'posthog.projectKey',
      label: 'project API key',
      // Ingestion only, and shipped in every page that loads posthog-js: not a secret (secret
      // scanners moved their PostHog rule from `phc_` to `phx_` for that reason).
      secret: false,
      publishable: true,
      envName: 'POSTHOG_API_KEY',
      shape: /^phc_[A-Za-z0-9_]{43}$/,
    },
    {
      kind: 'posthog.secretKey',
      label: 'personal API key',
      // Reads and changes everything the user can in every project: trufflehog `phx_[a-zA-Z0-9_]{43}`.
      secret: true,
      envName: 'POSTHOG_PERSONAL_API_KEY',
      shape: /^phx_[A-Za-z0-9_]{43}$/,
      distinctive: true,
    },
  ],
  // Ingestion hosts (and the legacy `app.posthog.com`, which still ingests); the app hosts
  // `us.posthog.com` / `eu.posthog.com` serve a REST API the SDK does not cover.
  hosts: { US: ['us.i.posthog.com', 'app.posthog.com'], EU: ['eu.i.posthog.com'] },
};
