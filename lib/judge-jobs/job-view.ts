/**
 * Everything a judge job's page (and the CLI and the API) shows, in one JSON-safe object built
 * from SQL aggregates: the job and its live progress, and its results: for pairwise data, A's win
 * rate over B with its 95% interval (ties and unreadable verdicts apart); for best-of-n, how often
 * each response was ranked best; agreement with the labels when there are some (accuracy without
 * ties, 3-way agreement, Cohen's kappa; best-of-n: accuracy); position consistency; per category.
 */
import type { Queryable } from "@/lib/db/client";
import { getJudgeJob, type JudgeJob } from "@/lib/db/queries/judge-jobs";
import { jobResultsSummary } from "@/lib/db/queries/judge-job-views";
import { getDatasetById } from "@/lib/db/queries/datasets";
import {
  labelAgreement,
  winRate,
  wilsonInterval,
  type LabelAgreement,
  type PairLabel,
  type PairVerdict,
  type WinRate,
} from "@/lib/metrics";
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";
import type { ProgressSnapshot } from "@/lib/runner/progress";
import { isGenericResponseName } from "@/lib/traces/shown-responses";

export type Rate = { rate: number; low: number; high: number; count: number; of: number } | null;

export type JudgeJobView = {
  job: Pick<
    JudgeJob,
    | "id"
    | "name"
    | "status"
    | "statusReason"
    | "config"
    | "itemCount"
    | "maxResponses"
    | "plannedComparisons"
    | "plannedJudgments"
    | "createdAt"
    | "startedAt"
    | "finishedAt"
    | "parentJobId"
  > & { judge: { label: string; model: string; verdictRule: string; run: JudgeJob["judge"]["run"]; demonstrations: number } };
  dataset: { id: number; name: string; kind: string; responseNames: string[] | null };
  progress: ProgressSnapshot | null;
  pairwise: boolean;
  done: number;
  judgments: number;
  tokens: { prompt: number; completion: number };
  /** Pairwise: A vs B. */
  winRate: WinRate | null;
  /** Best-of-n: how often each response position was ranked best. */
  bestCounts: { response: string; n: number }[];
  /** Agreement with the labels (pairwise); null without labels. */
  agreement: LabelAgreement | null;
  /** Best-of-n agreement: share of labelled items whose labelled best was ranked first. */
  bestOfNAccuracy: Rate;
  consistency: Rate;
  meanVoteShare: number | null;
  coinFlips: number;
  categories: { category: string; items: number; winRate: WinRate | null; agreement: Rate }[];
};

/** What to call the two responses of a pairwise job: "A" and "B", with the systems' names when the data has them. */
export function responseTitles(names: string[] | null): [string, string] {
  if (names?.length !== 2 || names.every(isGenericResponseName)) return ["A", "B"];
  return [`A (${names[0]})`, `B (${names[1]})`];
}

const rate = (count: number, of: number): Rate => (of === 0 ? null : { rate: count / of, count, of, ...wilsonInterval(count, of) });

/** A stored label as a pairwise label ("0" → A, "1" → B, "tie"). */
const pairLabel = (label: string): PairLabel => (label === "tie" ? "tie" : label === "0" ? "A" : "B");

export function judgeJobView(db: Queryable, jobId: number): JudgeJobView | null {
  const job = getJudgeJob(db, jobId);
  if (!job) return null;
  const dataset = getDatasetById(db, job.datasetId);
  const summary = jobResultsSummary(db, jobId);
  const pairwise = job.maxResponses === 2;
  const count = (verdict: string) => summary.cells.filter((c) => c.verdict === verdict).reduce((n, c) => n + c.n, 0);
  const labelled = summary.cells.filter((c) => c.label !== null);
  const agreement =
    pairwise && labelled.length > 0
      ? labelAgreement(
          labelled.flatMap((c) => Array.from({ length: c.n }, () => ({ label: pairLabel(c.label!), verdict: c.verdict as PairVerdict }))),
        )
      : null;
  const bestAgree = labelled.filter((c) => c.verdict === responseLetter(Number(c.label))).reduce((n, c) => n + c.n, 0);
  const labelledItems = labelled.reduce((n, c) => n + c.n, 0);
  const letters = Array.from({ length: job.maxResponses }, (_, i) => responseLetter(i));
  return {
    job: {
      id: job.id,
      name: job.name,
      status: job.status,
      statusReason: job.statusReason,
      config: job.config,
      itemCount: job.itemCount,
      maxResponses: job.maxResponses,
      plannedComparisons: job.plannedComparisons,
      plannedJudgments: job.plannedJudgments,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      parentJobId: job.parentJobId,
      judge: {
        label: job.judge.label,
        model: job.judge.model,
        verdictRule: job.judge.verdictRule,
        run: job.judge.run,
        demonstrations: job.judge.demonstrations.length,
      },
    },
    dataset: {
      id: job.datasetId,
      name: dataset?.name ?? `#${job.datasetId}`,
      kind: dataset?.kind ?? "responses",
      responseNames: dataset?.responseNames ?? null,
    },
    progress: (job.progress as ProgressSnapshot | null) ?? null,
    pairwise,
    done: summary.items,
    judgments: summary.judgments,
    tokens: { prompt: summary.promptTokens, completion: summary.completionTokens },
    winRate: pairwise ? winRate({ a: count("A"), b: count("B"), tie: count("tie"), unparsed: count("unparsed") }) : null,
    bestCounts: pairwise ? [] : letters.map((response) => ({ response, n: count(response) })),
    agreement,
    bestOfNAccuracy: !pairwise && labelledItems > 0 ? rate(bestAgree, labelledItems) : null,
    consistency: rate(summary.consistent, summary.consistencyMeasured),
    meanVoteShare: summary.meanVoteShare,
    coinFlips: summary.coinFlips,
    categories: summary.categories.map((c) => ({
      category: c.category,
      items: c.items,
      winRate: pairwise ? winRate({ a: c.a, b: c.b, tie: c.tie, unparsed: c.unparsed }) : null,
      agreement: rate(c.agree, c.labelled),
    })),
  };
}
