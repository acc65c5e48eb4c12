import { at, attributes, credential, field } from './fields.js';
import type { ClientSpec, FieldSpec, MethodSpec, SdkDescriptor } from './types.js';

/**
 * `mixpanel` 0.x (CommonJS, `module.exports = { init }`): `Mixpanel.init(token, options)` builds
 * the client. Each call is its own HTTPS request and returns nothing; a failure (a rejected token
 * included) only reaches the optional Node-style callback, else it is dropped. Nothing is queued,
 * so there is nothing to flush.
 *
 * `time` (`properties.time`, `import`'s second argument) is not modelled as a timestamp: the API
 * takes Unix seconds and milliseconds alike, and a `Date` becomes milliseconds
 * (`lib/utils.js ensure_timestamp`), so no number is wrong; a string throws synchronously.
 */
const withCallback = (method: MethodSpec, callbackArg: number): MethodSpec => ({ ...method, callbackArg });

const person = (index: number): FieldSpec => field('personId', at(index, 'distinct_id'));

const peopleMethod = (name: string, fields: FieldSpec[] = []): MethodSpec => ({
  name,
  kind: 'identify',
  returns: 'void',
  fields: [field('personId', at(0)), ...fields],
});

/** `mp.people`: profile updates keyed by the distinct id. */
const people: ClientSpec = {
  name: 'People',
  kind: 'client',
  construct: 'new',
  ctorFields: [],
  methods: [
    peopleMethod('set', [attributes(at(1))]),
    peopleMethod('set_once', [attributes(at(1))]),
    ...['increment', 'append', 'union', 'remove', 'unset', 'track_charge', 'clear_charges', 'delete_user'].map((name) =>
      peopleMethod(name),
    ),
  ],
  errorChannel: 'callback',
};

const mixpanelClient: ClientSpec = {
  name: 'Mixpanel',
  kind: 'client',
  construct: 'call',
  ctorFields: [
    credential(at(0), 'mixpanel.token'),
    field('options', at(1)),
    credential(at(1, 'secret'), 'mixpanel.apiSecret'),
    field('region', at(1, 'host')),
  ],
  methods: [
    withCallback(
      {
        name: 'track',
        kind: 'track',
        returns: 'void',
        fields: [field('eventName', at(0)), field('eventProperties', at(1)), person(1)],
      },
      2,
    ),
    withCallback(
      {
        name: 'import',
        kind: 'track',
        returns: 'void',
        fields: [field('eventName', at(0)), field('eventProperties', at(2)), person(2)],
      },
      3,
    ),
    withCallback({ name: 'track_batch', kind: 'track', returns: 'void', fields: [] }, 2),
    withCallback({ name: 'import_batch', kind: 'track', returns: 'void', fields: [] }, 2),
    withCallback({ name: 'alias', kind: 'other', returns: 'void', fields: [field('personId', at(0))] }, 2),
  ],
  batchMethod: 'track_batch',
  members: { people: 'People' },
  errorChannel: 'callback',
  // `host` is a bare host name (`lib/mixpanel-node.js` splits off a port), not a URL.
  region: { by: 'host', values: { US: 'api.mixpanel.com', EU: 'api-eu.mixpanel.com' }, default: 'US' },
};

export const mixpanel: SdkDescriptor = {
  id: 'mixpanel',
  displayName: 'Mixpanel (mixpanel)',
  versions: '0.x',
  checkedAgainst: '0.24.0',
  modules: [
    {
      specifier: 'mixpanel',
      // `import Mixpanel from 'mixpanel'` is the exports object, so `Mixpanel.init` works either way.
      exports: { init: { kind: 'construct', client: 'Mixpanel' }, ServiceAccountCredentials: { kind: 'value' } },
    },
  ],
  clients: [mixpanelClient, people],
  credentials: [
    {
      kind: 'mixpanel.token',
      label: 'project token',
      // Only sends events, and ships in every page that loads mixpanel-js.
      secret: false,
      publishable: true,
      envName: 'MIXPANEL_TOKEN',
    },
    { kind: 'mixpanel.apiSecret', label: 'API secret', secret: true, envName: 'MIXPANEL_API_SECRET' },
  ],
  hosts: { US: ['api.mixpanel.com'], EU: ['api-eu.mixpanel.com'] },
};
