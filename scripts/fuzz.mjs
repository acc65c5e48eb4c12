#!/usr/bin/env node
/**
 * `npm run fuzz`: the property tests of `tests/property` at full size. `npm test` runs them with a
 * few hundred generated programs from a fixed seed; this runs 10,000 (FUZZ_RUNS) from a new seed
 * each time, so every run explores programs no earlier run tried. A failure prints its seed:
 * `FUZZ_SEED=<seed> npm run fuzz` replays it. Arguments are passed on to vitest.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.FUZZ_RUNS ?? '10000';
const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31));

console.log(`fuzz: ${runs} runs per property, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`);
const started = performance.now();
const vitest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/property', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed } },
);
console.log(`fuzz: ${((performance.now() - started) / 1000).toFixed(0)} s, seed ${seed}, exit ${vitest.status}`);
process.exit(vitest.status ?? 1);
