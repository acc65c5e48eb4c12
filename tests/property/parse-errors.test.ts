// Files that do not parse are ESLint's to report: with every rule on, an unparsable file gives
// exactly ESLint's own parse error and nothing from the plugin, in the Linter and in the CLI.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli, type JsonResult } from '../cli/helpers.js';
import { announce, RUNS, SEED, timeoutFor } from './config.js';
import { configFor, isParseError, linter } from './lint.js';
import { filenameOf, programArbitrary, renderProgram } from './programs.js';

/** Ways to break a program: cut it short, or drop in a token that cannot be there. */
const BREAKERS = ['{', '}', ')', '(', '@@', "'unterminated", '`${', '/*', '<div>', 'import', '=>', 'class {', '#!', '\u0000'];

const broken = fc
  .tuple(
    programArbitrary,
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: fc.constantFrom(...BREAKERS) }),
  )
  .map(([spec, at, token]) => {
    const code = renderProgram(spec);
    const cut = Math.floor(at * code.length);
    return { spec, filename: filenameOf(spec), code: token === '' ? code.slice(0, cut) : code.slice(0, cut) + token + code.slice(cut) };
  });

describe('files that do not parse', () => {
  it(
    'get ESLint\'s parse error alone, with every rule and any settings',
    () => {
      announce('parse errors', RUNS);
      let unparsable = 0;
      fc.assert(
        fc.property(broken, ({ spec, filename, code }) => {
          const messages = linter.verify(code, configFor({ cdp: spec.settings }), filename);
          if (messages.some(isParseError)) {
            unparsable++;
            expect(messages).toHaveLength(1);
          } else {
            // The break happened to leave valid code: then it is an ordinary program.
            expect(messages.filter((message) => message.fatal)).toEqual([]);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      console.log(`parse errors: ${unparsable} of ${RUNS} broken programs did not parse`);
      expect(unparsable).toBeGreaterThan(RUNS / 2);
    },
    timeoutFor(RUNS, 100),
  );
});

describe('the CLI on a file that does not parse', () => {
  let dir: string | undefined;
  beforeAll(() => {
    ensureBuilt();
    dir = makeProject({
      'src/broken.ts': "import { TrackClient } from 'customerio-node';\nconst cio = new TrackClient(\n",
      'src/ok.ts': "import { TrackClient } from 'customerio-node';\nexport const cio = new TrackClient(process.env.A!, process.env.B!);\ncio.track('u', { name: 'x' });\n",
    });
  }, 240_000);
  afterAll(() => removeProject(dir));

  it('reports the parse error and goes on with the other files', () => {
    const run = runCli(['--config', 'all', '--format', 'json', 'src'], dir!);
    expect(run.status, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    const broken = results.find((result) => result.filePath.endsWith('broken.ts'));
    expect(broken?.messages).toHaveLength(1);
    expect(broken?.messages[0]).toMatchObject({ ruleId: null, fatal: true });
    expect(broken?.messages[0].message).toMatch(/^Parsing error/);
    expect(results.find((result) => result.filePath.endsWith('ok.ts'))?.messages.length).toBeGreaterThan(0);
  }, 120_000);
});
