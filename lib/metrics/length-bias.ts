/**
 * Length bias: accuracy on items where the chosen response is longer than the rejected one, against
 * items where it is shorter (equal lengths are left out). A judge that just likes long answers does
 * well on the first group and badly on the second. Lengths are in characters.
 */
export type LengthBias = {
  chosenLonger: { items: number; accuracy: number | null };
  chosenShorter: { items: number; accuracy: number | null };
  /** Accuracy when chosen is longer minus when shorter; positive means a preference for length. */
  gap: number | null;
};

export function lengthBias(items: readonly { score: number; chosenLength: number; rejectedLength: number }[]): LengthBias {
  const longer = { n: 0, sum: 0 };
  const shorter = { n: 0, sum: 0 };
  for (const item of items) {
    if (item.chosenLength > item.rejectedLength) {
      longer.n++;
      longer.sum += item.score;
    } else if (item.chosenLength < item.rejectedLength) {
      shorter.n++;
      shorter.sum += item.score;
    }
  }
  const chosenLonger = { items: longer.n, accuracy: longer.n === 0 ? null : longer.sum / longer.n };
  const chosenShorter = { items: shorter.n, accuracy: shorter.n === 0 ? null : shorter.sum / shorter.n };
  return {
    chosenLonger,
    chosenShorter,
    gap: chosenLonger.accuracy === null || chosenShorter.accuracy === null ? null : chosenLonger.accuracy - chosenShorter.accuracy,
  };
}
