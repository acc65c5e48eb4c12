// Globs come from users' options: any string compiles to a matcher, and a glob without special
// characters matches exactly itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesAnyGlob } from '../../src/analysis/glob.js';
import { RUNS, SEED } from './config.js';

const globChars = fc.string({ unit: fc.constantFrom(...'*?[]{},!^-\\/.az09()+$|'.split('')), maxLength: 16 });

describe('globs of any text', () => {
  it('never throw, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(globChars, fc.string({ maxLength: 16 })), fc.string({ maxLength: 20 }), (glob, file) => {
        expect(() => matchesAnyGlob(file, [glob])).not.toThrow();
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
  });

  it('match themselves when they hold no special character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_.\-/]{1,20}$/), (file) => {
        expect(globToRegExp(file).test(file.replace(/^(?:\.\/)+/, ''))).toBe(true);
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });

  it('keep an impossible character class as text', () => {
    expect(globToRegExp('src/[z-a]/**').test('src/[z-a]/x.ts')).toBe(true);
    expect(globToRegExp('src/[a-z]/x.ts').test('src/q/x.ts')).toBe(true);
  });
});
