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

/** Column names that say nothing about the systems compared ("response_a", "output_1", …) are not worth showing. */
export const isGenericResponseName = (name: string) => /^(response|output|answer|completion|conversation|model)[ _]?(a|b|1|2)$/i.test(name);

/** A judge job item's responses, lettered as the job names them, with the label and the verdict in the hints. */
export function jobItemResponses(
  responses: readonly string[],
  options: { names: string[] | null; label: string | null; best: number | null },
): ShownResponse[] {
  return responses.map((text, i) => {
    const letter = i < 26 ? String.fromCharCode(65 + i) : `#${i + 1}`;
    const notes = [
      options.names?.[i] && !isGenericResponseName(options.names[i]) ? options.names[i] : null,
      options.best === i ? "ranked best by this judge" : null,
      options.label === String(i) ? "labelled best" : null,
    ].filter(Boolean);
    return { title: `Response ${letter}`, hint: notes.join(" · ") || " ", text };
  });
}
