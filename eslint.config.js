// Lints the plugin's own code: the rules, the engine, the tests and the scripts.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** The Node.js globals the plain JavaScript files (scripts, this config) may use. */
const nodeGlobals = Object.fromEntries(
  [
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearInterval',
    'clearTimeout',
    'console',
    'global',
    'globalThis',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'examples/', 'bench/', 'tests/fixtures/', 'node_modules/']),

  {
    name: 'cdp/javascript',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    extends: [js.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  {
    name: 'cdp/typescript',
    files: ['**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The scope manager's definition and reference kinds are string enums; comparing them with
      // their string values (`def.type === 'Variable'`) is the idiom ESLint rules are written in.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },

  {
    // JavaScript files are not part of the TypeScript program: lint them without type information.
    name: 'cdp/javascript-untyped',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },

  {
    name: 'cdp/rules',
    files: ['src/rules/**/*.ts'],
    ignores: ['src/rules/index.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(enforce|require|disallow)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/prefer-placeholders': 'error',
      'eslint-plugin/no-matching-violation-suggest-message-ids': 'error',
    },
  },

  {
    name: 'cdp/rule-tests',
    files: ['tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
    rules: {
      'eslint-plugin/require-test-case-name': ['error', { require: 'always' }],
      'eslint-plugin/unique-test-case-names': 'error',
      'eslint-plugin/no-only-tests': 'error',
      'eslint-plugin/consistent-output': ['error', 'always'],
    },
  },
);
