import { pipelinesMethods } from './customerio-node.js';
import { at, credential, field } from './fields.js';
import type { ClientSpec, CredentialKind, MethodSpec, RegionSpec } from './types.js';

/**
 * The `Analytics` class of Segment's node library and of Customer.io's fork of it: one options
 * object with the write key and the host, event methods that take one params object and an
 * optional `callback(err, ctx)` and only queue the event, batches flushed by the listed methods
 * (`closeAndFlush()` also closes the client: later calls are dropped as `call_after_close`), and
 * failed deliveries retried, then only emitted as `'error'`: nothing throws or rejects.
 */
export function analyticsNodeClient(spec: {
  writeKey: CredentialKind;
  /** The event methods as this library defines them. */
  eventMethods: readonly MethodSpec[];
  flushMethods: readonly string[];
  /** Where the EU workspace sends: there is no `region` option, and a `region` key is ignored. */
  hosts: RegionSpec['values'];
  /** Private in `dist/types/app/analytics-node.d.ts`; plain properties in JavaScript. */
  internals: readonly string[];
}): ClientSpec {
  return {
    name: 'Analytics',
    kind: 'client',
    construct: 'new',
    ctorFields: [field('options', at(0)), credential(at(0, 'writeKey'), spec.writeKey), field('region', at(0, 'host'))],
    methods: [
      ...spec.eventMethods,
      // They resolve, never reject: a failed batch is emitted as `'error'`.
      ...spec.flushMethods.map((name): MethodSpec => ({ name, kind: 'flush', returns: 'promise', fields: [] })),
    ],
    batches: true,
    flushMethods: spec.flushMethods,
    closingFlushMethods: ['closeAndFlush'],
    errorChannel: 'emitter',
    errorEvent: { name: 'error', listenMethods: ['on', 'once'] },
    region: { by: 'host', values: spec.hosts, default: 'US', ignoredKeys: ['region'] },
    internals: spec.internals.map((name) => ({ name, instead: 'the documented methods and the `error` event' })),
  };
}

/** The event methods of the fork, each with its optional callback after the payload. */
export const forkEventMethods = (): MethodSpec[] => pipelinesMethods('void').map((method) => ({ ...method, callbackArg: 1 }));
