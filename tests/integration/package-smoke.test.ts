// The package as users get it: `npm pack` the built plugin, install the tarball into a fresh
// project next to nothing but `eslint` and `@typescript-eslint/parser` (one `npm install` per run,
// from the warm npm cache when possible), and lint there with the installed `eslint` command,
// once from an ES module config (`import cdp from 'eslint-plugin-cdp'`) and once from a CommonJS
// config (`require('eslint-plugin-cdp')`). Skipped, saying why, only when npm cannot reach its
// registry; any other failure of the install fails the test.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import plugin from '../../src/index.js';
import { ensureBuilt, findingsOf, jsonResults, removeProject, root, type Finding } from './support/project.js';

const ESLINT_VERSION = '10.15.0';
const PARSER_VERSION = '8.72.0';
const LONG = 240_000;

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main?: string;
  types?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
};

/** Two catalog mistakes in TypeScript: a literal site id and a millisecond timestamp. */
const SIGNUP_TS = `import { TrackClient } from 'customerio-node';

const cio = new TrackClient('3f9a2c1d8e7b6a5f4c3d', process.env.CUSTOMERIO_TRACK_API_KEY!);

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;

/** The same SDK through `require` in a CommonJS script, linted with ESLint's default parser. */
const JOBS_CJS = `const { RegionUS, TrackClient } = require('customerio-node');

const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY, { region: RegionUS });

async function markActive(userId) {
  await cio.identify(userId, { last_active_at: Date.now() });
}

module.exports = { markActive };
`;

const CONFIG_BODY = `[
  { files: ['**/*.ts'], languageOptions: { parser } },
  cdp.configs.recommended,
]`;
const CONFIG_MJS = `import parser from '@typescript-eslint/parser';
import cdp from 'eslint-plugin-cdp';

export default ${CONFIG_BODY};
`;
const CONFIG_CJS = `const parser = require('@typescript-eslint/parser');
const cdp = require('eslint-plugin-cdp');

module.exports = ${CONFIG_BODY};
`;

/** What a user writes in an `eslint.config.mts`: the package's own types, nothing else. */
const CONSUMER_MTS = `import cdp from 'eslint-plugin-cdp';

const name: string = cdp.meta.name;
const rules: string[] = Object.keys(cdp.configs.recommended.rules ?? {});
const legacy: string[] = Object.keys(cdp.configs['recommended-legacy'].rules ?? {});

export default [
  cdp.configs.recommended,
  { plugins: { cdp }, rules: { 'cdp/valid-timestamps': 'error' } },
  { name, settings: { rules, legacy } },
];
`;

/** The same configs where ESLint's own types expect a config. */
const ESLINT_TYPES_MTS = `import cdp from 'eslint-plugin-cdp';
import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';

const configs: Linter.Config[] = [cdp.configs.recommended, cdp.configs.strict, cdp.configs.all];

export default defineConfig(configs, cdp.configs['recommended-type-checked'], { plugins: { cdp } });
`;

let work: string | undefined;
let project: string;
let tarball: string;
let entries: string[] = [];
let unavailable: string | undefined;

/** The environment for npm in the temporary project: none of the calling npm's lifecycle variables. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(?:npm_(?:lifecycle_|package_|command$|config_local_prefix$)|INIT_CWD$)/i.test(name),
    ),
  );
}

/** Runs npm; a hook's timeout cannot stop a synchronous child, so each run has its own limit. */
function npm(args: string[], cwd: string, timeout: number): SpawnSyncReturns<string> {
  const run = spawnSync('npm', args, {
    cwd,
    env: npmEnv(),
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
    timeout,
    killSignal: 'SIGKILL',
  });
  if (run.error) throw new Error(`npm ${args[0]} did not finish: ${run.error.message}`);
  return run;
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'cdp-pack-'));

  const pack = npm(['pack', '--json', '--pack-destination', work], root, 60_000);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string }[];
  tarball = path.join(work, packed.filename);
  const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  if (list.status !== 0) throw new Error(`tar could not list ${tarball}:\n${list.stderr}`);
  entries = list.stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));

  // A CommonJS project (no "type"), so the `.cjs` config and the `.mjs` config are each what
  // their extension says, as in most existing repositories.
  project = path.join(work, 'project');
  mkdirSync(path.join(project, 'src'), { recursive: true });
  writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'cdp-smoke', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  writeFileSync(path.join(project, 'src', 'signup.ts'), SIGNUP_TS);
  writeFileSync(path.join(project, 'src', 'jobs.cjs'), JOBS_CJS);
  writeFileSync(path.join(project, 'eslint.config.mjs'), CONFIG_MJS);
  writeFileSync(path.join(project, 'eslint.config.cjs'), CONFIG_CJS);

  const install = npm(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      // Failed requests are logged at the `http` level: how an unreachable registry is recognised.
      '--loglevel=http',
      // Retry as usual, but without minute-long pauses when the registry is out of reach.
      '--fetch-retry-mintimeout=2000',
      '--fetch-retry-maxtimeout=10000',
      tarball,
      `eslint@${ESLINT_VERSION}`,
      `@typescript-eslint/parser@${PARSER_VERSION}`,
    ],
    project,
    200_000,
  );
  if (install.status !== 0) {
    const output = `${install.stdout}\n${install.stderr}`;
    if (/\b(?:ENOTFOUND|EAI_AGAIN)\b/.test(output)) {
      unavailable = 'npm could not reach its registry (ENOTFOUND/EAI_AGAIN), so the packed tarball was not installed';
      console.warn(`package smoke test skipped: ${unavailable}`);
      return;
    }
    throw new Error(`npm install of the packed tarball failed (exit ${install.status}):\n${output}`);
  }
}, LONG);

afterAll(() => removeProject(work));

const needsInstall = (context: TestContext) => {
  if (unavailable) context.skip(unavailable);
};

/** `node_modules/.bin/eslint` of the temporary project, in its own process. */
function installedEslint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const bin = path.join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'eslint.cmd' : 'eslint');
  const run = spawnSync(bin, args, {
    cwd: project,
    encoding: 'utf8',
    // Nothing from the calling environment that would switch ESLint's config system or debug log.
    env: {
      ...Object.fromEntries(Object.entries(npmEnv()).filter(([name]) => !/^(?:ESLINT_|DEBUG$)/.test(name))),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    shell: process.platform === 'win32',
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `eslint --config <file> --format json src`, run once per config file. */
const runs = new Map<string, ReturnType<typeof installedEslint>>();
function lintWith(configFile: string): ReturnType<typeof installedEslint> {
  let run = runs.get(configFile);
  if (!run) {
    run = installedEslint(['--config', configFile, '--format', 'json', 'src']);
    runs.set(configFile, run);
  }
  return run;
}

const where = (findings: Finding[]) => findings.map(({ file, line, ruleId }) => `${file}:${line} ${ruleId}`);

const EXPECTED = [
  'src/jobs.cjs:6 cdp/valid-timestamps',
  'src/signup.ts:3 cdp/no-hardcoded-credentials',
  'src/signup.ts:6 cdp/valid-timestamps',
];

describe('the packed tarball', () => {
  it('holds the built plugin, its rule docs and the README', () => {
    expect(entries).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
    for (const name of Object.keys(plugin.rules)) expect(entries).toContain(`docs/rules/${name}.md`);
    if (existsSync(path.join(root, 'LICENSE'))) expect(entries).toContain('LICENSE');
  });

  it('holds every file its package.json points to', () => {
    const targets = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect([manifest.main, manifest.types, manifest.bin, manifest.exports]);
    expect(targets.size).toBeGreaterThan(0);
    for (const target of targets) expect(entries, `${target} is referenced by package.json`).toContain(target);
  });

  it('holds no sources, tests, examples or development files', () => {
    const folders = /^(?:src|tests|examples|scripts|coverage|node_modules|\.ci|\.github)\//;
    const files = /^(?:tsconfig[^/]*\.json|vitest\.config\.ts|eslint\.config\.js|package-lock\.json)$/;
    const unwanted = entries.filter((entry) => folders.test(entry) || files.test(entry));
    expect(unwanted).toEqual([]);
    // Compiled tests would show up as dist/tests: only the package's own modules are built.
    expect(entries.filter((entry) => /(?:^|\/)[^/]*\.test\.[cm]?[jt]s$/.test(entry))).toEqual([]);
  });
});

describe('installed into a fresh project with only eslint and @typescript-eslint/parser', () => {
  it('is the packed version, with its dependencies resolved', (context) => {
    needsInstall(context);
    const installed = JSON.parse(
      readFileSync(path.join(project, 'node_modules', manifest.name, 'package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(manifest.version);
    const dependencies = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(dependencies.dependencies).sort()).toEqual(
      ['@typescript-eslint/parser', 'eslint', manifest.name].sort(),
    );
  });

  it(
    'lints from an ES module config that imports the plugin',
    (context) => {
      needsInstall(context);
      const run = lintWith('eslint.config.mjs');
      expect(run.status, run.stderr).toBe(1);
      const findings = findingsOf(jsonResults(run), project);
      expect(where(findings)).toEqual(EXPECTED);
      const timestamp = findings.find(
        (finding) => finding.file === 'src/signup.ts' && finding.ruleId === 'cdp/valid-timestamps',
      );
      expect(timestamp?.fix?.text).toBe('Math.floor(Date.now() / 1000)');
    },
    LONG,
  );

  it(
    'lints from a CommonJS config that requires the plugin, with the same findings',
    (context) => {
      needsInstall(context);
      const fromCjs = lintWith('eslint.config.cjs');
      expect(fromCjs.status, fromCjs.stderr).toBe(1);
      const fromMjs = lintWith('eslint.config.mjs');
      expect(where(findingsOf(jsonResults(fromCjs), project))).toEqual(EXPECTED);
      // The same messages, ranges and fixes: require() and import() load one and the same plugin.
      expect(findingsOf(jsonResults(fromCjs), project)).toEqual(findingsOf(jsonResults(fromMjs), project));
    },
    LONG,
  );

  it('gives require() and import() the same plugin object', (context) => {
    needsInstall(context);
    const script = `
      import { createRequire } from 'node:module';
      import imported from '${manifest.name}';
      const required = createRequire(import.meta.url)('${manifest.name}');
      console.log(JSON.stringify({
        same: required === imported,
        name: required.meta.name,
        rules: Object.keys(required.rules).length,
        configs: Object.keys(required.configs).sort(),
      }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      same: true,
      name: manifest.name,
      rules: Object.keys(plugin.rules).length,
      configs: Object.keys(plugin.configs).sort(),
    });
  });

  describe('its type declarations, checked with the TypeScript the parser brought in', () => {
    let errors: string[] = [];
    let checked = false;

    beforeAll(() => {
      if (unavailable) return;
      writeFileSync(path.join(project, 'consumer.mts'), CONSUMER_MTS);
      writeFileSync(path.join(project, 'eslint-types.mts'), ESLINT_TYPES_MTS);
      writeFileSync(
        path.join(project, 'tsconfig.json'),
        `${JSON.stringify(
          {
            compilerOptions: {
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              target: 'ES2022',
              strict: true,
              noEmit: true,
              skipLibCheck: true,
              types: [],
            },
            files: ['consumer.mts', 'eslint-types.mts'],
          },
          null,
          2,
        )}\n`,
      );
      const tsc = path.join(project, 'node_modules', 'typescript', 'bin', 'tsc');
      const run = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: project, encoding: 'utf8' });
      errors = run.stdout.split('\n').filter((line) => /\berror TS\d+/.test(line));
      // tsc exits with 0 when both files compile, else with 2 after listing the errors.
      checked = run.error === undefined && (run.status === 0 || errors.length > 0);
    }, LONG);

    it('resolve through the package exports for a TypeScript config', (context) => {
      needsInstall(context);
      expect(checked).toBe(true);
      expect(errors.filter((line) => line.startsWith('consumer.mts'))).toEqual([]);
    });

    // The public types are ESLint's own, so a typed `eslint.config.ts` accepts the presets.
    it("are accepted where ESLint's own Linter.Config and defineConfig are expected", (context) => {
      needsInstall(context);
      expect(errors.filter((line) => line.startsWith('eslint-types.mts'))).toEqual([]);
    });
  });
});
