/**
 * The server's configuration file (JSON; JUDGE_LAB_CONFIG, default ./judge-lab.config.json):
 * things that must never come from the browser, such as the commands the "command" trainer may
 * run. A missing file means no commands; a malformed one is an error naming the field.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { describeIssues } from "@/lib/validation";

const commandTrainerSchema = z
  .object({
    /** Program and arguments, run without a shell. The runner appends --train-file, --method and --base-model. */
    command: z.array(z.string().min(1)).min(1, "command needs at least the program"),
    /** The backend (by name) that serves the models this command produces. */
    backend: z.string().min(1),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600)
      .default(24 * 3600),
    /** Working directory (default: the server's). */
    cwd: z.string().optional(),
  })
  .strict();

export const serverConfigSchema = z
  .object({
    trainers: z.record(z.string().regex(/^[\w.-]+$/, "trainer names are letters, digits, _ . -"), commandTrainerSchema).default({}),
  })
  .strict();

export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type CommandTrainerConfig = z.infer<typeof commandTrainerSchema>;

export function serverConfigPath(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.JUDGE_LAB_CONFIG ?? "judge-lab.config.json");
}

export function readServerConfig(file = serverConfigPath()): ServerConfig {
  if (!fs.existsSync(file)) return { trainers: {} };
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = serverConfigSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
