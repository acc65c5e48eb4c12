// Lints generated code with every rule of the registry through ESLint's own `Linter`, and checks
// what the plugin must guarantee on any input: no exception, no fatal message but ESLint's parse
// error, and fixes and suggestions that leave valid code the rule no longer reports.
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules, type CdpRule } from '../../src/rules/index.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(root, 'tests', 'fixtures');

/** Rules for JavaScript and TypeScript files: all but those of another language (package.json). */
const forJavaScript = (rule: CdpRule): boolean =>
  (rule.meta as { languages?: readonly string[] }).languages?.some((language) => language === '*' || language.startsWith('js/')) ?? true;

/** Every JavaScript rule of the registry, read when the tests run. */
export const JS_RULES: Readonly<Record<string, CdpRule>> = Object.fromEntries(
  Object.entries(rules).filter(([, rule]) => forJavaScript(rule)),
);

export interface LintSetup {
  /** The value of `settings.cdp`. */
  cdp?: Record<string, unknown>;
  /** Options per rule name. */
  options?: Record<string, unknown[]>;
  /** Lint with type information: the file must then be one of the typed fixtures project's. */
  typed?: boolean;
}

const plugin = { rules: rules as unknown as Record<string, Rule.RuleModule> } as const;

// ESLint normalises a config array on every call it is given a new one: reuse them per setup.
const configs = new WeakMap<LintSetup, Map<string, Linter.Config[]>>();

/** A flat config enabling the given rules (all JavaScript rules by default). */
export function configFor(setup: LintSetup, only: readonly string[] = Object.keys(JS_RULES)): Linter.Config[] {
  let bySetup = configs.get(setup);
  if (!bySetup) configs.set(setup, (bySetup = new Map<string, Linter.Config[]>()));
  const key = only.join(',');
  let config = bySetup.get(key);
  if (!config) bySetup.set(key, (config = buildConfig(setup, only)));
  return config;
}

function buildConfig(setup: LintSetup, only: readonly string[]): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: {
        parser: tsParser,
        parserOptions: {
          ecmaFeatures: { jsx: true },
          ...(setup.typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {}),
        },
      },
      plugins: { cdp: plugin },
      rules: Object.fromEntries(only.map((name) => [`cdp/${name}`, ['error', ...(setup.options?.[name] ?? [])]])),
      settings: setup.cdp ? { cdp: setup.cdp } : {},
    },
  ];
}

export const linter = new Linter({ configType: 'flat', cwd: root });

export const isParseError = (message: Linter.LintMessage): boolean =>
  message.fatal === true && message.ruleId === null && message.message.startsWith('Parsing error');

/** What a property run saw, for the report at its end. */
export class Tally {
  programs = 0;
  unparsable = 0;
  messages = new Map<string, number>();
  fixes = new Map<string, number>();
  suggestions = new Map<string, number>();
  known = new Map<string, number>();

  count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  summary(): string {
    const parsed = this.programs - this.unparsable;
    const share = this.programs > 0 ? ((100 * parsed) / this.programs).toFixed(1) : '0';
    const perRule = (map: Map<string, number>): string =>
      [...map].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule.replace(/^cdp\//, '')}=${n}`).join(' ');
    return [
      `programs: ${this.programs}, parsed: ${parsed} (${share}%)`,
      `reports: ${perRule(this.messages)}`,
      `fixes: ${perRule(this.fixes) || 'none'}`,
      `suggestions: ${perRule(this.suggestions) || 'none'}`,
      `known issues met: ${perRule(this.known) || 'none'}`,
    ].join('\n');
  }
}

/** A broken guarantee, with what a known issue is matched on. */
export interface Failure {
  /** The rule whose fix or suggestion it is, or whose report it is. */
  rule?: string;
  kind: 'fatal' | 'foreign message' | 'fix does not parse' | 'fix not stable' | 'fix leaves reports' | 'fix reported by another rule'
    | 'suggestion does not parse' | 'suggestion keeps its report';
  /** The suggestion's description, or the other rule that reports a fix. */
  about?: string;
  /** The text a fix or suggestion writes. */
  text?: string;
  detail: unknown;
}

export class PropertyFailure extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.rule ?? 'the plugin'}: ${failure.kind}${failure.about ? ` (${failure.about})` : ''}\n${JSON.stringify(failure.detail, null, 2)}`);
  }
}

/** A known failure of one rule, tolerated with a note until it is fixed (see known-issues.ts). */
export interface KnownIssue {
  id: string;
  note: string;
  matches(failure: Failure): boolean;
}

export interface CheckOptions {
  tally?: Tally;
  /** Failures to record instead of throwing; none when checking a reproduction. */
  known?: readonly KnownIssue[];
}

function fail(failure: Failure): never {
  throw new PropertyFailure(failure);
}

/** Runs one check; a failure of a known issue is counted, any other escapes. */
function attempt(options: CheckOptions, check: () => void): void {
  try {
    check();
  } catch (error) {
    const issue = error instanceof PropertyFailure ? options.known?.find((known) => known.matches(error.failure)) : undefined;
    if (!issue) throw error;
    options.tally?.count(options.tally.known, issue.id);
  }
}

const ruleName = (ruleId: string): string => ruleId.replace(/^cdp\//, '');

/**
 * What identifies a report apart from where it is: its rule and message id. (Not its text: a
 * message may quote code that a fix or suggestion changed.)
 */
const identity = (message: Linter.LintMessage): string => `${message.ruleId} ${message.messageId ?? message.message}`;

/**
 * Lints a program with every rule and checks it: any exception escapes (the property fails with
 * it), a fatal message other than a parse error fails, and so does an unsafe fix or suggestion.
 * Returns the messages, or undefined when the program does not parse.
 */
export function checkProgram(code: string, filename: string, setup: LintSetup, options: CheckOptions = {}): Linter.LintMessage[] | undefined {
  const { tally } = options;
  const messages = linter.verify(code, configFor(setup), filename);
  if (tally) tally.programs++;
  if (messages.some(isParseError)) {
    if (tally) tally.unparsable++;
    return undefined;
  }
  const fatal = messages.filter((message) => message.fatal);
  if (fatal.length > 0) fail({ kind: 'fatal', detail: fatal });
  for (const message of messages) {
    if (!message.ruleId?.startsWith('cdp/')) fail({ kind: 'foreign message', detail: message });
    if (tally) tally.count(tally.messages, message.ruleId);
  }
  const fixedRules = [...new Set(messages.filter((message) => message.fix).map((message) => message.ruleId!))];
  for (const ruleId of fixedRules) {
    if (tally) tally.count(tally.fixes, ruleId);
    attempt(options, () => checkFixes(code, filename, setup, messages, ruleId));
  }
  for (const message of firstOfEachKind(messages.filter((m) => m.fix), identity)) {
    attempt(options, () => checkFixAgainstOtherRules(code, filename, setup, messages, message));
  }
  const suggestions = messages.flatMap((message) => (message.suggestions ?? []).map((suggestion) => ({ message, suggestion })));
  for (const { message, suggestion } of firstOfEachKind(suggestions, (s) => `${identity(s.message)} ${s.suggestion.messageId ?? s.suggestion.desc}`)) {
    if (tally) tally.count(tally.suggestions, message.ruleId!);
    attempt(options, () => checkSuggestion(code, filename, setup, message, suggestion));
  }
  return messages;
}

/**
 * One of each kind: a program often repeats the same mistake, and the same remedy of the same
 * rule on it proves nothing new, while each check costs a parse.
 */
function firstOfEachKind<T>(items: readonly T[], kind: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = kind(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const sortedIdentities = (messages: readonly Linter.LintMessage[]): string[] => messages.map(identity).sort();

/**
 * A rule's fixes, all applied (as `--fix` does): the result parses, a second round changes
 * nothing, and exactly the rule's unfixable reports are left.
 */
function checkFixes(code: string, filename: string, setup: LintSetup, messages: readonly Linter.LintMessage[], ruleId: string): void {
  const own = configFor(setup, [ruleName(ruleId)]);
  const once = linter.verifyAndFix(code, own, filename);
  if (once.messages.some((message) => message.fatal)) {
    fail({ rule: ruleId, kind: 'fix does not parse', detail: { output: once.output, messages: once.messages } });
  }
  const twice = linter.verifyAndFix(once.output, own, filename);
  if (twice.output !== once.output) fail({ rule: ruleId, kind: 'fix not stable', detail: { once: once.output, twice: twice.output } });
  const unfixable = sortedIdentities(messages.filter((message) => message.ruleId === ruleId && !message.fix));
  if (JSON.stringify(sortedIdentities(once.messages)) !== JSON.stringify(unfixable)) {
    fail({
      rule: ruleId,
      kind: 'fix leaves reports',
      detail: { output: once.output, expected: unfixable, left: once.messages.map((m) => `${m.line}:${m.column} ${m.message}`) },
    });
  }
}

/** Offsets of line starts, to turn a report's line and column into an offset. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/**
 * A fix applied alone makes no other rule report something new in the code it wrote. (Reports
 * elsewhere may appear: a key the fix renamed is now read, and its value checked.)
 */
function checkFixAgainstOtherRules(
  code: string,
  filename: string,
  setup: LintSetup,
  messages: readonly Linter.LintMessage[],
  message: Linter.LintMessage,
): void {
  const { range, text } = message.fix!;
  const output = code.slice(0, range[0]) + text + code.slice(range[1]);
  const seen = new Map<string, number>();
  for (const m of messages) seen.set(identity(m), (seen.get(identity(m)) ?? 0) + 1);
  const starts = lineStarts(output);
  const offset = (line: number, column: number): number => starts[line - 1] + column - 1;
  for (const after of linter.verify(output, configFor(setup), filename)) {
    const key = identity(after);
    const left = seen.get(key) ?? 0;
    seen.set(key, left - 1);
    if (left > 0 || after.ruleId === message.ruleId) continue;
    const from = offset(after.line, after.column);
    const to = after.endLine === undefined ? from : offset(after.endLine, after.endColumn ?? after.column);
    if (from <= range[0] + text.length && to >= range[0]) {
      fail({
        rule: message.ruleId!,
        kind: 'fix reported by another rule',
        about: after.ruleId ?? undefined,
        text,
        detail: { fix: message.fix, report: `${after.line}:${after.column} ${after.ruleId} ${after.message}`, output },
      });
    }
  }
}

/**
 * A suggestion, applied alone, leaves code that parses and in which its rule no longer makes that
 * report: none of the same message id starts where the report started (moved by the edit, or
 * anywhere inside the replaced text when the report started there).
 */
function checkSuggestion(code: string, filename: string, setup: LintSetup, message: Linter.LintMessage, suggestion: Linter.LintSuggestion): void {
  const { range, text } = suggestion.fix;
  const output = code.slice(0, range[0]) + text + code.slice(range[1]);
  const after = linter.verify(output, configFor(setup, [ruleName(message.ruleId!)]), filename);
  const base = { rule: message.ruleId!, about: suggestion.desc, text };
  if (after.some((m) => m.fatal)) fail({ ...base, kind: 'suggestion does not parse', detail: { output, after } });
  const at = lineStarts(code)[message.line - 1] + message.column - 1;
  const delta = text.length - (range[1] - range[0]);
  // Inside the replaced text a report cannot be placed exactly (a suggestion that edits an import
  // and a call is one edit spanning both): there, it is the same report only if its text is too.
  const inside = at >= range[0] && at < range[1];
  const [from, to] = at < range[0] ? [at, at] : inside ? [range[0], range[0] + text.length] : [at + delta, at + delta];
  const starts = lineStarts(output);
  const same = after.filter((m) => {
    const offset = starts[m.line - 1] + m.column - 1;
    return identity(m) === identity(message) && (!inside || m.message === message.message) && offset >= from && offset <= to;
  });
  if (same.length > 0) {
    fail({
      ...base,
      kind: 'suggestion keeps its report',
      detail: { report: message.message, output, left: after.map((m) => `${m.line}:${m.column} ${m.message}`) },
    });
  }
}
