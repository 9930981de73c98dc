/**
 * Stage 6 (paper §4, RewardBench protocol): which orders an eval item is judged in (one seeded
 * random order per item, as RewardBench does, or both), and which items of a set are scored when
 * a cap is set (a seeded sample, the same for every iteration so iterations compare on the same items).
 */
import type { Position } from "@/lib/db/schema";
import { runRandom } from "./seeds";

export function evalOrders(protocol: "random-order" | "both-orders", runSeed: number, itemId: number): Position[] {
  if (protocol === "both-orders") return ["A", "B"];
  return [runRandom(runSeed, "eval-order", itemId).next() < 0.5 ? "A" : "B"];
}

export function evalItemSample(itemIds: readonly number[], maxItems: number | null, runSeed: number, datasetId: number): number[] {
  if (maxItems === null || maxItems >= itemIds.length) return [...itemIds];
  return runRandom(runSeed, "eval-items", datasetId)
    .sample(itemIds, maxItems)
    .sort((a, b) => a - b);
}
