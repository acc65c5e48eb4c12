import type { Linter } from 'eslint';
import { plain, type Palette } from '../color.js';
import { oneLine, plural, totals, type Report } from '../types.js';

/** Left-aligned columns, as ESLint's `stylish` prints them. */
function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, plain(cell).length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - plain(cell).length)))
      .join('  ')
      .trimEnd(),
  );
}

/** ESLint's `stylish` format: problems listed per file, then the totals. */
export function formatStylish(report: Report, color: Palette): string {
  const out: string[] = [];
  for (const result of report.results) {
    if (result.messages.length === 0) continue;
    out.push('', color.underline(result.filePath));
    const rows = result.messages.map((message: Linter.LintMessage) => [
      '',
      color.dim(`${message.line ?? 0}:${message.column ?? 0}`),
      message.severity === 2 ? color.red('error') : color.yellow('warning'),
      oneLine(message.message),
      color.dim(message.ruleId ?? ''),
    ]);
    out.push(...table(rows));
  }

  const count = totals(report.results);
  const problems = count.errors + count.warnings;
  if (problems > 0) {
    const paint = count.errors > 0 ? color.red : color.yellow;
    out.push(
      '',
      paint(
        color.bold(
          `✖ ${plural(problems, 'problem')} (${plural(count.errors, 'error')}, ${plural(count.warnings, 'warning')})`,
        ),
      ),
    );
    const fixableErrors = report.results.reduce((sum, result) => sum + result.fixableErrorCount, 0);
    const fixableWarnings = report.results.reduce((sum, result) => sum + result.fixableWarningCount, 0);
    if (fixableErrors + fixableWarnings > 0) {
      out.push(
        paint(
          color.bold(
            `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`,
          ),
        ),
      );
    }
    out.push('');
  }
  return out.join('\n');
}
