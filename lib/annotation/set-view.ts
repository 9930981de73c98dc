/**
 * The annotation set page's view model: the set and where it came from, labelling progress per
 * annotator, every judge's agreement with the people (the chart's data too), agreement among the
 * people, and for sets built from a run the audit of its synthetic labels with the pairs people
 * disagree on. Reads go through lib/db/queries/annotations.ts; a set is bounded (5,000 items).
 */
import type { Queryable } from "@/lib/db/client";
import type { AnnotationSetRow } from "@/lib/db/schema";
import {
  annotatorProgress,
  getAnnotationSet,
  judgeVerdicts,
  labelledItemTexts,
  setLabels,
  type AnnotatorProgress,
} from "@/lib/db/queries/annotations";
import { interAnnotatorAgreement, type InterAnnotatorAgreement } from "@/lib/metrics/inter-annotator";
import { auditConstruction, judgesAgainstPeople, type ConstructionAuditView, type JudgeHumanAgreement } from "./human-agreement";

export const DISAGREEMENTS_SHOWN = 50;

export type AnnotationSetView = {
  set: AnnotationSetRow;
  /** The run or job it came from was deleted: its labels and texts stay, its judges' verdicts are gone. */
  sourceDeleted: boolean;
  labelledItems: number;
  labels: number;
  annotators: AnnotatorProgress[];
  judges: JudgeHumanAgreement[];
  interAnnotator: InterAnnotatorAgreement;
  /** Sets of a run's pairs or eval items: does the construction (or the benchmark's label) hold up with people? */
  audit:
    | (ConstructionAuditView & { shown: (ReturnType<typeof labelledItemTexts>[number] & ConstructionAuditView["disagreeing"][number])[] })
    | null;
};

export function annotationSetView(db: Queryable, setId: number): AnnotationSetView | null {
  const set = getAnnotationSet(db, setId);
  if (!set) return null;
  const labels = setLabels(db, set.id);
  const verdicts = judgeVerdicts(db, set);
  const sourceDeleted = set.kind === "judge-job" ? set.datasetId === null : set.runId === null;
  let audit: AnnotationSetView["audit"] = null;
  if (set.kind !== "judge-job") {
    const view = auditConstruction(labels);
    const texts = new Map(
      labelledItemTexts(
        db,
        set.id,
        view.disagreeing.slice(0, DISAGREEMENTS_SHOWN).map((d) => d.itemId),
      ).map((t) => [t.id, t]),
    );
    const shown = view.disagreeing.slice(0, DISAGREEMENTS_SHOWN).flatMap((d) => {
      const text = texts.get(d.itemId);
      return text ? [{ ...text, ...d }] : [];
    });
    audit = { ...view, shown };
  }
  return {
    set,
    sourceDeleted,
    labelledItems: new Set(labels.map((l) => l.itemId)).size,
    labels: labels.length,
    annotators: annotatorProgress(db, set.id),
    judges: judgesAgainstPeople(labels, verdicts),
    interAnnotator: interAnnotatorAgreement(labels.map((l) => ({ item: l.itemId, annotator: l.annotator, choice: l.choice }))),
    audit,
  };
}
