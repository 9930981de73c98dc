/**
 * A run's iterations against people, over the training-pair annotation sets made from the run:
 * each person's blind label on each item counts once, as on a set's page.
 * Null when nobody has labelled anything from this run, so the run page says how to start.
 */
import type { Queryable } from "@/lib/db/client";
import { labelledTrainingSets, setLabels } from "@/lib/db/queries/annotations";
import { judgesAgainstPeople, type JudgeHumanAgreement } from "./human-agreement";
import { setJudgeVerdicts } from "./set-verdicts";

export type RunPeopleAgreement = { sets: number; labels: number; judges: JudgeHumanAgreement[] };

export function runPeopleAgreement(db: Queryable, runId: number): RunPeopleAgreement | null {
  // Training-pair sets only: an eval-disagreement set is chosen where the iterations disagree, which
  // would bias every iteration's agreement if pooled here (its own page shows it).
  const sets = labelledTrainingSets(db, runId);
  if (sets.length === 0) return null;
  const labels = sets.flatMap((set) => setLabels(db, set.id));
  const verdicts = sets.flatMap((set) => setJudgeVerdicts(db, set));
  return { sets: sets.length, labels: labels.length, judges: judgesAgainstPeople(labels, verdicts) };
}
