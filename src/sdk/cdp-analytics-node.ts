import { analyticsNodeClient, forkEventMethods } from './analytics-node-client.js';
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
    analyticsNodeClient({
      writeKey: 'cio.pipelinesWriteKey',
      eventMethods: forkEventMethods(),
      // There is no public `flush()`.
      flushMethods: ['closeAndFlush'],
      // The EU workspace needs `host: 'https://cdp-eu.customer.io'` (README).
      hosts: { US: 'https://cdp.customer.io', EU: 'https://cdp-eu.customer.io' },
      internals: ['_eventFactory', '_isClosed', '_pendingEvents', '_closeAndFlushDefaultTimeout', '_publisher', '_queue', '_dispatch'],
    }),
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
