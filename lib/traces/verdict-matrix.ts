/**
 * How one pair or eval item was judged by each iteration's judge: per order, the samples' votes and
 * their majority; per iteration, the item's score (mean over the two orders of 1 for a correct
 * majority, 0 for a wrong one, 0.5 for a draw, as RewardBench scores items) and its label; and
 * whether the label flipped from the previous iteration. The same rule as listEvalFlips in SQL.
 */
export type Vote = "correct" | "wrong" | "tie" | "unparsed";
export type Majority = "correct" | "wrong" | "none";
export type ItemLabel = "right" | "wrong" | "undecided";

export type VoteCell = { votes: Vote[]; correct: number; wrong: number; majority: Majority };
export type MatrixRow = {
  iteration: number;
  A: VoteCell | null;
  B: VoteCell | null;
  score: number | null;
  label: ItemLabel | null;
  /** Compared with the nearest earlier iteration that judged the item. */
  flip: "improved" | "regressed" | "changed" | null;
};

export function majorityOf(correct: number, wrong: number): Majority {
  return correct > wrong ? "correct" : wrong > correct ? "wrong" : "none";
}

export function labelOf(score: number): ItemLabel {
  return score > 0.5 ? "right" : score < 0.5 ? "wrong" : "undecided";
}

function cellOf(votes: Vote[]): VoteCell {
  const correct = votes.filter((v) => v === "correct").length;
  const wrong = votes.filter((v) => v === "wrong").length;
  return { votes, correct, wrong, majority: majorityOf(correct, wrong) };
}

export function verdictMatrix(
  judgments: readonly { iteration: number; goodPosition: "A" | "B"; outcome: Vote }[],
  iterations: readonly number[],
): MatrixRow[] {
  const votes = new Map<string, Vote[]>();
  for (const j of judgments) {
    const key = `${j.iteration}:${j.goodPosition}`;
    votes.set(key, [...(votes.get(key) ?? []), j.outcome]);
  }
  let previous: ItemLabel | null = null;
  return [...iterations]
    .sort((a, b) => a - b)
    .map((iteration) => {
      const a = votes.get(`${iteration}:A`);
      const b = votes.get(`${iteration}:B`);
      const cells = [a, b].filter((v): v is Vote[] => v !== undefined).map(cellOf);
      const score =
        cells.length === 0
          ? null
          : cells.reduce((sum, c) => sum + (c.majority === "correct" ? 1 : c.majority === "wrong" ? 0 : 0.5), 0) / cells.length;
      const label = score === null ? null : labelOf(score);
      let flip: MatrixRow["flip"] = null;
      if (label !== null && previous !== null && label !== previous)
        flip = label === "right" ? "improved" : previous === "right" ? "regressed" : "changed";
      if (label !== null) previous = label;
      return { iteration, A: a ? cellOf(a) : null, B: b ? cellOf(b) : null, score, label, flip };
    });
}
