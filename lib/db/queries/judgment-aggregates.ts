/**
 * The two aggregates of `judgments` the pages read instead of the judgments themselves:
 * `judgment_tallies` (an iteration's counts and tokens by outcome) and `judgment_groups` (one row
 * per pair and order with its votes and filter statuses). They are written in the same
 * transaction as the judgments they count: `insertSampledJudgments` adds what it inserted, the filter
 * refreshes the statuses it set, and deleting a run or an iteration cascades to them. Adding per
 * batch in code costs a few upserts per batch, where per-row triggers cost ~30 µs per judgment.
 */
import "../server-only";
import type { Db } from "../client";
import { prepared } from "../prepared";
/** What the aggregates need of an inserted training judgment (its subject is the pair). */
type CountedJudgment = {
  iterationId: number;
  subjectId: number;
  goodPosition: string;
  outcome: string;
  truncated: boolean;
  promptTokens: number;
  completionTokens: number;
  filterStatus?: string | null;
};

const UPSERT_TALLY = `insert into judgment_tallies (iteration_id, outcome, truncated, judgments, prompt_tokens, completion_tokens)
  values (?, ?, ?, ?, ?, ?)
  on conflict (iteration_id, outcome, truncated) do update set judgments = judgments + excluded.judgments,
    prompt_tokens = prompt_tokens + excluded.prompt_tokens, completion_tokens = completion_tokens + excluded.completion_tokens`;

const UPSERT_GROUP = `insert into judgment_groups (iteration_id, pair_id, good_position, samples, correct, wrong, tie, unparsed,
    kept, filtered_wrong, surplus, below_majority, balanced_out, no_rejected)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (iteration_id, pair_id, good_position) do update set samples = samples + excluded.samples,
    correct = correct + excluded.correct, wrong = wrong + excluded.wrong, tie = tie + excluded.tie, unparsed = unparsed + excluded.unparsed,
    kept = kept + excluded.kept, filtered_wrong = filtered_wrong + excluded.filtered_wrong, surplus = surplus + excluded.surplus,
    below_majority = below_majority + excluded.below_majority, balanced_out = balanced_out + excluded.balanced_out,
    no_rejected = no_rejected + excluded.no_rejected`;

const STATUS_INDEX: Record<string, number> = { kept: 0, wrong: 1, surplus: 2, below_majority: 3, balanced_out: 4, no_rejected: 5 };
const OUTCOME_INDEX: Record<string, number> = { correct: 0, wrong: 1, tie: 2, unparsed: 3 };

/** Adds freshly inserted judgments to both aggregates. Call inside the transaction that inserted them. */
export function addToJudgmentAggregates(db: Db, inserted: readonly CountedJudgment[]): void {
  if (inserted.length === 0) return;
  const tallies = new Map<
    string,
    { iterationId: number; outcome: string; truncated: number; n: number; prompt: number; completion: number }
  >();
  const groups = new Map<
    string,
    { iterationId: number; pairId: number; position: string; samples: number; outcomes: number[]; statuses: number[] }
  >();
  for (const r of inserted) {
    const truncated = r.truncated ? 1 : 0;
    const tallyKey = `${r.iterationId}:${r.outcome}:${truncated}`;
    let tally = tallies.get(tallyKey);
    if (!tally)
      tallies.set(tallyKey, (tally = { iterationId: r.iterationId, outcome: r.outcome, truncated, n: 0, prompt: 0, completion: 0 }));
    tally.n++;
    tally.prompt += r.promptTokens ?? 0;
    tally.completion += r.completionTokens ?? 0;
    const groupKey = `${r.iterationId}:${r.subjectId}:${r.goodPosition}`;
    let group = groups.get(groupKey);
    if (!group)
      groups.set(
        groupKey,
        (group = {
          iterationId: r.iterationId,
          pairId: r.subjectId,
          position: r.goodPosition,
          samples: 0,
          outcomes: [0, 0, 0, 0],
          statuses: [0, 0, 0, 0, 0, 0],
        }),
      );
    group.samples++;
    group.outcomes[OUTCOME_INDEX[r.outcome]!]!++;
    if (r.filterStatus) group.statuses[STATUS_INDEX[r.filterStatus]!]!++;
  }
  const upsertTally = prepared(db, UPSERT_TALLY);
  for (const t of tallies.values()) upsertTally.run(t.iterationId, t.outcome, t.truncated, t.n, t.prompt, t.completion);
  const upsertGroup = prepared(db, UPSERT_GROUP);
  for (const g of groups.values()) upsertGroup.run(g.iterationId, g.pairId, g.position, g.samples, ...g.outcomes, ...g.statuses);
}

/** Recounts the filter statuses of an iteration's groups (after the filter set them). */
export function refreshGroupStatuses(db: Db, iterationId: number): void {
  prepared(
    db,
    `update judgment_groups set kept = s.kept, filtered_wrong = s.filtered_wrong, surplus = s.surplus, below_majority = s.below_majority,
       balanced_out = s.balanced_out, no_rejected = s.no_rejected
     from (select pair_id, good_position, coalesce(sum(filter_status = 'kept'), 0) as kept, coalesce(sum(filter_status = 'wrong'), 0) as filtered_wrong,
             coalesce(sum(filter_status = 'surplus'), 0) as surplus, coalesce(sum(filter_status = 'below_majority'), 0) as below_majority,
             coalesce(sum(filter_status = 'balanced_out'), 0) as balanced_out, coalesce(sum(filter_status = 'no_rejected'), 0) as no_rejected
           from judgments where iteration_id = @iterationId group by pair_id, good_position) s
     where judgment_groups.iteration_id = @iterationId and judgment_groups.pair_id = s.pair_id and judgment_groups.good_position = s.good_position`,
  ).run({ iterationId });
}

/** Recomputes both aggregates of one iteration from its judgments (for data written by bulk SQL, and repairs). */
export function rebuildJudgmentAggregates(db: Db, iterationId: number): void {
  db.$client.transaction(() => {
    prepared(db, "delete from judgment_tallies where iteration_id = ?").run(iterationId);
    prepared(db, "delete from judgment_groups where iteration_id = ?").run(iterationId);
    prepared(
      db,
      `insert into judgment_tallies (iteration_id, outcome, truncated, judgments, prompt_tokens, completion_tokens)
       select iteration_id, outcome, truncated, count(*), sum(prompt_tokens), sum(completion_tokens) from judgments where iteration_id = ?
       group by outcome, truncated`,
    ).run(iterationId);
    prepared(
      db,
      `insert into judgment_groups (iteration_id, pair_id, good_position, samples, correct, wrong, tie, unparsed, kept, filtered_wrong, surplus,
         below_majority, balanced_out, no_rejected)
       select iteration_id, pair_id, good_position, count(*), sum(outcome = 'correct'), sum(outcome = 'wrong'), sum(outcome = 'tie'),
         sum(outcome = 'unparsed'), coalesce(sum(filter_status = 'kept'), 0), coalesce(sum(filter_status = 'wrong'), 0),
         coalesce(sum(filter_status = 'surplus'), 0), coalesce(sum(filter_status = 'below_majority'), 0), coalesce(sum(filter_status = 'balanced_out'), 0),
         coalesce(sum(filter_status = 'no_rejected'), 0)
       from judgments where iteration_id = ? group by pair_id, good_position`,
    ).run(iterationId);
  })();
}
