import type { TSESTree } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CodePathRecorder, codePathOwner, solveForward, type RecordedPath, type Segment } from '../../src/analysis/order.js';

interface Probe {
  /** `name: must/may/mayAroundLoops` for each `check*()` call, in source order. */
  checks: string[];
  /** Per followed code path: how many loops, and whether each `check*()` can reach a `mark()` later. */
  paths: { owner: string; loops: number; reachesMark: string[] }[];
  recordedOutside: number;
}

/**
 * Follows functions whose name starts with `follow` (and the program when asked). `mark()` sets
 * a fact; each `checkN()` reports whether the fact holds there on every path (must), on some path
 * not counting earlier loop iterations (may), and on some path at all (cyclic may).
 */
function probe(code: string, options: { followProgram?: boolean } = {}): Probe {
  const result: Probe = { checks: [], paths: [], recordedOutside: 0 };
  const followed = (node: TSESTree.Node): boolean =>
    (node.type === 'Program' && !!options.followProgram) ||
    ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') && !!node.id?.name.startsWith('follow')) ||
    (node.type === 'ArrowFunctionExpression' && node.parent.type === 'VariableDeclarator' &&
      node.parent.id.type === 'Identifier' && node.parent.id.name.startsWith('follow')) ||
    node.type === 'StaticBlock' ||
    (node.parent?.type === 'PropertyDefinition' && node.parent.value === node);
  const rule = {
    meta: { type: 'problem' as const, schema: [], messages: {} },
    create() {
      const recorder = new CodePathRecorder<{ name: string; node: TSESTree.CallExpression }>({
        follow: followed,
        onEnd(path) {
          const set = (on: boolean) => (segment: Segment, input: boolean): boolean =>
            path.events(segment).reduce((state, event) => state || (on && event.name === 'mark'), input);
          const base = { entry: false, transfer: set(true), equal: (a: boolean, b: boolean) => a === b };
          const must = solveForward(path, { ...base, initial: true, meet: (a, b) => a && b });
          const may = solveForward(path, { ...base, initial: false, meet: (a, b) => a || b, acyclic: true });
          const cyclic = solveForward(path, { ...base, initial: false, meet: (a, b) => a || b });
          const marks = path.order.filter((segment) => path.events(segment).some((event) => event.name === 'mark'));
          const reachesMark: string[] = [];
          for (const segment of path.order) {
            const state = { must: must.get(segment)!, may: may.get(segment)!, cyclic: cyclic.get(segment)! };
            for (const event of path.events(segment)) {
              if (event.name === 'mark') {
                state.must = state.may = state.cyclic = true;
              } else {
                const flag = (value: boolean): string => (value ? 'yes' : 'no');
                result.checks.push(`${event.name}: ${flag(state.must)}/${flag(state.may)}/${flag(state.cyclic)}`);
                const later = marks.filter((mark) => path.reaches(segment, mark, { sameIteration: true }));
                const around = marks.filter((mark) => path.reaches(segment, mark));
                reachesMark.push(`${event.name}: ${later.length > 0 ? 'same iteration' : around.length > 0 ? 'next iteration' : 'never'}`);
              }
            }
          }
          result.paths.push({ owner: describeOwner(path), loops: path.loops().length, reachesMark });
        },
      });
      return {
        ...recorder.listeners(),
        'CallExpression:exit'(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier') return;
          const name = node.callee.name;
          if (name !== 'mark' && !name.startsWith('check')) return;
          if (!recorder.record(codePathOwner(node), { name, node })) result.recordedOutside++;
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser },
      plugins: { probe: { rules: { probe: rule } } },
      rules: { 'probe/probe': 'error' },
    },
  ], 'file.ts');
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  result.checks.sort();
  return result;
}

function describeOwner(path: RecordedPath<unknown>): string {
  const node = path.node;
  if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') return node.id?.name ?? 'function';
  return node.type;
}

describe('order: code-path owners', () => {
  it('finds the function, field initialiser, static block or program that runs a node', () => {
    const linter = new Linter({ configType: 'flat' });
    const owners: string[] = [];
    const rule = {
      meta: { type: 'problem' as const, schema: [], messages: {} },
      create() {
        return {
          'CallExpression:exit'(node: TSESTree.CallExpression) {
            const owner = codePathOwner(node);
            owners.push(owner.type === 'CallExpression' ? 'field value' : owner.type);
          },
        };
      },
    };
    linter.verify(
      `
      top();
      function f() { inFunction(); }
      const g = () => inArrow();
      class C {
        field = initialiser();
        [computedKey()] = 1;
        other = () => inFieldArrow();
        static { inStaticBlock(); }
      }
      `,
      [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { p: { rules: { p: rule } } }, rules: { 'p/p': 'error' } }],
      'file.ts',
    );
    expect(owners).toEqual([
      'Program',
      'FunctionDeclaration',
      'ArrowFunctionExpression',
      'field value',
      'Program',
      'ArrowFunctionExpression',
      'StaticBlock',
    ]);
  });
});

describe('order: forward data-flow', () => {
  it('meets branches: must needs every path, may needs one', () => {
    const { checks } = probe(`
      function follow(a) {
        if (a) mark(); else mark();
        check1();
        if (a) mark();
        check2();
      }
    `);
    expect(checks).toEqual(['check1: yes/yes/yes', 'check2: yes/yes/yes']);
    expect(
      probe(`
        function follow(a) {
          check1();
          if (a) mark();
          check2();
          a ? mark() : other();
          a && check3();
        }
      `).checks,
    ).toEqual(['check1: no/no/no', 'check2: no/yes/yes', 'check3: no/yes/yes']);
  });

  it('reaches a fixpoint around loops; may-facts ignore earlier iterations on request', () => {
    const { checks, paths } = probe(`
      function follow(items) {
        mark();
        for (const item of items) check1(item);
      }
      function followLoop(items) {
        for (const item of items) {
          check2(item);
          mark(item);
        }
        let i = 0;
        while (i++ < 3) {
          if (i > 1) continue;
          check3();
        }
        do { check4(); } while (items.pop());
      }
    `);
    expect(checks).toEqual(['check1: yes/yes/yes', 'check2: no/no/yes', 'check3: no/yes/yes', 'check4: no/yes/yes']);
    expect(paths.map((path) => path.loops)).toEqual([1, 3]);
  });

  it('answers "can this run before that" within one loop iteration', () => {
    const { paths } = probe(`
      function follow(items) {
        for (const item of items) {
          check1();
          if (item.skip) continue;
          mark();
        }
      }
      function followNext(items) {
        for (const item of items) {
          if (item.done) { mark(); continue; }
          check2();
        }
      }
      function followAfter(items) {
        while (items.length > 0) check3(items.pop());
        mark();
      }
    `);
    expect(paths.map((path) => path.reachesMark)).toEqual([
      ['check1: same iteration'],
      ['check2: next iteration'],
      ['check3: same iteration'],
    ]);
  });

  it('skips unreachable code, functions nobody follows, and nested functions', () => {
    const result = probe(`
      function follow() {
        mark();
        return;
        check1();
      }
      function ignored() { check2(); }
      function followOuter() {
        const inner = () => check3();
        check4();
      }
    `);
    expect(result.checks).toEqual(['check4: no/no/no']);
    expect(result.recordedOutside).toBe(3);
  });

  it('follows the program, class field initialisers and static blocks', () => {
    const result = probe(
      `
      mark();
      check1();
      class C {
        field = check2() || mark();
        static { if (x) mark(); check3(); }
      }
      `,
      { followProgram: true },
    );
    expect(result.checks).toEqual(['check1: yes/yes/yes', 'check2: no/no/no', 'check3: no/yes/yes']);
    expect(result.paths.map((path) => path.owner).sort()).toEqual(['LogicalExpression', 'Program', 'StaticBlock']);
  });

  it('keeps parallel segments of a finally block apart', () => {
    const { checks } = probe(`
      function follow() {
        try {
          mark();
        } finally {
          check1();
        }
      }
    `);
    // The normal way out has run mark(); the exceptional one may not have.
    expect(checks).toEqual(['check1: no/yes/yes', 'check1: yes/yes/yes']);
  });
});
