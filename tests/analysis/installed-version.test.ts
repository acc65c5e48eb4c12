import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearInstalledVersionCache,
  describeInstalled,
  describeMajorRange,
  installedVersion,
  lowestMajor,
  majorSatisfies,
} from '../../src/analysis/installed-version.js';

const roots: string[] = [];

/** A throw-away directory tree: `{ 'a/package.json': '…' }`. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdp-installed-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) write(root, file, text);
  return root;
}

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const manifest = (version: string): string => JSON.stringify({ name: 'customerio-node', version });

beforeEach(() => clearInstalledVersionCache());
afterEach(() => vi.useRealTimers());
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('installedVersion', () => {
  it('reads the nearest node_modules copy above the file', () => {
    const root = tree({ 'node_modules/customerio-node/package.json': manifest('5.2.0') });
    expect(installedVersion('customerio-node', path.join(root, 'src', 'deep', 'file.ts'))).toEqual({
      version: '5.2.0',
      major: 5,
      source: 'node_modules',
    });
  });

  it('prefers a nested package’s own node_modules over a hoisted one, as Node does', () => {
    const root = tree({
      'node_modules/customerio-node/package.json': manifest('5.2.0'),
      'packages/legacy/node_modules/customerio-node/package.json': manifest('2.1.1'),
    });
    expect(installedVersion('customerio-node', path.join(root, 'packages/legacy/src/a.js')).major).toBe(2);
    expect(installedVersion('customerio-node', path.join(root, 'packages/app/src/a.js')).major).toBe(5);
  });

  it('falls back to the nearest package.json that lists the package, in any dependency group', () => {
    const root = tree({
      'package.json': JSON.stringify({ dependencies: { 'customerio-node': '^4.4.0' } }),
      'tools/package.json': JSON.stringify({ devDependencies: { 'customerio-node': '~2.1.0' } }),
      'peer/package.json': JSON.stringify({ peerDependencies: { 'customerio-node': '>=3 <6' } }),
      'optional/package.json': JSON.stringify({ optionalDependencies: { 'customerio-node': '5.x' } }),
      'other/package.json': JSON.stringify({ dependencies: { express: '^5.0.0' } }),
    });
    const at = (dir: string) => installedVersion('customerio-node', path.join(root, dir, 'index.js'));
    expect(at('src')).toEqual({ major: 4, source: 'package.json' });
    expect(at('tools')).toEqual({ major: 2, source: 'package.json' });
    expect(at('peer')).toEqual({ major: 3, source: 'package.json' });
    expect(at('optional')).toEqual({ major: 5, source: 'package.json' });
    // A package.json that does not list it is skipped on the way up.
    expect(at('other')).toEqual({ major: 4, source: 'package.json' });
  });

  it('is unknown without either, or for a range it cannot read', () => {
    const empty = tree({});
    expect(installedVersion('customerio-node', path.join(empty, 'a.js'))).toEqual({ source: 'unknown' });
    const tagged = tree({ 'package.json': JSON.stringify({ dependencies: { 'customerio-node': 'latest' } }) });
    expect(installedVersion('customerio-node', path.join(tagged, 'a.js'))).toEqual({ source: 'unknown' });
  });

  it('skips manifests that are not JSON objects or have no readable version', () => {
    const root = tree({
      'node_modules/customerio-node/package.json': '{ not json',
      'a/node_modules/customerio-node/package.json': JSON.stringify({ version: 'next' }),
      'b/node_modules/customerio-node/package.json': '[]',
      'package.json': JSON.stringify({ dependencies: { 'customerio-node': ['^3'] }, devDependencies: { 'customerio-node': '^3.5.1' } }),
    });
    expect(installedVersion('customerio-node', path.join(root, 'a', 'x.js'))).toEqual({ major: 3, source: 'package.json' });
    expect(installedVersion('customerio-node', path.join(root, 'b', 'x.js'))).toEqual({ major: 3, source: 'package.json' });
  });

  it('resolves relative names against cwd, and pseudo names (<input>) to cwd itself', () => {
    const root = tree({ 'node_modules/customerio-node/package.json': manifest('3.5.1') });
    expect(installedVersion('customerio-node', 'src/file.ts', root).major).toBe(3);
    expect(installedVersion('customerio-node', '<input>', root).major).toBe(3);
  });

  it('caches per directory for a few seconds, and can be cleared', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
    const root = tree({ 'node_modules/customerio-node/package.json': manifest('2.1.1') });
    const file = path.join(root, 'src', 'a.js');
    expect(installedVersion('customerio-node', file).major).toBe(2);
    write(root, 'node_modules/customerio-node/package.json', manifest('5.2.0'));
    expect(installedVersion('customerio-node', file).major).toBe(2);
    vi.setSystemTime(new Date('2025-01-01T00:00:06Z'));
    expect(installedVersion('customerio-node', file).major).toBe(5);
    write(root, 'node_modules/customerio-node/package.json', manifest('4.4.0'));
    expect(installedVersion('customerio-node', file).major).toBe(5);
    clearInstalledVersionCache();
    expect(installedVersion('customerio-node', file).major).toBe(4);
  });

  it('never throws', () => {
    expect(installedVersion('customerio-node', '\u0000bad')).toBeDefined();
  });
});

describe('lowestMajor', () => {
  it.each([
    ['^2.1.0', 2],
    ['~4.4.0', 4],
    ['5', 5],
    ['5.2.0', 5],
    ['v3.0.0', 3],
    ['=3.1.0', 3],
    ['>=3 <6', 3],
    ['>= 3.0.0', 3],
    ['>2', 3],
    ['>2.x', 3],
    ['>2.1', 2],
    ['<4', 0],
    ['x', 0],
    ['2.x || 3.x', 2],
    ['^4 || ^3.5', 3],
    ['1.2.3 - 2.0.0', 1],
    ['npm:customerio-node@^3.1.0', 3],
  ])('%s → %s', (range, major) => {
    expect(lowestMajor(range)).toBe(major);
  });

  it.each(['*', '', 'latest', 'next', 'file:../customerio-node', 'workspace:*', 'github:customerio/customerio-node', 'customerio/customerio-node', '^3 || latest'])(
    '%s → unknown',
    (range) => {
      expect(lowestMajor(range)).toBeUndefined();
    },
  );
});

describe('majorSatisfies', () => {
  it.each([
    [2, '<3', true],
    [5, '<3', false],
    [3, '<=3', true],
    [3, '>=3', true],
    [3, '>3', false],
    [4, '>3', true],
    [4, '>=3 <6', true],
    [6, '>=3 <6', false],
    [3, '3', true],
    [4, '=3', false],
    [3, 'three', false],
  ])('%s in %s: %s', (major, range, expected) => {
    expect(majorSatisfies(major, range)).toBe(expected);
  });

  it('takes an unknown major to be the current one', () => {
    expect(majorSatisfies(undefined, '<3')).toBe(false);
    expect(majorSatisfies(undefined, '>=3')).toBe(true);
    expect(majorSatisfies(undefined, '<=99')).toBe(false);
    expect(majorSatisfies(undefined, '>1')).toBe(true);
    expect(majorSatisfies(undefined, '3')).toBe(false);
  });
});

describe('messages', () => {
  it('describes ranges in words', () => {
    expect(describeMajorRange('<3')).toBe('before 3.0');
    expect(describeMajorRange('>=3')).toBe('3.0 and later');
    expect(describeMajorRange('>2')).toBe('3.0 and later');
    expect(describeMajorRange('<=2')).toBe('2.x and earlier');
    expect(describeMajorRange('3')).toBe('3.x');
    expect(describeMajorRange('>=3 <6')).toBe('3.0 and later, before 6.0');
    expect(describeMajorRange('~3')).toBe('~3');
  });

  it('says where the version came from', () => {
    expect(describeInstalled({ version: '5.2.0', major: 5, source: 'node_modules' })).toBe('5.2.0 is installed');
    expect(describeInstalled({ major: 4, source: 'package.json' })).toBe('package.json asks for 4.x or later');
    expect(describeInstalled({ source: 'unknown' })).toBe(
      'the installed version could not be read (the current one is assumed)',
    );
  });
});
