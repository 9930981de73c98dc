/**
 * The judges' verdicts on an annotation set's items, in the set's terms ("first" is the known-better
 * or first response): for a run's training pairs, each iteration that judged them; for a run's eval
 * items, each iteration; for a judge job's items, every pairwise job on the same data. Reads the
 * votes through lib/db/queries/annotation-sources.ts and decides by lib/annotation/judge-verdicts.ts.
 */
import type { Queryable } from "@/lib/db/client";
import type { AnnotationSetRow } from "@/lib/db/schema";
import { evalOrderVotes, jobVerdicts, trainingOrderVotes } from "@/lib/db/queries/annotation-sources";
import { setItemSources } from "@/lib/db/queries/annotations";
import type { JudgeVerdict } from "./human-agreement";
import { jobVerdictValue, verdictsByIteration } from "./judge-verdicts";

export function setJudgeVerdicts(
  db: Queryable,
  set: Pick<AnnotationSetRow, "id" | "kind" | "runId" | "datasetId">,
  onlyItemId?: number,
): JudgeVerdict[] {
  const items = setItemSources(db, set.id, onlyItemId);
  if (set.kind === "judge-job") {
    const itemOf = new Map(items.map((i) => [i.datasetItemId, i.id]));
    return jobVerdicts(db, set, onlyItemId).flatMap((v) => {
      const itemId = itemOf.get(v.key);
      return itemId === undefined
        ? []
        : [
            {
              judgeKey: `job:${v.jobId}`,
              judgeOrder: v.jobId,
              judgeLabel: `job #${v.jobId} ${v.jobName}`,
              itemId,
              verdict: jobVerdictValue(v.verdict),
            },
          ];
    });
  }
  if (set.runId === null) return [];
  const training = set.kind === "training-pairs";
  const keyOf = (i: (typeof items)[number]) => (training ? i.pairId : i.datasetItemId);
  const itemOf = new Map(items.flatMap((i) => (keyOf(i) === null ? [] : [[keyOf(i)!, i.id] as const])));
  const keys = [...itemOf.keys()];
  const votes = training
    ? trainingOrderVotes(db, set.runId, keys)
    : set.datasetId === null
      ? []
      : evalOrderVotes(db, set.runId, set.datasetId, keys);
  const verdicts: JudgeVerdict[] = [];
  for (const [iteration, byKey] of verdictsByIteration(votes))
    for (const [key, verdict] of byKey)
      verdicts.push({
        judgeKey: `iteration:${iteration}`,
        judgeOrder: iteration,
        judgeLabel: `iteration ${iteration}`,
        itemId: itemOf.get(key)!,
        verdict,
      });
  return verdicts;
}
