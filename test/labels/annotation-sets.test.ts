// Human comparison end to end on a real SQLite file, with a run trained against a real SimJudge:
// sets are sampled as asked (k per category, seeded, texts copied, a stored coin for the shown
// order), labels are written one at a time (the shown choice mapped through the item's order),
// idempotent per person and item, undone, queued per person with labels-per-item; the audit, the
// judges-vs-people agreement and the exports follow from the labels; imported dataset labels count
// as an external annotator; bad input is refused naming the field; a deleted run loses no label.
import { setJudgeVerdicts } from "@/lib/annotation/set-verdicts";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { createAnnotationSet } from "@/lib/annotation/create-set";
import { queueState, submitLabel, undoLabel } from "@/lib/annotation/labelling";
import { disagreementExportRows, labelExportRows, labelledPairRows } from "@/lib/annotation/set-exports";
import { annotationSetView } from "@/lib/annotation/set-view";
import { runPeopleAgreement } from "@/lib/annotation/run-agreement";
import { deleteAnnotationSet, getAnnotationSet } from "@/lib/db/queries/annotations";
import { DEMO_BEST_OF_4, DEMO_PAIRWISE } from "@/lib/demo/seed-demo-datasets";
import { AppError } from "@/lib/errors";
import { driveJudgeJob } from "@/lib/runner/jobs/drive-job";
import { launchJudgeJob } from "@/lib/runner/jobs/launch-job";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { smallConfig } from "../helpers/run-fixture";
import { simRunSuite } from "../helpers/sim-run-suite";

const suite = simRunSuite();
let runId = 0;

beforeAll(async () => {
  const run = launchRun(suite.temp.db, smallConfig({ name: "labelled", iterations: 2 }));
  expect(await driveWithLease(suite.temp.db, run.id, { clientOptions: { baseDelayMs: 5, maxDelayMs: 20 } }).status).toBe("completed");
  runId = run.id;
}, 120_000);

type ItemRow = { id: number; position: number; category: string | null; swapped: number; filter_status: string | null; source_key: string };
const items = (db: Db, setId: number) => db.all<ItemRow>(sql`select * from annotation_items where set_id = ${setId} order by position`);
const labelCount = (db: Db, setId: number) => db.get<{ n: number }>(sql`select count(*) as n from annotations where set_id = ${setId}`)!.n;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("accepted");
}

/** Labels every item in the queue for `annotator`, answering with `pick(position)`. */
function labelAll(db: Db, setId: number, annotator: string, pick: (position: number) => "A" | "B" | "tie" | "skip") {
  for (let state = queueState(db, setId, annotator); state.item;) {
    state = submitLabel(db, setId, { itemId: state.item.id, annotator, shown: pick(state.item.position), timeMs: 1500 }).state;
  }
}

describe("annotation sets", () => {
  it("samples k training pairs per category, seeded, with their texts, filter status and a stored shown order", () => {
    const { db } = suite.temp;
    const made = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 3, iteration: 0, name: "audit", seed: 7 });
    const perCategory = db.all<{ category: string; n: number }>(sql`
      select coalesce(ri.category, di.category) as category, min(count(*), 3) as n from pairs p
      join dataset_items di on di.id = p.dataset_item_id
      left join run_instructions ri on ri.run_id = p.run_id and ri.dataset_item_id = p.dataset_item_id
      where p.run_id = ${runId} and p.status = 'ok' group by 1`);
    expect(made.items).toBe(perCategory.reduce((sum, c) => sum + c.n, 0));
    const rows = items(db, made.setId);
    for (const c of perCategory) expect(rows.filter((r) => r.category === c.category)).toHaveLength(c.n);
    expect(new Set(rows.map((r) => r.filter_status))).toEqual(
      new Set(rows.map((r) => r.filter_status).filter((s) => s === "kept" || s === "dropped")),
    );
    expect(rows.some((r) => r.swapped === 1) && rows.some((r) => r.swapped === 0)).toBe(true);
    const again = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 3, iteration: 0, name: "audit again", seed: 7 });
    expect(items(db, again.setId).map((r) => [r.source_key, r.swapped])).toEqual(rows.map((r) => [r.source_key, r.swapped]));
  });

  it("writes each label at once in the item's own terms, once per person and item, and undoes the latest", () => {
    const { db } = suite.temp;
    const { setId } = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 2, name: "keys", seed: 3 });
    const first = queueState(db, setId, "ann");
    expect(first.answered).toBe(0);
    expect(first.item).not.toHaveProperty("swapped"); // the page never gets the blind mapping
    const item = first.item!;
    const stored = db.get<{ swapped: number }>(sql`select swapped from annotation_items where id = ${item.id}`)!;
    const answer = submitLabel(db, setId, { itemId: item.id, annotator: "ann", shown: "A", timeMs: 900 });
    expect(answer.reveal!.reference).toBe(stored.swapped ? "B" : "A");
    // Iterations 0 and 1 judged the training pairs; the last (2) is only evaluated.
    expect(answer.reveal!.judges.map((j) => j.label)).toEqual(["iteration 0", "iteration 1"]);
    const choice = () => db.all<{ choice: string }>(sql`select choice from annotations where item_id = ${item.id}`);
    expect(choice()).toEqual([{ choice: stored.swapped ? "second" : "first" }]);
    submitLabel(db, setId, { itemId: item.id, annotator: "ann", shown: "tie", timeMs: 500 });
    expect(choice()).toEqual([{ choice: "tie" }]);
    expect(answer.state.answered).toBe(1);
    expect(answer.state.item!.id).not.toBe(item.id);
    const undone = undoLabel(db, setId, "ann");
    expect(undone.undone).toBe(true);
    expect(undone.item!.id).toBe(item.id);
    expect(labelCount(db, setId)).toBe(0);
    expect(undoLabel(db, setId, "ann").undone).toBe(false);
  });

  it("audits the construction and compares each iteration with the people, and exports what it shows", () => {
    const { db } = suite.temp;
    const { setId, items: total } = createAnnotationSet(db, {
      kind: "training-pairs",
      runId,
      perCategory: 4,
      name: "left always",
      seed: 11,
    });
    labelAll(db, setId, "ann", () => "A"); // always the left response: y_w exactly where it was shown on the left
    const rows = items(db, setId);
    const leftIsYw = rows.filter((r) => r.swapped === 0).length;
    const view = annotationSetView(db, setId)!;
    expect(view.labels).toBe(total);
    expect(view.audit!.overall.items).toBe(total);
    expect(view.audit!.overall.preferFirst).toBe(leftIsYw);
    expect(view.audit!.overall.share!.rate).toBeCloseTo(leftIsYw / total, 10);
    expect(view.audit!.disagreeing).toHaveLength(total - leftIsYw);
    expect(view.audit!.byCategory.reduce((sum, g) => sum + g.audit.items, 0)).toBe(total);
    expect(view.audit!.byStatus.reduce((sum, g) => sum + g.audit.items, 0)).toBe(total);
    // Each iteration against the person: every label compared, 3-way agreement counted by hand from the verdicts.
    const set = getAnnotationSet(db, setId)!;
    expect(view.judges.map((j) => j.judgeLabel)).toEqual(["iteration 0", "iteration 1"]);
    const human = new Map(rows.map((r) => [r.id, r.swapped ? "second" : "first"]));
    for (const judge of view.judges) {
      const verdicts = setJudgeVerdicts(db, set).filter((v) => v.judgeLabel === judge.judgeLabel);
      const agree = verdicts.filter((v) => v.verdict === human.get(v.itemId)).length;
      expect(judge.agreement.threeWay!.rate).toBeCloseTo(agree / verdicts.length, 10);
    }
    expect(labelExportRows(db, setId)).toHaveLength(total);
    expect(labelExportRows(db, setId)[0]).toMatchObject({ annotator: "ann", time_ms: 1500, item: 1 });
    expect(disagreementExportRows(db, getAnnotationSet(db, setId)!)).toHaveLength(total - leftIsYw);
    const pairs = labelledPairRows(db, setId);
    expect(pairs).toHaveLength(total);
    const swappedItem = rows.find((r) => r.swapped === 1)!;
    const exported = pairs.find((p) => p.id === swappedItem.source_key)!;
    const texts = db.get<{ first_text: string; second_text: string }>(
      sql`select first_text, second_text from annotation_items where id = ${swappedItem.id}`,
    )!;
    expect(exported).toMatchObject({ chosen: texts.second_text, rejected: texts.first_text });
    const people = runPeopleAgreement(db, runId)!;
    expect(people.labels).toBeGreaterThanOrEqual(total);
    expect(people.judges.map((j) => j.judgeLabel)).toEqual(["iteration 0", "iteration 1"]);
  });

  it("queues each item until it has its labels per item, and measures agreement between people", () => {
    const { db } = suite.temp;
    const { setId, items: total } = createAnnotationSet(db, {
      kind: "training-pairs",
      runId,
      perCategory: 2,
      name: "two each",
      labelsPerItem: 2,
      seed: 5,
    });
    labelAll(db, setId, "ann", () => "A");
    labelAll(db, setId, "bob", (p) => (p % 3 === 0 ? "B" : "A"));
    expect(queueState(db, setId, "carol")).toMatchObject({ item: null, remaining: 0, total });
    const view = annotationSetView(db, setId)!;
    expect(view.interAnnotator.annotators).toEqual(["ann", "bob"]);
    expect(view.interAnnotator.pairwise[0]!.items).toBe(total);
    const same = items(db, setId).filter((r) => r.position % 3 !== 0).length;
    expect(view.interAnnotator.pairwise[0]!.observedAgreement).toBeCloseTo(same / total, 10);
  });

  it("counts a data set's labels as a named external annotator and compares the judge jobs on it", async () => {
    const { db } = suite.temp;
    const job = launchJudgeJob(db, {
      name: "seed on demo",
      judge: { kind: "model", backend: "sim", model: "simjudge-base" },
      dataset: DEMO_PAIRWISE,
    });
    expect(await driveJudgeJob(db, job.id, { signal: new AbortController().signal })).toBe("completed");
    const made = createAnnotationSet(db, {
      kind: "judge-job",
      jobId: job.id,
      maxItems: 30,
      importLabelsAs: "demo labels",
      name: "vs labels",
      seed: 2,
    });
    expect(made.items).toBe(30);
    expect(made.importedLabels).toBe(
      db.get<{ n: number }>(sql`select count(*) as n from annotation_items where set_id = ${made.setId} and reference is not null`)!.n,
    );
    const view = annotationSetView(db, made.setId)!;
    expect(view.annotators).toEqual([expect.objectContaining({ annotator: "demo labels", imported: true })]);
    expect(view.judges.map((j) => j.judgeKey)).toContain(`job:${job.id}`);
    expect(view.judges.find((j) => j.judgeKey === `job:${job.id}`)!.agreement.labelled).toBe(made.importedLabels);
    // Imported labels are not people's: a person still gets every item, and cannot label under that name.
    expect(queueState(db, made.setId, "ann").remaining).toBe(30);
    expect(refusal(() => queueState(db, made.setId, "demo labels")).fieldErrors).toHaveProperty("annotator");
    const bestOfN = launchJudgeJob(db, {
      name: "bo4",
      judge: { kind: "model", backend: "sim", model: "simjudge-base" },
      dataset: DEMO_BEST_OF_4,
    });
    expect(refusal(() => createAnnotationSet(db, { kind: "judge-job", jobId: bestOfN.id, name: "bo4 set" })).fieldErrors).toHaveProperty(
      "jobId",
    );
  });

  it("takes the eval items the iterations disagree on", () => {
    const { db } = suite.temp;
    const dataset = db.get<{ id: number }>(sql`select dataset_id as id from run_datasets where run_id = ${runId} and role = 'eval'`)!;
    const made = createAnnotationSet(db, { kind: "eval-disagreements", runId, datasetId: dataset.id, name: "eval disagreements" });
    const set = getAnnotationSet(db, made.setId)!;
    const byItem = new Map<number, Set<string>>();
    for (const v of setJudgeVerdicts(db, set)) byItem.set(v.itemId, (byItem.get(v.itemId) ?? new Set()).add(v.verdict));
    expect(byItem.size).toBe(made.items);
    for (const verdicts of byItem.values()) expect(verdicts.size).toBeGreaterThan(1);
  });

  it("refuses bad input naming the field, storing nothing", () => {
    const { db } = suite.temp;
    const sets = () => db.get<{ n: number }>(sql`select count(*) as n from annotation_sets`)!.n;
    const before = sets();
    expect(
      refusal(() => createAnnotationSet(db, { kind: "training-pairs", runId: 9999, perCategory: 2, name: "x" })).fieldErrors,
    ).toHaveProperty("runId");
    expect(refusal(() => createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 0, name: "x" })).fieldErrors).toHaveProperty(
      "perCategory",
    );
    expect(
      refusal(() => createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 2, name: "audit" })).fieldErrors,
    ).toHaveProperty("name");
    expect(refusal(() => createAnnotationSet(db, { kind: "everything", name: "x" })).fieldErrors).toHaveProperty("kind");
    expect(sets()).toBe(before);
    const { setId } = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 1, name: "bad labels" });
    const item = queueState(db, setId, "ann").item!;
    expect(refusal(() => submitLabel(db, setId, { itemId: 999_999, annotator: "ann", shown: "A" })).code).toBe("not_found:labels");
    expect(refusal(() => submitLabel(db, setId, { itemId: item.id, annotator: "ann", shown: "C" })).fieldErrors).toHaveProperty("shown");
    expect(refusal(() => submitLabel(db, setId, { itemId: item.id, annotator: "  ", shown: "A" })).fieldErrors).toHaveProperty("annotator");
    const otherSet = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 1, name: "other", seed: 9 });
    expect(refusal(() => submitLabel(db, otherSet.setId, { itemId: item.id, annotator: "ann", shown: "A" })).code).toBe("not_found:labels");
    expect(refusal(() => queueState(db, 424_242, "ann")).code).toBe("not_found:labels");
    expect(labelCount(db, setId)).toBe(0);
  });

  it("keeps the hidden labels hidden: a skip reveals nothing, and an answer given after a reveal is kept but not counted", () => {
    const { db } = suite.temp;
    const { setId } = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 1, name: "blindness", seed: 31 });
    const first = queueState(db, setId, "ann").item!;
    expect(submitLabel(db, setId, { itemId: first.id, annotator: "ann", shown: "skip" }).reveal).toBeNull();
    const second = queueState(db, setId, "ann").item!;
    expect(submitLabel(db, setId, { itemId: second.id, annotator: "ann", shown: "A" }).reveal).toMatchObject({ blind: true });
    expect(undoLabel(db, setId, "ann").item!.id).toBe(second.id);
    expect(submitLabel(db, setId, { itemId: second.id, annotator: "ann", shown: "B" }).reveal).toMatchObject({ blind: false });
    const view = annotationSetView(db, setId)!;
    expect(view.progress).toMatchObject({ humanLabels: 1, notBlind: 1 });
    expect(view.labels).toBe(0); // the numbers use blind labels only
    expect(view.annotators).toEqual([expect.objectContaining({ annotator: "ann", answered: 1, skipped: 1, notBlind: 1 })]);
    expect(labelExportRows(db, setId).find((r) => r.choice !== "skip")).toMatchObject({ blind: false });
  });

  it("lists the items people disagree on only once they have all their labels", () => {
    const { db } = suite.temp;
    const { setId, items: total } = createAnnotationSet(db, {
      kind: "training-pairs",
      runId,
      perCategory: 1,
      name: "two people",
      labelsPerItem: 2,
      seed: 32,
    });
    labelAll(db, setId, "ann", () => "tie"); // every item disagrees with the construction (a tie)
    let view = annotationSetView(db, setId)!;
    expect(view.audit!.disagreeing).toHaveLength(total);
    expect(view.audit!.shown).toHaveLength(0);
    expect(view.audit!.waiting).toBe(total);
    expect(disagreementExportRows(db, getAnnotationSet(db, setId)!)).toHaveLength(0);
    labelAll(db, setId, "bob", () => "tie");
    view = annotationSetView(db, setId)!;
    expect(view.audit!.shown).toHaveLength(total);
    expect(view.audit!.waiting).toBe(0);
    expect(view.progress).toMatchObject({ completeItems: total, labelSlots: 2 * total });
  });

  it("deletes a set with its items and labels, and nothing else", () => {
    const { db } = suite.temp;
    const keep = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 1, name: "kept set", seed: 21 });
    const drop = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 1, name: "dropped set", seed: 22 });
    labelAll(db, keep.setId, "ann", () => "A");
    labelAll(db, drop.setId, "ann", () => "B");
    expect(deleteAnnotationSet(db, drop.setId)).toBe(true);
    expect(items(db, drop.setId)).toHaveLength(0);
    expect(labelCount(db, drop.setId)).toBe(0);
    expect(labelCount(db, keep.setId)).toBe(keep.items);
    expect(deleteAnnotationSet(db, drop.setId)).toBe(false);
  });

  it("keeps every label and the audit when the run is deleted meanwhile", () => {
    const { db } = suite.temp;
    const { setId, items: total } = createAnnotationSet(db, { kind: "training-pairs", runId, perCategory: 1, name: "survives", seed: 4 });
    labelAll(db, setId, "ann", () => "B");
    db.run(sql`delete from runs where id = ${runId}`);
    const view = annotationSetView(db, setId)!;
    expect(view.sourceDeleted).toBe(true);
    expect(view.labels).toBe(total);
    expect(view.judges).toEqual([]);
    expect(view.audit!.overall.items).toBe(total);
    expect(labelledPairRows(db, setId)).toHaveLength(total);
    undoLabel(db, setId, "ann");
    const state = queueState(db, setId, "ann");
    expect(state.remaining).toBe(1);
    submitLabel(db, setId, { itemId: state.item!.id, annotator: "ann", shown: "A" });
    expect(labelCount(db, setId)).toBe(total);
  });
});
