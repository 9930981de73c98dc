/**
 * JudgeBench scores by the official rules, restated (not copied) from the ScalerLab/JudgeBench
 * repository at commit e2c52c284e735e139b3daa61c206ee208f36c461: the pair outcome and accuracy from
 * compute_final_metrics and flip_judgment in utils/metrics.py, the categories from the source
 * prefixes in run_judge.py (both files last changed in e9f6755783a8451fc362890ad7a2f73bb12a2838).
 * The category names Knowledge, Reasoning, Math and Coding come from the README and paper.
 *
 * Each pair is judged in its order (game 1) and, by default, in the swapped order (game 2). A pair
 * is correct when its decisions, mapped back to the original order, count more for the label than
 * against it; a tie (say one right and one wrong) is not correct. Accuracy is correct pairs over
 * all pairs, as a fraction in [0, 1] (the official script prints a percentage); overall is over all
 * pairs (a micro average), not the mean of the categories.
 */

/** One game's decision; null when the judge failed or its verdict could not be parsed. */
export type JudgeBenchDecision = "A>B" | "B>A" | "A=B" | null;
export type JudgeBenchLabel = "A>B" | "B>A";
export type JudgeBenchOutcome = "correct" | "incorrect" | "tie";

/** Display name → the prefix of the `source` field that selects the category. mmlu-pro-math is Knowledge. */
export const JUDGEBENCH_CATEGORIES = {
  Knowledge: "mmlu-pro",
  Reasoning: "livebench-reasoning",
  Math: "livebench-math",
  Coding: "livecodebench",
} as const;
export type JudgeBenchCategory = keyof typeof JUDGEBENCH_CATEGORIES;

/** A>B and B>A swapped; A=B and null unchanged. */
function flipDecision(decision: JudgeBenchDecision): JudgeBenchDecision {
  if (decision === "A>B") return "B>A";
  if (decision === "B>A") return "A>B";
  return decision;
}

/**
 * One pair's outcome. game2Raw is the decision in the swapped order, as the judge gave it; it is
 * flipped back before counting. Two games: each decision counts +1 when it equals the label, −1 when
 * it is the opposite, 0 otherwise (A=B or null); a positive sum is correct, negative incorrect,
 * zero a tie. With game2Raw undefined (single-game mode) the pair is correct iff game 1 equals the
 * label, else incorrect.
 */
export function judgeBenchPairOutcome(
  label: JudgeBenchLabel,
  game1: JudgeBenchDecision,
  game2Raw: JudgeBenchDecision | undefined,
): JudgeBenchOutcome {
  if (game2Raw === undefined) return game1 === label ? "correct" : "incorrect";
  const opposite = flipDecision(label);
  const vote = (decision: JudgeBenchDecision) => (decision === label ? 1 : decision === opposite ? -1 : 0);
  const counter = vote(game1) + vote(flipDecision(game2Raw));
  if (counter > 0) return "correct";
  if (counter < 0) return "incorrect";
  return "tie";
}

export type JudgeBenchCategoryScore = {
  name: JudgeBenchCategory;
  prefix: string;
  pairs: number;
  correct: number;
  /** Correct pairs over pairs; null for an empty category (the official script would divide by zero). */
  accuracy: number | null;
};

export type JudgeBenchScores = { overall: number | null; categories: JudgeBenchCategoryScore[] };

/**
 * Accuracy overall and per category. A pair belongs to the category whose prefix its source starts
 * with; overall counts every pair, including any whose source matches no category. Ties and
 * incorrect pairs both count 0. Overall is null when there are no pairs.
 */
export function judgeBenchScores(pairs: readonly { source: string; outcome: JudgeBenchOutcome }[]): JudgeBenchScores {
  const accuracy = (correct: number, total: number) => (total === 0 ? null : correct / total);
  const countCorrect = (selected: readonly { outcome: JudgeBenchOutcome }[]) => selected.filter((p) => p.outcome === "correct").length;
  const categories = (Object.entries(JUDGEBENCH_CATEGORIES) as [JudgeBenchCategory, string][]).map(([name, prefix]) => {
    const selected = pairs.filter((pair) => pair.source.startsWith(prefix));
    const correct = countCorrect(selected);
    return { name, prefix, pairs: selected.length, correct, accuracy: accuracy(correct, selected.length) };
  });
  return { overall: accuracy(countCorrect(pairs), pairs.length), categories };
}
