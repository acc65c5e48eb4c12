import { analyticsNodeClient, forkEventMethods } from './analytics-node-client.js';
import type { MethodSpec, SdkDescriptor } from './types.js';

/**
 * `@segment/analytics-node` 3.x: the library Customer.io's Data Pipelines client was forked from,
 * so the event methods are the same (one params object, `Date`/ISO `timestamp`, an optional
 * `callback(err, ctx)`). Calls only queue the event; a batch goes out every 15 events (`flushAt`)
 * or 10 seconds, or on `flush()` / `closeAndFlush()`.
 */
const eventMethods: MethodSpec[] = forkEventMethods().map((method) => ({
  ...method,
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
    analyticsNodeClient({
      writeKey: 'segment.writeKey',
      eventMethods,
      flushMethods: ['flush', 'closeAndFlush'],
      // The regional host of EU workspaces (`lib/types.ts` names it).
      hosts: { US: 'https://api.segment.io', EU: 'https://events.eu1.segmentapis.com' },
      internals: ['_eventFactory', '_isClosed', '_pendingEvents', '_closeAndFlushDefaultTimeout', '_publisher', '_isFlushing', '_queue', '_dispatch'],
    }),
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
