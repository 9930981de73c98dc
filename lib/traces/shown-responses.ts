// The two responses a trace page shows side by side: titles and hints for a training pair and an eval item.

export type ShownResponse = { title: string; hint: string; text: string | null };

/** A training pair's two responses, as its page shows them. */
export const pairResponses = (pair: { goodResponse: string; worseResponse: string | null }): [ShownResponse, ShownResponse] => [
  {
    title: "Better response y_w",
    hint: "The generator's answer to x (or the pool's baseline): the judge should prefer it.",
    text: pair.goodResponse,
  },
  { title: "Worse response y_l", hint: "The answer to x′: good for x′, off the mark for x.", text: pair.worseResponse },
];

/** An eval item's two responses, as its page shows them. */
export const itemResponses = (item: { chosen: string | null; rejected: string | null }): [ShownResponse, ShownResponse] => [
  { title: "Chosen response", hint: "Labelled better: a correct judge prefers it.", text: item.chosen },
  { title: "Rejected response", hint: "Labelled worse.", text: item.rejected },
];
