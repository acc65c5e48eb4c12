import { pipelinesMethods } from './customerio-node.js';
import { at, credential, field } from './fields.js';
import type { SdkDescriptor } from './types.js';

/**
 * `@customerio/cdp-analytics-node`: a fork of Segment's node library. Calls return nothing and
 * only queue the event; a batch goes out every 15 events or 10 seconds, or on `closeAndFlush()`.
 * Timestamps are `Date`s or ISO strings; numbers go out raw.
 */
export const cdpAnalyticsNode: SdkDescriptor = {
  id: '@customerio/cdp-analytics-node',
  displayName: 'Customer.io Data Pipelines (@customerio/cdp-analytics-node)',
  versions: '0.5.x',
  checkedAgainst: '0.5.9',
  modules: [
    {
      specifier: '@customerio/cdp-analytics-node',
      exports: { Analytics: { kind: 'construct', client: 'Analytics' } },
      // `require(...).default` is the class as well.
      default: { kind: 'construct', client: 'Analytics' },
    },
  ],
  clients: [
    {
      name: 'Analytics',
      kind: 'client',
      construct: 'new',
      ctorFields: [
        field('options', at(0)),
        credential(at(0, 'writeKey'), 'cio.pipelinesWriteKey'),
        field('region', at(0, 'host')),
      ],
      methods: [
        // Every event method takes an optional `callback(err, ctx)` after its payload.
        ...pipelinesMethods('void').map((method) => ({ ...method, callbackArg: 1 })),
        { name: 'closeAndFlush', kind: 'flush', returns: 'promise', fields: [] },
      ],
      batches: true,
      flushMethods: ['closeAndFlush'],
      // There is no public `flush()`: after `closeAndFlush()` later calls are dropped (`call_after_close`).
      closingFlushMethods: ['closeAndFlush'],
      // Failed deliveries (401s from a wrong write key or region included) are retried, then only
      // emitted as `'error'` or passed to the per-call callback; nothing throws or rejects.
      errorChannel: 'emitter',
      errorEvent: { name: 'error', listenMethods: ['on', 'once'] },
      // No `region` option: the EU workspace needs `host: 'https://cdp-eu.customer.io'` (README), and
      // a `region` key is ignored, so the events go to the US host.
      region: {
        by: 'host',
        values: { US: 'https://cdp.customer.io', EU: 'https://cdp-eu.customer.io' },
        default: 'US',
        ignoredKeys: ['region'],
      },
      // Private in `dist/types/app/analytics-node.d.ts`; plain properties in JavaScript.
      internals: ['_eventFactory', '_isClosed', '_pendingEvents', '_closeAndFlushDefaultTimeout', '_publisher', '_queue', '_dispatch'].map(
        (name) => ({ name, instead: 'the documented methods and the `error` event' }),
      ),
    },
  ],
  credentials: [
    { kind: 'cio.pipelinesWriteKey', label: 'Data Pipelines write key', secret: true, envName: 'CUSTOMERIO_WRITE_KEY' },
  ],
  hosts: { US: ['cdp.customer.io'], EU: ['cdp-eu.customer.io'] },
  rawApi: {
    endpoints: [
      {
        hosts: ['cdp.customer.io', 'cdp-eu.customer.io'],
        paths: ['/v1/**'],
        use: '`Analytics` (`identify`, `track`, `page`, …)',
      },
    ],
    handles: 'batches events into few requests, retries failed batches with backoff and flushes the queue on `closeAndFlush`',
  },
  // A server source's write key: the browser uses its own source and SDK.
  serverOnly: true,
  browserAlternative: '`@customerio/cdp-analytics-browser` with a browser source\'s write key',
  // The package ships `dist/` and its TypeScript `src/`; only the root is an entry point.
  internalPaths: ['dist', 'src'],
};
