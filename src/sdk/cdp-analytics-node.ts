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
        ...pipelinesMethods('void'),
        { name: 'closeAndFlush', kind: 'flush', returns: 'promise', fields: [] },
      ],
      batches: true,
      flushMethods: ['closeAndFlush'],
    },
  ],
  credentials: [
    { kind: 'cio.pipelinesWriteKey', label: 'Data Pipelines write key', secret: true, envName: 'CUSTOMERIO_WRITE_KEY' },
  ],
  hosts: { US: ['cdp.customer.io'], EU: ['cdp-eu.customer.io'] },
};
