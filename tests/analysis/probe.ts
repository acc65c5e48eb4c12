import { ESLintUtils } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';
import { getSdkAnalysis } from '../../src/analysis/sdk-calls.js';
import { fixturesDir } from '../rule-tester.js';

/** A rule that prints what the engine resolved, so engine tests read as plain lists. */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    // Resolved in create(), as rules do: ESLint sets parents before it creates rules.
    const analysis = getSdkAnalysis(context);
    return {
      Program() {
        const text = (node: { range: [number, number] }): string =>
          context.sourceCode.text.slice(node.range[0], node.range[1]);
        for (const construction of analysis.constructions) {
          const fields = construction.fields.map((f) => `${f.spec.role}=${text(f.node)}`).join(' ');
          context.report({
            node: construction.node,
            messageId: 'found',
            data: { text: `new ${construction.client.name}${construction.legacy ? ' (legacy)' : ''}${fields ? ` ${fields}` : ''}` },
          });
        }
        for (const call of analysis.calls) {
          const fields = call.fields.map((f) => `${f.spec.role}=${text(f.node)}`).join(' ');
          context.report({
            node: call.node,
            messageId: 'found',
            data: { text: `${call.inner ? 'via ' : ''}${call.client.name}.${call.method.name}${fields ? ` ${fields}` : ''}` },
          });
        }
      },
    };
  },
});

export interface ProbeOptions {
  settings?: Record<string, unknown>;
  typed?: boolean;
  filename?: string;
}

export interface RunOptions {
  /** Relative names resolve against the working directory; typed runs need a file in the fixtures. */
  filename?: string;
  typed?: boolean;
  settings?: Record<string, unknown>;
  /** The probe rule's options. */
  options?: unknown[];
}

/**
 * Lints `code` with a probe rule (one whose messages describe what an analysis found) and returns
 * the messages in source order; a parse error throws.
 */
export function runProbe(rule: unknown, code: string, run: RunOptions = {}): string[] {
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: {
          parser,
          parserOptions: {
            ecmaFeatures: { jsx: true },
            ...(run.typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {}),
          },
        },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': ['error', ...(run.options ?? [])] },
        settings: run.settings ?? {},
      },
    ],
    path.resolve(run.filename ?? 'src/file.ts'),
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}

/** Lints `code` with the engine probe and returns one line per resolved construction or call, in source order. */
export function probeFile(code: string, options: ProbeOptions = {}): string[] {
  return runProbe(probe, code, {
    filename: path.join(fixturesDir, options.filename ?? 'file.ts'),
    typed: options.typed,
    settings: options.settings,
  });
}
