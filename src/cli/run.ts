import type { ESLint as ESLintClass, Linter, Rule } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliOptions } from './args.js';
import { unifiedDiff } from './diff.js';
import { UsageError } from './errors.js';
import { isPackageManifest, isTypeScriptFile, SOURCE_EXTENSIONS } from './files.js';
import type { Progress } from './progress.js';
import type { RuleInfo } from './types.js';

type ESLintModule = typeof import('eslint');
type LintResult = ESLintClass.LintResult;

/** The plugin as it is loaded at run time (the same object `import 'eslint-plugin-cdp'` gives). */
export interface LoadedPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<string, Linter.Config>;
}

export interface LintRequest {
  options: CliOptions;
  files: string[];
  cwd: string;
  plugin: LoadedPlugin;
  settings?: Record<string, unknown>;
  progress?: Progress;
  /** Warnings for stderr: they do not stop the run. */
  warn: (message: string) => void;
}

export interface LintOutcome {
  results: LintResult[];
  rules: Map<string, RuleInfo>;
  eslintVersion: string;
  untypedFiles: string[];
  parserMissingFiles: string[];
  fixedFiles: string[];
  diffs: string[];
}

const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;
/** Files per `lintFiles` call: small enough for a lively progress line, large enough to cost nothing. */
const BATCH = 25;
/** typescript-eslint's parse error for a file that no tsconfig includes. */
const NOT_IN_PROJECT = /was not found by the project service|allowDefaultProject|must be included in at least one of the projects/;

/** Rules written for `package.json` (the JSON language) rather than for JavaScript. */
export function isJsonRule(plugin: LoadedPlugin, ruleId: string): boolean {
  const rule = plugin.rules[ruleId.slice(plugin.meta.namespace.length + 1)] as { meta?: { languages?: readonly string[] } } | undefined;
  return rule?.meta?.languages?.includes('json/json') === true;
}

/** The plugin's `package-json` config, or undefined when `@eslint/json` is not installed. */
export function packageJsonConfig(plugin: LoadedPlugin): Linter.Config | undefined {
  try {
    return plugin.configs['package-json'];
  } catch {
    return undefined;
  }
}

export async function loadESLint(): Promise<ESLintModule> {
  let module: ESLintModule;
  try {
    module = await import('eslint');
  } catch {
    throw new UsageError('ESLint is not installed: run `npm install --save-dev eslint` (ESLint 9.22 or later)', {
      hint: false,
    });
  }
  const major = Number(module.ESLint.version.split('.')[0]);
  if (!(major >= 9)) {
    throw new UsageError(`ESLint ${module.ESLint.version} is too old: cdp-lint needs ESLint 9.22 or later`, { hint: false });
  }
  return module;
}

/** typescript-eslint's parser: the one next to this package, else the project's own. */
export async function loadTypeScriptParser(cwd: string): Promise<{ parser: Linter.Parser; from: string } | undefined> {
  for (const base of [import.meta.url, pathToFileURL(path.join(cwd, 'package.json')).href]) {
    let resolved: string;
    try {
      resolved = createRequire(base).resolve('@typescript-eslint/parser');
    } catch {
      continue;
    }
    const module = (await import(pathToFileURL(resolved).href)) as Linter.Parser & { default?: Linter.Parser };
    const parser = 'parseForESLint' in module ? module : module.default;
    if (parser) return { parser, from: resolved };
  }
  return undefined;
}

function canResolve(name: string, from: string): boolean {
  try {
    createRequire(from).resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** The deepest folder that contains all the given paths. */
function commonFolder(paths: readonly string[]): string {
  let common = path.resolve(paths[0]);
  for (const item of paths.slice(1)) {
    const resolved = path.resolve(item);
    while (common !== path.dirname(common) && path.relative(common, resolved).startsWith('..')) {
      common = path.dirname(common);
    }
    if (path.relative(common, resolved).startsWith('..')) common = path.parse(resolved).root;
  }
  return common;
}

/** The `cdp/…` rules to run, each at `error`, from `--rule` or the preset (plus typed-only rules with `--typed`). */
export function selectRules(plugin: LoadedPlugin, options: CliOptions): Record<string, 'error'> {
  const namespace = plugin.meta.namespace;
  if (options.rules.length > 0) {
    const known = Object.keys(plugin.rules);
    for (const name of options.rules) {
      if (!plugin.rules[name]) {
        const near = known.filter((rule) => rule.includes(name) || name.includes(rule));
        const hint = near.length > 0 ? ` (did you mean ${near.map((rule) => `${namespace}/${rule}`).join(', ')}?)` : '';
        throw new UsageError(`unknown rule '${namespace}/${name}'${hint}`);
      }
    }
    return Object.fromEntries(options.rules.map((name) => [`${namespace}/${name}`, 'error' as const]));
  }
  const rules: Record<string, 'error'> = {};
  for (const id of Object.keys(plugin.configs[options.config]?.rules ?? {})) rules[id] = 'error';
  // Every preset also checks package.json files, as `configs['package-json']` does in an ESLint config.
  for (const name of Object.keys(plugin.rules)) {
    const id = `${namespace}/${name}`;
    if (isJsonRule(plugin, id) && !plugin.rules[name].meta?.deprecated) rules[id] = 'error';
  }
  if (options.typed) {
    // Rules that need types are left out of the untyped presets; `--typed` brings back those of the level asked for.
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const docs = rule.meta?.docs as { recommended?: string; requiresTypeChecking?: boolean } | undefined;
      if (!docs?.requiresTypeChecking || rule.meta?.deprecated) continue;
      const wanted = options.config === 'all' || (options.config === 'strict' ? docs.recommended !== undefined : docs.recommended === 'recommended');
      if (wanted) rules[`${namespace}/${name}`] = 'error';
    }
  }
  return rules;
}

function ruleInfo(id: string, meta: Rule.RuleMetaData | undefined, level?: RuleInfo['level']): RuleInfo {
  return {
    id,
    description: meta?.docs?.description,
    url: meta?.docs?.url,
    fixable: meta?.fixable !== undefined,
    hasSuggestions: meta?.hasSuggestions === true,
    level,
  };
}

/** Keeps the messages a run reports and recounts the totals ESLint computed. */
function keepMessages(result: LintResult, keep: (message: Linter.LintMessage) => boolean): LintResult {
  const messages = result.messages.filter(keep);
  if (messages.length === result.messages.length) return result;
  const count = (predicate: (message: Linter.LintMessage) => boolean): number => messages.filter(predicate).length;
  return {
    ...result,
    messages,
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

async function lintInBatches(
  eslint: ESLintClass,
  files: readonly string[],
  progress: Progress | undefined,
): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH);
    progress?.update(start, path.basename(batch[0]));
    results.push(...(await eslint.lintFiles(batch)));
  }
  progress?.update(files.length);
  return results;
}

/**
 * Lints the files with ESLint's Node API: with the plugin's preset (or `--rule`s) and the
 * TypeScript parser, or with the project's own config (`--use-config`).
 */
export async function lint(request: LintRequest): Promise<LintOutcome> {
  const { options, cwd, plugin, warn } = request;
  const { ESLint } = await loadESLint();
  const namespace = plugin.meta.namespace;
  const fix = options.fix || options.fixDryRun;
  const own = (ruleId: string | null | undefined): boolean => ruleId?.startsWith(`${namespace}/`) === true;

  const parserFound = await loadTypeScriptParser(cwd);
  let files = request.files;
  let parserMissingFiles: string[] = [];
  if (!parserFound && !options.useConfig) {
    parserMissingFiles = files.filter(isTypeScriptFile);
    files = files.filter((file) => !isTypeScriptFile(file));
    if (parserMissingFiles.length > 0) {
      warn(
        `${parserMissingFiles.length} TypeScript file(s) skipped: @typescript-eslint/parser is not installed (npm install --save-dev @typescript-eslint/parser)`,
      );
    }
  }
  if (options.typed) {
    if (!parserFound) throw new UsageError('--typed needs @typescript-eslint/parser and typescript installed', { hint: false });
    if (!canResolve('typescript', parserFound.from)) {
      throw new UsageError('--typed needs the typescript package: npm install --save-dev typescript', { hint: false });
    }
    if (!existsSync(path.join(cwd, 'tsconfig.json'))) {
      warn('--typed: no tsconfig.json in the current folder; files outside every TypeScript project are linted without types');
    }
  }

  const enabled = options.useConfig ? undefined : selectRules(plugin, options);
  const enabledWhere = (json: boolean): Record<string, 'error'> =>
    Object.fromEntries(Object.entries(enabled ?? {}).filter(([id]) => isJsonRule(plugin, id) === json));
  const jsonRules = enabledWhere(true);
  const jsonConfig = Object.keys(jsonRules).length > 0 ? packageJsonConfig(plugin) : undefined;
  if (!jsonConfig) {
    if (Object.keys(jsonRules).length > 0 && options.rules.length > 0) {
      throw new UsageError(`${Object.keys(jsonRules).join(', ')} needs @eslint/json: npm install --save-dev @eslint/json`, { hint: false });
    }
    // Only the plugin's JSON rules read package.json, and only @eslint/json can parse it for them.
    files = files.filter((file) => !isPackageManifest(file));
  }
  const wantedRules = options.rules.length > 0 ? new Set(options.rules.map((name) => `${namespace}/${name}`)) : undefined;
  const ruleFilter = ({ ruleId, severity }: { ruleId: string; severity: number }): boolean =>
    (!options.quiet || severity === 2) &&
    (options.useConfig ? wantedRules === undefined || wantedRules.has(ruleId) : own(ruleId));

  const build = (typed: boolean): ESLintClass => {
    const parserOptions = typed ? { projectService: true, tsconfigRootDir: cwd } : {};
    const languageOptions: Linter.LanguageOptions = parserFound
      ? { parser: parserFound.parser, parserOptions }
      : { parserOptions: { ecmaFeatures: { jsx: true } } };
    if (options.useConfig) {
      return new ESLint({
        cwd,
        fix,
        ruleFilter,
        warnIgnored: false,
        errorOnUnmatchedPattern: false,
        overrideConfig: [
          ...(typed ? [{ files: [SOURCE_GLOB], languageOptions: { parserOptions } }] : []),
          ...(request.settings ? [{ settings: { cdp: request.settings } }] : []),
        ],
      });
    }
    const base = commonFolder([cwd, ...files]);
    return new ESLint({
      cwd: base,
      fix,
      ruleFilter,
      warnIgnored: false,
      errorOnUnmatchedPattern: false,
      overrideConfigFile: true,
      overrideConfig: [
        { name: 'cdp-lint/files', files: [SOURCE_GLOB], languageOptions },
        {
          name: `cdp-lint/${options.rules.length > 0 ? 'rules' : options.config}`,
          files: [SOURCE_GLOB],
          plugins: { [namespace]: plugin as unknown as ESLintClass.Plugin },
          rules: enabledWhere(false),
        },
        ...(jsonConfig ? [{ ...jsonConfig, name: 'cdp-lint/package-json', rules: jsonRules }] : []),
        // The project's disable comments name rules this run does not load; unused ones are not findings.
        { name: 'cdp-lint/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
        ...(request.settings ? [{ name: 'cdp-lint/settings', settings: { cdp: request.settings } }] : []),
      ],
    });
  };

  const primary = build(options.typed);
  let results = files.length > 0 ? await lintInBatches(primary, files, request.progress) : [];
  let secondary: ESLintClass | undefined;
  const untypedFiles: string[] = [];
  if (options.typed) {
    const outside = results.filter((result) => result.messages.some((message) => message.fatal && NOT_IN_PROJECT.test(message.message)));
    if (outside.length > 0) {
      secondary = build(false);
      const again = new Map(
        (await lintInBatches(secondary, outside.map((result) => result.filePath), undefined)).map((result) => [result.filePath, result]),
      );
      results = results.map((result) => again.get(result.filePath) ?? result);
      untypedFiles.push(...outside.map((result) => result.filePath));
    }
  }
  request.progress?.finish();

  // Keep the plugin's findings and parse errors; in the project's config mode, everything it reports.
  results = results
    .map((result) =>
      keepMessages(
        result,
        (message) =>
          (options.useConfig || own(message.ruleId) || message.fatal === true) && (!options.quiet || message.severity === 2),
      ),
    )
    .sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  const fixedFiles = results.filter((result) => result.output !== undefined).map((result) => result.filePath);
  const diffs: string[] = [];
  if (options.fix) {
    await ESLint.outputFixes(results);
  } else if (options.fixDryRun) {
    for (const result of results) {
      if (result.output === undefined) continue;
      const name = path.relative(cwd, result.filePath).split(path.sep).join('/');
      diffs.push(unifiedDiff(name, readFileSync(result.filePath, 'utf8'), result.output));
    }
  }

  // What each rule is: every rule this run enabled, and every rule that reported.
  const rules = new Map<string, RuleInfo>();
  if (enabled) {
    for (const id of Object.keys(enabled)) {
      rules.set(id, ruleInfo(id, plugin.rules[id.slice(namespace.length + 1)]?.meta, 'error'));
    }
  } else {
    for (const result of results.slice(0, 200)) {
      const config = (await primary.calculateConfigForFile(result.filePath)) as Linter.Config | undefined;
      for (const [id, entry] of Object.entries(config?.rules ?? {})) {
        const severity = Array.isArray(entry) ? entry[0] : entry;
        const level = severity === 2 || severity === 'error' ? 'error' : severity === 1 || severity === 'warn' ? 'warning' : undefined;
        if (!level || !own(id) || (wantedRules && !wantedRules.has(id))) continue;
        if (options.quiet && level !== 'error') continue;
        rules.set(id, ruleInfo(id, plugin.rules[id.slice(namespace.length + 1)]?.meta, level));
      }
    }
  }
  const withMessages = results.filter((result) => result.messages.some((message) => message.ruleId));
  const metaFrom = (eslint: ESLintClass, subset: LintResult[]): Record<string, Rule.RuleMetaData> => {
    try {
      return eslint.getRulesMetaForResults(subset);
    } catch {
      return {};
    }
  };
  const untyped = new Set(untypedFiles);
  const reported = {
    ...metaFrom(primary, withMessages.filter((result) => !untyped.has(result.filePath))),
    ...(secondary ? metaFrom(secondary, withMessages.filter((result) => untyped.has(result.filePath))) : {}),
  };
  for (const [id, meta] of Object.entries(reported)) {
    if (rules.has(id)) continue;
    const severities = results.flatMap((result) => result.messages.filter((message) => message.ruleId === id).map((message) => message.severity));
    rules.set(id, ruleInfo(id, meta, severities.includes(2) ? 'error' : 'warning'));
  }

  return {
    results: results.map(({ source: _source, output: _output, ...rest }) => rest as LintResult),
    rules,
    eslintVersion: ESLint.version,
    untypedFiles,
    parserMissingFiles,
    fixedFiles,
    diffs,
  };
}
