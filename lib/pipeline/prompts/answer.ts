/**
 * Stage 2 (build pairs): the prompt that produces the good response y_w. As in the paper, the
 * model simply answers the instruction x itself, so the template is the instruction alone.
 * Placeholder: {instruction}.
 */
export const ANSWER_PROMPT = `{instruction}`;

export const ANSWER_PLACEHOLDERS = ["instruction"] as const;
