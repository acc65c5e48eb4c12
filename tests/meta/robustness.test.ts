// The plugin must never throw on code ESLint can parse. Every rule runs over odd but valid shapes of
// SDK use (missing and spread arguments, computed members, cycles, private fields, JSX, CommonJS),
// with and without type information, with and without settings.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = path.join(root, 'tests/fixtures');

const CIO = `import { TrackClient, APIClient, RegionEU, SendEmailRequest } from 'customerio-node';`;
const PIPELINES = `import { Analytics } from '@customerio/cdp-analytics-node';`;
const KLAVIYO = `import { ApiKeySession, EventsApi, ProfilesApi } from 'klaviyo-api';`;

const corpus: Record<string, string> = {
  'an empty file': '',
  'only a comment': '// customerio-node klaviyo-api @customerio/cdp-analytics-node',
  'an import and nothing else': CIO,
  'a side-effect import': `import 'customerio-node';`,
  'constructors without arguments': `${CIO}${PIPELINES}${KLAVIYO}
    new TrackClient(); new APIClient(); new Analytics(); new ApiKeySession(); new EventsApi();`,
  'constructors with spread and odd arguments': `${CIO}${PIPELINES}
    const args = [process.env.A, process.env.B] as const;
    new TrackClient(...args); new TrackClient(null, undefined, 42); new Analytics(...[]); new Analytics(null);
    new TrackClient(\`\${1}\`, String(2), { region: null }); new TrackClient(1 as any, 2 as any, { ...{} });`,
  'calls without arguments, with spreads and with non-object arguments': `${CIO}
    const cio = new TrackClient(process.env.A!, process.env.B!);
    cio.track(); cio.identify(); cio.trackAnonymous(); cio.track(...[1, 2]); cio.identify(1, 2, 3, 4);
    cio.track('id', null); cio.track('id', 'name'); cio.identify('id', [Date.now()]); cio.track('id', { ...{ name: 'x' } });`,
  'computed, optional and bracketed members': `${CIO}
    const cio = new TrackClient(process.env.A!, process.env.B!);
    const m = 'track';
    cio['track']('id', { name: 'a' }); cio[m]('id', { name: \`b\` }); cio?.track?.('id', { name: 'c' });
    (cio as any).identify('id', { [m]: Date.now(), ['created_at']: Date.now() });
    cio.identify('id', { created_at: Date.now(), get updated_at() { return Date.now(); } });`,
  'destructured and re-bound methods': `${CIO}
    const cio = new TrackClient(process.env.A!, process.env.B!);
    const { track, identify: id } = cio; track('x', { name: 'n' }); id('x', {});
    const bound = cio.track.bind(cio); bound('x', { name: 'n' }); cio.track.call(cio, 'x', { name: 'n' });`,
  'cyclic and self-referential bindings': `${CIO}
    let a: any = b; var b: any = a; const c = (): any => c();
    function f(): any { return f(); } function g(): any { return h(); } function h(): any { return g(); }
    const cio = new TrackClient(a, b); cio.track(f(), { name: g(), timestamp: c() });
    let re = cio; re = re; re.identify(re, re);`,
  'reassigned clients': `${CIO}
    let cio: any; cio = new TrackClient(process.env.A!, process.env.B!); cio = new APIClient(process.env.C!);
    cio.track('id', { name: 'x' }); cio = undefined; cio?.identify('id', {});`,
  'namespace, default and dynamic imports': `import * as sdk from 'customerio-node';
    import cioDefault from 'customerio-node';
    new sdk.TrackClient(process.env.A!, process.env.B!).track('id', { name: 'n', timestamp: Date.now() });
    new (cioDefault as any).TrackClient('a', 'b');
    export async function later() { const { TrackClient } = await import('customerio-node'); return new TrackClient('x', 'y'); }`,
  'require in every shape': `const sdk = require('customerio-node'); const { TrackClient: T } = require('customerio-node');
    const Klass = require('customerio-node').TrackClient; require('customerio-node'); require(); require(sdk);
    const name = 'customerio-node'; require(name); new T(process.env.A, process.env.B); new Klass(); new (require('customerio-node').APIClient)(process.env.C);`,
  'class fields, private fields, statics and accessors': `${CIO}
    export class Svc {
      #cio = new TrackClient(process.env.A!, process.env.B!);
      static shared = new TrackClient(process.env.A!, process.env.B!);
      private readonly api = new APIClient(process.env.C!);
      get client() { return this.#cio; }
      constructor(private injected: TrackClient) {}
      async run(id: string) {
        await this.#cio.track(id, { name: 'ran' }); await Svc.shared.identify(id, { created_at: Date.now() });
        await this.client.track(id, { name: 'got' }); await this.injected.identify(id, {});
        await this.api.sendEmail(new SendEmailRequest({ to: 'a@b.c', identifiers: { id } }));
        const self = this; await self['#cio' as never];
      }
      static { Svc.shared.track('boot', { name: 'static_block' }); }
    }`,
  'object literals, factories and getters holding clients': `${CIO}
    const holder = { cio: new TrackClient(process.env.A!, process.env.B!), make() { return new APIClient(process.env.C!); } };
    const factory = () => new TrackClient(process.env.A!, process.env.B!);
    let cached: TrackClient | undefined; const lazy = () => (cached ??= new TrackClient(process.env.A!, process.env.B!));
    holder.cio.track('id', { name: 'n' }); factory().identify('id', {}); lazy().track('id', { name: 'x' }); holder.make();`,
  'promise chains, async iteration and generators': `${CIO}${PIPELINES}
    const cio = new TrackClient(process.env.A!, process.env.B!); const analytics = new Analytics({ writeKey: process.env.W! });
    Promise.resolve(cio).then((c) => c.track('id', { name: 'n' })).then(() => cio.identify('id', {}), () => null);
    async function* gen() { for await (const id of [] as AsyncIterable<string>) yield cio.identify(id, { created_at: Date.now() }); }
    function* sync() { yield* [cio.track('a', { name: 'b' })]; }
    outer: for (const id of ['a']) { for (;;) { cio.track(id, { name: 'loop' }); break outer; } }
    analytics.track(); analytics.track(null as any); analytics.identify({ ...{} } as any); analytics.track({ userId: 'u', event: \`e_\${1}\`, timestamp: Date.now() });
    void analytics.closeAndFlush();`,
  'request handlers of every style': `${CIO}
    declare const app: any; declare const router: any;
    app.post('/a', async (req: any, res: any) => { const cio = new TrackClient(req.a, req.b); await cio.track(req.body.id, { name: 'x' }); res.end(); });
    router.get('/b', function handler(this: any) { return new TrackClient(this.a, this.b); });
    export async function POST(request: Request) { const cio = new TrackClient('a', 'b'); return cio.identify(await request.text(), {}); }
    export const handler = async (event: any) => new TrackClient(event.a, event.b).track(event.id, { name: 'lambda' });`,
  'identify and track in every order': `${CIO}
    const cio = new TrackClient(process.env.A!, process.env.B!);
    export async function f(id: string, isNew: boolean) {
      await cio.track(id, { name: 'a' }); if (isNew) await cio.identify(id, {}); else { try { await cio.identify(id, {}); } catch { return; } finally { cio.track(id, { name: 'f' }); } }
      await Promise.all([cio.identify(id, {}), cio.track(id, { name: 'b' })]); void cio.identify(id, {}); await cio.track(id, { name: 'c' });
      switch (id) { case 'x': cio.track(id, { name: 'd' }); default: cio.identify(id, {}); }
      while (isNew) { cio.track(id, { name: 'w' }); cio.identify(id, {}); isNew = false; }
      const g = () => cio.identify(id, {}); g(); cio.track(id, { name: 'g' }); return isNew ? cio.track(id, { name: 'h' }) : cio.identify(id, {});
    }`,
  'klaviyo calls with odd payloads': `${KLAVIYO}
    const session = new ApiKeySession(process.env.K!); const events = new EventsApi(session); const profiles = new ProfilesApi(session);
    events.createEvent(); events.createEvent(null as any); events.createEvent(42 as any); events.createEvent({} as any);
    events.createEvent({ data: { type: 'event', attributes: { properties: {}, time: Date.now(), metric: { data: { type: 'metric', attributes: { name: \`n_\${1}\` } } }, profile: { data: { type: 'profile', attributes: { email: 'x@y.z' } } } } } } as any);
    profiles.createProfile({ data: { type: 'profile', attributes: { email: undefined, ...{} } } } as any);`,
  'TypeScript-only syntax': `${CIO}
    declare module 'x' { export const cio: TrackClient; }
    namespace NS { export const cio = new TrackClient(process.env.A!, process.env.B!); }
    enum Ev { A = 'a', B = 'b' } const enum C { X = 1 }
    abstract class Base { abstract cio: TrackClient; run() { return this.cio.track('id', { name: Ev.A }); } }
    NS.cio.track('id', { name: Ev.B } satisfies { name: string }); NS.cio.identify('id', <any>{ created_at: Date.now() });
    type T = Parameters<TrackClient['track']>; export type { T }; export { Base };`,
  'decorators': `${CIO}
    declare function Injectable(): ClassDecorator; declare function Inject(t: unknown): ParameterDecorator;
    @Injectable() export class S { constructor(@Inject('CIO') private readonly cio: TrackClient) {} go() { return this.cio.track('i', { name: 'n' }); } }`,
  'wrapper functions in many shapes': `${CIO}
    const cio = new TrackClient(process.env.A!, process.env.B!);
    export function trackEvent(id: string, name: string, data?: object) { return cio.track(id, { name, data }); }
    export const track2 = (...args: Parameters<typeof cio.track>) => cio.track(...args);
    const analytics = { trackEvent: (id: string, event: string) => cio.track(id, { name: event }) };
    trackEvent('u', \`dyn_\${Math.random()}\`); track2('u', { name: 'x' }); analytics.trackEvent('u', 'e'); trackEvent(); trackEvent(...['a']);`,
  'CommonJS exports': `const { TrackClient } = require('customerio-node');
    const cio = new TrackClient(process.env.A, process.env.B);
    module.exports = cio; module.exports.track = (id, name) => cio.track(id, { name }); exports.x = cio;`,
  'deeply nested expressions': `${CIO}
    const cio = new TrackClient(process.env.A!, process.env.B!);
    cio.identify('id', ${'{ a: '.repeat(200)}Date.now()${' }'.repeat(200)});
    cio.track('id', { name: ${'('.repeat(100)}'x'${')'.repeat(100)} });`,
};

const tsx = `${CIO}
  const cio = new TrackClient(process.env.A!, process.env.B!);
  export function Button({ id }: { id: string }) {
    return <button onClick={() => cio.track(id, { name: \`click_\${id}\`, timestamp: Date.now() })}>go</button>;
  }`;

const settings = {
  cdp: {
    clients: { './lib/cio': ['cio'], 'lib/klaviyo': { events: 'EventsApi' } },
    wrappers: [
      { name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] },
      { name: 'analytics.trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '9.nowhere'] },
      { name: 'track2', calls: 'customerio-node:TrackClient.track', args: [null, null] },
    ],
    region: 'EU',
    events: ['a', 'b'],
  },
};

function lint(linter: Linter, code: string, filename: string, withSettings: boolean, typed: boolean) {
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,ts,tsx}'],
      languageOptions: {
        parser: tsParser,
        parserOptions: typed
          ? { projectService: true, tsconfigRootDir: fixturesDir }
          : { ecmaFeatures: { jsx: true } },
      },
    },
    plugin.configs.all,
    ...(withSettings ? [{ settings }] : []),
  ];
  return linter.verify(code, config, filename);
}

describe('every rule on unusual code', () => {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const cases = Object.entries(corpus);

  it.each(cases)('does not throw on %s', (_name, code) => {
    for (const withSettings of [false, true]) {
      const messages = lint(linter, code, path.join(root, 'src/sample.ts'), withSettings, false);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      for (const message of messages) expect(message.ruleId).toMatch(/^cdp\//);
    }
  });

  it('exercises the rules: the corpus holds mistakes they report', () => {
    const reported = cases.flatMap(([, code]) => lint(linter, code, path.join(root, 'src/sample.ts'), false, false));
    expect(reported.length).toBeGreaterThan(0);
  });

  it('does not throw on JSX', () => {
    const messages = lint(linter, tsx, path.join(root, 'src/sample.tsx'), true, false);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
  });

  it('does not throw on a CommonJS JavaScript file', () => {
    const messages = lint(linter, corpus['CommonJS exports'], path.join(root, 'src/sample.js'), true, false);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
  });

  it('applies every fix and every suggestion without producing code that fails to parse', () => {
    for (const [name, code] of cases) {
      const filename = path.join(root, 'src/sample.ts');
      for (const message of lint(linter, code, filename, false, false)) {
        const edits = [message.fix, ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)];
        for (const edit of edits) {
          if (!edit) continue;
          const fixed = code.slice(0, edit.range[0]) + edit.text + code.slice(edit.range[1]);
          const after = lint(linter, fixed, filename, false, false);
          expect(after.filter((m) => m.fatal), `${name}: ${message.ruleId}`).toEqual([]);
        }
      }
    }
  });
});

describe('every rule on unusual code with type information', () => {
  const linter = new Linter({ configType: 'flat', cwd: root });

  it.each(Object.entries(corpus))('does not throw on %s', (_name, code) => {
    const messages = lint(linter, code, path.join(fixturesDir, 'file.ts'), true, true);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
  });

  it('does not throw on JSX', () => {
    const messages = lint(linter, tsx, path.join(fixturesDir, 'react.tsx'), true, true);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
  });
});
