// The same findings on ESLint 9 and ESLint 10, in flat config and in ESLint 9's eslintrc mode, for
// every preset, on a multi-file project: a copy of the example app with its `settings.cdp`. First
// through each version's Node API with the plugin's source, then through each version's own
// command line with config files that import the built package by name.
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { LegacyESLint } from 'eslint9/use-at-your-own-risk';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import {
  brief,
  createSaasProject,
  ensureBuilt,
  ESLINT_10_BIN,
  ESLINT_9_BIN,
  findingsOf,
  flatConfigFile,
  jsonResults,
  LINT_TARGETS,
  LINTED_FILES,
  lineOf,
  removeProject,
  runCli,
  saasSettings,
  type Finding,
} from './support/project.js';

const FLAT_PRESETS = ['recommended', 'strict', 'all', 'recommended-type-checked'] as const;
type FlatPreset = (typeof FLAT_PRESETS)[number];
const LEGACY_PRESETS = [
  ['recommended-legacy', 'recommended'],
  ['strict-legacy', 'strict'],
] as const;
type LegacyPreset = (typeof LEGACY_PRESETS)[number][0];

const VERSIONS = { 9: ESLint9 as unknown as typeof ESLint10, 10: ESLint10 } as const;
type Major = keyof typeof VERSIONS;

const configOf = (name: string): Linter.Config =>
  (plugin.configs as unknown as Record<string, Linter.Config>)[name];
const presetRules = (name: string): string[] => Object.keys(configOf(name).rules ?? {});

let project: string;
let settings: Record<string, unknown>;

beforeAll(async () => {
  project = createSaasProject('versions');
  settings = await saasSettings(project);
  // The eslintrc form of the same setup, as a project that still uses `.eslintrc` writes it; the
  // overrides entry makes `eslint src` pick up `.ts` files without `--ext`.
  const eslintrc = (preset: LegacyPreset) => ({
    root: true,
    parser: '@typescript-eslint/parser',
    plugins: ['cdp'],
    extends: [`plugin:cdp/${preset}`],
    settings: { cdp: settings },
    overrides: [{ files: ['*.ts', '*.tsx'] }],
  });
  writeFileSync(path.join(project, '.eslintrc.json'), `${JSON.stringify(eslintrc('strict-legacy'), null, 2)}\n`);
  writeFileSync(
    path.join(project, 'eslintrc.recommended.json'),
    `${JSON.stringify(eslintrc('recommended-legacy'), null, 2)}\n`,
  );
  writeFileSync(path.join(project, 'eslint.config.mjs'), flatConfigFile('strict'));
});

afterAll(() => removeProject(project));

function flatConfig(preset: FlatPreset): Linter.Config[] {
  const cdpSettings: Linter.Config = { settings: { cdp: settings } };
  if (preset === 'recommended-type-checked') {
    return [
      { files: ['**/*.ts', '**/*.tsx'] },
      configOf(preset),
      { languageOptions: { parserOptions: { tsconfigRootDir: project } } },
      cdpSettings,
    ];
  }
  return [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }, configOf(preset), cdpSettings];
}

/** Each run once, shared by the tests that compare it with another. */
const runs = new Map<string, Promise<ESLint10.LintResult[]>>();
function memo(key: string, run: () => Promise<ESLint10.LintResult[]>): Promise<ESLint10.LintResult[]> {
  let pending = runs.get(key);
  if (!pending) {
    pending = run();
    runs.set(key, pending);
  }
  return pending;
}

const lintFlat = (major: Major, preset: FlatPreset, fix = false) =>
  memo(`${major}:${preset}:${fix}`, () =>
    new VERSIONS[major]({ cwd: project, fix, overrideConfigFile: true, overrideConfig: flatConfig(preset) }).lintFiles(
      LINT_TARGETS,
    ),
  );

/** ESLint 9 in eslintrc mode: `.eslintrc.json` found by discovery, or the named config file. */
const lintLegacy = (preset: LegacyPreset) =>
  memo(`legacy:${preset}`, async () => {
    const eslint = new LegacyESLint({
      cwd: project,
      plugins: { cdp: plugin },
      ...(preset === 'strict-legacy'
        ? { useEslintrc: true }
        : { useEslintrc: false, overrideConfigFile: path.join(project, 'eslintrc.recommended.json') }),
    });
    return eslint.lintFiles(LINT_TARGETS);
  });

const findings = async (results: Promise<ESLint10.LintResult[]>): Promise<Finding[]> =>
  findingsOf(await results, project);

/** Where the example's `signup.ts` makes two of the core mistakes. */
function signupAnchors(): { timestamp: number; trackBeforeIdentify: number } {
  const source = readFileSync(path.join(project, 'src/routes/signup.ts'), 'utf8');
  return {
    timestamp: lineOf(source, 'created_at: Date.now()'),
    trackBeforeIdentify: lineOf(source, 'await cio.track(user.id, { name: EVENTS.SIGNED_UP'),
  };
}

const LONG = 180_000;

describe('the example project through the Node API', () => {
  it('runs on the two majors it claims to support', () => {
    expect(ESLint9.version.split('.')[0]).toBe('9');
    expect(ESLint10.version.split('.')[0]).toBe('10');
  });

  describe.each(FLAT_PRESETS)('flat config, %s', (preset) => {
    it(
      'reports the same findings on ESLint 9 and ESLint 10',
      async () => {
        const on10 = await findings(lintFlat(10, preset));
        const on9 = await findings(lintFlat(9, preset));
        expect(brief(on9)).toEqual(brief(on10));
        // Messages, ranges, fixes and suggestions too, not only where.
        expect(on9).toEqual(on10);
      },
      LONG,
    );

    it(
      'lints every file, parses every file and reports only its own rules',
      async () => {
        const results = await lintFlat(10, preset);
        const linted = results.map((result) => path.relative(project, result.filePath).split(path.sep).join('/'));
        expect(linted.sort()).toEqual([...LINTED_FILES].sort());
        const all = await findings(lintFlat(10, preset));
        expect(all.filter((finding) => finding.fatal)).toEqual([]);
        expect(all.length).toBeGreaterThan(0);
        const enabled = presetRules(preset);
        for (const finding of all) expect(enabled).toContain(finding.ruleId);
        // The app has mistakes in more than one file, and the preset sees them.
        expect(new Set(all.map((finding) => finding.file)).size).toBeGreaterThan(1);
      },
      LONG,
    );

    it(
      'finds the catalog mistakes of signup.ts, one through settings.cdp.clients',
      async () => {
        const { timestamp, trackBeforeIdentify } = signupAnchors();
        const signup = brief((await findings(lintFlat(10, preset))).filter((f) => f.file === 'src/routes/signup.ts'));
        expect(signup).toEqual(
          expect.arrayContaining([
            expect.stringMatching(new RegExp(`^src/routes/signup\\.ts:${timestamp}:\\d+ cdp/valid-timestamps$`)),
            expect.stringMatching(
              new RegExp(`^src/routes/signup\\.ts:${trackBeforeIdentify}:\\d+ cdp/identify-before-track$`),
            ),
          ]),
        );
      },
      LONG,
    );
  });

  it(
    'each preset reports everything the narrower one does',
    async () => {
      const [recommended, strict, all, typed] = await Promise.all(
        FLAT_PRESETS.map(async (preset) => brief(await findings(lintFlat(10, preset)))),
      );
      expect(strict).toEqual(expect.arrayContaining(recommended));
      expect(all).toEqual(expect.arrayContaining(strict));
      // Type information adds resolutions and takes no finding away, with one deliberate exception:
      // an event name whose type is a union of string literals (`order_${order.status}` with a
      // typed status) is a closed vocabulary, so no-dynamic-event-names lets it pass.
      const closedByTypes = (finding: string) => finding.endsWith(' cdp/no-dynamic-event-names');
      expect(typed).toEqual(expect.arrayContaining(recommended.filter((finding) => !closedByTypes(finding))));
      expect(typed.length).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'fixes the files the same way on ESLint 9 and ESLint 10',
    async () => {
      const outputs = async (major: Major) =>
        Object.fromEntries(
          (await lintFlat(major, 'all', true))
            .filter((result) => result.output !== undefined)
            .map((result) => [path.relative(project, result.filePath).split(path.sep).join('/'), result.output]),
        );
      const on10 = await outputs(10);
      expect(await outputs(9)).toEqual(on10);
      expect(on10['src/routes/signup.ts']).toContain('created_at: Math.floor(Date.now() / 1000)');
    },
    LONG,
  );

  describe.each(LEGACY_PRESETS)('ESLint 9 eslintrc mode, %s', (legacy, flat) => {
    it(
      `reports exactly what flat ${flat} reports on ESLint 9 and ESLint 10`,
      async () => {
        const fromEslintrc = await findings(lintLegacy(legacy));
        expect(fromEslintrc.length).toBeGreaterThan(0);
        expect(fromEslintrc.filter((finding) => finding.fatal)).toEqual([]);
        expect(brief(fromEslintrc)).toEqual(brief(await findings(lintFlat(9, flat))));
        expect(fromEslintrc).toEqual(await findings(lintFlat(10, flat)));
      },
      LONG,
    );
  });
});

describe("the example project through each version's command line and config files", () => {
  beforeAll(() => ensureBuilt(), LONG);

  const cli = (bin: string, env: Record<string, string> = {}) => {
    const run = runCli(bin, ['--format', 'json', ...LINT_TARGETS], project, env);
    // Findings exit with 1; 2 would be a crash or a config ESLint could not load.
    expect(run.status, run.stderr).toBe(1);
    return findingsOf(jsonResults(run), project);
  };

  it(
    'ESLint 10 with eslint.config.mjs, ESLint 9 with eslint.config.mjs and ESLint 9 with .eslintrc.json agree',
    async () => {
      const flat10 = cli(ESLINT_10_BIN);
      const flat9 = cli(ESLINT_9_BIN);
      // ESLint 9 reads `.eslintrc.json` (strict-legacy, the plugin loaded with require()) in this mode.
      const eslintrc9 = cli(ESLINT_9_BIN, { ESLINT_USE_FLAT_CONFIG: 'false' });

      expect(flat10.length).toBeGreaterThan(0);
      expect(flat10.filter((finding) => finding.fatal)).toEqual([]);
      expect(brief(flat9)).toEqual(brief(flat10));
      expect(flat9).toEqual(flat10);
      expect(brief(eslintrc9)).toEqual(brief(flat10));
      expect(eslintrc9).toEqual(flat10);
      // The built package finds what its source finds.
      expect(flat10).toEqual(await findings(lintFlat(10, 'strict')));
    },
    LONG,
  );
});
