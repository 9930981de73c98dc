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
  completeItemIds,
  getAnnotationSet,
  setProgress,
  type SetProgress,
  labelledItemTexts,
  setLabels,
  type AnnotatorProgress,
} from "@/lib/db/queries/annotations";
import { interAnnotatorAgreement, type InterAnnotatorAgreement } from "@/lib/metrics/inter-annotator";
import { auditConstruction, judgesAgainstPeople, type ConstructionAuditView, type JudgeHumanAgreement } from "./human-agreement";
import { setJudgeVerdicts } from "./set-verdicts";

export const DISAGREEMENTS_SHOWN = 50;

export type AnnotationSetView = {
  set: AnnotationSetRow;
  /** The run or job it came from was deleted: its labels and texts stay, its judges' verdicts are gone. */
  sourceDeleted: boolean;
  progress: SetProgress;
  /** The labels the numbers use: blind ones, imported included. */
  labels: number;
  annotators: AnnotatorProgress[];
  judges: JudgeHumanAgreement[];
  interAnnotator: InterAnnotatorAgreement;
  /**
   * Sets of a run's pairs or eval items: does the construction (or the benchmark's label) hold up
   * with people? The disagreeing items are listed with their texts only once they have all their
   * labels, so the page does not show an item's answers to someone still to label it.
   */
  audit:
    | (ConstructionAuditView & {
        shown: (ReturnType<typeof labelledItemTexts>[number] & ConstructionAuditView["disagreeing"][number])[];
        waiting: number;
      })
    | null;
};

export function annotationSetView(db: Queryable, setId: number): AnnotationSetView | null {
  const set = getAnnotationSet(db, setId);
  if (!set) return null;
  const labels = setLabels(db, set.id);
  const verdicts = setJudgeVerdicts(db, set);
  const sourceDeleted = set.kind === "judge-job" ? set.datasetId === null : set.runId === null;
  let audit: AnnotationSetView["audit"] = null;
  if (set.kind !== "judge-job") {
    const view = auditConstruction(labels);
    const complete = completeItemIds(db, set);
    const listable = view.disagreeing.filter((d) => complete.has(d.itemId));
    const first = listable.slice(0, DISAGREEMENTS_SHOWN);
    const texts = new Map(
      labelledItemTexts(
        db,
        set.id,
        first.map((d) => d.itemId),
      ).map((t) => [t.id, t]),
    );
    const shown = first.flatMap((d) => {
      const text = texts.get(d.itemId);
      return text ? [{ ...text, ...d }] : [];
    });
    audit = { ...view, shown, waiting: view.disagreeing.length - listable.length };
  }
  return {
    set,
    sourceDeleted,
    progress: setProgress(db, set),
    labels: labels.length,
    annotators: annotatorProgress(db, set.id),
    judges: judgesAgainstPeople(labels, verdicts),
    interAnnotator: interAnnotatorAgreement(labels.map((l) => ({ item: l.itemId, annotator: l.annotator, choice: l.choice }))),
    audit,
  };
}
