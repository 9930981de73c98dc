/**
 * Which orders a unit is judged in, for training judgments and evaluation alike: both, or one
 * seeded random order per item (RewardBench's protocol for evaluation; `judging.bothOrders: false`
 * for training; judge jobs may choose one order too), the same for every iteration. And which items
 * of a set are used when a cap is set (a seeded sample, the same for every iteration so iterations
 * compare on the same items).
 */
import type { Position } from "./vocabulary";
import { runRandom } from "./seeds";

/** `key` names the unit by what is stable across runs (its dataset item, …); `purpose` keeps training, evaluation and judge-job draws apart. */
export function unitOrders(
  both: boolean,
  runSeed: number,
  purpose: "judge-order" | "eval-order" | "job-order",
  ...key: number[]
): Position[] {
  if (both) return ["A", "B"];
  return [runRandom(runSeed, purpose, ...key).next() < 0.5 ? "A" : "B"];
}

export const judgeOrders = (bothOrders: boolean, runSeed: number, itemId: number) => unitOrders(bothOrders, runSeed, "judge-order", itemId);

export const evalOrders = (protocol: "random-order" | "both-orders", runSeed: number, itemId: number) =>
  unitOrders(protocol === "both-orders", runSeed, "eval-order", itemId);

export function evalItemSample(itemIds: readonly number[], maxItems: number | null, runSeed: number, datasetId: number): number[] {
  return seededItemSample(itemIds, maxItems, runSeed, "eval-items", datasetId);
}

/** At most `maxItems` of the ids, a seeded sample kept in id order; all of them when there is no cap. */
export function seededItemSample(itemIds: readonly number[], maxItems: number | null, seed: number, ...key: (string | number)[]): number[] {
  if (maxItems === null || maxItems >= itemIds.length) return [...itemIds];
  return runRandom(seed, ...key)
    .sample(itemIds, maxItems)
    .sort((a, b) => a - b);
}
