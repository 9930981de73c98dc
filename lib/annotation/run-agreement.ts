/**
 * A run's iterations against people, over every annotation set made from the run (its training
 * pairs and its eval items): each person's label on each item counts once, as on a set's page.
 * Null when nobody has labelled anything from this run, so the run page says how to start.
 */
import type { Queryable } from "@/lib/db/client";
import { judgeVerdicts, listAnnotationSets, setLabels } from "@/lib/db/queries/annotations";
import { judgesAgainstPeople, type JudgeHumanAgreement } from "./human-agreement";

export type RunPeopleAgreement = { sets: number; labels: number; judges: JudgeHumanAgreement[] };

export function runPeopleAgreement(db: Queryable, runId: number): RunPeopleAgreement | null {
  const sets = listAnnotationSets(db, { runId }).filter((set) => set.labels > 0);
  if (sets.length === 0) return null;
  const labels = sets.flatMap((set) => setLabels(db, set.id));
  const verdicts = sets.flatMap((set) => judgeVerdicts(db, set));
  return { sets: sets.length, labels: labels.length, judges: judgesAgainstPeople(labels, verdicts) };
}
