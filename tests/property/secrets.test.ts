// Secrets never leak: no message, suggestion, JSON, SARIF, report or diff output of the plugin or
// the CLI contains a whole secret key it found. Public keys (a site ID) may appear.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli } from '../cli/helpers.js';
import { announce, RUNS, SEED, timeoutFor } from './config.js';
import { configFor, linter } from './lint.js';
import { secretProgramArbitrary, type SecretProgram } from './secrets.js';
import { PLAIN_HEX_KEYS } from './values.js';

/** The texts the plugin shows a person: messages and suggestion descriptions. */
function shownTexts(program: SecretProgram, filename: string): string[] {
  const messages = linter.verify(program.code, configFor({}), filename);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.flatMap((message) => [message.message, ...(message.suggestions ?? []).map((suggestion) => suggestion.desc)]);
}

const leaked = (texts: readonly string[], secrets: readonly string[]): string[] =>
  secrets.filter((secret) => texts.some((text) => text.includes(secret)));

describe('secrets in messages', () => {
  it(
    'no message or suggestion shows a whole secret key',
    () => {
      announce('secrets');
      let reported = 0;
      fc.assert(
        fc.property(secretProgramArbitrary, fc.constantFrom('src/lib/clients.ts', 'src/lib/clients.js'), (program, filename) => {
          const texts = shownTexts(program, filename);
          reported += texts.length;
          expect(leaked(texts, program.secrets), texts.join('\n')).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // The keys are found at all: otherwise nothing was tested.
      expect(reported).toBeGreaterThan(RUNS);
    },
    timeoutFor(RUNS, 100),
  );
});

/**
 * Track API keys of each plain-hex kind right next to a line `--fix` rewrites (in the diff's
 * context), and in a client built per request (a suggestion that hoists it carries the key).
 */
function edgeProgram(): SecretProgram {
  const keys = PLAIN_HEX_KEYS.filter((key) => key.length === 20);
  return {
    code: `import { TrackClient } from 'customerio-node';
import express from 'express';
export const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, '${keys[0]}');
export const cio2 = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, '${keys[1]}');
export async function signUp(id: string) {
  await cio.identify(id, { created_at: Date.now() });
  await cio2.identify(id, { created_at: Date.now() });
}
const app = express();
app.post('/orders', async (req, res) => {
  const perRequest = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, '${keys[0]}');
  const perRequest2 = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, '${keys[1]}');
  await perRequest.track(req.user.id, { name: 'ordered' });
  await perRequest2.track(req.user.id, { name: 'ordered' });
  res.end();
});
`,
    secrets: keys,
    public: [],
  };
}

describe('secrets in the CLI output', () => {
  const programs = [...fc.sample(secretProgramArbitrary, { numRuns: 40, seed: SEED }), edgeProgram()];
  const secrets = [...new Set(programs.flatMap((program) => program.secrets))];
  let dir: string | undefined;

  beforeAll(() => {
    ensureBuilt();
    dir = makeProject(Object.fromEntries(programs.map((program, i) => [`src/file${i}.ts`, program.code])));
  }, 240_000);
  afterAll(() => removeProject(dir));

  it.each([
    ['the default report', []],
    ['--format json', ['--format', 'json']],
    ['--format sarif', ['--format', 'sarif']],
    ['--format stylish', ['--format', 'stylish']],
    ['--fix-dry-run', ['--fix-dry-run']],
    ['--fix-dry-run --format json', ['--fix-dry-run', '--format', 'json']],
  ])('%s shows no whole secret key', (_name, args) => {
    const run = runCli(['--config', 'all', ...args, 'src'], dir!);
    // Findings exit with 1; 2 would be a crash or a usage error.
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(leaked([run.stdout, run.stderr], secrets)).toEqual([]);
  }, 120_000);

  it('the keys are in the code the CLI linted', () => {
    console.log(`secrets in the CLI output: ${programs.length} programs, ${secrets.length} secret keys, seed ${SEED}`);
    expect(secrets.length).toBeGreaterThan(programs.length / 2);
  });
});
