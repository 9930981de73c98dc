/** `judge-lab datasets [--json]`: the datasets with their kinds, rows and subsets. */
import { parseArgs } from "node:util";
import type { Db } from "@/lib/db/client";
import { countItemsBySubset, listDatasets } from "@/lib/db/queries/datasets";
import { formatCount } from "@/lib/format/numbers";
import { table, type Io } from "../output";

export function datasetsCommand(db: Db, args: string[], io: Io): void {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
  const rows = listDatasets(db).map((dataset) => ({
    id: dataset.id,
    name: dataset.name,
    kind: dataset.kind,
    rows: dataset.rowCount,
    subsets: dataset.kind === "pairs" ? countItemsBySubset(db, dataset.id).map((s) => ({ subset: s.subset, items: s.items })) : [],
    source: dataset.source,
  }));
  if (values.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.stdout("No datasets yet. Import one with: npm run judge-lab -- import <file>\n");
    return;
  }
  io.stdout(
    `${table(
      ["ID", "NAME", "KIND", "ROWS", "SUBSETS", "SOURCE"],
      rows.map((r) => [
        r.id,
        r.name,
        r.kind,
        formatCount(r.rows),
        r.subsets.length > 0 ? r.subsets.map((s) => `${s.subset} (${s.items})`).join(", ") : "—",
        r.source,
      ]),
      [true, false, false, true, false, false],
    )}\n`,
  );
}
