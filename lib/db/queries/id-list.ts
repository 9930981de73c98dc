/** A list of ids as SQL parameters, for `where id in (${idList(ids)})` (callers pass a non-empty, bounded list). */
import "../server-only";
import { sql } from "drizzle-orm";

export const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
