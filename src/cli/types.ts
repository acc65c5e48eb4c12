import type { ESLint } from 'eslint';
import type { SkipReason } from './files.js';

/** What the reports need to know about a rule. */
export interface RuleInfo {
  id: string;
  description?: string;
  url?: string;
  fixable: boolean;
  hasSuggestions: boolean;
  /** The severity it runs at, when it was enabled by this run's config. */
  level?: 'error' | 'warning';
}

/** Everything a format needs: the results and how the run was made. */
export interface Report {
  /** Sorted by file; messages already masked by the rules; no `source` or `output`. */
  results: ESLint.LintResult[];
  /** Every rule that was enabled, and every rule that reported, by id. */
  rules: Map<string, RuleInfo>;
  /** The folder paths are shown relative to. */
  cwd: string;
  /** The repository root (git's top level, else `cwd`): SARIF locations are relative to it. */
  repoRoot: string;
  tool: { name: string; version: string; informationUri: string; eslintVersion: string; namespace: string };
  run: RunInfo;
}

export interface RunInfo {
  /** `recommended`, `strict`, `all`, `--rule` or `project` (the project's ESLint config). */
  config: string;
  settingsFile?: string;
  typed: boolean;
  /** Files outside every TypeScript project, linted without type information. */
  untypedFiles: string[];
  /** TypeScript files left out because no TypeScript parser could be loaded. */
  parserMissingFiles: string[];
  skipped: { file: string; reason: SkipReason }[];
  unsupported: string[];
  fix: 'off' | 'write' | 'dry-run';
  /** Files the fixes changed (written with --fix, or that would change with --fix-dry-run). */
  fixedFiles: string[];
  /** One unified diff per changed file, for --fix-dry-run. */
  diffs: string[];
  quiet: boolean;
  maxWarnings: number;
}

export interface Totals {
  errors: number;
  warnings: number;
  fixable: number;
  withSuggestions: number;
  filesWithProblems: number;
  files: number;
}

export function totals(results: readonly ESLint.LintResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let withSuggestions = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    if (result.messages.length > 0) filesWithProblems++;
    for (const message of result.messages) {
      if (message.severity === 2) errors++;
      else warnings++;
      if (message.fix) fixable++;
      if ((message.suggestions?.length ?? 0) > 0) withSuggestions++;
    }
  }
  return { errors, warnings, fixable, withSuggestions, filesWithProblems, files: results.length };
}

export const plural = (count: number, word: string, many = `${word}s`): string =>
  `${count} ${count === 1 ? word : many}`;

/** Messages can span lines; reports show them on one. */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();
