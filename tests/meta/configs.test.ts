// The presets are computed from the rules' metadata; these tests derive them again independently
// and check the relations users rely on (recommended ⊂ strict ⊂ all, and so on).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { rules, type CdpRule } from '../../src/rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

const namespace = 'cdp';
const FLAT = ['recommended', 'strict', 'all', 'recommended-type-checked'] as const;
/** Presets for other languages than JavaScript, each on its own files. */
const OTHER_LANGUAGES = ['package-json'] as const;
const LEGACY = { 'recommended-legacy': 'recommended', 'strict-legacy': 'strict' } as const;

type RulesRecord = Record<string, unknown>;
const configs = plugin.configs as unknown as Record<
  string,
  {
    rules?: RulesRecord;
    plugins?: unknown;
    name?: string;
    files?: unknown;
    language?: string;
    languageOptions?: { parser?: unknown; parserOptions?: Record<string, unknown> };
  }
>;

const active = Object.entries(rules).filter(([, rule]) => !rule.meta.deprecated);
const docsOf = (rule: CdpRule) => rule.meta.docs;
const languagesOf = (rule: CdpRule) => (rule.meta as { languages?: string[] }).languages;
/** Rules that name no language, or a JavaScript one, run on what the JavaScript presets lint. */
const isJavaScript = (rule: CdpRule): boolean =>
  languagesOf(rule)?.some((language) => language === '*' || language.startsWith('js/')) ?? true;
const named = (filter: (rule: CdpRule) => boolean): string[] =>
  active
    .filter(([, rule]) => filter(rule))
    .map(([name]) => `${namespace}/${name}`)
    .sort();

/** What each preset must contain, straight from the rule metas. */
const expected: Record<string, string[]> = {
  recommended: named(
    (rule) => isJavaScript(rule) && docsOf(rule)?.recommended === 'recommended' && !docsOf(rule)?.requiresTypeChecking,
  ),
  strict: named(
    (rule) => isJavaScript(rule) && docsOf(rule)?.recommended !== undefined && !docsOf(rule)?.requiresTypeChecking,
  ),
  all: named(isJavaScript),
  'recommended-type-checked': named((rule) => isJavaScript(rule) && docsOf(rule)?.recommended === 'recommended'),
  'package-json': named((rule) => languagesOf(rule)?.includes('json/json') ?? false),
};

const ruleIds = (config: string): string[] => Object.keys(configs[config]?.rules ?? {}).sort();
const isSubset = (a: string[], b: string[]): boolean => a.every((id) => b.includes(id));

describe('plugin configs', () => {
  it('exports exactly the documented presets', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...FLAT, ...OTHER_LANGUAGES, ...Object.keys(LEGACY)].sort());
  });

  it.each([...FLAT, ...OTHER_LANGUAGES])('%s enables exactly the rules whose meta says so', (config) => {
    expect(ruleIds(config)).toEqual(expected[config]);
  });

  it.each(Object.entries(LEGACY))('%s mirrors %s', (legacy, flat) => {
    expect(configs[legacy].rules).toEqual(configs[flat].rules);
  });

  it('has recommended ⊂ strict ⊂ all', () => {
    expect(isSubset(ruleIds('recommended'), ruleIds('strict'))).toBe(true);
    expect(isSubset(ruleIds('strict'), ruleIds('all'))).toBe(true);
  });

  it('has recommended-type-checked ⊇ recommended', () => {
    expect(isSubset(ruleIds('recommended'), ruleIds('recommended-type-checked'))).toBe(true);
  });

  it('has a non-empty recommended preset', () => {
    expect(ruleIds('recommended').length).toBeGreaterThan(0);
  });

  it('enables no deprecated rule', () => {
    const deprecated = Object.entries(rules)
      .filter(([, rule]) => rule.meta.deprecated)
      .map(([name]) => `${namespace}/${name}`);
    for (const config of Object.keys(plugin.configs)) {
      expect(ruleIds(config).filter((id) => deprecated.includes(id))).toEqual([]);
    }
  });

  it('all and the other-language presets together enable every rule', () => {
    expect([...ruleIds('all'), ...OTHER_LANGUAGES.flatMap(ruleIds)].sort()).toEqual(named(() => true));
  });

  it.each(OTHER_LANGUAGES)('%s enables at least one rule', (config) => {
    expect(ruleIds(config).length).toBeGreaterThan(0);
  });

  it.each([...Object.keys(LEGACY), ...FLAT, ...OTHER_LANGUAGES])('%s only names rules of this plugin, at a valid severity', (config) => {
    for (const [id, level] of Object.entries(configs[config].rules ?? {})) {
      expect(id.startsWith(`${namespace}/`), id).toBe(true);
      expect(rules[id.slice(namespace.length + 1)], id).toBeDefined();
      expect(['error', 'warn', 2, 1], id).toContain(Array.isArray(level) ? level[0] : level);
    }
  });

  it.each(FLAT)('%s is a named flat config that brings the plugin itself', (config) => {
    expect(configs[config].name).toBe(`${namespace}/${config}`);
    expect(Object.keys(configs[config].plugins ?? {})).toEqual([namespace]);
    expect((configs[config].plugins as Record<string, unknown>)[namespace]).toBe(plugin);
  });

  it.each(Object.keys(LEGACY))('%s is an eslintrc config that names the plugin', (config) => {
    expect(configs[config].plugins).toEqual([namespace]);
    expect(configs[config]).not.toHaveProperty('name');
  });

  it('recommended-type-checked sets up the TypeScript parser with the project service', () => {
    const typed = configs['recommended-type-checked'];
    expect(typed.languageOptions?.parser).toHaveProperty('parseForESLint');
    expect(typed.languageOptions?.parserOptions).toMatchObject({ projectService: true });
  });

  it('package-json lints package.json files with @eslint/json, which it brings along with the plugin', () => {
    const config = configs['package-json'];
    expect(config.name).toBe(`${namespace}/package-json`);
    expect(config.files).toEqual(['**/package.json']);
    expect(config.language).toBe('json/json');
    const plugins = config.plugins as Record<string, { languages?: Record<string, unknown> }>;
    expect(Object.keys(plugins).sort()).toEqual(['json', namespace].sort());
    expect(plugins[namespace]).toBe(plugin);
    expect(plugins.json.languages).toHaveProperty('json');
  });

  it('package-json is the same object every time it is read', () => {
    expect(plugin.configs['package-json']).toBe(plugin.configs['package-json']);
  });

  it('untyped presets leave the parser to the user', () => {
    for (const config of ['recommended', 'strict', 'all']) {
      expect(configs[config]).not.toHaveProperty('languageOptions');
    }
  });
});

describe('plugin meta', () => {
  it('names the package, its version and the rule namespace', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace });
  });

  it('is named after the namespace, as ESLint expects', () => {
    expect(pkg.name).toBe(`eslint-plugin-${namespace}`);
  });
});
