// The four configs the benchmark compares. The cdp configs are the baselines plus `cdp/all`, so
// every difference between a pair of runs is the plugin's.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import tseslint from 'typescript-eslint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The plugin is measured as users get it: built. CDP_PLUGIN_DIR points at another build. */
export const pluginDir = path.resolve(process.env.CDP_PLUGIN_DIR ?? path.join(repoRoot, 'dist'));

async function loadPlugin() {
  const module = await import(pathToFileURL(path.join(pluginDir, 'index.js')).href);
  return module.default;
}

export const CONFIG_NAMES = ['baseline', 'cdp', 'typed-baseline', 'typed-cdp'];

/**
 * @param {string} name one of CONFIG_NAMES
 * @param {{ root: string, settings: { files: string[], cdp: object }[] }} corpus
 */
export async function buildConfig(name, { root, settings }) {
  const typed = name.startsWith('typed-');
  const base = typed
    ? [
        ...tseslint.configs.recommendedTypeChecked,
        { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } } },
      ]
    : [...tseslint.configs.recommended];
  // Settings are given to both sides of a pair: only the plugin reads them.
  const settingsBlocks = settings.map(({ files, cdp }) => ({ files, settings: { cdp } }));
  if (name === 'baseline' || name === 'typed-baseline') return [...base, ...settingsBlocks];
  if (name === 'cdp' || name === 'typed-cdp') {
    const plugin = await loadPlugin();
    // With type information present every rule uses it, so the typed pair also runs all rules.
    return [...base, plugin.configs.all, ...settingsBlocks];
  }
  throw new Error(`unknown config '${name}' (expected ${CONFIG_NAMES.join(', ')})`);
}
