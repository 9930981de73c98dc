/**
 * Which orders a unit is judged in, for training judgments and evaluation alike: both, or one
 * seeded random order per item (RewardBench's protocol for evaluation; `judging.bothOrders: false`
 * for training), the same for every iteration. And which items of an eval set are scored when a
 * cap is set (a seeded sample, the same for every iteration so iterations compare on the same items).
 */
import type { Position } from "./vocabulary";
import { runRandom } from "./seeds";

/** `itemId` is the unit's dataset item (stable across runs); `purpose` keeps training and evaluation draws apart. */
export function unitOrders(both: boolean, runSeed: number, purpose: "judge-order" | "eval-order", itemId: number): Position[] {
  if (both) return ["A", "B"];
  return [runRandom(runSeed, purpose, itemId).next() < 0.5 ? "A" : "B"];
}

export const judgeOrders = (bothOrders: boolean, runSeed: number, itemId: number) => unitOrders(bothOrders, runSeed, "judge-order", itemId);

export const evalOrders = (protocol: "random-order" | "both-orders", runSeed: number, itemId: number) =>
  unitOrders(protocol === "both-orders", runSeed, "eval-order", itemId);

export function evalItemSample(itemIds: readonly number[], maxItems: number | null, runSeed: number, datasetId: number): number[] {
  if (maxItems === null || maxItems >= itemIds.length) return [...itemIds];
  return runRandom(runSeed, "eval-items", datasetId)
    .sample(itemIds, maxItems)
    .sort((a, b) => a - b);
}
