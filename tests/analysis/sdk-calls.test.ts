import { describe, expect, it } from 'vitest';
import { probeFile } from './probe.js';

describe('engine: imports and requires', () => {
  it('resolves aliased named imports and optional / non-null receivers', () => {
    expect(
      probeFile(`
        import { TrackClient as TC, RegionEU } from 'customerio-node';
        const cio = new TC('a', 'b', { region: RegionEU });
        cio?.identify(user.id, { created_at: now });
        cio!.track(id, { name: 'x', data: {} });
      `),
    ).toEqual([
      "new TrackClient credential='a' credential='b' options={ region: RegionEU } region=RegionEU",
      'TrackClient.identify personId=user.id attributes={ created_at: now }',
      "TrackClient.track personId=id eventName='x' eventProperties={}",
    ]);
  });

  it('resolves require with and without destructuring, and namespace imports', () => {
    expect(
      probeFile(`
        const { TrackClient } = require('customerio-node');
        const lib = require('customerio-node');
        import * as ns from 'customerio-node';
        const a = new TrackClient(s, k);
        const b = new lib.APIClient(key);
        const c = new ns.PipelinesClient(w);
        a.destroy(id);
        b.sendEmail(req);
        c.track({ userId: u, event: 'e' });
      `),
    ).toEqual([
      'new TrackClient credential=s credential=k',
      'new APIClient credential=key',
      'new PipelinesClient credential=w',
      'TrackClient.destroy personId=id',
      'APIClient.sendEmail request=req',
      "PipelinesClient.track personId=u eventName='e'",
    ]);
  });

  it('marks the 2.x module shapes as legacy', () => {
    expect(
      probeFile(`
        const CIO = require('customerio-node');
        const { APIClient } = require('customerio-node/api');
        const cio = new CIO(s, k);
        const direct = new (require('customerio-node'))(s, k);
        const api = new APIClient(key);
        cio.track(id, { name: 'x' });
      `),
    ).toEqual([
      'new TrackClient (legacy) credential=s credential=k',
      'new TrackClient (legacy) credential=s credential=k',
      'new APIClient (legacy) credential=key',
      "TrackClient.track personId=id eventName='x'",
    ]);
  });

  it('ignores look-alike calls of other libraries and unrelated objects', () => {
    expect(
      probeFile(`
        import { TrackClient } from 'customerio-node';
        import Rudder from '@rudderstack/rudder-sdk-node';
        const rudder = new Rudder(token);
        analytics.track({ userId, event: 'x' });
        rudder.track('x', {});
        posthog.capture({ distinctId, event: 'x' });
        const track = { identify() {} };
        track.identify(1);
      `),
    ).toEqual([]);
  });

  it('does nothing in files that mention no SDK', () => {
    expect(probeFile(`const cio = new TrackClient(a, b); cio.track(id, { name: 'x' });`)).toEqual([]);
  });
});

describe('engine: where clients are held', () => {
  it('follows class fields, constructor assignments and parameter properties', () => {
    expect(
      probeFile(`
        import { TrackClient, APIClient, PipelinesClient } from 'customerio-node';
        class A {
          private cio = new TrackClient(s, k);
          send() { return this.cio.track(id, { name: 'a' }); }
        }
        class B {
          api: APIClient;
          constructor() { this.api = new APIClient(key); }
          handler = async () => { await this.api.triggerBroadcast(1, data, recipients); };
        }
        class C {
          constructor(private readonly pipes: PipelinesClient) {}
          run() { this.pipes.identify({ userId: u }); }
        }
      `),
    ).toEqual([
      'new TrackClient credential=s credential=k',
      'TrackClient.track personId=id eventName=\'a\'',
      'new APIClient credential=key',
      'APIClient.triggerBroadcast broadcastData=data recipients=recipients',
      'PipelinesClient.identify personId=u',
    ]);
  });

  it('follows object properties, factories, lazy singletons, await and .then', () => {
    expect(
      probeFile(`
        import { TrackClient } from 'customerio-node';
        const clients = { cio: new TrackClient(s, k) };
        clients.cio.destroy(1);
        function makeClient() { return new TrackClient(s, k); }
        makeClient().destroy(2);
        let instance;
        export function getCio() {
          if (!instance) instance = new TrackClient(s, k);
          return instance;
        }
        getCio().destroy(3);
        async function load() { return new TrackClient(s, k); }
        async function run() {
          const cio = await load();
          cio.destroy(4);
          load().then((c) => c.destroy(5));
        }
      `),
    ).toEqual([
      'new TrackClient credential=s credential=k',
      'TrackClient.destroy personId=1',
      'new TrackClient credential=s credential=k',
      'TrackClient.destroy personId=2',
      'new TrackClient credential=s credential=k',
      'TrackClient.destroy personId=3',
      'new TrackClient credential=s credential=k',
      'TrackClient.destroy personId=4',
      'TrackClient.destroy personId=5',
    ]);
  });

  it('follows conditionally created clients', () => {
    expect(
      probeFile(`
        import { TrackClient } from 'customerio-node';
        const cio = process.env.CIO_ENABLED ? new TrackClient(s, k) : null;
        cio?.destroy(1);
      `),
    ).toEqual(['new TrackClient credential=s credential=k', 'TrackClient.destroy personId=1']);
  });

  it('resolves parameters typed with an SDK class, including `import type`', () => {
    expect(
      probeFile(`
        import type { TrackClient } from 'customerio-node';
        import type * as cio from 'customerio-node';
        export async function a(client: TrackClient) { await client.destroy(1); }
        export async function b(client: cio.APIClient | undefined) { await client?.getAttributes(2); }
      `),
    ).toEqual(['TrackClient.destroy personId=1', 'APIClient.getAttributes personId=2']);
  });
});

describe('engine: klaviyo-api generations and the batching Pipelines client', () => {
  it('resolves sessions, *Api classes, singletons and the namespace object', () => {
    expect(
      probeFile(`
        import { ApiKeySession, EventsApi, Profiles, ConfigWrapper, Klaviyo } from 'klaviyo-api';
        const session = new ApiKeySession(key);
        const events = new EventsApi(session);
        events.createEvent({ data: { type: 'event', attributes: { time: t, metric: { data: { type: 'metric', attributes: { name: 'Placed' } } } } } });
        ConfigWrapper(key);
        Profiles.getProfiles();
        new Klaviyo.ProfilesApi(session).createProfile(body);
        new Klaviyo.Auth.ApiKeySession(other);
      `),
    ).toEqual([
      'new ApiKeySession credential=key',
      'new EventsApi options=session',
      "EventsApi.createEvent payload={ time: t, metric: { data: { type: 'metric', attributes: { name: 'Placed' } } } } eventName='Placed' timestamp=t",
      'new ConfigWrapper credential=key',
      'ProfilesApi.getProfiles',
      'new ProfilesApi options=session',
      'ProfilesApi.createProfile',
      'new ApiKeySession credential=other',
    ]);
  });

  it('resolves the Pipelines Analytics client through default and named imports', () => {
    expect(
      probeFile(`
        import Analytics from '@customerio/cdp-analytics-node';
        const analytics = new Analytics({ writeKey: key, host: 'https://cdp-eu.customer.io' });
        analytics.track({ userId: u, event: 'e', timestamp: t });
        await analytics.closeAndFlush();
      `),
    ).toEqual([
      "new Analytics options={ writeKey: key, host: 'https://cdp-eu.customer.io' } credential=key region='https://cdp-eu.customer.io'",
      "Analytics.track personId=u timestamp=t eventName='e'",
      'Analytics.closeAndFlush',
    ]);
  });
});

describe('engine: wrappers and settings', () => {
  it('turns call sites of local wrappers into SDK calls, through two levels while the argument is passed on whole', () => {
    expect(
      probeFile(`
        import { TrackClient } from 'customerio-node';
        const cio = new TrackClient(s, k);
        function trackEvent(userId, name, data) {
          return cio.track(userId, { name, data, timestamp: ts });
        }
        const trackSignup = (userId, plan) => trackEvent(userId, 'signed_up', { plan });
        trackEvent(u.id, \`viewed_\${x}\`, {});
        trackSignup(current.id, 'pro');
      `),
    ).toEqual([
      'new TrackClient credential=s credential=k',
      'TrackClient.track timestamp=ts',
      "via TrackClient.track eventName='signed_up' eventProperties={ plan }",
      'via TrackClient.track personId=u.id eventName=`viewed_${x}` eventProperties={}',
      "via TrackClient.track personId=current.id",
    ]);
  });

  it('reads clients and wrappers declared in settings.cdp', () => {
    expect(
      probeFile(
        `
        import { cio, api } from '../lib/cio';
        import { trackEvent } from './analytics';
        cio.identify(id, { email });
        api.sendEmail(request);
        trackEvent(id, 'x');
      `,
        {
          settings: {
            cdp: {
              clients: { './lib/cio': ['cio', 'api'] },
              wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name'] }],
            },
          },
        },
      ),
    ).toEqual([
      'TrackClient.identify personId=id attributes={ email }',
      'APIClient.sendEmail request=request',
      "TrackClient.track personId=id eventName='x'",
    ]);
  });

  it('explains invalid settings by name', () => {
    expect(() =>
      probeFile(`import 'customerio-node';`, { settings: { cdp: { wrappers: [{ name: 'x', calls: 'Nope.track', args: [] }] } } }),
    ).toThrow(/settings\.cdp\.wrappers\[0\]\.calls: unknown client class 'Nope'/);
  });
});

describe('engine: type information', () => {
  it('resolves a client imported from another module only with types', () => {
    const code = `
      import { cio, analytics } from './lib/cio';
      export async function handler(id: string) {
        await cio.track(id, { name: 'x' });
        analytics.identify({ userId: id });
      }
    `;
    expect(probeFile(code)).toEqual([]);
    expect(probeFile(code, { typed: true })).toEqual([
      "TrackClient.track personId=id eventName='x'",
      'Analytics.identify personId=id',
    ]);
  });
});

describe('engine: clients declared without a class', () => {
  it('infers the client from the argument style of each call', () => {
    expect(
      probeFile(
        `
        import { pipelines, cio } from './lib/cio';
        pipelines.track({ userId: id, event: 'x', timestamp: t });
        cio.track(id, { name: 'y' });
      `,
        { settings: { cdp: { clients: { './lib/cio': ['pipelines', 'cio'] } } } },
      ),
    ).toEqual([
      "PipelinesClient.track personId=id timestamp=t eventName='x'",
      "TrackClient.track personId=id eventName='y'",
    ]);
  });
});

describe('engine: wrappers that destructure or read members of their parameters', () => {
  it('maps destructured parameters and member reads to the call site', () => {
    expect(
      probeFile(`
        import { TrackClient } from 'customerio-node';
        const cio = new TrackClient(s, k);
        function track({ userId, name }) { return cio.track(userId, { name }); }
        function track2(userId, opts) { return cio.track(userId, { name: opts.name, data: opts.data }); }
        function identifyUser(user) { return cio.identify(user.email, { plan: user.plan }); }
        track({ userId: 1, name: \`x_\${y}\` });
        track2(2, { name: 'z', data: {} });
        identifyUser({ email: e, plan: 'pro' });
        identifyUser(current);
      `),
    ).toEqual([
      'new TrackClient credential=s credential=k',
      // Destructured parameters are delegated whole to the call sites…
      'TrackClient.track',
      // …member reads stay where they are (they still say something) and also reach the call site.
      'TrackClient.track eventName=opts.name eventProperties=opts.data',
      'TrackClient.identify personId=user.email attributes={ plan: user.plan }',
      'via TrackClient.track personId=1 eventName=`x_${y}`',
      "via TrackClient.track personId=2 eventName='z' eventProperties={}",
      'via TrackClient.identify personId=e',
      'via TrackClient.identify',
    ]);
  });
});

describe('engine: conditional values', () => {
  it('keeps a client from either branch but no single export from two different ones', () => {
    expect(
      probeFile(`
        import { TrackClient, RegionEU, RegionUS } from 'customerio-node';
        const region = isEu ? RegionEU : RegionUS;
        const cio = enabled ? new TrackClient(s, k, { region }) : undefined;
        cio?.destroy(1);
      `),
    ).toEqual(['new TrackClient credential=s credential=k options={ region } region=region', 'TrackClient.destroy personId=1']);
  });
});
