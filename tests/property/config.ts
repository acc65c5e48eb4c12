// How many programs a property run generates and from which seed. `npm test` runs a few hundred
// from a fixed seed; `npm run fuzz` runs ten thousand; FUZZ_SEED replays a run a failure printed.
export const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
export const SEED = Number(process.env.FUZZ_SEED ?? 0x0c_d9_11_75);

/** Each run says how to replay it, whatever its outcome. */
export function announce(name: string, runs = RUNS): void {
  console.log(`${name}: ${runs} runs, seed ${SEED} (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${runs} npx vitest run tests/property)`);
}

/** Time allowed for a property: generous per run, since a failure is also shrunk. */
export const timeoutFor = (runs: number, perRunMs = 250): number => 60_000 + runs * perRunMs;
