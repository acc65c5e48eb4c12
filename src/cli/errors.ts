/**
 * A mistake in how the command was called or configured: an unknown option, a missing path, a
 * bad format name, an invalid settings file. It is printed as one line, with no stack trace, and
 * the process exits with status 2.
 */
export class UsageError extends Error {
  /** Print the usage hint after the message. */
  readonly hint: boolean;

  constructor(message: string, options: { hint?: boolean } = {}) {
    super(message);
    this.name = 'UsageError';
    this.hint = options.hint ?? true;
  }
}

/**
 * ESLint errors caused by the project's setup rather than by a bug: a missing config file, an
 * invalid rule option, a plugin the config names but that is not installed.
 */
const SETUP_TEMPLATES = new Set([
  'config-file-missing',
  'config-plugin-missing',
  'config-serialize-function',
  'eslintrc-incompat',
  'eslintrc-plugins',
  'file-not-found',
  'all-matched-files-ignored',
  'invalid-rule-options',
  'invalid-rule-severity',
  'no-config-found',
  'plugin-missing',
  'plugin-invalid',
  'rule-unsupported-language',
  'failed-to-read-json',
  'whitespace-found',
]);

/** Is this an error the user can fix (so it gets a one-line message, not a stack trace)? */
export function isSetupError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  if (!(error instanceof Error)) return false;
  const template = (error as Error & { messageTemplate?: unknown }).messageTemplate;
  if (typeof template === 'string' && SETUP_TEMPLATES.has(template)) return true;
  // A package a config or settings file imports is not installed.
  if (isMissingModule(error)) return true;
  // The plugin validates `settings.cdp` when a rule first reads it; ESLint adds the file and rule.
  return error.message.startsWith('eslint-plugin-cdp: invalid settings');
}

function isMissingModule(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** The first lines of an error's message, without ESLint's file-and-rule trailer on separate lines. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const occurred = lines.find((line) => line.startsWith('Occurred while linting'));
  const first = lines[0] ?? 'unknown error';
  if (error instanceof Error && isMissingModule(error)) return `${first} (are the project's dependencies installed?)`;
  return occurred ? `${first} (${occurred.charAt(0).toLowerCase()}${occurred.slice(1)})` : first;
}
