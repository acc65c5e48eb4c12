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

/** Lints `code` with the probe and returns one line per resolved construction or call, in source order. */
export function probeFile(code: string, options: ProbeOptions = {}): string[] {
  const linter = new Linter({ configType: 'flat' });
  const filename = path.join(fixturesDir, options.filename ?? 'file.ts');
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        languageOptions: {
          parser,
          parserOptions: options.typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
        },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
        settings: options.settings ?? {},
      },
    ],
    filename,
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}
