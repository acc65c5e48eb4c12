import type { TSESLint } from '@typescript-eslint/utils';
import { createConfigs, type Configs } from './configs/index.js';
import { rules } from './rules/index.js';
import { packageName, packageVersion } from './util/package-info.js';

const namespace = 'cdp';

interface CdpPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Configs;
}

const plugin = {
  meta: { name: packageName, version: packageVersion, namespace },
  rules,
} as CdpPlugin;

// Configs reference the plugin object itself, so they are attached after it exists.
plugin.configs = createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules, namespace);

export { plugin as default, plugin as 'module.exports' };
export type { CdpPlugin };
