/**
 * What a finished run must hold, computed from its config and its own selected instructions and
 * pairs (not from the rows under test): per iteration, every judgment key (ok pair x order x
 * sample) and every eval key (item x order x sample), and whether each eval set was scored. Then
 * what is present, duplicated (the same natural key twice) and missing, and the units whose
 * requests failed for good (stored with their reason, shown in the trace views).
 */
import type Database from "better-sqlite3";
import type { RunConfig } from "@/lib/pipeline/run-config";
import { evalJudgmentsPerJudge, judgmentsPerIteration } from "@/lib/pipeline/sampling";

export type RowCheck = {
  expected: number;
  present: number;
  duplicated: number;
  missing: number;
  permanentFailures: { judgments: number; evalJudgments: number; droppedPairs: number; samples: string[] };
  scoredIterations: number;
};

/** `config` is the run's config as getRunConfig reads it; the rows are counted from the database under test. */
export function checkRunRows(sqlite: Database.Database, runId: number, config: RunConfig): RowCheck {
  const one = (sql: string, ...params: unknown[]) =>
    (sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number) ?? 0;
  const okPairs = one("select count(*) from pairs where run_id = ? and status = 'ok'", runId);
  const setSizes = sqlite
    .prepare(
      "select count(*) from dataset_items di join run_datasets rd on rd.dataset_id = di.dataset_id and rd.role = 'eval' where rd.run_id = ? group by rd.dataset_id",
    )
    .pluck()
    .all(runId) as number[];
  const items = setSizes.reduce((sum, size) => sum + Math.min(size, config.evaluation.maxItems ?? size), 0);
  const expectedJudgments = judgmentsPerIteration(okPairs, config.judging) * config.iterations;
  const expectedEvals = evalJudgmentsPerJudge(items, config.evaluation) * (config.iterations + 1);
  const expectedPairs = one("select count(*) from run_instructions where run_id = ?", runId);

  const judgments = one("select count(*) from judgments j join iterations i on i.id = j.iteration_id where i.run_id = ?", runId);
  const distinctJudgments = one(
    "select count(*) from (select distinct j.iteration_id, j.pair_id, j.good_position, j.sample from judgments j join iterations i on i.id = j.iteration_id where i.run_id = ?)",
    runId,
  );
  const evals = one("select count(*) from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ?", runId);
  const distinctEvals = one(
    "select count(*) from (select distinct e.iteration_id, e.dataset_item_id, e.good_position, e.sample from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ?)",
    runId,
  );
  const pairs = one("select count(*) from pairs where run_id = ?", runId);
  const distinctPairs = one("select count(distinct dataset_item_id) from pairs where run_id = ?", runId);
  const expected = expectedJudgments + expectedEvals + expectedPairs;
  const present = distinctJudgments + distinctEvals + distinctPairs;
  const samples = sqlite
    .prepare(
      `select substr(trace, 1, 160) from judgments j join iterations i on i.id = j.iteration_id where i.run_id = ? and j.finish_reason = 'error'
       union all select substr(trace, 1, 160) from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ? and e.finish_reason = 'error'
       limit 3`,
    )
    .pluck()
    .all(runId, runId) as string[];
  return {
    expected,
    present,
    duplicated: judgments - distinctJudgments + (evals - distinctEvals) + (pairs - distinctPairs),
    missing: Math.max(0, expected - present),
    permanentFailures: {
      judgments: one(
        "select count(*) from judgments j join iterations i on i.id = j.iteration_id where i.run_id = ? and j.finish_reason = 'error'",
        runId,
      ),
      evalJudgments: one(
        "select count(*) from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ? and e.finish_reason = 'error'",
        runId,
      ),
      droppedPairs: one("select count(*) from pairs where run_id = ? and status = 'dropped' and drop_reason = 'request_failed'", runId),
      samples,
    },
    scoredIterations: one(
      "select count(distinct e.iteration_id) from eval_results e join iterations i on i.id = e.iteration_id where i.run_id = ?",
      runId,
    ),
  };
}
