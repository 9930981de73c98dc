// Importing a run config from a JSON file on New Run: a run's own export loads, and bad files are
// refused with the file name, the line of a syntax error, or the fields that are wrong.
import { describe, expect, it } from "vitest";
import { parseConfigFile } from "@/lib/pipeline/config-file";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { runConfigSchema } from "@/lib/pipeline/run-config";

describe("parseConfigFile", () => {
  it("loads a config as the Config (JSON) export writes it", () => {
    const exported = JSON.stringify(runConfigSchema.parse(demoPreset()), null, 2);
    const result = parseConfigFile("run-3-config.json", exported);
    expect(result.ok && result.config.name).toBe(demoPreset().name);
  });

  it("names the line of a JSON syntax error", () => {
    const result = parseConfigFile("bad.json", '{\n  "name": "x",\n  "seed": ,\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^bad\.json: not valid JSON \(line 3, column 11: ValueExpected\)/);
  });

  it("names every wrong field", () => {
    const config = { ...runConfigSchema.parse(demoPreset()), iterations: -1, judging: { ...demoPreset().judging, samples: "many" } };
    const result = parseConfigFile("c.json", JSON.stringify(config));
    expect(!result.ok && result.message).toMatch(/^c\.json: not a valid run config: /);
    expect(!result.ok && result.message).toContain("iterations: At least 0 iterations (0 scores the seed judge only)");
    expect(!result.ok && result.message).toContain("judging.samples: Enter the number of samples");
  });
});
