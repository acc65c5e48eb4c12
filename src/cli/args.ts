import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export const FORMATS = ['report', 'stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

export const PRESETS = ['recommended', 'strict', 'all'] as const;
export type PresetName = (typeof PRESETS)[number];

export interface CliOptions {
  /** Files and folders to lint; `.` when none is given. */
  paths: string[];
  format: FormatName;
  output?: string;
  config: PresetName;
  /** Whether `--config` was given (it cannot be combined with `--use-config`). */
  configGiven: boolean;
  /** Rule names without the `cdp/` prefix; empty for "every rule of the preset". */
  rules: string[];
  useConfig: boolean;
  typed: boolean;
  settings?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** -1 for no limit. */
  maxWarnings: number;
  quiet: boolean;
  /** undefined: decide from the terminal and the environment. */
  color?: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: cdp-lint [options] [paths...]

Lints the JavaScript and TypeScript files under the given paths (default: the current folder) for
mistakes in Customer.io and Klaviyo SDK code. Works in any repository, with or without ESLint set up:
files ignored by .gitignore, node_modules, build output and minified bundles are skipped.

Rules:
  -c, --config NAME      Preset to run: recommended (default), strict or all
      --rule NAME        Run only this rule (repeatable, or comma-separated): cdp/valid-timestamps
      --use-config       Use the project's own ESLint config (eslint.config.js) instead of a preset
      --typed            Resolve clients through type information (needs a tsconfig.json)
      --settings FILE    settings.cdp from a JSON or JavaScript file
                         (default: cdp.settings.js, .mjs, .cjs or .json in the current folder)

Output:
  -f, --format NAME      report (default: grouped by rule), stylish, json or sarif
  -o, --output FILE      Write the output to a file instead of the terminal
  -q, --quiet            Report errors only
      --max-warnings N   Exit with status 1 when there are more than N warnings
      --color, --no-color
                         Force colours on or off

Fixes:
      --fix              Apply the automatic fixes to the files
      --fix-dry-run      Show the changes --fix would make, without writing them

Other:
      --debug            Print stack traces of internal errors
  -h, --help             Show this help
  -v, --version          Show the version

Exit status: 0 no problems, 1 problems found (errors, or more warnings than --max-warnings),
2 a usage or configuration error, or an internal error.`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'use-config': { type: 'boolean' },
  typed: { type: 'boolean' },
  settings: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Options that take a value, for the "needs a value" message. */
const VALUE_OPTIONS = new Set(Object.entries(OPTIONS).flatMap(([name, spec]) => (spec.type === 'string' ? [name] : [])));

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value '${value}' for ${option}: expected ${allowed.join(', ')}`);
}

/** Node's parser messages are long and mention positionals; say what is wrong in a few words. */
function translateParseError(error: Error & { code?: string }): UsageError {
  const quoted = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option '${quoted ?? '?'}'`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--([a-z-]+)/.exec(error.message)?.[1] ?? '';
      return new UsageError(VALUE_OPTIONS.has(name) ? `option --${name} needs a value` : `option --${name} takes no value`);
    }
    default:
      return new UsageError(error.message.split('\n')[0]);
  }
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    // `--max-warnings -1` (ESLint's "no limit") would read as an option named `-1`.
    const args = argv.flatMap((arg, i) =>
      arg === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '') ? [] : i > 0 && argv[i - 1] === '--max-warnings' && /^-\d+$/.test(arg) ? [`--max-warnings=${arg}`] : [arg],
    );
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw translateParseError(error as Error & { code?: string });
  }
  const { values, positionals } = parsed;

  const format = values.format === undefined ? 'report' : oneOf(values.format, FORMATS, '--format');
  const config = values.config === undefined ? 'recommended' : oneOf(values.config, PRESETS, '--config');

  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'].trim();
    if (!/^-?\d+$/.test(text) || Number(text) < -1) {
      throw new UsageError(`invalid value '${values['max-warnings']}' for --max-warnings: expected a whole number, 0 or more`);
    }
    maxWarnings = Number(text);
  }

  const rules = (values.rule ?? [])
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => entry.replace(/^cdp\//, ''));

  if (values.fix && values['fix-dry-run']) {
    throw new UsageError('--fix and --fix-dry-run cannot be used together');
  }
  if (values['use-config'] && values.config !== undefined) {
    throw new UsageError('--config and --use-config cannot be used together: --use-config runs the rules your ESLint config enables');
  }
  if (values.color && values['no-color']) {
    throw new UsageError('--color and --no-color cannot be used together');
  }
  for (const [name, value] of [
    ['--output', values.output],
    ['--settings', values.settings],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`option ${name} needs a value`);
  }

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    output: values.output,
    config,
    configGiven: values.config !== undefined,
    rules: [...new Set(rules)],
    useConfig: values['use-config'] ?? false,
    typed: values.typed ?? false,
    settings: values.settings,
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    maxWarnings,
    quiet: values.quiet ?? false,
    color: values.color ? true : values['no-color'] ? false : undefined,
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
