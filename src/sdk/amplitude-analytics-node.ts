import { at, credential, field, timestamp } from './fields.js';
import type { ExportSpec, FieldSpec, MethodSpec, SdkDescriptor } from './types.js';

/**
 * `@amplitude/analytics-node` 1.x. The module's functions (`init`, `track`, `flush`, …) are the
 * methods of a default instance; `createInstance()` makes another. Every method returns
 * `{ promise }` (`AmplitudeReturn`), not a promise: the promise resolves with the result, a
 * failure included (`core-client.js` catches and builds a result), so it never rejects. Events
 * are queued and sent every 200 events or 10 seconds, or on `flush()`: serverless code must
 * `await flush().promise`.
 */

/**
 * The event options object (`EventOptions`): who the event is about, and `time` in milliseconds.
 * `track` also takes one `BaseEvent` object with the same keys instead of its arguments.
 */
const eventOptions = (index: number): FieldSpec[] => [
  field('personId', at(index, 'user_id')),
  field('anonymousId', at(index, 'device_id')),
  timestamp(at(index, 'time'), 'unixMillis'),
];

const sent = (name: string, kind: MethodSpec['kind'], fields: FieldSpec[]): MethodSpec => ({
  name,
  kind,
  returns: 'promiseHolder',
  neverRejects: true,
  fields,
});

const trackFields = (): FieldSpec[] => [
  { ...field('eventName', at(0)), unlessObject: true },
  field('eventName', at(0, 'event_type')),
  field('eventProperties', at(1)),
  field('eventProperties', at(0, 'event_properties')),
  ...eventOptions(2),
  ...eventOptions(0),
];

const methods: MethodSpec[] = [
  sent('init', 'other', [credential(at(0), 'amplitude.apiKey'), field('options', at(1))]),
  sent('track', 'track', trackFields()),
  sent('logEvent', 'track', trackFields()),
  sent('identify', 'identify', eventOptions(1)),
  sent('groupIdentify', 'other', eventOptions(3)),
  sent('setGroup', 'other', eventOptions(2)),
  sent('revenue', 'other', eventOptions(1)),
  sent('flush', 'flush', []),
];

const CLIENT = 'NodeClient';
const bound: ExportSpec = { kind: 'bound', client: CLIENT };

export const amplitudeAnalyticsNode: SdkDescriptor = {
  id: '@amplitude/analytics-node',
  displayName: 'Amplitude (@amplitude/analytics-node)',
  versions: '1.x',
  checkedAgainst: '1.5.73',
  modules: [
    {
      specifier: '@amplitude/analytics-node',
      exports: {
        createInstance: { kind: 'construct', client: CLIENT },
        ...Object.fromEntries(
          [...methods.map((method) => method.name), 'add', 'remove', 'setOptOut'].map((name) => [name, bound]),
        ),
        Identify: { kind: 'value' },
        Revenue: { kind: 'value' },
        Types: { kind: 'value' },
      },
      // There is no default export: `import amplitude from`, `import * as amplitude` and
      // `require()` give the module object, whose functions are the default instance's methods.
      default: { kind: 'instance', client: CLIENT },
    },
  ],
  clients: [
    {
      name: CLIENT,
      kind: 'client',
      construct: 'call',
      // The key and options go to the instance's `init(apiKey, options)`, not to `createInstance()`.
      ctorFields: [],
      methods,
      batches: true,
      flushMethods: ['flush'],
      // No `errorChannel`: failures resolve the call's promise with an error result and are
      // logged by the client's logger.
    },
  ],
  credentials: [
    {
      kind: 'amplitude.apiKey',
      label: 'API key',
      // Sends events only, and ships in every page that loads the browser SDK; the secret key is
      // another credential that no SDK call takes.
      secret: false,
      publishable: true,
      envName: 'AMPLITUDE_API_KEY',
    },
  ],
  hosts: { US: ['api2.amplitude.com'], EU: ['api.eu.amplitude.com'] },
};
