import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rule from '../../src/rules/no-legacy-import.js';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFixSafety, lintWith } from '../fix-safety.js';
import { createRuleTester } from '../rule-tester.js';

/*
 * no-legacy-import: customerio-node 3.0 replaced the 2.x module shapes (the module itself as the
 * Track client class, the `/api` and `/regions` sub-paths) with one entry point of named exports.
 * The old shapes crash at load or at construction on 3.x and later, and are right on 2.x, so the
 * rule reads the installed version per project. Each project below is a temporary directory.
 */

type MessageIds = 'legacyModule' | 'legacyConstructor' | 'useNamedExport';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdp-legacy-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return path.join(root, 'src', 'cio.js');
}
const v2File = project({
  'node_modules/customerio-node/package.json': JSON.stringify({ name: 'customerio-node', version: '2.1.1' }),
});
const v2RangeFile = project({ 'package.json': JSON.stringify({ dependencies: { 'customerio-node': '~2.1.0' } }) });
const v3RangeFile = project({ 'package.json': JSON.stringify({ dependencies: { 'customerio-node': '>=3.0.0 <6' } }) });
const unknownFile = project({});

const CURRENT = { sdk: 'customerio-node', range: 'before 3.0', installed: '5.2.0 is installed' };

const valid: ValidTestCase<[]>[] = [
  {
    name: 'the 3.x+ shapes: named imports, require with and without destructuring, namespace and default objects',
    code: `
import { APIClient, RegionEU } from 'customerio-node';
import * as customerio from 'customerio-node';
import cioDefault from 'customerio-node';
const { TrackClient } = require('customerio-node');
const CIO = require('customerio-node');
const a = new TrackClient(s, k, { region: RegionEU });
const b = new CIO.TrackClient(s, k);
const c = new customerio.APIClient(key);
const d = new cioDefault.APIClient(key);
const e = new APIClient(key);`,
  },
  {
    name: 'a 2.x project: every 2.x shape is right there',
    code: `
const CIO = require('customerio-node');
const { RegionEU } = require('customerio-node/regions');
const { APIClient, SendEmailRequest } = require('customerio-node/api');
const cio = new CIO(process.env.SITE_ID, process.env.TRACK_KEY, { region: RegionEU });
const direct = new (require('customerio-node'))(s, k);
const api = new APIClient(process.env.APP_KEY);`,
    filename: v2File,
  },
  {
    name: 'a project whose package.json asks for 2.x (nothing installed yet)',
    code: `
const CIO = require('customerio-node');
const { APIClient } = require('customerio-node/api');
const cio = new CIO(s, k);`,
    filename: v2RangeFile,
  },
  {
    name: 'type-only imports vanish at run time (the type checker reports a wrong path)',
    code: `
import type { APIClient } from 'customerio-node/api';
export type { RegionEU } from 'customerio-node/regions';
import { TrackClient } from 'customerio-node';`,
  },
  {
    name: 'sub-paths of other packages, deep imports of this one, and a local require',
    code: `
import { TrackClient } from 'customerio-node';
const { Api } = require('some-sdk/api');
const { request } = require('customerio-node/dist/lib/request');
function load(require) { return require('customerio-node/api'); }
const dynamic = require(name);`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: require of customerio-node/api, fixed to the package itself',
    code: `
const { APIClient, SendEmailRequest } = require('customerio-node/api');
const api = new APIClient(process.env.APP_KEY);`,
    output: `
const { APIClient, SendEmailRequest } = require('customerio-node');
const api = new APIClient(process.env.APP_KEY);`,
    errors: [
      {
        messageId: 'legacyModule',
        data: { specifier: 'customerio-node/api', target: 'customerio-node', ...CURRENT },
        line: 2,
        column: 49,
      },
    ],
  },
  {
    name: 'import of customerio-node/api and /regions, in double quotes',
    code: `
import { APIClient } from "customerio-node/api";
import { RegionEU } from "customerio-node/regions";
export const api = new APIClient(process.env.APP_KEY, { region: RegionEU });`,
    output: `
import { APIClient } from "customerio-node";
import { RegionEU } from "customerio-node";
export const api = new APIClient(process.env.APP_KEY, { region: RegionEU });`,
    errors: [
      { messageId: 'legacyModule', data: { specifier: 'customerio-node/api', target: 'customerio-node', ...CURRENT }, line: 2, column: 27 },
      { messageId: 'legacyModule', data: { specifier: 'customerio-node/regions', target: 'customerio-node', ...CURRENT }, line: 3, column: 26 },
    ],
  },
  {
    name: 'a module object of the sub-path, a dynamic import, re-exports and TypeScript import-equals',
    code: `
const regions = require('customerio-node/regions');
const { APIClient } = await import('customerio-node/api');
export { RegionUS } from 'customerio-node/regions';
export * from 'customerio-node/api';
import legacyApi = require('customerio-node/api');`,
    output: `
const regions = require('customerio-node');
const { APIClient } = await import('customerio-node');
export { RegionUS } from 'customerio-node';
export * from 'customerio-node';
import legacyApi = require('customerio-node');`,
    errors: [
      { messageId: 'legacyModule', line: 2, column: 25 },
      { messageId: 'legacyModule', line: 3, column: 36 },
      { messageId: 'legacyModule', line: 4, column: 26 },
      { messageId: 'legacyModule', line: 5, column: 15 },
      { messageId: 'legacyModule', line: 6, column: 28 },
    ],
  },
  {
    name: 'catalog: new (require(...))(...) gets the class by name',
    code: `
const cio = new (require('customerio-node'))(process.env.SITE_ID, process.env.TRACK_KEY);`,
    output: null,
    errors: [
      {
        messageId: 'legacyConstructor',
        data: { callee: "(require('customerio-node'))", client: 'TrackClient', ...CURRENT },
        line: 2,
        column: 13,
        suggestions: [
          {
            messageId: 'useNamedExport',
            data: { client: 'TrackClient' },
            output: `
const cio = new (require('customerio-node').TrackClient)(process.env.SITE_ID, process.env.TRACK_KEY);`,
          },
        ],
      },
    ],
  },
  {
    name: 'catalog: a default import used as a constructor (a class field)',
    code: `
import CIO from 'customerio-node';
export class Tracker {
  private cio = new CIO(process.env.SITE_ID!, process.env.TRACK_KEY!);
}`,
    output: null,
    errors: [
      {
        messageId: 'legacyConstructor',
        data: { callee: 'CIO', client: 'TrackClient', ...CURRENT },
        line: 4,
        column: 17,
        suggestions: [
          {
            messageId: 'useNamedExport',
            output: `
import { TrackClient } from 'customerio-node';
export class Tracker {
  private cio = new TrackClient(process.env.SITE_ID!, process.env.TRACK_KEY!);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the binding is already called TrackClient: only the import changes',
    code: `
const TrackClient = require('customerio-node');
module.exports = new TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);`,
    filename: 'src/cio.js',
    output: null,
    errors: [
      {
        messageId: 'legacyConstructor',
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'useNamedExport',
            output: `
const { TrackClient } = require('customerio-node');
module.exports = new TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);`,
          },
        ],
      },
    ],
  },
  {
    name: 'shapes the suggestion leaves alone: other uses of the binding, a taken name, import-equals, a typed binding, a dynamic import',
    code: `
const CIO = require('customerio-node');
const cio = new CIO(s, k);
module.exports = { CIO };
import Legacy from 'customerio-node';
class TrackClient {}
const other = new Legacy(s, k);
import Eq = require('customerio-node');
const third = new Eq(s, k);
const Typed: any = require('customerio-node');
const fourth = new Typed(s, k);
const Dynamic = (await import('customerio-node')).default;
const fifth = new Dynamic(s, k);`,
    output: null,
    errors: [
      { messageId: 'legacyConstructor', line: 3, column: 13, suggestions: [] },
      { messageId: 'legacyConstructor', line: 7, column: 15, suggestions: [] },
      { messageId: 'legacyConstructor', line: 9, column: 15, suggestions: [] },
      { messageId: 'legacyConstructor', line: 11, column: 16, suggestions: [] },
      { messageId: 'legacyConstructor', data: { callee: 'Dynamic', client: 'TrackClient', ...CURRENT }, line: 13, column: 15, suggestions: [] },
    ],
  },
  {
    name: 'a package.json range of 3.x and later, nothing installed',
    code: `
const CIO = require('customerio-node');
const { RegionEU } = require('customerio-node/regions');
const cio = new CIO(s, k, { region: RegionEU });`,
    filename: v3RangeFile,
    output: `
const CIO = require('customerio-node');
const { RegionEU } = require('customerio-node');
const cio = new CIO(s, k, { region: RegionEU });`,
    errors: [
      {
        messageId: 'legacyModule',
        data: { specifier: 'customerio-node/regions', target: 'customerio-node', sdk: 'customerio-node', range: 'before 3.0', installed: 'package.json asks for 3.x or later' },
        line: 3,
        column: 30,
      },
      {
        messageId: 'legacyConstructor',
        data: { callee: 'CIO', client: 'TrackClient', sdk: 'customerio-node', range: 'before 3.0', installed: 'package.json asks for 3.x or later' },
        line: 4,
        column: 13,
        suggestions: [
          {
            messageId: 'useNamedExport',
            output: `
const { TrackClient } = require('customerio-node');
const { RegionEU } = require('customerio-node/regions');
const cio = new TrackClient(s, k, { region: RegionEU });`,
          },
        ],
      },
    ],
  },
  {
    name: 'an unknown version is taken to be the current one',
    code: `
const { APIClient } = require('customerio-node/api');`,
    filename: unknownFile,
    output: `
const { APIClient } = require('customerio-node');`,
    errors: [
      {
        messageId: 'legacyModule',
        data: {
          specifier: 'customerio-node/api',
          target: 'customerio-node',
          sdk: 'customerio-node',
          range: 'before 3.0',
          installed: 'the installed version could not be read (the current one is assumed)',
        },
        line: 2,
        column: 31,
      },
    ],
  },
];

// One binding used by several constructions: each is reported, and the one suggestion rewrites
// the binding and every construction, so applying it clears all of them at once.
const sharedSuggestion: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: const CIO = require(...) used only as a constructor, twice',
    code: `
const CIO = require('customerio-node');
const cio = new CIO(process.env.SITE_ID, process.env.TRACK_KEY);
function forTenant(t) { return new CIO(t.siteId, t.key); }`,
    output: null,
    errors: [
      {
        messageId: 'legacyConstructor',
        data: { callee: 'CIO', client: 'TrackClient', ...CURRENT },
        line: 3,
        column: 13,
        suggestions: [
          {
            messageId: 'useNamedExport',
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);
function forTenant(t) { return new TrackClient(t.siteId, t.key); }`,
          },
        ],
      },
      {
        messageId: 'legacyConstructor',
        line: 4,
        column: 32,
        suggestions: [
          {
            messageId: 'useNamedExport',
            output: `
const { TrackClient } = require('customerio-node');
const cio = new TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);
function forTenant(t) { return new TrackClient(t.siteId, t.key); }`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('no-legacy-import', rule, { valid, invalid: [...invalid, ...sharedSuggestion] });
describeFixSafety('no-legacy-import', rule, invalid);

describe('no-legacy-import: a suggestion shared by several constructions', () => {
  it.each(sharedSuggestion.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const before = lintWith('no-legacy-import', rule, testCase.code, testCase);
    expect(before).toHaveLength(testCase.errors.length);
    for (const message of before) {
      for (const suggestion of message.suggestions ?? []) {
        const { range, text } = suggestion.fix;
        const output = testCase.code.slice(0, range[0]) + text + testCase.code.slice(range[1]);
        expect(lintWith('no-legacy-import', rule, output, testCase)).toEqual([]);
      }
    }
  });
});
