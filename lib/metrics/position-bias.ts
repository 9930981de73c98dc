/**
 * How much a judge's verdict depends on where the responses are shown, from items judged in both
 * orders. For each item and order the judge's preference is its majority over samples (chosen,
 * rejected, or none on a draw or no parsed verdict).
 * - position consistency: share of items, among those with a preference in both orders, where the
 *   same response is preferred in both;
 * - first position wins: among the inconsistent ones, the share where the response shown first
 *   (position A) won both times (the rest went to position B both times);
 * - A-position rate: share of parsed verdicts, over every sample, that say "A" (0.5 is unbiased).
 */
export type Preference = "chosen" | "rejected" | null;

export type OrderPreference = { itemId: number | string; chosenPosition: "A" | "B"; preference: Preference };

export type PositionBias = {
  itemsBothOrders: number;
  consistentItems: number;
  positionConsistency: number | null;
  inconsistentItems: number;
  firstPositionWins: number | null;
};

export function positionBias(preferences: readonly OrderPreference[]): PositionBias {
  const byItem = new Map<number | string, { A?: Preference; B?: Preference }>();
  for (const p of preferences) {
    const entry = byItem.get(p.itemId) ?? {};
    entry[p.chosenPosition] = p.preference;
    byItem.set(p.itemId, entry);
  }
  let both = 0;
  let consistent = 0;
  let firstWins = 0;
  for (const entry of byItem.values()) {
    if (!entry.A || !entry.B) continue; // needs a preference in both orders
    both++;
    if (entry.A === entry.B) consistent++;
    // Inconsistent: with the chosen shown first (A) it preferred chosen, and with it shown second
    // it preferred rejected (shown first) => the first position won both times.
    else if (entry.A === "chosen") firstWins++;
  }
  const inconsistent = both - consistent;
  return {
    itemsBothOrders: both,
    consistentItems: consistent,
    positionConsistency: both === 0 ? null : consistent / both,
    inconsistentItems: inconsistent,
    firstPositionWins: inconsistent === 0 ? null : firstWins / inconsistent,
  };
}

/** Share of parsed verdicts that are "A". */
export function aPositionRate(verdicts: readonly ("A" | "B" | "tie" | null)[]): number | null {
  let a = 0;
  let parsed = 0;
  for (const verdict of verdicts) {
    if (verdict === "A" || verdict === "B") {
      parsed++;
      if (verdict === "A") a++;
    }
  }
  return parsed === 0 ? null : a / parsed;
}

/** The preference of one order's samples: the majority of parsed votes, none on a draw. */
export function preferenceOf(votes: readonly ("chosen" | "rejected" | "tie" | "unparsed")[]): Preference {
  let chosen = 0;
  let rejected = 0;
  for (const vote of votes) {
    if (vote === "chosen") chosen++;
    else if (vote === "rejected") rejected++;
  }
  return chosen > rejected ? "chosen" : rejected > chosen ? "rejected" : null;
}
