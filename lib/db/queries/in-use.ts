/** The sentence that refuses to delete something runs (or judge jobs) still use, naming up to three of them. */
import "../server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "../client";
export function usedByRunsMessage(name: string, users: readonly { id: number; name: string }[], noun = "run"): string {
  const names = users
    .slice(0, 3)
    .map((user) => `"${user.name}" (#${user.id})`)
    .join(", ");
  const more = users.length > 3 ? ` and ${users.length - 3} more` : "";
  const one = users.length === 1;
  return `"${name}" is used by ${one ? noun : `${noun}s`} ${names}${more}; delete ${one ? `that ${noun}` : `those ${noun}s`} first`;
}

/** Judge jobs that use a dataset or a backend (which keeps it from being deleted). */
export function judgeJobsUsing(db: Queryable, what: "dataset_id" | "judge_backend_id", id: number): { id: number; name: string }[] {
  return db.all(sql`select id, name from judge_jobs where ${sql.raw(what)} = ${id} order by id`);
}
