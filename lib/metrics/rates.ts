/**
 * Simple rates over sampled judgments: ties, unparseable verdicts, truncated outputs, and the
 * rejection-sampling yield (kept training examples per judged pair and order).
 */
export type JudgmentRates = { judgments: number; tieRate: number | null; unparsedRate: number | null; truncatedRate: number | null };

export function judgmentRates(
  judgments: readonly { outcome: "correct" | "wrong" | "tie" | "unparsed"; truncated: boolean }[],
): JudgmentRates {
  const n = judgments.length;
  if (n === 0) return { judgments: 0, tieRate: null, unparsedRate: null, truncatedRate: null };
  let ties = 0;
  let unparsed = 0;
  let truncated = 0;
  for (const j of judgments) {
    if (j.outcome === "tie") ties++;
    if (j.outcome === "unparsed") unparsed++;
    if (j.truncated) truncated++;
  }
  return { judgments: n, tieRate: ties / n, unparsedRate: unparsed / n, truncatedRate: truncated / n };
}

/** Kept examples per (pair, order) judged, and correct judgments per judgment. */
export function rejectionSamplingYield(counts: { pairOrders: number; judgments: number; correct: number; kept: number }): {
  keptPerPairOrder: number | null;
  correctRate: number | null;
} {
  return {
    keptPerPairOrder: counts.pairOrders === 0 ? null : counts.kept / counts.pairOrders,
    correctRate: counts.judgments === 0 ? null : counts.correct / counts.judgments,
  };
}
