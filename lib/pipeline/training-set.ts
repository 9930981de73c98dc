/**
 * Stage 5 (paper §3.3): the training files. SFT: chat-messages JSONL, the judge prompt as the user
 * turn and a kept trace as the assistant turn (accepted by TRL's SFTTrainer and the OpenAI
 * fine-tuning API), one line per (pair, order). DPO: the same prompt with a correct trace
 * preferred over one that is not correct (wrong, tie or unparsed), one line per combination the
 * filter chose, in TRL's conversational prompt/chosen/rejected form or the OpenAI API's
 * input/preferred_output/non_preferred_output form.
 */
/** `comboIndex`: which (chosen, rejected) combination of its (pair, order) this record is; SFT uses combination 0 only. */
export type TrainingRecord = { prompt: string; chosen: string; rejected: string | null; comboIndex: number };

export function sftLine(record: TrainingRecord): string {
  return JSON.stringify({
    messages: [
      { role: "user", content: record.prompt },
      { role: "assistant", content: record.chosen },
    ],
  });
}

export function dpoLine(record: TrainingRecord & { rejected: string }, format: "trl" | "openai"): string {
  if (format === "openai") {
    return JSON.stringify({
      input: { messages: [{ role: "user", content: record.prompt }] },
      preferred_output: [{ role: "assistant", content: record.chosen }],
      non_preferred_output: [{ role: "assistant", content: record.rejected }],
    });
  }
  return JSON.stringify({
    prompt: [{ role: "user", content: record.prompt }],
    chosen: [{ role: "assistant", content: record.chosen }],
    rejected: [{ role: "assistant", content: record.rejected }],
  });
}

/** A whole training file; DPO leaves out examples without a rejected trace (counted by the caller). */
export function trainingFile(
  records: readonly TrainingRecord[],
  method: "sft" | "dpo",
  format: "trl" | "openai" = "trl",
): { content: string; lines: number } {
  const lines =
    method === "sft"
      ? records.filter((r) => r.comboIndex === 0).map(sftLine)
      : records.filter((r): r is TrainingRecord & { rejected: string } => r.rejected !== null).map((r) => dpoLine(r, format));
  return { content: lines.length > 0 ? `${lines.join("\n")}\n` : "", lines: lines.length };
}
