// Every rule over generated programs: no exception and no fatal message but ESLint's parse error
// (crash-freedom), and every fix and suggestion leaves code that parses, is stable, and is no
// longer reported (fix safety). A failure prints the shrunk program and the seed.
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { announce, RUNS, SEED, timeoutFor } from './config.js';
import { KNOWN_ISSUES } from './known-issues.js';
import { checkProgram, fixturesDir, JS_RULES, PropertyFailure, Tally } from './lint.js';
import { ruleOptionsArbitrary } from './options.js';
import { describeProgram, filenameOf, programArbitrary, renderProgram, typedProgramArbitrary } from './programs.js';

const options = fc.option(ruleOptionsArbitrary(JS_RULES), { freq: 3 });

describe('every rule on generated programs', () => {
  it(
    'never throws, reports no fatal problem but parse errors, and fixes and suggests only safe code',
    () => {
      announce('programs');
      const tally = new Tally();
      // FUZZ_COLLECT=1 surveys instead of stopping at the first failure: one example per kind of problem.
      const collected = new Map<string, string>();
      fc.assert(
        fc.property(programArbitrary, options, (spec, ruleOptions) => {
          const code = renderProgram(spec);
          try {
            checkProgram(code, filenameOf(spec), { cdp: spec.settings, options: ruleOptions ?? undefined }, { tally, known: KNOWN_ISSUES });
          } catch (error) {
            if (!process.env.FUZZ_COLLECT) throw error;
            const kind = String((error as Error).message).split('\n')[0].replace(/`[^`]*`|"[^"]*"|\d+/g, '…');
            if (!collected.has(kind)) collected.set(kind, `${describeProgram(spec)}\n${ruleOptions ? JSON.stringify(ruleOptions) : ''}\n${(error as Error).stack ?? String(error)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      console.log(tally.summary());
      for (const [kind, example] of collected) console.log(`=== ${kind}\n${example}`);
      // The generator must mostly produce code that parses, or the rules are not exercised.
      expect(tally.programs - tally.unparsable).toBeGreaterThanOrEqual(0.9 * tally.programs);
      // And the programs must reach the rules: most rules report on some of them.
      expect(tally.messages.size).toBeGreaterThanOrEqual(Math.min(5, Object.keys(rules).length));
    },
    timeoutFor(RUNS),
  );
});

describe('every rule on generated programs with type information', () => {
  // Type information only adds resolutions (clients imported from the fixtures' modules): the same
  // guarantees hold. A typed lint costs a type check, so there are fewer of these.
  const runs = Math.max(3, Math.round(RUNS / 100));
  it(
    'never throws and fixes and suggests only safe code',
    () => {
      announce('typed programs', runs);
      const tally = new Tally();
      fc.assert(
        fc.property(typedProgramArbitrary, (spec) => {
          const filename = path.join(fixturesDir, spec.ext === 'tsx' ? 'react.tsx' : 'file.ts');
          checkProgram(renderProgram(spec), filename, { cdp: spec.settings, typed: true }, { tally, known: KNOWN_ISSUES });
        }),
        { numRuns: runs, seed: SEED },
      );
      console.log(tally.summary());
      expect(tally.programs - tally.unparsable).toBeGreaterThanOrEqual(0.9 * tally.programs);
    },
    timeoutFor(runs, 5_000),
  );
});

describe('known issues of rules, tolerated above', () => {
  // Each reproduction must still fail the checks the way its entry says: once the rule is fixed,
  // this fails, and the entry is to be deleted.
  it.each(KNOWN_ISSUES.map((issue) => [issue.id, issue] as const))('%s still reproduces', (_id, issue) => {
    let failure: PropertyFailure | undefined;
    try {
      checkProgram(issue.code, issue.filename, { cdp: issue.cdp });
    } catch (error) {
      if (!(error instanceof PropertyFailure)) throw error;
      failure = error;
    }
    expect(failure, 'no longer fails: delete this known issue').toBeDefined();
    expect(issue.matches(failure!.failure), failure!.message).toBe(true);
  });
});
