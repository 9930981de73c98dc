/**
 * The words of the method, shared by every layer: where the known-better response was shown, and
 * how a sampled verdict compares with it. The database stores them; the pipeline decides them.
 */

/** Which response a judge was shown first: y_w as "A" (order AB) or as "B" (order BA). */
export const POSITIONS = ["A", "B"] as const;
export type Position = (typeof POSITIONS)[number];

/** How a sampled verdict compares with the known-better response. */
export const OUTCOMES = ["correct", "wrong", "tie", "unparsed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Which of two responses of unknown quality a judge preferred in one comparison (judging your own
 * data): the comparison's first response, its second, a tie, or no verdict. A judged sample's
 * outcome reads as a choice when "the known-better position" is where the first response was shown.
 */
export const CHOICES = ["first", "second", "tie", "unparsed"] as const;
export type Choice = (typeof CHOICES)[number];

export function choiceOf(outcome: Outcome): Choice {
  return outcome === "correct" ? "first" : outcome === "wrong" ? "second" : outcome;
}
