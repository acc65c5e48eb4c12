import * as parser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from './rule-tester.js';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;
type AnyCase = InvalidTestCase<string, readonly unknown[]>;

/** Lints `code` with one rule, as the rule tester would, and returns every message. */
export function lintWith(ruleName: string, rule: AnyRule, code: string, testCase: AnyCase, typed = false): Linter.LintMessage[] {
  // As the rule tester does: untyped cases are `react.tsx` (JSX is on), typed ones live in the fixtures.
  const filename = typed ? path.join(fixturesDir, testCase.filename ?? 'file.ts') : (testCase.filename ?? 'react.tsx');
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'],
        languageOptions: {
          parser,
          parserOptions: {
            ecmaFeatures: { jsx: true },
            ...(typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {}),
          },
        },
        plugins: { cdp: { rules: { [ruleName]: rule as never } } },
        rules: { [`cdp/${ruleName}`]: ['error', ...((testCase.options as unknown[] | undefined) ?? [])] },
        settings: (testCase.settings) ?? {},
      },
    ],
    filename,
  );
}

/** How a case is linted; rules for another language than JavaScript pass their own. */
export type CaseLinter = (code: string, testCase: AnyCase) => Linter.LintMessage[];

/**
 * Every fix and suggestion of every invalid case must leave code that parses and that the rule no
 * longer reports at that place: the autofixed output has exactly the unfixable reports left, and
 * each suggestion removes exactly one report.
 */
export function describeFixSafety(
  ruleName: string,
  rule: AnyRule,
  cases: readonly AnyCase[],
  typed = false,
  lint: CaseLinter = (code, testCase) => lintWith(ruleName, rule, code, testCase, typed),
): void {
  const withRemedies = cases.filter(
    (testCase) =>
      typeof testCase.output === 'string' ||
      testCase.errors.some((error) => Array.isArray(error.suggestions) && error.suggestions.length > 0),
  );
  if (withRemedies.length === 0) return;
  describe(`${ruleName}: fixed and suggested code is valid${typed ? ' (typed)' : ''}`, () => {
    it.each(withRemedies.map((testCase) => [testCase.name ?? testCase.code, testCase] as const))('%s', (_name, testCase) => {
      const before = lint(testCase.code, testCase);
      expect(before.filter((message) => message.fatal)).toEqual([]);
      if (typeof testCase.output === 'string') {
        const after = lint(testCase.output, testCase);
        expect(after.filter((message) => message.fatal)).toEqual([]);
        expect(after).toHaveLength(before.filter((message) => !message.fix).length);
      }
      for (const message of before) {
        for (const suggestion of message.suggestions ?? []) {
          const { range, text } = suggestion.fix;
          const output = testCase.code.slice(0, range[0]) + text + testCase.code.slice(range[1]);
          const after = lint(output, testCase);
          expect(after.filter((m) => m.fatal)).toEqual([]);
          expect(after).toHaveLength(before.length - 1);
        }
      }
    });
  });
}
