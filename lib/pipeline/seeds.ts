/**
 * Deterministic seeds for every model call and every random choice of a run, derived from the
 * run's seed and the unit's key: the same config and seed give the same requests, so the same
 * results from a deterministic backend, and a resumed run asks exactly what it would have asked.
 */
import { createRandom, hashSeed, type Random } from "./random";

export function unitSeed(runSeed: number, ...key: (string | number)[]): number {
  return hashSeed(runSeed, ...key) & 0x7fffffff;
}

export function runRandom(runSeed: number, ...key: (string | number)[]): Random {
  return createRandom(unitSeed(runSeed, ...key));
}
