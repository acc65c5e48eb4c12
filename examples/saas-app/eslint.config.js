import cdp from 'eslint-plugin-cdp';
import tseslint from 'typescript-eslint';
import { cdpSettings } from './cdp.settings.js';

export default [
  // Parse TypeScript (any parser that ESLint can use works; the rules need no type information).
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  // Turn on the plugin's recommended rules.
  cdp.configs.recommended,
  // Tell the plugin where the shared clients live.
  { settings: { cdp: cdpSettings } },
];
