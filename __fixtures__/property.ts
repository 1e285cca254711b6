import type { Parameters } from 'fast-check'

/**
 * The seed of every property run: FC_SEED when set (to replay a failure, or to explore: FC_SEED=$RANDOM npm test),
 * else a fixed one, so that a run, and a mutant under `npm run mutation`, meets the same inputs every time.
 */
export const PROPERTY_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_261_123

/** fast-check parameters for `numRuns` seeded runs; on failure fast-check prints the seed, the path and every counterexample. */
export function seeded<T>(numRuns: number): Parameters<T> {
  return { seed: PROPERTY_SEED, numRuns, verbose: true }
}
