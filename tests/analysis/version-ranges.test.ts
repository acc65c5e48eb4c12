import { describe, expect, it } from 'vitest';
import { aliasTarget, floatingSpecifier, lowerBound, satisfies } from '../../src/analysis/version-ranges.js';

describe('floatingSpecifier', () => {
  it.each([
    '1.2.3',
    '=1.2.3',
    'v1.2.3',
    '= v1.2.3',
    '1.2.3-beta.1',
    '1.2.3+build.5',
    'npm:klaviyo-api@23.0.0',
    'npm:@customerio/cdp-analytics-node@0.5.9',
    'file:../x',
    'link:../x',
    'workspace:^',
    'catalog:',
    'patch:klaviyo-api@npm%3A23.0.0#./patches/k.patch',
    'https://example.com/klaviyo-api-23.0.0.tgz',
    'git+ssh://git@github.com/klaviyo/klaviyo-api-node.git#3f9a2c1',
    'github:klaviyo/klaviyo-api-node#v23.0.0',
    'klaviyo/klaviyo-api-node#main',
    'https://github.com/klaviyo/klaviyo-api-node#3f9a2c1',
    'github:klaviyo/klaviyo-api-node#semver:23.0.0',
    'not a version',
    '^1.2.3 || nonsense',
  ])('%j is pinned or not a registry range', (specifier) => {
    expect(floatingSpecifier(specifier)).toBeUndefined();
  });

  it.each([
    ['^1.2.3', { kind: 'range', range: '^1.2.3', prefix: '' }],
    ['~1.2', { kind: 'range', range: '~1.2', prefix: '' }],
    [' >=1 <3 ', { kind: 'range', range: '>=1 <3', prefix: '' }],
    ['1.x', { kind: 'range', range: '1.x', prefix: '' }],
    ['1', { kind: 'range', range: '1', prefix: '' }],
    ['v2', { kind: 'range', range: 'v2', prefix: '' }],
    ['1.2.3 - 2', { kind: 'range', range: '1.2.3 - 2', prefix: '' }],
    ['^1 || ^2', { kind: 'range', range: '^1 || ^2', prefix: '' }],
    ['latest', { kind: 'tag', range: 'latest', prefix: '' }],
    ['next', { kind: 'tag', range: 'next', prefix: '' }],
    ['*', { kind: 'any', range: '*', prefix: '' }],
    ['x', { kind: 'any', range: 'x', prefix: '' }],
    ['', { kind: 'any', range: '', prefix: '' }],
    ['npm:klaviyo-api@^23', { kind: 'range', range: '^23', prefix: 'npm:klaviyo-api@' }],
    ['npm:klaviyo-api', { kind: 'any', range: '', prefix: 'npm:klaviyo-api@' }],
    ['npm:@scope/pkg@latest', { kind: 'tag', range: 'latest', prefix: 'npm:@scope/pkg@' }],
    ['github:o/r', { kind: 'git', range: '', prefix: 'github:o/r' }],
    ['https://github.com/o/r.git', { kind: 'git', range: '', prefix: 'https://github.com/o/r.git' }],
    ['o/r#semver:^1.2.0', { kind: 'range', range: '^1.2.0', prefix: 'o/r#semver:' }],
  ])('%j floats', (specifier, expected) => {
    expect(floatingSpecifier(specifier)).toEqual(expected);
  });
});

describe('aliasTarget', () => {
  it('reads the package an npm alias installs', () => {
    expect(aliasTarget('npm:customerio-node@^5')).toBe('customerio-node');
    expect(aliasTarget('npm:@customerio/cdp-analytics-node@0.5.9')).toBe('@customerio/cdp-analytics-node');
    expect(aliasTarget('npm:klaviyo-api')).toBe('klaviyo-api');
    expect(aliasTarget('^5.0.0')).toBeUndefined();
  });
});

describe('lowerBound', () => {
  it.each([
    ['^23.0.0', '23.0.0'],
    ['^23', '23.0.0'],
    ['~1.2', '1.2.0'],
    ['1.x', '1.0.0'],
    ['1.2.x', '1.2.0'],
    ['>=2 <4', '2.0.0'],
    ['>= 2.1.0', '2.1.0'],
    ['>1', '2.0.0'],
    ['>1.2', '1.3.0'],
    ['1.2.3 - 2.0.0', '1.2.3'],
    ['^1.0.0-beta.2', '1.0.0-beta.2'],
  ])('%s starts at %s', (range, expected) => {
    expect(lowerBound(range)).toBe(expected);
  });

  it.each(['*', '', '<3', '>1.2.3', '^1 || ^2', 'latest'])('%j has no single lower bound', (range) => {
    expect(lowerBound(range)).toBeUndefined();
  });
});

describe('satisfies', () => {
  it.each([
    ['1.4.0', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['1.2.2', '^1.2.3', false],
    ['0.5.12', '^0.5.9', true],
    ['0.6.0', '^0.5.9', false],
    ['0.0.4', '^0.0.3', false],
    ['0.9.0', '^0', true],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.0', '~1', true],
    ['1.9.0', '1.x', true],
    ['2.0.0', '1.x', false],
    ['1.2.3', '1.2.3', true],
    ['5.2.0', '^4 || ^5', true],
    ['3.0.0', '^4 || ^5', false],
    ['2.0.0', '1.2.3 - 2', true],
    ['3.0.0', '1.2.3 - 2', false],
    ['1.3.5', '<=1.3', true],
    ['1.4.0', '<=1.3', false],
    ['1.2.4', '>1.2.3', true],
    ['1.2.3', '>1.2.3', false],
    ['9.9.9', '*', true],
    ['9.9.9', '', true],
    ['1.0.0-beta.3', '^1.0.0-beta.2', true],
    ['1.0.0-beta.1', '^1.0.0-beta.2', false],
    ['1.0.0-beta.10', '>=1.0.0-beta.9', true],
    ['1.0.0-rc.1', '>=1.0.0-beta.9', true],
    ['1.0.0', '>=1.0.0-beta.9', true],
    ['1.1.0-beta.1', '^1.0.0', false],
    ['1.0.0', 'latest', false],
    ['not-a-version', '*', false],
  ])('%s in %j: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});
