import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';
import { createConfigs } from './configs/index.js';
import { rules } from './rules/index.js';
import { packageName, packageVersion } from './util/package-info.js';

const namespace = 'cdp';

/**
 * The public shape, in ESLint's own types, so `plugins: { cdp }`, `Linter.Config[]` and
 * `defineConfig(...)` accept the plugin and its presets in a typed `eslint.config.ts`.
 */
interface CdpPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: {
    recommended: Linter.Config;
    strict: Linter.Config;
    all: Linter.Config;
    'recommended-type-checked': Linter.Config;
    'recommended-legacy': Linter.LegacyConfig;
    'strict-legacy': Linter.LegacyConfig;
    /** Needs `@eslint/json`, loaded when the config is first read. */
    'package-json': Linter.Config;
  };
}

const plugin = {
  meta: { name: packageName, version: packageVersion, namespace },
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
} as CdpPlugin;

// Configs reference the plugin object itself, so they are attached after it exists.
plugin.configs = createConfigs(
  plugin as unknown as TSESLint.FlatConfig.Plugin,
  rules,
  namespace,
) as unknown as CdpPlugin['configs'];

export { plugin as default, plugin as 'module.exports' };
export type { CdpPlugin };
