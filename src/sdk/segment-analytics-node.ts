import { pipelinesMethods } from './customerio-node.js';
import { at, credential, field } from './fields.js';
import type { MethodSpec, SdkDescriptor } from './types.js';

/**
 * `@segment/analytics-node` 3.x: the library Customer.io's Data Pipelines client was forked from,
 * so the event methods are the same (one params object, `Date`/ISO `timestamp`, an optional
 * `callback(err, ctx)`). Calls only queue the event; a batch goes out every 15 events (`flushAt`)
 * or 10 seconds, or on `flush()` / `closeAndFlush()`.
 */
const eventMethods: MethodSpec[] = pipelinesMethods('void').map((method) => ({
  ...method,
  callbackArg: 1,
  // Customer.io's SMS channel reads `traits.phone`; Segment passes traits through as they are.
  fields: method.fields.map(({ phoneKeys: _phoneKeys, ...spec }) => spec),
}));

export const segmentAnalyticsNode: SdkDescriptor = {
  id: '@segment/analytics-node',
  displayName: 'Segment (@segment/analytics-node)',
  versions: '3.x',
  checkedAgainst: '3.1.0',
  modules: [
    {
      specifier: '@segment/analytics-node',
      exports: { Analytics: { kind: 'construct', client: 'Analytics' } },
      // `export default Analytics` in ESM, and `require(...).default` in CommonJS.
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
        credential(at(0, 'writeKey'), 'segment.writeKey'),
        field('region', at(0, 'host')),
      ],
      methods: [
        ...eventMethods,
        // Both resolve, never reject: a failed batch is emitted as `'error'`.
        { name: 'flush', kind: 'flush', returns: 'promise', fields: [] },
        { name: 'closeAndFlush', kind: 'flush', returns: 'promise', fields: [] },
      ],
      batches: true,
      flushMethods: ['flush', 'closeAndFlush'],
      // After `closeAndFlush()` later calls are dropped and emitted as `call_after_close`.
      closingFlushMethods: ['closeAndFlush'],
      // Failed deliveries are retried (`maxRetries`, 10), then only emitted as `'error'`
      // (`dispatch-emit.ts`) or passed to the per-call callback; nothing throws, rejects or logs.
      errorChannel: 'emitter',
      errorEvent: { name: 'error', listenMethods: ['on', 'once'] },
      // No region option: EU workspaces send to the regional host (`lib/types.ts` names it).
      region: {
        by: 'host',
        values: { US: 'https://api.segment.io', EU: 'https://events.eu1.segmentapis.com' },
        default: 'US',
        ignoredKeys: ['region'],
      },
      // Private in `dist/types/app/analytics-node.d.ts`; plain properties in JavaScript.
      internals: ['_eventFactory', '_isClosed', '_pendingEvents', '_closeAndFlushDefaultTimeout', '_publisher', '_isFlushing', '_queue', '_dispatch'].map(
        (name) => ({ name, instead: 'the documented methods and the `error` event' }),
      ),
    },
  ],
  credentials: [
    {
      kind: 'segment.writeKey',
      label: 'write key',
      // A write key can only send events into its source, and browser sources ship theirs in the
      // page; no secret scanner has a rule for it. Still read from the environment per source.
      secret: false,
      publishable: true,
      envName: 'SEGMENT_WRITE_KEY',
    },
  ],
  hosts: { US: ['api.segment.io'], EU: ['events.eu1.segmentapis.com'] },
  internalPaths: ['dist', 'src'],
};
