// Switching presets in the form fills defaults but never throws away what the user typed.
import { describe, expect, it } from "vitest";
import { draftFromPreset, draftToInput, switchPreset } from "@/lib/backends/backend-draft";

describe("switchPreset", () => {
  it("replaces untouched defaults with the new preset's", () => {
    const draft = switchPreset(draftFromPreset("vllm"), "ollama");
    expect(draft.name).toBe("Ollama");
    expect(draft.baseUrls).toEqual(["http://localhost:11434/v1"]);
    expect(draft.maxInFlight).toBe("4");
    expect(draft.supportsN).toBe(false);
  });

  it("keeps a name, URLs and limits the user changed", () => {
    const edited = {
      ...draftFromPreset("vllm"),
      name: "gpu-box",
      baseUrls: ["http://gpu1:8000/v1", "http://gpu2:8000/v1"],
      maxInFlight: "512",
    };
    const draft = switchPreset(edited, "sglang");
    expect(draft.name).toBe("gpu-box");
    expect(draft.baseUrls).toEqual(["http://gpu1:8000/v1", "http://gpu2:8000/v1"]);
    expect(draft.maxInFlight).toBe("512");
    expect(draft.preset).toBe("sglang");
  });

  it("fills the key variable of hosted APIs", () => {
    expect(switchPreset(draftFromPreset("vllm"), "openai").apiKeyEnv).toBe("OPENAI_API_KEY");
  });
});

describe("draftToInput", () => {
  it("turns empty rates into 'no limit' and numbers with separators into numbers", () => {
    const input = draftToInput({ ...draftFromPreset("vllm"), requestsPerMinute: " ", tokensPerMinute: "200,000", apiKeyEnv: "" });
    expect(input.requestsPerMinute).toBeNull();
    expect(input.tokensPerMinute).toBe(200000);
    expect(input.apiKeyEnv).toBeNull();
  });

  it("passes text that is not a number through for the schema to refuse", () => {
    expect(draftToInput({ ...draftFromPreset("vllm"), maxInFlight: "many" }).maxInFlight).toBe("many");
  });
});
