// The backend zod schema: bad URLs, limits and key names are refused with the field they concern.
import { describe, expect, it } from "vitest";
import { backendInputSchema } from "@/lib/backends/backend-input";
import { draftFromPreset, draftToInput } from "@/lib/backends/backend-draft";
import { fieldErrorsOf } from "@/lib/validation";

const valid = {
  name: "Local vLLM",
  preset: "vllm",
  baseUrls: ["http://localhost:8000/v1/"],
  apiKeyEnv: null,
  maxInFlight: 64,
  requestsPerMinute: null,
  tokensPerMinute: 100000,
  timeoutSeconds: 120,
  supportsN: true,
  supportsFineTuning: false,
};

function errorsFor(overrides: Record<string, unknown>): Record<string, string> {
  const result = backendInputSchema.safeParse({ ...valid, ...overrides });
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("backendInputSchema", () => {
  it("accepts a complete backend and normalizes the trailing slash", () => {
    const parsed = backendInputSchema.parse(valid);
    expect(parsed.baseUrls).toEqual(["http://localhost:8000/v1"]);
  });

  it("names the base URL that is not a URL, by its index", () => {
    const errors = errorsFor({ baseUrls: ["http://ok:1/v1", "localhost:8000"] });
    expect(Object.keys(errors)).toEqual(["baseUrls.1"]);
    expect(errors["baseUrls.1"]).toMatch(/full URL|http/);
  });

  it.each([
    ["ftp://files.example.com/v1", /Only http/],
    ["http://user:secret@host:8000/v1", /credentials/],
    ["http://host:8000/v1?x=1", /query string/],
    ["", /Enter a base URL/],
    ["localhost:8000/v1", /full URL starting with http:\/\/ or https:\/\/, e.g. http:\/\/localhost:8000\/v1/],
  ])("refuses the base URL %j", (url, message) => {
    expect(errorsFor({ baseUrls: [url] })["baseUrls.0"]).toMatch(message);
  });

  it("refuses no base URL and the same URL twice", () => {
    expect(errorsFor({ baseUrls: [] }).baseUrls).toMatch(/at least one/);
    expect(errorsFor({ baseUrls: ["http://a:1/v1", "http://a:1/v1/"] })["baseUrls.1"]).toMatch(/twice/);
  });

  it.each([
    [{ maxInFlight: 0 }, "maxInFlight", /at least 1/],
    [{ maxInFlight: 2.5 }, "maxInFlight", /whole number/],
    [{ maxInFlight: 100000 }, "maxInFlight", /at most 4,096/],
    [{ maxInFlight: null }, "maxInFlight", /Enter max in-flight/],
    [{ requestsPerMinute: -5 }, "requestsPerMinute", /at least 1/],
    [{ tokensPerMinute: "lots" }, "tokensPerMinute", /must be a whole number/],
    [{ timeoutSeconds: 0 }, "timeoutSeconds", /at least 1 second/],
    [{ timeoutSeconds: 86400 }, "timeoutSeconds", /at most 3,600/],
  ])("refuses limit %j on field %s", (overrides, field, message) => {
    const errors = errorsFor(overrides);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it("refuses an API key where the variable's NAME belongs", () => {
    expect(errorsFor({ apiKeyEnv: "sk-proj-abc123" }).apiKeyEnv).toMatch(/NAME of an environment variable/);
    expect(errorsFor({ apiKeyEnv: "DATABASE_URL" }).apiKeyEnv).toMatch(/_KEY or _TOKEN/);
    expect(backendInputSchema.parse({ ...valid, apiKeyEnv: "OPENAI_API_KEY" }).apiKeyEnv).toBe("OPENAI_API_KEY");
  });

  it("refuses an unknown preset, an empty name and unknown fields", () => {
    expect(errorsFor({ preset: "gpt-magic" }).preset).toMatch(/Pick a preset/);
    expect(errorsFor({ name: "   " }).name).toMatch(/name/);
    expect(Object.keys(errorsFor({ apiKey: "sk-123" }))).toEqual(["(input)"]);
  });

  it("accepts every preset's defaults as they come out of the form", async () => {
    const { PRESET_IDS } = await import("@/lib/backends/presets");
    for (const id of PRESET_IDS.filter((p) => p !== "custom")) {
      const result = backendInputSchema.safeParse(draftToInput(draftFromPreset(id)));
      expect(result.success, `${id}: ${result.success ? "" : result.error.message}`).toBe(true);
    }
  });
});
