// Training-file writers: SFT chat JSONL, DPO in TRL and OpenAI forms.
import { describe, expect, it } from "vitest";
import { dpoLine, sftLine, trainingFile } from "@/lib/pipeline/training-set";

const record = { prompt: "Which is better?", chosen: "Plan... [[A]]", rejected: "Plan... [[B]]", comboIndex: 0 };

describe("training files", () => {
  it("write SFT as a user turn and the kept trace as the assistant turn", () => {
    expect(JSON.parse(sftLine(record))).toEqual({
      messages: [
        { role: "user", content: "Which is better?" },
        { role: "assistant", content: "Plan... [[A]]" },
      ],
    });
  });

  it("write DPO in TRL's conversational form and in the OpenAI API's form", () => {
    expect(JSON.parse(dpoLine(record, "trl"))).toEqual({
      prompt: [{ role: "user", content: "Which is better?" }],
      chosen: [{ role: "assistant", content: "Plan... [[A]]" }],
      rejected: [{ role: "assistant", content: "Plan... [[B]]" }],
    });
    expect(JSON.parse(dpoLine(record, "openai"))).toEqual({
      input: { messages: [{ role: "user", content: "Which is better?" }] },
      preferred_output: [{ role: "assistant", content: "Plan... [[A]]" }],
      non_preferred_output: [{ role: "assistant", content: "Plan... [[B]]" }],
    });
  });

  it("leave out DPO examples without a rejected trace, and end every line with a newline", () => {
    const file = trainingFile([record, { ...record, rejected: null }], "dpo");
    expect(file.lines).toBe(1);
    expect(file.content.endsWith("\n")).toBe(true);
    expect(trainingFile([record, { ...record, rejected: null }], "sft").lines).toBe(2);
    expect(trainingFile([], "sft")).toEqual({ content: "", lines: 0 });
  });

  it("write one SFT line per pair and order, however many DPO combinations it has", () => {
    const combos = [
      record,
      { ...record, rejected: "Plan... tie [[C]]", comboIndex: 1 },
      { ...record, rejected: "no verdict", comboIndex: 2 },
    ];
    expect(trainingFile(combos, "dpo").lines).toBe(3);
    expect(trainingFile(combos, "sft").lines).toBe(1);
  });
});
