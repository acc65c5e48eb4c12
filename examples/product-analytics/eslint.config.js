import cdp from 'eslint-plugin-cdp';
import tseslint from 'typescript-eslint';
import { cdpSettings } from './cdp.settings.js';

export default [
  // Parse TypeScript; the rules need no type information.
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  // The recommended rules: the analytics SDKs are covered by the same presets.
  cdp.configs.recommended,
  // Where the shared Segment and PostHog clients live.
  { settings: { cdp: cdpSettings } },
];
