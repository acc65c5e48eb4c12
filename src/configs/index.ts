import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import type { CdpRule } from '../rules/index.js';

type RuleLevel = 'error' | 'warn';
type RulesRecord = Record<string, RuleLevel>;

/**
 * Every preset is computed from the rules' `meta.docs`: a rule's `recommended` field is the only
 * place that says which preset enables it.
 */
export function rulesFor(
  rules: Record<string, CdpRule>,
  namespace: string,
  include: (rule: CdpRule) => boolean,
): RulesRecord {
  return Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => !rule.meta.deprecated && include(rule))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name]) => [`${namespace}/${name}`, 'error' as const]),
  );
}

const languagesOf = (rule: CdpRule): readonly string[] | undefined =>
  (rule.meta as { languages?: readonly string[] }).languages;
/**
 * The JavaScript presets name no files, so they apply to every file ESLint lints: a rule for
 * another language in them would be run on JavaScript, which ESLint 10 refuses.
 */
const isJavaScript = (rule: CdpRule): boolean =>
  languagesOf(rule)?.some((language) => language === '*' || language.startsWith('js/')) ?? true;
const isPackageJson = (rule: CdpRule): boolean => languagesOf(rule)?.includes('json/json') ?? false;

const isRecommended = (rule: CdpRule): boolean =>
  isJavaScript(rule) && rule.meta.docs?.recommended === 'recommended' && !rule.meta.docs.requiresTypeChecking;
const isStrict = (rule: CdpRule): boolean =>
  isJavaScript(rule) && rule.meta.docs?.recommended !== undefined && !rule.meta.docs.requiresTypeChecking;
const isRecommendedTyped = (rule: CdpRule): boolean => isJavaScript(rule) && rule.meta.docs?.recommended === 'recommended';

export interface Configs {
  recommended: TSESLint.FlatConfig.Config;
  strict: TSESLint.FlatConfig.Config;
  all: TSESLint.FlatConfig.Config;
  'recommended-type-checked': TSESLint.FlatConfig.Config;
  'recommended-legacy': TSESLint.ClassicConfig.Config;
  'strict-legacy': TSESLint.ClassicConfig.Config;
  'package-json': TSESLint.FlatConfig.Config;
}

export function createConfigs(plugin: TSESLint.FlatConfig.Plugin, rules: Record<string, CdpRule>, namespace: string): Configs {
  const flat = (name: string, include: (rule: CdpRule) => boolean): TSESLint.FlatConfig.Config => ({
    name: `${namespace}/${name}`,
    plugins: { [namespace]: plugin },
    rules: rulesFor(rules, namespace, include),
  });
  let packageJson: TSESLint.FlatConfig.Config | undefined;
  const legacy = (include: (rule: CdpRule) => boolean): TSESLint.ClassicConfig.Config => ({
    plugins: [namespace],
    rules: rulesFor(rules, namespace, include),
  });
  return {
    recommended: flat('recommended', isRecommended),
    strict: flat('strict', isStrict),
    all: flat('all', isJavaScript),
    // Type information lets the engine resolve clients imported from other modules and
    // parameters typed with SDK classes (more findings), and lets rules see that a value is a
    // closed set of literals (`no-dynamic-event-names` then stays silent on it).
    get 'recommended-type-checked'(): TSESLint.FlatConfig.Config {
      return {
        ...flat('recommended-type-checked', isRecommendedTyped),
        languageOptions: {
          parser: loadTypeScriptParser(),
          parserOptions: { projectService: true },
        },
      };
    },
    'recommended-legacy': legacy(isRecommended),
    'strict-legacy': legacy(isStrict),
    // Every rule for package.json, on package.json files only, parsed by @eslint/json (loaded on
    // first use: users who never lint package.json need not install it).
    get 'package-json'(): TSESLint.FlatConfig.Config {
      packageJson ??= {
        name: `${namespace}/package-json`,
        files: ['**/package.json'],
        plugins: { json: loadJsonPlugin(), [namespace]: plugin },
        language: 'json/json',
        rules: rulesFor(rules, namespace, isPackageJson),
      };
      return packageJson;
    },
  };
}

function loadTypeScriptParser(): TSESLint.FlatConfig.Parser {
  const require = createRequire(import.meta.url);
  try {
    return require('@typescript-eslint/parser') as TSESLint.FlatConfig.Parser;
  } catch {
    throw new Error(
      "eslint-plugin-cdp: the 'recommended-type-checked' config needs @typescript-eslint/parser; install typescript-eslint.",
    );
  }
}

function loadJsonPlugin(): TSESLint.FlatConfig.Plugin {
  const require = createRequire(import.meta.url);
  let loaded: { default?: TSESLint.FlatConfig.Plugin };
  try {
    // An ES module: `require` loads it synchronously on the Node versions the plugin supports.
    loaded = require('@eslint/json') as typeof loaded;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      "eslint-plugin-cdp: the 'package-json' config needs @eslint/json, which provides the JSON language; install it: npm install --save-dev @eslint/json",
      { cause: error },
    );
  }
  return loaded.default ?? (loaded as TSESLint.FlatConfig.Plugin);
}
