/**
 * The zod schema of a backend as people enter it (the Backends form, the CLI, configs).
 * Every rule names its field, so a form can put the message next to the input that caused it.
 * An API key is never part of a backend: only the NAME of the environment variable holding it.
 */
import { z } from "zod";
import { PRESET_IDS } from "./presets";

export const baseUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter a base URL, e.g. http://localhost:8000/v1")
  .max(2048, "A base URL can be at most 2048 characters")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      // "localhost:8000" parses as a URL with the scheme "localhost:", so ask for "://" first.
      if (!value.includes("://")) throw new TypeError("no scheme");
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: `Enter a full URL starting with http:// or https://, e.g. http://${value.replace(/^\/+/, "") || "localhost:8000"}`,
      });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: `Only http:// and https:// URLs are supported (got ${url.protocol})` });
    }
    if (url.username || url.password) {
      // Credentials in a URL would be stored in the database and shown in the page.
      ctx.addIssue({ code: "custom", message: "Remove the credentials from the URL; put the key in an environment variable" });
    }
    if (url.search || url.hash) {
      ctx.addIssue({ code: "custom", message: "A base URL cannot have a query string or #fragment" });
    }
  })
  // "http://host:8000/v1/" and "http://host:8000/v1" are the same server.
  .transform((value) => value.replace(/\/+$/, ""));

/**
 * The variable's name, not its value. Names must look like a key's variable (ending in _KEY or
 * _TOKEN), so a backend cannot be used to send an unrelated server variable to an outside URL.
 */
export const apiKeyEnvSchema = z
  .string()
  .trim()
  .max(64, "An environment variable name can be at most 64 characters")
  .regex(/^[A-Z][A-Z0-9_]*$/, "Enter the NAME of an environment variable (A-Z, 0-9, _), e.g. OPENAI_API_KEY, not the key itself")
  .regex(/_(KEY|TOKEN)$/, "The variable's name must end in _KEY or _TOKEN, e.g. OPENAI_API_KEY");

/** "Enter ..." when the field is empty, "... must be a number" when it holds something else. */
const numberError = (label: string, noun = "a whole number") => ({
  error: (issue: { input?: unknown }) =>
    issue.input === null || issue.input === undefined || issue.input === "" ? `Enter ${label.toLowerCase()}` : `${label} must be ${noun}`,
});

const optionalLimit = (label: string, max: number) =>
  z
    .number(numberError(label))
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1, or left empty for no limit`)
    .max(max, `${label} can be at most ${max.toLocaleString("en-US")}`)
    .nullable();

export const backendInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the backend a name").max(80, "A name can be at most 80 characters"),
    preset: z.enum(PRESET_IDS, { error: `Pick a preset: ${PRESET_IDS.join(", ")}` }),
    baseUrls: z
      .array(baseUrlSchema)
      .min(1, "Add at least one base URL")
      .max(32, "At most 32 replicas")
      .superRefine((urls, ctx) => {
        urls.forEach((url, index) => {
          if (urls.indexOf(url) !== index) {
            ctx.addIssue({ code: "custom", path: [index], message: "This URL is listed twice" });
          }
        });
      }),
    apiKeyEnv: apiKeyEnvSchema.nullable(),
    maxInFlight: z
      .number(numberError("Max in-flight requests"))
      .int("Max in-flight requests must be a whole number")
      .min(1, "Max in-flight requests must be at least 1")
      .max(4096, "Max in-flight requests can be at most 4,096"),
    requestsPerMinute: optionalLimit("Requests per minute", 1_000_000),
    tokensPerMinute: optionalLimit("Tokens per minute", 1_000_000_000),
    timeoutSeconds: z
      .number(numberError("Timeout", "a number of seconds"))
      .min(1, "Timeout must be at least 1 second")
      .max(3600, "Timeout can be at most 3,600 seconds (one hour)"),
    supportsN: z.boolean({ error: "supportsN must be true or false" }),
    supportsFineTuning: z.boolean({ error: "supportsFineTuning must be true or false" }),
  })
  .strict();

export type BackendInput = z.infer<typeof backendInputSchema>;

/** Connection settings alone, for "Test connection" on values not saved yet. */
export const connectionInputSchema = backendInputSchema.pick({
  baseUrls: true,
  apiKeyEnv: true,
  timeoutSeconds: true,
});
export type ConnectionInput = z.infer<typeof connectionInputSchema>;
