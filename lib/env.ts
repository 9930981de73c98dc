/**
 * Where the database lives (DATABASE_URL) and where its migrations are, validated with zod. Other
 * settings are read where they are used, each by one module: HOST, JUDGE_LAB_ALLOWED_HOSTS and
 * JUDGE_LAB_TOKEN in lib/access/, PORT in lib/backends/builtin.ts, HF_ENDPOINT and HF_TOKEN in
 * lib/datasets/hugging-face.ts, JUDGE_LAB_LEASE_MS in lib/runner/lease.ts, JUDGE_LAB_CONFIG in
 * lib/server-config.ts, and each backend's API key variable (by the name it stores) in lib/inference/
 * (and whether it is set, in lib/backends/backend-view.ts).
 * The README's Configuration table lists them all.
 */
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  /** SQLite database file. A `file:` prefix is accepted and ignored. */
  DATABASE_URL: z.string().trim().min(1).optional(),
  /** Folder holding the drizzle migrations; the app ships them in ./drizzle. */
  JUDGE_LAB_MIGRATIONS_DIR: z.string().trim().min(1).optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

export const DEFAULT_DATABASE_FILE = path.join("data", "judge-lab.db");

/** The database file path the app uses: DATABASE_URL, or ./data/judge-lab.db. */
export function databaseFile(env: ServerEnv = readEnv()): string {
  const raw = env.DATABASE_URL ?? DEFAULT_DATABASE_FILE;
  const withoutScheme = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  return path.resolve(/*turbopackIgnore: true*/ withoutScheme);
}

export function migrationsDir(env: ServerEnv = readEnv()): string {
  if (env.JUDGE_LAB_MIGRATIONS_DIR) return path.resolve(/*turbopackIgnore: true*/ env.JUDGE_LAB_MIGRATIONS_DIR);
  return path.join(process.cwd(), "drizzle");
}
