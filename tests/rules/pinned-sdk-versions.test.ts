import json from '@eslint/json';
import type { InvalidTestCase as TsInvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter, RuleTester, type Rule } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vitest from 'vitest';
import { clearInstalledVersionCache } from '../../src/analysis/installed-version.js';
import rule from '../../src/rules/pinned-sdk-versions.js';
import { describeFixSafety } from '../fix-safety.js';

/*
 * pinned-sdk-versions: a package.json that lets an install pick a newer SDK release than the one
 * reviewed. A JSON rule, so ESLint's own RuleTester runs it with @eslint/json's language.
 */

RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

const KLAVIYO_REASON =
  'each klaviyo-api release hard-codes one Klaviyo API revision, and even a minor release can move to a newer one (10.1.0 did), which changes request validation and response shapes';
const DEFAULT_REASON =
  'the SDK feeds a background data pipeline, where a changed payload or a new failure mode shows up as missing or wrong customer data rather than as an error';

/**
 * Projects on disk, because the suggestion pins to what `node_modules` holds:
 * `app` has SDKs installed, `bare` has none, `monorepo` hoists them to the root of its workspaces.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cdp-pinned-sdk-versions-'));
function install(dir: string, name: string, version: string): void {
  mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
}
const app = path.join(tmp, 'app');
const bare = path.join(tmp, 'bare');
const monorepo = path.join(tmp, 'monorepo');
mkdirSync(bare, { recursive: true });
install(app, 'klaviyo-api', '23.1.4');
install(app, 'customerio-node', '5.2.0');
install(app, '@customerio/cdp-analytics-node', '0.5.9');
install(app, 'cio', '5.1.3'); // an `npm:` alias is installed under its own name
install(monorepo, 'klaviyo-api', '23.0.2');
mkdirSync(path.join(monorepo, 'packages', 'web', 'node_modules'), { recursive: true });

const APP = path.join(app, 'package.json');
const BARE = path.join(bare, 'package.json');
const WEB = path.join(monorepo, 'packages', 'web', 'package.json');

vitest.beforeEach(() => clearInstalledVersionCache());
vitest.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A package.json as npm writes it. */
function manifest(groups: Record<string, unknown>): string {
  return `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, ...groups }, null, 2)}\n`;
}
const deps = (dependencies: Record<string, unknown>): string => manifest({ dependencies });

const unpinned = (name: string, what: string, reason = DEFAULT_REASON) => ({
  messageId: 'unpinned',
  data: { name, what, reason },
});

/** One report whose suggestion replaces `from` by `to` in the manifest. */
function pinned(code: string, name: string, what: string, from: string, to: string, installed: boolean, reason?: string) {
  return {
    ...unpinned(name, what, reason),
    suggestions: [
      {
        messageId: installed ? 'pinInstalled' : 'pinLowerBound',
        data: { name, version: to.replace(/^.*[@:]/, '') },
        output: code.replace(JSON.stringify(from), JSON.stringify(to)),
      },
    ],
  };
}

const valid: RuleTester.ValidTestCase[] = [
  {
    name: 'exact versions in every group',
    code: manifest({
      dependencies: { 'klaviyo-api': '23.0.0', 'customerio-node': '5.2.0' },
      devDependencies: { '@customerio/cdp-analytics-node': '0.5.9' },
      optionalDependencies: { 'klaviyo-api': '23.0.0' },
    }),
    filename: APP,
  },
  {
    name: 'other exact spellings: `=`, `v`, prereleases and build metadata',
    code: manifest({
      dependencies: { 'klaviyo-api': '=23.0.0', 'customerio-node': 'v5.2.0' },
      devDependencies: { '@customerio/cdp-analytics-node': '0.6.0-beta.2' },
      optionalDependencies: { 'customerio-node': ' 5.2.0+build.7 ' },
    }),
    filename: BARE,
  },
  {
    name: 'an `npm:` alias to an exact version',
    code: deps({ cio: 'npm:customerio-node@5.2.0', 'klaviyo-api': 'npm:klaviyo-api@23.0.0' }),
    filename: APP,
  },
  {
    name: 'local, workspace and catalog references: the version is decided elsewhere',
    code: deps({
      'klaviyo-api': 'file:../vendor/klaviyo-api',
      'customerio-node': 'workspace:*',
      '@customerio/cdp-analytics-node': 'link:../cdp',
      cio: 'catalog:',
    }),
    filename: WEB,
  },
  {
    name: 'git references to a commit or a tag, and a tarball URL',
    code: deps({
      'klaviyo-api': 'git+https://github.com/klaviyo/klaviyo-api-node.git#3f9a2c1d8e7b',
      'customerio-node': 'github:customerio/customerio-node#v5.2.0',
      '@customerio/cdp-analytics-node': 'https://packages.example.com/cdp-analytics-node-0.5.9.tgz',
      cio: 'customerio/customerio-node#semver:5.2.0',
    }),
    filename: BARE,
    options: [{ packages: ['cio'] }],
  },
  {
    name: 'peer ranges are meant to be ranges: the consuming app pins',
    code: manifest({ peerDependencies: { 'klaviyo-api': '^23.0.0', 'customerio-node': '>=4' } }),
    filename: APP,
  },
  {
    name: 'ranges on packages that are not SDKs',
    code: deps({ express: '^4.19.2', zod: '~3.23.0', typescript: 'latest' }),
    filename: APP,
  },
  {
    name: 'only package.json: other JSON files may hold anything',
    code: deps({ 'klaviyo-api': '^23.0.0' }),
    filename: path.join(app, 'package.json.bak.json'),
  },
  {
    name: 'a file merely named like a package.json',
    code: deps({ 'klaviyo-api': '^23.0.0' }),
    filename: path.join(app, 'fixtures', 'my-package.json'),
  },
  {
    name: 'dependency-named keys nested in other fields are not dependency groups',
    code: manifest({
      workspaces: { packages: ['packages/*'], nohoist: ['**/klaviyo-api'] },
      pnpm: { overrides: { 'klaviyo-api': '^23.0.0' } },
      config: { dependencies: { 'klaviyo-api': '^23.0.0' } },
    }),
    filename: path.join(monorepo, 'package.json'),
  },
  {
    name: 'odd but parseable shapes: an array document, non-object groups, non-string versions',
    code: '[{ "dependencies": { "klaviyo-api": "^23.0.0" } }]',
    filename: APP,
  },
  {
    name: 'a group that is not an object, a version that is not a string',
    code: manifest({ dependencies: ['klaviyo-api'], devDependencies: { 'klaviyo-api': 23 }, optionalDependencies: null }),
    filename: APP,
  },
  {
    name: 'a version npm could not read either: nothing to pin to',
    code: deps({ 'klaviyo-api': 'twenty three' }),
    filename: APP,
  },
  {
    name: 'allowDevDependencies: a library tests against a range and declares a peer',
    code: manifest({ peerDependencies: { 'klaviyo-api': '^23.0.0' }, devDependencies: { 'klaviyo-api': '^23.0.0' } }),
    filename: APP,
    options: [{ allowDevDependencies: true }],
  },
  {
    name: 'ignorePackages: an SDK whose patch releases the team takes unreviewed',
    code: deps({ '@customerio/cdp-analytics-node': '~0.5.9', 'klaviyo-api': '23.0.0' }),
    filename: APP,
    options: [{ ignorePackages: ['@customerio/cdp-analytics-node'] }],
  },
];

const invalid: RuleTester.InvalidTestCase[] = [];
const add = (testCase: RuleTester.InvalidTestCase): void => {
  invalid.push(testCase);
};

{
  const code = deps({ 'klaviyo-api': '^23.0.0' });
  add({
    name: 'a caret range on klaviyo-api: pinned to the installed version, with the revision reason',
    code,
    filename: APP,
    errors: [
      {
        message: `\`klaviyo-api\` is declared with the range \`^23.0.0\`, so an install or a lockfile update can move it to a release nobody reviewed: ${KLAVIYO_REASON}. Pin an exact version and upgrade it on purpose.`,
        line: 6,
        column: 20,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'pinInstalled',
            data: { name: 'klaviyo-api', version: '23.1.4' },
            output: code.replace('"^23.0.0"', '"23.1.4"'),
          },
        ],
      },
    ],
  });
}
{
  const code = deps({ 'customerio-node': '~5.1.0' });
  add({
    name: 'a tilde range with nothing installed: pinned to its lower bound',
    code,
    filename: BARE,
    errors: [pinned(code, 'customerio-node', 'the range `~5.1.0`', '~5.1.0', '5.1.0', false)],
  });
}
{
  const code = deps({ 'klaviyo-api': '^22.0.0' });
  add({
    name: 'an installed version outside the range (a stale node_modules) is not suggested',
    code,
    filename: APP,
    errors: [pinned(code, 'klaviyo-api', 'the range `^22.0.0`', '^22.0.0', '22.0.0', false, KLAVIYO_REASON)],
  });
}
{
  const code = deps({ 'klaviyo-api': 'latest' });
  add({
    name: 'the `latest` tag: pinned to what it resolved to',
    code,
    filename: APP,
    errors: [pinned(code, 'klaviyo-api', 'the dist-tag `latest`', 'latest', '23.1.4', true, KLAVIYO_REASON)],
  });
}
add({
  name: 'tags, `*`, `x` and an empty version with nothing installed: no version to suggest',
  code: manifest({
    dependencies: { 'klaviyo-api': 'next', 'customerio-node': '*' },
    devDependencies: { '@customerio/cdp-analytics-node': '' },
    optionalDependencies: { 'customerio-node': 'x' },
  }),
  filename: BARE,
  errors: [
    { ...unpinned('klaviyo-api', 'the dist-tag `next`', KLAVIYO_REASON), suggestions: [] },
    { ...unpinned('customerio-node', '`*`, which allows any release'), suggestions: [] },
    { ...unpinned('@customerio/cdp-analytics-node', 'an empty version, which allows any release'), suggestions: [] },
    { ...unpinned('customerio-node', '`x`, which allows any release'), suggestions: [] },
  ],
});
{
  const code = deps({ 'customerio-node': '*' });
  add({
    name: '`*` with the SDK installed: pinned to the installed version',
    code,
    filename: APP,
    errors: [pinned(code, 'customerio-node', '`*`, which allows any release', '*', '5.2.0', true)],
  });
}
{
  const code = deps({ 'customerio-node': '5.x', '@customerio/cdp-analytics-node': '>= 0.5.0 < 0.6' });
  add({
    name: 'x-ranges and comparator sets',
    code,
    filename: BARE,
    errors: [
      pinned(code, 'customerio-node', 'the range `5.x`', '5.x', '5.0.0', false),
      pinned(code, '@customerio/cdp-analytics-node', 'the range `>= 0.5.0 < 0.6`', '>= 0.5.0 < 0.6', '0.5.0', false),
    ],
  });
}
{
  const code = deps({ 'customerio-node': '>=5.0.0' });
  add({
    name: 'an open-ended range the installed version satisfies',
    code,
    filename: APP,
    errors: [pinned(code, 'customerio-node', 'the range `>=5.0.0`', '>=5.0.0', '5.2.0', true)],
  });
}
{
  const code = deps({ 'customerio-node': '^4.0.0 || ^5.0.0' });
  add({
    name: 'alternatives (`||`): the installed version, when one of them allows it',
    code,
    filename: APP,
    errors: [pinned(code, 'customerio-node', 'the range `^4.0.0 || ^5.0.0`', '^4.0.0 || ^5.0.0', '5.2.0', true)],
  });
}
add({
  name: 'alternatives and exclusive bounds without an install: no single version to suggest',
  code: deps({ 'customerio-node': '^4.0.0 || ^5.0.0', 'klaviyo-api': '>22.0.0' }),
  filename: BARE,
  errors: [
    { ...unpinned('customerio-node', 'the range `^4.0.0 || ^5.0.0`'), suggestions: [] },
    { ...unpinned('klaviyo-api', 'the range `>22.0.0`', KLAVIYO_REASON), suggestions: [] },
  ],
});
{
  const code = deps({ 'customerio-node': '5.0.0 - 5.2.0' });
  add({
    name: 'a hyphen range',
    code,
    filename: BARE,
    errors: [pinned(code, 'customerio-node', 'the range `5.0.0 - 5.2.0`', '5.0.0 - 5.2.0', '5.0.0', false)],
  });
}
{
  const code = deps({ cio: 'npm:customerio-node@^5.1.0' });
  add({
    name: 'an `npm:` alias: the SDK is recognised through it, and the alias is kept',
    code,
    filename: APP,
    errors: [
      pinned(code, 'cio', 'the range `^5.1.0`', 'npm:customerio-node@^5.1.0', 'npm:customerio-node@5.1.3', true),
    ],
  });
}
{
  const code = deps({ 'klaviyo-api': 'github:klaviyo/klaviyo-api-node#semver:^23.0.0' });
  add({
    name: 'a git reference by semver range',
    code,
    filename: BARE,
    errors: [
      pinned(
        code,
        'klaviyo-api',
        'the range `^23.0.0`',
        'github:klaviyo/klaviyo-api-node#semver:^23.0.0',
        'github:klaviyo/klaviyo-api-node#semver:23.0.0',
        false,
        KLAVIYO_REASON,
      ),
    ],
  });
}
add({
  name: 'a git URL without a commit follows the default branch',
  code: deps({ 'customerio-node': 'git+https://github.com/customerio/customerio-node.git', cio: 'customerio/customerio-node' }),
  filename: APP,
  errors: [
    { ...unpinned('customerio-node', 'a git URL without a commit, which follows the default branch'), suggestions: [] },
    { ...unpinned('cio', 'a git URL without a commit, which follows the default branch'), suggestions: [] },
  ],
  options: [{ packages: ['cio'] }],
});
{
  const code = manifest({ devDependencies: { '@customerio/cdp-analytics-node': '^0.5.9' } });
  add({
    name: 'devDependencies are installed too',
    code,
    filename: APP,
    errors: [
      pinned(code, '@customerio/cdp-analytics-node', 'the range `^0.5.9`', '^0.5.9', '0.5.9', true),
    ],
  });
}
{
  const code = manifest({ optionalDependencies: { 'klaviyo-api': '~23.1.0' } });
  add({
    name: 'optionalDependencies',
    code,
    filename: APP,
    errors: [pinned(code, 'klaviyo-api', 'the range `~23.1.0`', '~23.1.0', '23.1.4', true, KLAVIYO_REASON)],
  });
}
{
  const code = manifest({
    workspaces: ['packages/*'],
    dependencies: { 'klaviyo-api': '^23.0.0' },
  });
  add({
    name: 'a workspace package: the version hoisted to the repository root is the installed one',
    code,
    filename: WEB,
    errors: [pinned(code, 'klaviyo-api', 'the range `^23.0.0`', '^23.0.0', '23.0.2', true, KLAVIYO_REASON)],
  });
}
{
  const code = deps({ '@acme/tracking': '^2.1.0', express: '^4.19.2' });
  add({
    name: 'packages: more packages to pin',
    code,
    filename: BARE,
    options: [{ packages: ['@acme/tracking'] }],
    errors: [pinned(code, '@acme/tracking', 'the range `^2.1.0`', '^2.1.0', '2.1.0', false)],
  });
}
{
  const code = manifest({
    dependencies: { 'klaviyo-api': '^23.0.0' },
    devDependencies: { 'customerio-node': '^5.0.0' },
  });
  add({
    name: 'allowDevDependencies leaves dependencies checked',
    code,
    filename: APP,
    options: [{ allowDevDependencies: true }],
    errors: [pinned(code, 'klaviyo-api', 'the range `^23.0.0`', '^23.0.0', '23.1.4', true, KLAVIYO_REASON)],
  });
}
{
  const code = `{"dependencies":{"klaviyo-api":"^23.0.0","customerio-node":"^5.2.0"}}`;
  add({
    name: 'minified, several reports on one line, each fixed on its own',
    code,
    filename: APP,
    errors: [
      pinned(code, 'klaviyo-api', 'the range `^23.0.0`', '^23.0.0', '23.1.4', true, KLAVIYO_REASON),
      pinned(code, 'customerio-node', 'the range `^5.2.0`', '^5.2.0', '5.2.0', true),
    ],
  });
}

const ruleTester = new RuleTester({ plugins: { json }, language: 'json/json' });
ruleTester.run('pinned-sdk-versions', rule, { valid, invalid });

/** The rule on its own in the JSON language, as the `package-json` config runs it. */
function lintJson(code: string, testCase: { filename?: string; options?: unknown }): Linter.LintMessage[] {
  clearInstalledVersionCache();
  return new Linter({ cwd: tmp }).verify(
    code,
    [
      {
        files: ['**/*.json'],
        plugins: { json, cdp: { rules: { 'pinned-sdk-versions': rule as unknown as Rule.RuleModule } } },
        language: 'json/json',
        rules: { 'cdp/pinned-sdk-versions': ['error', ...((testCase.options as unknown[] | undefined) ?? [])] },
      },
    ],
    testCase.filename ?? 'package.json',
  );
}

describeFixSafety(
  'pinned-sdk-versions',
  rule as never,
  invalid as unknown as TsInvalidTestCase<string, readonly unknown[]>[],
  false,
  lintJson,
);
