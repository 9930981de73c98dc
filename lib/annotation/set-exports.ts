/**
 * The annotation set's export rows (a set is bounded, so each is built whole): every label with its
 * item, annotator, choice, the order shown and the time taken; the items where people's majority
 * does not prefer the constructed better response, with their texts; and the items people decided
 * as a pair set (prompt, chosen, rejected by their majority, subset = category) in the layout the
 * Datasets page imports as an eval set.
 */
import type { Queryable } from "@/lib/db/client";
import type { AnnotationSetRow } from "@/lib/db/schema";
import { completeItemIds, exportLabelRows, labelledItemTexts, setLabels } from "@/lib/db/queries/annotations";
import { humanVerdict } from "@/lib/metrics/construction-audit";
import { auditConstruction } from "./human-agreement";

export const SET_EXPORT_KINDS = ["labels.jsonl", "labels.csv", "disagreements.jsonl", "pairs.jsonl"] as const;
export type SetExportKind = (typeof SET_EXPORT_KINDS)[number];

export const LABEL_EXPORT_COLUMNS = [
  "item",
  "source",
  "category",
  "filter_status",
  "reference",
  "annotator",
  "choice",
  "shown_order",
  "time_ms",
  "note",
  "imported",
  "blind",
  "labelled_at",
] as const;

export function labelExportRows(db: Queryable, setId: number) {
  return exportLabelRows(db, setId).map((row) => ({
    item: row.position + 1,
    source: row.sourceKey,
    category: row.category,
    filter_status: row.filterStatus,
    reference: row.reference,
    annotator: row.annotator,
    choice: row.choice,
    shown_order: row.shownOrder,
    time_ms: row.timeMs,
    note: row.note,
    imported: row.imported,
    blind: row.blind,
    labelled_at: new Date(row.labelledAt).toISOString(),
  }));
}

/** Only items with all their labels, as on the set page (a still-open item's answers stay hidden). */
export function disagreementExportRows(db: Queryable, set: Pick<AnnotationSetRow, "id" | "labelsPerItem">) {
  const setId = set.id;
  const complete = completeItemIds(db, set);
  const disagreeing = auditConstruction(setLabels(db, setId)).disagreeing.filter((d) => complete.has(d.itemId));
  const texts = new Map(
    labelledItemTexts(
      db,
      setId,
      disagreeing.map((d) => d.itemId),
    ).map((t) => [t.id, t]),
  );
  return disagreeing.flatMap((d) => {
    const item = texts.get(d.itemId);
    if (!item) return [];
    return [
      {
        item: item.position + 1,
        source: item.sourceKey,
        category: item.category,
        filter_status: item.filterStatus,
        people: d.verdict === "second" ? "prefer y_l" : "tie",
        prefer_y_w: d.first,
        prefer_y_l: d.second,
        tie: d.tie,
        prompt: item.prompt,
        y_w: item.firstText,
        y_l: item.secondText,
      },
    ];
  });
}

export function labelledPairRows(db: Queryable, setId: number) {
  const byItem = new Map<number, ("first" | "second" | "tie")[]>();
  for (const label of setLabels(db, setId)) byItem.set(label.itemId, [...(byItem.get(label.itemId) ?? []), label.choice]);
  const decided = [...byItem.entries()].flatMap(([itemId, choices]) => {
    const verdict = humanVerdict(choices);
    return verdict === "first" || verdict === "second" ? [{ itemId, verdict }] : [];
  });
  const verdictOf = new Map(decided.map((d) => [d.itemId, d.verdict]));
  return labelledItemTexts(
    db,
    setId,
    decided.map((d) => d.itemId),
  ).map((item) => {
    const firstWins = verdictOf.get(item.id) === "first";
    return {
      id: item.sourceKey,
      prompt: item.prompt,
      chosen: firstWins ? item.firstText : item.secondText,
      rejected: firstWins ? item.secondText : item.firstText,
      subset: item.category ?? "uncategorized",
    };
  });
}
