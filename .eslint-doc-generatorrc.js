// eslint-doc-generator reads the built plugin (`dist/`): run it through `npm run docs`, which builds
// first. `npm run docs:check` fails when a rule doc header or the README's lists are stale.

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  // `all` changes with every release; the eslintrc variants mirror `recommended` and `strict`.
  ignoreConfig: ['all', 'recommended-legacy', 'strict-legacy'],
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['recommended-type-checked', '☑️'],
    // Rules for package.json, on @eslint/json's language; none of them is in the JavaScript presets.
    ['package-json', '📦'],
  ],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocSectionInclude: ['Rule Details', 'Examples', 'Options', 'Known Limitations', 'When Not To Use It'],
  // Every rule doc has an Options section, saying so when a rule has none; the generator's own
  // check would reject that section for option-less rules. The meta-tests check that each option
  // a rule's schema declares is named in it.
  ruleDocSectionOptions: false,
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'configsWarn',
    'configsOff',
    'fixable',
    'hasSuggestions',
    'options',
    'requiresTypeChecking',
    'deprecated',
  ],
  urlConfigs: 'https://github.com/eslint-plugin-cdp/eslint-plugin-cdp#configs',
  pathRuleList: 'README.md',
};

export default config;
