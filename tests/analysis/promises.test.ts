import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { followPromise, getSdkPromises, localCallSites } from '../../src/analysis/promises.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * Promise flow, read as lists. `p()` stands for any promise-returning call: the probe follows each
 * one and prints where its promise goes, e.g. `drop statement at p().then(f) (in try)` or
 * `await in handler via run`.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    const text = (node: TSESTree.Node): string => context.sourceCode.getText(node).replace(/\s+/g, ' ');
    const fnName = (node: TSESTree.Node): string => {
      for (let current = node.parent; current; current = current.parent) {
        if (current.type === AST_NODE_TYPES.FunctionDeclaration) return current.id?.name ?? 'anonymous';
        if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
          const parent = current.parent;
          if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
            return parent.id.name;
          }
          if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier) {
            return parent.key.name;
          }
          return 'callback';
        }
      }
      return 'module';
    };
    return {
      'CallExpression[callee.name="p"]'(node: TSESTree.CallExpression) {
        const flow = followPromise(node, { sourceCode: context.sourceCode });
        const lines = [
          ...flow.drops.map(
            (drop) =>
              `drop ${drop.kind} at ${text(drop.chainEnd)}${drop.inTry ? ' (in try)' : ''}${
                drop.via.length > 0 ? ` via ${drop.via.map((hop) => `${hop.how}:${text(hop.site.callee)}`).join(' > ')}` : ''
              }`,
          ),
          ...flow.awaits.map(
            (awaited) =>
              `await in ${fnName(awaited.node)}${awaited.via.length > 0 ? ` via ${awaited.via.map((hop) => text(hop.site.callee)).join(' > ')}` : ''}`,
          ),
        ];
        context.report({ node, messageId: 'found', data: { text: `${text(node)}: ${lines.join('; ') || 'handled'}` } });
      },
    };
  },
});

function flows(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    path.join(fixturesDir, 'file.ts'),
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}

describe('promise flow: where a promise goes', () => {
  it('drops it in a statement, a `void`, a sequence and an unused variable', () => {
    expect(
      flows(`
        async function f() {
          p(1);
          void p(2);
          (p(3), done());
          const unused = p(4);
        }
      `),
    ).toEqual([
      'p(1): drop statement at p(1)',
      'p(2): drop void at p(2)',
      'p(3): drop statement at p(3)',
      'p(4): drop unused at p(4)',
    ]);
  });

  it('counts a rejection handler anywhere on the chain, and `.then/.finally` alone as no handler', () => {
    expect(
      flows(`
        p(1).catch(report);
        p(2).then(ok, report);
        void p(3).catch(report);
        p(4).then(ok);
        p(5).finally(done).then(ok);
        p(6).catch();
        p(7).catch(report).then(ok);
        p(8)?.then(ok);
      `),
    ).toEqual([
      'p(1): handled',
      'p(2): handled',
      'p(3): handled',
      'p(4): drop statement at p(4).then(ok)',
      'p(5): drop statement at p(5).finally(done).then(ok)',
      'p(6): drop statement at p(6).catch()',
      'p(7): handled',
      'p(8): drop statement at p(8)?.then(ok)',
    ]);
  });

  it('follows combinators: `allSettled` handles, `all/race/any` pass the rejection on', () => {
    expect(
      flows(`
        async function f() {
          Promise.all([p(1), other()]);
          Promise.allSettled([p(2)]);
          await Promise.race([p(3)]);
          Promise.any([...[p(4)]]).catch(report);
          Promise.resolve(p(5));
        }
      `),
    ).toEqual([
      'p(1): drop statement at Promise.all([p(1), other()])',
      'p(2): handled',
      'p(3): await in f',
      'p(4): handled',
      'p(5): drop statement at Promise.resolve(p(5))',
    ]);
  });

  it('follows local variables: awaited, returned or combined later; dropped only when nothing reads them', () => {
    expect(
      flows(`
        async function f() {
          const a = p(1);
          await a;
          let b;
          b = p(2);
          return b;
        }
        async function g() {
          const c = p(3);
          const d = p(4);
          await Promise.all([c, d]);
          const e = p(5);
          e.then(ok);
        }
        export const exported = p(6);
      `),
    ).toEqual(['p(1): await in f', 'p(2): handled', 'p(3): await in g', 'p(4): await in g', 'p(5): drop statement at e.then(ok)', 'p(6): handled']);
  });

  it('treats passing, storing and yielding as someone else handling it', () => {
    expect(
      flows(`
        function* gen() { yield p(1); }
        queue.push(p(2));
        const holder = { pending: p(3) };
        class C { pending = p(4); }
        this.pending = p(5);
        limit(() => p(6));
        if (p(7)) {}
      `),
    ).toEqual(['p(1): handled', 'p(2): handled', 'p(3): handled', 'p(4): handled', 'p(5): handled', 'p(6): handled', 'p(7): handled']);
  });

  it('follows arrays of promises: combined, dropped, or awaited as an array (which waits for nothing)', () => {
    expect(
      flows(`
        async function f(users) {
          await Promise.all(users.map((u) => p(u)));
          users.map((u) => p(u.id));
          await users.map((u) => p(u.key));
          const list = users.map((u) => p(u.name));
          await Promise.allSettled(list);
          users.forEach((u) => p(u.email));
          users.forEach(async (u) => { await p(u.phone); });
          users.forEach((u) => p(u.x).catch(report));
          await Promise.all(Array.from(users, (u) => p(u.y)));
        }
      `),
    ).toEqual([
      'p(u): await in f',
      'p(u.id): drop array at p(u.id)',
      'p(u.key): drop array at p(u.key)',
      'p(u.name): await in f',
      'p(u.email): drop forEach at p(u.email)',
      'p(u.phone): drop forEach at p(u.phone); await in callback',
      'p(u.x): handled',
      'p(u.y): await in f',
    ]);
  });

  it('follows `.then` callbacks and IIFEs into the chain that adopts their result', () => {
    expect(
      flows(`
        getUser().then((u) => p(u.id));
        getUser().then(async (u) => { await p(u.name); }).catch(report);
        (async () => { await p(1); })();
        void (async () => p(2))();
      `),
    ).toEqual([
      'p(u.id): drop statement at getUser().then((u) => p(u.id))',
      'p(u.name): await in callback',
      'p(1): drop statement at (async () => { await p(1); })(); await in callback',
      'p(2): drop void at (async () => p(2))()',
    ]);
  });

  it('follows functions that return or await it to their call sites; a try/catch there stops the rejection', () => {
    expect(
      flows(`
        function send(id) { return p(id); }
        async function sendAll(id) { await p(id + 1); await send(id); }
        async function safe(id) { try { await p(id + 2); } catch (error) { log(error); } }
        const arrow = (id) => p(id + 3);
        async function handler(req) {
          send(1);
          sendAll(2);
          safe(3);
          await arrow(4);
        }
      `),
    ).toEqual([
      'p(id): drop statement at sendAll(2) via returns:send > awaits:sendAll; drop statement at send(1) via returns:send; await in sendAll via send',
      'p(id + 1): drop statement at sendAll(2) via awaits:sendAll; await in sendAll',
      'p(id + 2): await in safe',
      'p(id + 3): await in handler via arrow',
    ]);
  });

  it('follows `this.method()` calls of a class method', () => {
    expect(
      flows(`
        class Service {
          track(id) { return p(id); }
          run() { this.track(1); }
          async runAwaited() { await this.track(2); }
          nested() { [1].forEach(function () { this.track(3); }); }
        }
      `),
    ).toEqual(['p(id): drop statement at this.track(1) via returns:this.track; await in runAwaited via this.track']);
  });

  it('says when a dropped promise sits in a try block that therefore catches nothing', () => {
    expect(
      flows(`
        async function f() {
          try { p(1); } catch (error) { log(error); }
          try { p(2); } finally { done(); }
          try { other(); } catch (error) { p(3); }
          try { [1].forEach(() => { p(4); }); } catch {}
        }
      `),
    ).toEqual([
      'p(1): drop statement at p(1) (in try)',
      'p(2): drop statement at p(2)',
      'p(3): drop statement at p(3)',
      'p(4): drop statement at p(4)',
    ]);
  });

  it('never throws on odd shapes', () => {
    expect(
      flows(`
        p(1)[key];
        new Thing(p(2));
        x = p(3) + 1;
        const [a] = p(4);
        let r = p(5); r = r.then(ok); r = r.then(ok);
        function* g() { return p(6); }
        async function recurse() { await p(7); return recurse(); }
        recurse();
        label: p(8);
      `),
    ).toEqual([
      'p(1): handled',
      'p(2): handled',
      'p(3): handled',
      'p(4): handled',
      'p(5): handled',
      'p(6): handled',
      // The recursive call inside passes it on again; the outer call is the one that drops it.
      'p(7): drop statement at recurse() via awaits:recurse > returns:recurse; await in recurse',
      'p(8): drop statement at p(8)',
    ]);
  });
});

describe('promise flow: local call sites', () => {
  it('finds calls by binding only (not references passed as values, not shadowed names)', () => {
    const linter = new Linter({ configType: 'flat' });
    const found: string[] = [];
    const rule = ESLintUtils.RuleCreator.withoutDocs({
      meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
      defaultOptions: [],
      create(context) {
        return {
          'FunctionDeclaration, VariableDeclarator > ArrowFunctionExpression'(fn: TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression) {
            const sites = localCallSites(context.sourceCode, fn);
            // Cached: the same answer twice.
            expect(localCallSites(context.sourceCode, fn)).toBe(sites);
            found.push(sites.map((site) => context.sourceCode.getText(site)).join(', '));
          },
        };
      },
    });
    linter.verify(
      `
        function a() {}
        a(); a?.(); (a as any)(); list.map(a);
        const b = () => {};
        b(1);
        function c() { const a = 1; return a; }
        (() => {})();
      `,
      [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { t: { rules: { t: rule as never } } }, rules: { 't/t': 'error' } }],
      path.join(fixturesDir, 'file.ts'),
    );
    expect(found).toEqual(['a(), a?.(), (a as any)()', 'b(1)', '']);
  });
});

/** Lints with a rule that prints the SDK promises of the file. */
function sdkPromises(code: string, options: { settings?: Record<string, unknown>; typed?: boolean } = {}): string[] {
  const rule = ESLintUtils.RuleCreator.withoutDocs({
    meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          const promises = getSdkPromises(context);
          // Cached per file.
          expect(getSdkPromises(context)).toBe(promises);
          for (const { call, flow } of promises) {
            const drops = flow.drops.map((drop) => context.sourceCode.getText(drop.origin.callee)).join(',');
            context.report({
              node: call.node,
              messageId: 'found',
              data: { text: `${call.client.name}.${call.method.name}${drops ? ` dropped at ${drops}` : ''}` },
            });
          }
        },
      };
    },
  });
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser,
          parserOptions: options.typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
        },
        plugins: { t: { rules: { t: rule as never } } },
        rules: { 't/t': 'error' },
        settings: options.settings ?? {},
      },
    ],
    path.join(fixturesDir, 'file.ts'),
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}

describe('SDK promises of a file', () => {
  it('lists promise-returning SDK calls only (queued calls return nothing)', () => {
    expect(
      sdkPromises(`
        import { TrackClient } from 'customerio-node';
        import { Analytics } from '@customerio/cdp-analytics-node';
        const cio = new TrackClient(a, b);
        const analytics = new Analytics({ writeKey: k });
        cio.track(id, { name: 'x' });
        analytics.track({ userId: id, event: 'x' });
        await analytics.closeAndFlush();
      `),
    ).toEqual(['TrackClient.track dropped at cio.track', 'Analytics.closeAndFlush']);
  });

  it('follows local wrappers through the call sites the engine resolves (object methods too)', () => {
    expect(
      sdkPromises(`
        import { TrackClient } from 'customerio-node';
        const cio = new TrackClient(a, b);
        const helpers = { track(id, name) { return cio.track(id, { name }); } };
        helpers.track(user.id, 'x');
      `),
    ).toEqual(['TrackClient.track dropped at helpers.track']);
  });

  it('takes wrappers declared in settings, unless the file defines that function itself', () => {
    const settings = { cdp: { wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name'] }] } };
    expect(
      sdkPromises(
        `
        import { trackEvent } from './analytics';
        trackEvent(id, 'x');
      `,
        { settings },
      ),
    ).toEqual(['TrackClient.track dropped at trackEvent']);
    expect(
      sdkPromises(
        `
        import { TrackClient } from 'customerio-node';
        const cio = new TrackClient(a, b);
        function trackEvent(id, name) { cio.track(id, { name }).catch(report); }
        trackEvent(id, 'x');
        const other = (id) => {};
      `,
        { settings },
      ),
    ).toEqual(['TrackClient.track']);
  });

  it('with types, keeps a declared wrapper only when its result is a promise (or unknown)', () => {
    const settings = {
      cdp: {
        wrappers: [
          { name: 'queueEvent', calls: 'TrackClient.track', args: ['0', '1.name'] },
          { name: 'sendEvent', calls: 'TrackClient.track', args: ['0', '1.name'] },
          { name: 'anyEvent', calls: 'TrackClient.track', args: ['0', '1.name'] },
        ],
      },
    };
    expect(
      sdkPromises(
        `
        declare function queueEvent(id: string, name: string): void;
        declare function sendEvent(id: string, name: string): Promise<void> | undefined;
        declare const anyEvent: any;
        queueEvent('1', 'x');
        sendEvent('1', 'x');
        anyEvent('1', 'x');
      `,
        { settings, typed: true },
      ),
    ).toEqual(['TrackClient.track dropped at sendEvent', 'TrackClient.track dropped at anyEvent']);
  });
});
