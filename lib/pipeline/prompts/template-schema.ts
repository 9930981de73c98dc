/**
 * The zod check of an editable prompt template (a run's four prompts, a judge job's judge prompt):
 * it must use exactly its placeholders.
 */
import { z } from "zod";
import { placeholdersOf } from "./index";

/** A prompt template must use exactly its placeholders: a missing one would drop data, an unknown one cannot be filled. */
export function promptTemplateSchema(name: string, required: readonly string[], optional: readonly string[] = []) {
  return z
    .string()
    .min(1, `The ${name} prompt cannot be empty`)
    .max(50_000)
    .superRefine((template, ctx) => {
      const used = placeholdersOf(template);
      const missing = required.filter((p) => !used.includes(p));
      const unknown = used.filter((p) => !required.includes(p) && !optional.includes(p));
      if (missing.length > 0)
        ctx.addIssue({ code: "custom", message: `The ${name} prompt must use ${missing.map((p) => `{${p}}`).join(", ")}` });
      if (unknown.length > 0)
        ctx.addIssue({
          code: "custom",
          message: `The ${name} prompt uses unknown ${unknown.map((p) => `{${p}}`).join(", ")} (allowed: ${[...required, ...optional].map((p) => `{${p}}`).join(", ")})`,
        });
    });
}
