import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import plugin from '../index.js';
import { packageVersion, repositoryUrl } from '../util/package-info.js';
import { parseCliArgs, USAGE, type CliOptions } from './args.js';
import { palette, wantsColor } from './color.js';
import { describeError, isSetupError, UsageError } from './errors.js';
import { discoverFiles } from './files.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatStylish } from './formats/stylish.js';
import { Progress, type ProgressStream } from './progress.js';
import { formatReport } from './report.js';
import { lint, loadESLint, type LoadedPlugin } from './run.js';
import { findSettings } from './settings.js';
import { totals, type Report } from './types.js';

export const TOOL_NAME = 'cdp-lint';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: ProgressStream;
  stderr: ProgressStream;
}

const defaultIO = (): CliIO => ({ cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });

/** git's top-level folder for `cwd`, or `cwd` outside a work tree: SARIF paths are relative to it. */
function repositoryRoot(cwd: string): string {
  try {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return root ? path.resolve(root) : cwd;
  } catch {
    return cwd;
  }
}

function writeOutput(file: string, text: string, cwd: string): void {
  const full = path.resolve(cwd, file);
  try {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text.endsWith('\n') ? text : `${text}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write --output ${file}${code ? ` (${code})` : ''}`, { hint: false });
  }
}

async function run(options: CliOptions, io: CliIO): Promise<number> {
  const { cwd } = io;
  const warn = (message: string): void => {
    io.stderr.write(`${TOOL_NAME}: warning: ${message}\n`);
  };
  const loaded = plugin as unknown as LoadedPlugin;

  const settings = await findSettings(options.settings, cwd, !options.useConfig);
  const discovery = discoverFiles(options.paths, cwd);
  if (discovery.files.length === 0) {
    const skipped = discovery.skipped.length > 0 ? ` (${discovery.skipped.length} minified or generated files skipped)` : '';
    throw new UsageError(`no JavaScript or TypeScript files to lint in ${options.paths.join(', ')}${skipped}`, { hint: false });
  }
  for (const file of discovery.unsupported) {
    warn(`${path.relative(cwd, file) || file} is not a JavaScript or TypeScript file; skipped`);
  }

  const progress = new Progress(io.stderr, discovery.files.length, { enabled: !io.env.CI });
  const outcome = await lint({
    options,
    files: discovery.files,
    cwd,
    plugin: loaded,
    settings: settings?.cdp,
    progress,
    warn,
  });

  const report: Report = {
    results: outcome.results,
    rules: outcome.rules,
    cwd,
    repoRoot: options.format === 'sarif' ? repositoryRoot(cwd) : cwd,
    tool: {
      name: TOOL_NAME,
      version: packageVersion,
      informationUri: repositoryUrl,
      eslintVersion: outcome.eslintVersion,
      namespace: loaded.meta.namespace,
    },
    run: {
      config: options.useConfig ? 'project' : options.rules.length > 0 ? 'rules' : options.config,
      settingsFile: settings?.file,
      typed: options.typed,
      untypedFiles: outcome.untypedFiles,
      parserMissingFiles: outcome.parserMissingFiles,
      skipped: discovery.skipped,
      unsupported: discovery.unsupported,
      fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : 'off',
      fixedFiles: outcome.fixedFiles,
      diffs: outcome.diffs,
      quiet: options.quiet,
      maxWarnings: options.maxWarnings,
    },
  };

  const toFile = options.output !== undefined;
  const color = palette(wantsColor(options.color, io.env, io.stdout.isTTY, toFile));
  let text: string;
  switch (options.format) {
    case 'json':
      text = formatJson(report);
      break;
    case 'sarif':
      text = formatSarif(report, (file) => {
        try {
          return readFileSync(file, 'utf8').split(/\r?\n/);
        } catch {
          return undefined;
        }
      });
      break;
    case 'stylish': {
      const diffs = report.run.diffs.length > 0 ? `${report.run.diffs.join('\n\n')}\n` : '';
      text = diffs + formatStylish(report, color);
      break;
    }
    default:
      text = formatReport(report, color);
  }

  if (options.output !== undefined) writeOutput(options.output, text, cwd);
  else if (text !== '') io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

  const count = totals(report.results);
  if (count.errors > 0) return 1;
  if (options.maxWarnings >= 0 && count.warnings > options.maxWarnings) {
    io.stderr.write(`${TOOL_NAME}: too many warnings (${count.warnings}; --max-warnings is ${options.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/**
 * The `cdp-lint` command. Returns the exit status: 0 no problems, 1 problems (errors, or more
 * warnings than `--max-warnings`), 2 a usage, configuration or internal error.
 */
export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  let options: CliOptions | undefined;
  try {
    options = parseCliArgs(argv);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (options.version) {
      let eslintVersion = 'not installed';
      try {
        eslintVersion = (await loadESLint()).ESLint.version;
      } catch {
        // Reported when linting; the version is still useful.
      }
      io.stdout.write(`${TOOL_NAME} ${packageVersion} (${plugin.meta.name}, ESLint ${eslintVersion})\n`);
      return 0;
    }
    return await run(options, io);
  } catch (error) {
    if (isSetupError(error)) {
      io.stderr.write(`${TOOL_NAME}: ${describeError(error)}\n`);
      if (error instanceof UsageError && error.hint) io.stderr.write(`Run '${TOOL_NAME} --help' for usage.\n`);
      return 2;
    }
    io.stderr.write(`${TOOL_NAME}: internal error: ${describeError(error)}\n`);
    if (options?.debug) io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    else io.stderr.write(`Run again with --debug for the stack trace, and please report it: ${repositoryUrl}/issues\n`);
    return 2;
  }
}
