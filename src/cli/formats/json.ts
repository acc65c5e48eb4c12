import type { Linter } from 'eslint';
import { maskInText } from '../../analysis/credentials.js';
import type { Report } from '../types.js';

/**
 * Does a piece of code hold something shaped like a key: what the rules mask in their messages, or
 * a run of hexadecimal as long as a key (with no letter, or no digit, it is a key all the same)?
 */
const holdsSecret = (text: string): boolean => maskInText(text) !== text || /(?<![\w$])[0-9a-fA-F]{16,}(?![\w$])/.test(text);

/**
 * A fix or suggestion whose replacement code contains a key-shaped value (a suggestion that moves
 * a block of code carries that block) is left out, rather than printed or masked into a wrong
 * edit. The message and the suggestion's description stay.
 */
function withoutSecrets(message: Linter.LintMessage): Linter.LintMessage {
  const safe: Linter.LintMessage = { ...message };
  if (safe.fix && holdsSecret(safe.fix.text)) delete safe.fix;
  if (safe.suggestions) {
    safe.suggestions = safe.suggestions.map((suggestion) => {
      if (!holdsSecret(suggestion.fix.text)) return suggestion;
      const { fix: _fix, ...rest } = suggestion;
      return rest as Linter.LintSuggestion;
    });
  }
  return safe;
}

/**
 * ESLint's JSON results (the shape of its `json` formatter), without `source` and `output`: the
 * file contents are not repeated, so the output never carries a key written in the code. Messages
 * are the rules' own, which mask credentials; fixes that would carry one are left out.
 */
export function formatJson(report: Report): string {
  return JSON.stringify(
    report.results.map((result) => ({
      ...result,
      messages: result.messages.map(withoutSecrets),
      suppressedMessages: result.suppressedMessages.map((message) => withoutSecrets(message)),
    })),
  );
}
