import type { Linter } from 'eslint';
import path from 'node:path';
import type { Palette } from './color.js';
import { oneLine, plural, totals, type Report, type RuleInfo } from './types.js';

/**
 * The default output: findings grouped by rule, each rule with why it matters (its description),
 * where to read about the fix (its docs) and whether ESLint can fix it, then the counts and one
 * summary line that says how healthy the integration is.
 */

interface Finding extends Linter.LintMessage {
  file: string;
}

/**
 * A rule as a problem for the summary line: `no-hardcoded-credentials` → `hardcoded credentials`,
 * `valid-timestamps` → `invalid timestamps`, `require-flush` → `missing flush`.
 */
export function topicOf(ruleId: string): string {
  const name = ruleId.includes('/') ? ruleId.slice(ruleId.lastIndexOf('/') + 1) : ruleId;
  const words = (text: string): string => text.replace(/-/g, ' ').replace(/\bsdk\b/g, 'SDK');
  const prefixes: [RegExp, string][] = [
    [/^no-/, ''],
    [/^valid-/, 'invalid '],
    [/^require-/, 'missing '],
    [/^consistent-/, 'inconsistent '],
    [/^prefer-/, 'not preferred: '],
  ];
  for (const [prefix, replacement] of prefixes) {
    if (prefix.test(name)) return replacement + words(name.replace(prefix, ''));
  }
  return words(name);
}

function remedy(message: Linter.LintMessage): string {
  const hints: string[] = [];
  if (message.fix) hints.push('autofix');
  const suggestions = message.suggestions?.length ?? 0;
  if (suggestions > 0) hints.push(plural(suggestions, 'suggestion'));
  return hints.length > 0 ? `[${hints.join(', ')}]` : '';
}

/** How a rule's findings get fixed: `--fix`, an editor suggestion, or by hand. */
function howToFix(findings: Finding[], info: RuleInfo | undefined): string {
  const autofix = findings.filter((finding) => finding.fix).length;
  const suggested = findings.filter((finding) => !finding.fix && (finding.suggestions?.length ?? 0) > 0).length;
  const parts: string[] = [];
  if (autofix > 0) parts.push(`${autofix === findings.length ? 'all' : autofix} fixable with --fix`);
  if (suggested > 0) parts.push(`${suggested === findings.length ? 'all have' : `${suggested} with`} editor suggestions`);
  if (parts.length === 0) parts.push(info?.fixable || info?.hasSuggestions ? 'fix by hand here' : 'fix by hand');
  return parts.join(', ');
}

const compare = (a: Finding, b: Finding): number =>
  a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

export function formatReport(report: Report, color: Palette): string {
  const { results, rules, run, tool } = report;
  const where = (file: string): string => path.relative(report.cwd, file).split(path.sep).join('/') || file;
  const position = (finding: Finding): string => `${finding.file}:${finding.line ?? 0}:${finding.column ?? 0}`;

  const groups = new Map<string, Finding[]>();
  const parseErrors: Finding[] = [];
  const other: Finding[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const finding = { ...message, file: where(result.filePath) };
      if (message.fatal) parseErrors.push(finding);
      else if (message.ruleId) {
        if (!groups.has(message.ruleId)) groups.set(message.ruleId, []);
        groups.get(message.ruleId)?.push(finding);
      } else other.push(finding);
    }
  }
  const namespace = `${tool.namespace}/`;
  const ownFirst = (a: string, b: string): number =>
    Number(!a.startsWith(namespace)) - Number(!b.startsWith(namespace)) || a.localeCompare(b);

  const out: string[] = [];
  const header = [`${tool.name} ${tool.version}`];
  header.push(run.config === 'project' ? 'your ESLint config' : run.config === 'rules' ? 'selected rules' : `${run.config} rules`);
  header.push(plural(results.length, 'file'));
  if (run.typed) header.push('with type information');
  if (run.settingsFile) header.push(`settings from ${where(run.settingsFile)}`);
  out.push(color.bold(header.join(' · ')));
  if (run.skipped.length > 0) {
    const names = run.skipped.slice(0, 3).map((skip) => where(skip.file));
    const more = run.skipped.length > 3 ? `, and ${run.skipped.length - 3} more` : '';
    out.push(color.dim(`Skipped ${plural(run.skipped.length, 'minified or generated file')}: ${names.join(', ')}${more}`));
  }
  if (run.untypedFiles.length > 0) {
    out.push(color.dim(`${plural(run.untypedFiles.length, 'file')} outside every TypeScript project linted without type information`));
  }
  if (run.parserMissingFiles.length > 0) {
    out.push(
      color.yellow(
        `${plural(run.parserMissingFiles.length, 'TypeScript file')} not linted: install @typescript-eslint/parser to include them`,
      ),
    );
  }
  out.push('');

  if (run.diffs.length > 0) {
    out.push(color.bold(`Changes --fix would make (${plural(run.diffs.length, 'file')}):`));
    for (const diff of run.diffs) {
      for (const line of diff.split('\n')) {
        out.push(
          line.startsWith('+++') || line.startsWith('---')
            ? color.bold(line)
            : line.startsWith('+')
              ? color.green(line)
              : line.startsWith('-')
                ? color.red(line)
                : line.startsWith('@@')
                  ? color.cyan(line)
                  : line,
        );
      }
      out.push('');
    }
  }

  for (const ruleId of [...groups.keys()].sort(ownFirst)) {
    const findings = (groups.get(ruleId) ?? []).sort(compare);
    const info = rules.get(ruleId);
    const errors = findings.filter((finding) => finding.severity === 2).length;
    const warnings = findings.length - errors;
    const counts = [errors > 0 ? color.red(plural(errors, 'error')) : '', warnings > 0 ? color.yellow(plural(warnings, 'warning')) : '']
      .filter(Boolean)
      .join(', ');
    out.push(`${color.bold(ruleId)}  ${counts}`);
    if (info?.description) out.push(`  Why: ${info.description}`);
    const fix = howToFix(findings, info);
    out.push(`  Fix: ${info?.url ? `${color.cyan(info.url)} ` : ''}${color.dim(`(${fix})`)}`);
    for (const finding of findings) {
      const marker = remedy(finding);
      const level = finding.severity === 2 ? '' : `${color.yellow('warning')} `;
      out.push(`    ${color.cyan(position(finding))}  ${level}${oneLine(finding.message)}${marker ? `  ${color.dim(marker)}` : ''}`);
    }
    out.push('');
  }

  if (other.length > 0) {
    out.push(color.bold(`Other problems (${other.length})`));
    for (const finding of other.sort(compare)) out.push(`    ${color.cyan(position(finding))}  ${oneLine(finding.message)}`);
    out.push('');
  }
  if (parseErrors.length > 0) {
    out.push(color.bold(color.red(`Files that could not be parsed (${parseErrors.length})`)));
    for (const finding of parseErrors.sort(compare)) out.push(`    ${color.cyan(position(finding))}  ${oneLine(finding.message)}`);
    out.push('');
  }

  // Counts by rule: every rule that ran, so a clean rule shows it was checked.
  const tableIds = [...new Set([...rules.keys(), ...groups.keys()])].sort(ownFirst);
  if (tableIds.length > 0 && (groups.size > 0 || tableIds.length <= 40)) {
    const width = Math.max(...tableIds.map((id) => id.length), 'total'.length);
    out.push(color.bold('Findings by rule'));
    for (const id of tableIds) {
      const count = groups.get(id)?.length ?? 0;
      const row = `  ${id.padEnd(width)}${String(count).padStart(5)}`;
      out.push(count === 0 ? color.dim(row) : row);
    }
    out.push('');
  }

  const count = totals(results);
  const severities = `${plural(count.errors, 'error')}, ${plural(count.warnings, 'warning')}`;
  const extras: string[] = [];
  if (count.fixable > 0) extras.push(`${count.fixable} fixable with --fix`);
  if (count.withSuggestions > 0) extras.push(`${count.withSuggestions} with editor suggestions`);
  out.push(`By severity: ${severities}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`);
  if (run.fix === 'write' && run.fixedFiles.length > 0) {
    out.push(color.green(`Fixed ${plural(run.fixedFiles.length, 'file')}: ${run.fixedFiles.map(where).join(', ')}`));
  }
  if (run.fix === 'dry-run') {
    out.push(
      run.fixedFiles.length > 0
        ? `--fix would change ${plural(run.fixedFiles.length, 'file')} (nothing was written); the findings above are those it would leave`
        : '--fix would change nothing',
    );
  }

  // The line to read first: how healthy the integration is.
  const problems = count.errors + count.warnings;
  if (problems === 0) {
    out.push(color.green(color.bold(`✔ No problems in ${plural(count.files, 'file')}`)));
  } else {
    const ranked = [...groups.entries()]
      .map(([id, findings]) => ({ id, count: findings.length }))
      .sort((a, b) => b.count - a.count || ownFirst(a.id, b.id));
    const topics = ranked.slice(0, 4).map((entry) => `${topicOf(entry.id)} (${entry.count})`);
    if (ranked.length > 4) topics.push(`${ranked.length - 4} more ${ranked.length - 4 === 1 ? 'rule' : 'rules'}`);
    if (parseErrors.length > 0) topics.push(plural(parseErrors.length, 'parse error'));
    const what = count.errors > 0 ? plural(count.errors, 'error') : plural(count.warnings, 'warning');
    const also = count.errors > 0 && count.warnings > 0 ? ` and ${plural(count.warnings, 'warning')}` : '';
    const paint = count.errors > 0 ? color.red : color.yellow;
    out.push(
      paint(
        color.bold(
          `${count.errors > 0 ? '✖' : '⚠'} ${what}${also} in ${count.filesWithProblems} of ${plural(count.files, 'file')}: ${topics.join(', ')}`,
        ),
      ),
    );
  }
  return out.join('\n');
}
