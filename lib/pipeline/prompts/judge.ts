/**
 * Stages 3 and 6 (judge, evaluate): the pairwise judge prompt, used for training judgments and, by
 * default, for evaluation too. It restates, in our words and step for step, the reference's
 * evaluation-plan prompt (facebookresearch/RAM, projects/self_taught_evaluator/data/prompts/
 * eval_plan.prompt; paper §3.2): look for obvious or subtle errors in each answer first, then set
 * out a rubric of one to five criteria that matter for this question, check each answer against
 * them, decide, ignoring order, length and assistant names, and end with "[[A]]" or "[[B]]", which
 * `parseVerdict` reads. The answer delimiters are the MT-Bench layout the reference uses.
 * Placeholders: {instruction}, {response_a}, {response_b}.
 */
export const JUDGE_PROMPT = `Act as a fair and impartial judge. Two AI assistants have answered the user question shown
below; decide which of them follows the user's instructions and answers the question better.

Work in this order:
1. Go through each answer and note any mistakes it makes, whether obvious or subtle.
2. Set out a short rubric for this particular question: one to five criteria that matter most
   when judging answers to it.
3. Check each answer carefully against every criterion of your rubric.
4. From the steps above, decide which answer is better overall.

Stay objective. The order in which the answers are shown must not affect your decision, nor may
their length, nor the names of the assistants.

When your evaluation is written, give your final verdict in exactly this format: "[[A]]" if
assistant A is better, "[[B]]" if assistant B is better.

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
