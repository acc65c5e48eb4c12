import cdp from 'eslint-plugin-cdp';
import tseslint from 'typescript-eslint';
import { cdpSettings } from './cdp.settings.js';

export default [
  // Parse TypeScript; the rules need no type information.
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  // The recommended rules for the source files.
  { files: ['**/*.{js,cjs,mjs,ts,tsx}'], ...cdp.configs.recommended },
  // And for package.json: SDK versions pinned (needs @eslint/json).
  cdp.configs['package-json'],
  // Where the shared Klaviyo clients live.
  { settings: { cdp: cdpSettings } },
];
