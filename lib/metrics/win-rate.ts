/**
 * Who wins when one judge compares two systems' responses prompt by prompt: the win rate of A
 * over B among the prompts the judge decided, with Wilson's 95% interval; ties and unreadable
 * verdicts are counted apart and not folded into the rate. Also the rate with a tie as half a win
 * (the convention of AlpacaEval-style win rates), for readers who expect it.
 */
import { wilsonInterval } from "./accuracy";

export type VerdictCounts = { a: number; b: number; tie: number; unparsed: number };

export type WinRate = {
  items: number;
  counts: VerdictCounts;
  /** A's wins among the decided items (A or B), with its 95% interval; null when none was decided. */
  winRateA: { rate: number; low: number; high: number; decided: number } | null;
  /** (A wins + ties / 2) / (A + B + ties); null when no item was read. */
  winRateWithTiesAsHalf: number | null;
};

export function winRate(counts: VerdictCounts): WinRate {
  const decided = counts.a + counts.b;
  const read = decided + counts.tie;
  return {
    items: read + counts.unparsed,
    counts,
    winRateA: decided === 0 ? null : { rate: counts.a / decided, decided, ...wilsonInterval(counts.a, decided) },
    winRateWithTiesAsHalf: read === 0 ? null : (counts.a + counts.tie / 2) / read,
  };
}
