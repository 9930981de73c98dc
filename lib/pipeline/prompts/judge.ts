/**
 * Stages 3 and 6 (judge, evaluate): the pairwise judge prompt. The judge writes an evaluation plan,
 * checks both answers against it, and ends with "[[A]]" or "[[B]]", which `parseVerdict` reads.
 * Our words, after the paper's judge prompt (an evaluation plan, then a verdict; §3.2); the answer
 * delimiters follow the common MT-Bench layout so existing judges recognize them.
 * Placeholders: {instruction}, {response_a}, {response_b}.
 */
export const JUDGE_PROMPT = `You are judging two AI assistants' answers to the user question below. Decide which answer
follows the user's instruction more faithfully and helps the user more.

First write a short evaluation plan: what a good answer to this question must contain and what it
must avoid. Then check each answer against your plan, point by point. Do not let the order in which
the answers appear, their length, or their style sway your decision; only how well each one answers
the question counts.

Finish with your final verdict on a line of its own: "[[A]]" if assistant A is better, or "[[B]]"
if assistant B is better.

[User Question]
{instruction}

[The Start of Assistant A's Answer]
{response_a}
[The End of Assistant A's Answer]

[The Start of Assistant B's Answer]
{response_b}
[The End of Assistant B's Answer]`;

export const JUDGE_PLACEHOLDERS = ["instruction", "response_a", "response_b"] as const;

/** The delimiters around the question and the two answers; shared with SimJudge, which reads them. */
export const JUDGE_DELIMITERS = {
  questionStart: "[User Question]",
  aStart: "[The Start of Assistant A's Answer]",
  aEnd: "[The End of Assistant A's Answer]",
  bStart: "[The Start of Assistant B's Answer]",
  bEnd: "[The End of Assistant B's Answer]",
} as const;
