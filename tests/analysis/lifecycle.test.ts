// Client lifecycles (`lifecycle.ts`) and collection iteration (`iteration.ts`): the helpers behind
// require-flush, require-error-listener and no-unbounded-sdk-fanout.
import * as parser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  clientKeyOf,
  contains,
  isParameter,
  isScript,
  outlives,
  ownerFunction,
  settlementOf,
} from '../../src/analysis/lifecycle.js';
import {
  eagerCarrier,
  isBoundedCollection,
  isBoundedLoop,
  iterationOfCallback,
  loopPaces,
} from '../../src/analysis/iteration.js';
import { isFunction, type FunctionNode } from '../../src/analysis/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Parses `code` as ESLint does (parents and scopes set) and hands the source to `inspect`. */
function withSource<T>(code: string, inspect: (sourceCode: SourceCode) => T, filename = 'file.ts'): T {
  let result: T | undefined;
  let ran = false;
  const rule = {
    meta: { type: 'problem' as const, schema: [], messages: {} },
    create(context: TSESLint.RuleContext<never, []>) {
      return {
        'Program:exit'() {
          result = inspect(context.sourceCode);
          ran = true;
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser },
        plugins: { probe: { rules: { inspect: rule as never } } },
        rules: { 'probe/inspect': 'error' },
      },
    ],
    filename,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  expect(ran).toBe(true);
  return result as T;
}

/** Every node of a type, in source order. */
function nodes(sourceCode: SourceCode, test: (node: TSESTree.Node) => boolean): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const visit = (node: TSESTree.Node): void => {
    if (test(node)) found.push(node);
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item) visit(item as TSESTree.Node);
      } else if (value && typeof (value as TSESTree.Node).type === 'string') {
        visit(value as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** The calls of `p()`, the promise the tests follow. */
const calls = (sourceCode: SourceCode, name = 'p'): TSESTree.CallExpression[] =>
  nodes(
    sourceCode,
    (node) => node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name,
  ) as TSESTree.CallExpression[];

const functionsNamed = (sourceCode: SourceCode): Map<string, FunctionNode> => {
  const map = new Map<string, FunctionNode>();
  for (const node of nodes(sourceCode, isFunction) as FunctionNode[]) {
    const name =
      node.id?.name ??
      (node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier' ? node.parent.id.name : undefined);
    if (name) map.set(name, node);
  }
  return map;
};

describe('settlementOf', () => {
  it('classifies what happens to a promise', () => {
    const kinds = withSource(
      `async function f() {
        await p();
        await p().catch(log);
        await Promise.all([p(), other()]);
        return p();
      }
      const g = () => p();
      function* h() { yield p(); }
      function i(ctx) {
        p();
        p().catch(log);
        p().then(next);
        void p();
        void p().finally(done);
        ctx.waitUntil(p());
        after(p());
        const kept = p();
        const list = [p()];
        p().value;
        p(), other();
        other(), p();
        (p() as Promise<void>);
        !p();
      }`,
      (sourceCode) => calls(sourceCode).map((call) => settlementOf(call).kind),
    );
    expect(kinds).toEqual([
      'awaited', 'awaited', 'awaited', 'returned', 'returned', 'awaited',
      'dropped', 'dropped', 'continued', 'voided', 'continued', 'handed', 'handed', 'kept', 'kept', 'kept',
      'dropped', 'dropped', 'dropped', 'kept',
    ]);
  });

  it('gives the outermost carrier: the chain end or the combinator', () => {
    const tops = withSource(
      `async function f() { await p().catch(log); await Promise.all([p()]); }`,
      (sourceCode) => calls(sourceCode).map((call) => sourceCode.getText(settlementOf(call).top)),
    );
    expect(tops).toEqual(['p().catch(log)', 'Promise.all([p()])']);
  });
});

describe('client bindings', () => {
  const code = `import { shared } from './lib';
const holder = { client: shared };
let lazy;
export function handler(event, injected) {
  const local = make();
  lazy = make();
  shared.a(); holder.client.a(); local.a(); lazy.a(); injected.a(); injected.inner.a(); make().a();
}
class C {
  kept = make();
  swapped = make();
  run() { this.kept.a(); this.swapped = make(); this.swapped.a(); }
}`;

  it('keys receivers by binding, member chain or nothing', () => {
    const keys = withSource(code, (sourceCode) => {
      const receivers = nodes(
        sourceCode,
        (node) => node.type === 'MemberExpression' && node.property.type === 'Identifier' && node.property.name === 'a',
      ).map((member) => (member as TSESTree.MemberExpression).object);
      return receivers.map((receiver) => {
        const key = clientKeyOf(sourceCode, receiver);
        return typeof key === 'string' ? key.replace(/@\d+$/, '@') : key ? `var:${key.name}` : 'none';
      });
    });
    expect(keys).toEqual([
      'var:shared', 'holder.client@', 'var:local', 'var:lazy', 'var:injected', 'injected.inner@', 'none',
      'this.kept', 'this.swapped',
    ]);
  });

  it('tells which clients outlive the function and which come in as parameters', () => {
    const facts = withSource(code, (sourceCode) => {
      const fns = functionsNamed(sourceCode);
      const handler = fns.get('handler')!;
      const run = nodes(sourceCode, (node) => node.type === 'FunctionExpression' && node.parent?.type === 'MethodDefinition')[0] as FunctionNode;
      const receivers = nodes(
        sourceCode,
        (node) => node.type === 'MemberExpression' && node.property.type === 'Identifier' && node.property.name === 'a',
      ).map((member) => (member as TSESTree.MemberExpression).object);
      return receivers.map((receiver) => {
        const fn = contains(handler, receiver) ? handler : run;
        return `${outlives(sourceCode, receiver, fn) ? 'outlives' : 'local'}${isParameter(sourceCode, receiver) ? '+param' : ''}`;
      });
    });
    expect(facts).toEqual([
      'outlives', 'outlives', 'local', 'local', 'local+param', 'local+param', 'local',
      'outlives', 'local',
    ]);
  });

  it('finds the owner function', () => {
    const owners = withSource(`p(); function f() { p(); const g = () => p(); }`, (sourceCode) =>
      calls(sourceCode).map((call) => ownerFunction(call)?.type ?? 'module'),
    );
    expect(owners).toEqual(['module', 'FunctionDeclaration', 'ArrowFunctionExpression']);
  });
});

describe('isScript', () => {
  const script = (code: string): boolean => withSource(code, isScript);

  it('recognises shebangs and top-level exits', () => {
    expect(script('#!/usr/bin/env node\nrun();')).toBe(true);
    expect(script('run();\nprocess.exit(0);')).toBe(true);
    expect(script('main().then(() => process.exit(0));')).toBe(true);
    expect(script('main().catch(report).finally(() => { cleanup(); process.exit(); });')).toBe(true);
    expect(script('async function main() { await work(); process.exit(0); }\nmain();')).toBe(true);
    expect(script('const main = async () => { process.exit(0); };\nawait main();')).toBe(true);
  });

  it('does not count exits on the error path, inside conditions, or nowhere', () => {
    expect(script('main().catch(() => process.exit(1));')).toBe(false);
    expect(script('if (!ok) process.exit(1);\nstart();')).toBe(false);
    expect(script('async function main() { if (bad) process.exit(1); }\nmain();')).toBe(false);
    expect(script('export const handler = async () => {};')).toBe(false);
  });
});

describe('iteration shapes', () => {
  it('recognises the iterations that start every callback at once', () => {
    const labels = withSource(
      `users.map((u) => u); users.flatMap((u) => u); users.forEach((u) => u); Array.from(set, (u) => u);
      pMap(users, (u) => u); pMap(users, (u) => u, { concurrency: 2 }); pMap(users, (u) => u, { concurrency: Infinity });
      _.forEach(users, (u) => u); async.each(users, (u) => u); async.eachLimit(users, 2, (u) => u);
      users.filter((u) => u); users.reduce((a, u) => a, 0); stream.map((u) => u, { concurrency: 2 }); users.map(fn, ctx);`,
      (sourceCode) =>
        (nodes(sourceCode, (node) => node.type === 'ArrowFunctionExpression') as FunctionNode[]).map((fn) => {
          const iteration = iterationOfCallback(fn);
          return iteration ? `${iteration.label}:${iteration.kind}` : '-';
        }),
    );
    expect(labels).toEqual([
      'map:map', 'flatMap:map', 'forEach:forEach', 'Array.from:map',
      'pMap:map', '-', 'pMap:map',
      '_.forEach:forEach', 'async.each:map', '-',
      '-', '-', '-',
    ]);
  });

  it('tells bounded collections from unbounded ones', () => {
    const bounded = withSource(
      `const SMALL = ['a', 'b'];
      const all = await load();
      for (const group of chunk(all, 10)) use(group);
      for (const item of all) use(item);
      use([a, b], [...all], SMALL, all, all.slice(0, 10), all.slice(1), all.splice(0, 5), chunk(all, 5),
        currentBatch, chunks[0], job.data.userBatch, this.users, other.items, all.filter(ok), 42);`,
      (sourceCode) => {
        const args: TSESTree.Node[] = [];
        for (const call of calls(sourceCode, 'use')) args.push(...call.arguments);
        return args.map((arg) => isBoundedCollection(sourceCode, arg));
      },
    );
    expect(bounded).toEqual([
      true, false, // group of chunk(…), item of all
      true, false, true, false, true, false, true, true,
      true, true, true, false, false, false, false,
    ]);
  });

  it('knows which callbacks run now and which run later', () => {
    const carriers = withSource(
      `p().then(() => 1); p().catch(function () {}); (() => 2)(); new Promise((resolve) => resolve());
      limit(() => 3); setTimeout(() => 4); new Thing(() => 5); function named() {}`,
      (sourceCode) =>
        (nodes(sourceCode, isFunction) as FunctionNode[]).map((fn) => eagerCarrier(fn)?.type ?? '-'),
    );
    expect(carriers).toEqual(['CallExpression', 'CallExpression', 'CallExpression', 'NewExpression', '-', '-', '-', '-']);
  });

  it('tells paced and bounded loops', () => {
    const loops = withSource(
      `async function f(users) {
        for (const u of users) { await p(u); }
        for await (const u of users) p(u);
        for (const u of users) { p(u); if (x) await flush(); }
        for (const u of users) { items.push(async () => { await p(u); }); }
        for (const u of users) p(u);
        for (let i = 0; i < 3; i++) p(i);
        for (let i = 0; i < users.length; i++) p(i);
        for (const u of ['a', 'b']) p(u);
        for (const key in object) p(key);
        for (;;) p();
        function* g() { for (const u of users) yield p(u); }
      }`,
      (sourceCode) =>
        nodes(sourceCode, (node) => ['ForStatement', 'ForOfStatement', 'ForInStatement'].includes(node.type)).map(
          (loop) => `${loopPaces(sourceCode, loop) ? 'paced' : 'free'}/${isBoundedLoop(sourceCode, loop) ? 'bounded' : 'open'}`,
        ),
    );
    expect(loops).toEqual([
      'paced/open', 'paced/open', 'paced/open', 'free/open', 'free/open', 'free/bounded', 'free/open',
      'free/bounded', 'free/open', 'free/open', 'paced/open',
    ]);
  });
});
