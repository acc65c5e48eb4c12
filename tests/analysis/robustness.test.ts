import { describe, expect, it } from 'vitest';
import { probeFile } from './probe.js';

// Shapes that stress the resolver: cycles, patterns it does not follow, odd syntax. None may throw.
const SNIPPETS: [string, string][] = [
  ['self-referencing bindings', `import { TrackClient } from 'customerio-node'; let a = b; let b = a; a.track(1, {}); var c = c; c.identify(1);`],
  ['mutually recursive factories', `import 'customerio-node'; function f() { return g(); } function g() { return f(); } f().track(1, {});`],
  ['array and rest patterns', `const [TrackClient] = require('customerio-node'); const { ...rest } = require('customerio-node'); new TrackClient(); new rest.TrackClient(a, b);`],
  ['computed members', `import * as cio from 'customerio-node'; const k = 'TrackClient'; new cio[k](a, b); new cio['APIClient'](key); cio[Symbol.iterator]();`],
  ['this outside classes', `import 'customerio-node'; this.cio.track(1, {}); function f() { return this.cio.track(1, {}); } const o = { m() { return this.c.track(1); }, c: null };`],
  ['classes with super, statics, private members and accessors', `
    import { TrackClient } from 'customerio-node';
    class Base { cio = new TrackClient(a, b); }
    class A extends Base {
      static #instance = new TrackClient(a, b);
      #c = new TrackClient(a, b);
      get client() { return this.#c; }
      set client(v) {}
      static { this.#instance.track(1, { name: 'x' }); }
      m() { super.m?.(); this.#c.track(1, { name: 'x' }); this.client.track(1, { name: 'y' }); this.cio.identify(1); }
      [Symbol.iterator]() {}
    }`],
  ['decorators and parameter properties', `
    import { TrackClient } from 'customerio-node';
    @Injectable() class S { constructor(@Inject(X) private readonly cio: TrackClient, public other = 1) {} @Get() m() { return this.cio.track(1, { name: 'x' }); } }`],
  ['JSX and tagged templates', `
    import { TrackClient } from 'customerio-node';
    const cio = new TrackClient(a, b);
    export const C = () => <button onClick={() => cio.track(id, { name: \`click_\${x}\` })}>{tag\`x\${y}\`}</button>;`],
  ['generators, async iteration, labels and sequences', `
    import { TrackClient } from 'customerio-node';
    const cio = new TrackClient(a, b);
    async function* g() { for await (const x of xs) { outer: for (;;) { yield (0, cio).track(x, { name: 'n' }); break outer; } } }`],
  ['wrappers with spreads, defaults and rest parameters', `
    import { TrackClient } from 'customerio-node';
    const cio = new TrackClient(a, b);
    function w(id = 'x', ...rest) { return cio.track(id, { ...rest, name: rest[0] }); }
    const v = ({ id }) => cio.track(id, { name: 'x' });
    w(); w(...args); v({ id: 1 });`],
  ['unusual callees and arguments', `
    const m = require('customerio-node');
    new (m.TrackClient)(...keys);
    new m.TrackClient;
    require(); require(name); require('customerio-node', extra);
    import('customerio-node').then(({ TrackClient }) => new TrackClient(a, b).track(1, { name: 'x' }));`],
  ['TypeScript-only syntax', `
    import type { TrackClient } from 'customerio-node';
    import cio = require('customerio-node');
    declare const c: TrackClient;
    enum E { A = 'a' }
    namespace N { export const x = 1; }
    abstract class K { abstract m(): void; declare d: TrackClient; }
    c.track(1, { name: E.A } satisfies object);
    (c as TrackClient).identify(1);
    (<TrackClient>c).identify(2);
    const f = <T,>(x: T) => x; f<TrackClient>(c).identify(3);`],
];

describe('engine robustness', () => {
  it.each(SNIPPETS)('does not throw on %s', (_, code) => {
    // Angle-bracket type assertions are not valid in .tsx files.
    const filename = code.includes('<TrackClient>c') ? 'file.ts' : 'react.tsx';
    expect(() => probeFile(code, { filename })).not.toThrow();
  });

  it('resolves through private members, getters and static blocks', () => {
    expect(probeFile(SNIPPETS[5][1])).toEqual(
      expect.arrayContaining(["TrackClient.track personId=1 eventName='x'", "TrackClient.track personId=1 eventName='y'"]),
    );
  });

  it('resolves declared bindings and type assertions', () => {
    expect(probeFile(SNIPPETS[11][1])).toEqual([
      'TrackClient.track personId=1 eventName=E.A',
      'TrackClient.identify personId=1',
      'TrackClient.identify personId=2',
      // `f<TrackClient>(c)` returns its parameter: unknown without types, and silence is right.
    ]);
  });
});
