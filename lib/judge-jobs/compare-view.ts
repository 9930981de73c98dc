/**
 * Two judges on the same data, item by item: how often their verdicts agree, Cohen's kappa over
 * the verdicts, each one's agreement with the labels side by side, and the items where they
 * differ (read a page at a time with listJobDifferences).
 */
import type { Queryable } from "@/lib/db/client";
import { getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { jobVerdictPairs } from "@/lib/db/queries/judge-job-views";
import { AppError } from "@/lib/errors";
import { cohensKappa, wilsonInterval } from "@/lib/metrics";

export type JobComparison = {
  a: { id: number; name: string; judge: string };
  b: { id: number; name: string; judge: string };
  /** Items both jobs finished. */
  items: number;
  agree: number;
  agreement: { rate: number; low: number; high: number } | null;
  kappa: number | null;
  /** Verdict of A (rows) by verdict of B (columns). */
  matrix: { a: string; b: string; n: number }[];
};

export function compareJudgeJobs(db: Queryable, jobA: number, jobB: number): JobComparison {
  const a = getJudgeJob(db, jobA);
  const b = getJudgeJob(db, jobB);
  if (!a) throw new AppError("not_found:job", `Judge job #${jobA} does not exist`);
  if (!b) throw new AppError("not_found:job", `Judge job #${jobB} does not exist`);
  if (a.datasetId !== b.datasetId)
    throw new AppError("bad_request:job", `Judge jobs #${jobA} and #${jobB} judged different data; compare jobs on the same dataset`);
  const matrix = jobVerdictPairs(db, jobA, jobB);
  const items = matrix.reduce((n, c) => n + c.n, 0);
  const agree = matrix.filter((c) => c.a === c.b).reduce((n, c) => n + c.n, 0);
  const kappa = cohensKappa(matrix.flatMap((c) => Array.from({ length: c.n }, () => [c.a, c.b] as const)));
  return {
    a: { id: a.id, name: a.name, judge: a.judge.label },
    b: { id: b.id, name: b.name, judge: b.judge.label },
    items,
    agree,
    agreement: items === 0 ? null : { rate: agree / items, ...wilsonInterval(agree, items) },
    kappa: kappa.kappa,
    matrix,
  };
}
