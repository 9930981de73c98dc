/**
 * Makes an annotation set from a validated request: picks the items (seeded), copies their texts
 * in (so the labels outlive the run, job or data set they came from), draws each item's shown
 * order, and, for a judge job whose data has labels, stores those labels as a named external
 * annotator's. Refusals name the field: an unknown run, iteration, job or eval set, a run with no
 * usable pairs yet, a best-of-n job (people compare two responses here), a set over 5,000 items, a
 * taken name, an empty sample.
 */
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import type { HumanChoice } from "@/lib/db/schema";
import {
  evalItemTexts,
  evalOrderVotes,
  iterationIdOf,
  judgedJobItems,
  trainingPairCandidates,
  trainingPairTexts,
} from "@/lib/db/queries/annotation-sources";
import { annotationSetNameTaken, createAnnotationSetRows, type ItemDraft } from "@/lib/db/queries/annotations";
import { getDatasetById } from "@/lib/db/queries/datasets";
import { getJobItemTexts } from "@/lib/db/queries/judge-job-work";
import { getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { getRunById } from "@/lib/db/queries/runs";
import { parseOrRefuse } from "@/lib/validation";
import { disagreedKeys, verdictsByIteration } from "./judge-verdicts";
import { cappedSample, labellingOrder, referenceFromLabel, shownSwapped, stratifiedSample } from "./sample-items";
import { annotationSetInputSchema, MAX_SET_ITEMS, type AnnotationSetInput } from "./set-input";

const refuse = (field: string, message: string) => new AppError("bad_request:labels", message, { fieldErrors: { [field]: message } });

type Built = {
  items: Omit<ItemDraft, "position" | "swapped">[];
  description: string;
  extra: { runId?: number; datasetId?: number; judgeJobId?: number; iteration?: number };
};

function trainingPairsSet(db: Db, input: Extract<AnnotationSetInput, { kind: "training-pairs" }>): Built {
  const run = getRunById(db, input.runId);
  if (!run) throw refuse("runId", `There is no run #${input.runId}`);
  const iterationId = iterationIdOf(db, run.id, input.iteration);
  if (iterationId === null) throw refuse("iteration", `Run #${run.id} has no iteration ${input.iteration}`);
  const picked = stratifiedSample(trainingPairCandidates(db, run.id), input.perCategory, input.seed);
  if (picked.length === 0) throw refuse("runId", `Run #${run.id} has no training pairs with both responses yet`);
  if (picked.length > MAX_SET_ITEMS)
    throw refuse("perCategory", `${picked.length} pairs is more than a set holds (${MAX_SET_ITEMS}): take fewer per category`);
  const category = new Map(picked.map((p) => [p.pairId, p.category]));
  const texts = trainingPairTexts(
    db,
    iterationId,
    picked.map((p) => p.pairId),
  );
  return {
    items: texts.map((t) => ({
      sourceKey: `pair:${t.pairId}`,
      pairId: t.pairId,
      datasetItemId: t.datasetItemId,
      category: category.get(t.pairId) ?? null,
      filterStatus: t.filterStatus,
      prompt: t.prompt,
      firstText: t.good,
      secondText: t.worse,
      reference: "first",
    })),
    description: `${input.perCategory} training pair${input.perCategory === 1 ? "" : "s"} per category of run #${run.id} "${run.name}" (kept or dropped at iteration ${input.iteration})`,
    extra: { runId: run.id, iteration: input.iteration },
  };
}

function evalDisagreementsSet(db: Db, input: Extract<AnnotationSetInput, { kind: "eval-disagreements" }>): Built {
  const run = getRunById(db, input.runId);
  if (!run) throw refuse("runId", `There is no run #${input.runId}`);
  const dataset = getDatasetById(db, input.datasetId);
  if (!dataset || dataset.kind !== "pairs") throw refuse("datasetId", `There is no eval set #${input.datasetId}`);
  const disagreed = disagreedKeys(verdictsByIteration(evalOrderVotes(db, run.id, dataset.id)));
  if (disagreed.length === 0)
    throw refuse(
      "datasetId",
      `Run #${run.id}'s judges agree on every item of "${dataset.name}" (or have not judged it yet): nothing to label`,
    );
  const picked = cappedSample(disagreed, input.maxItems, input.seed);
  return {
    items: evalItemTexts(db, picked).map((t) => ({
      sourceKey: `eval:${t.id}`,
      pairId: null,
      datasetItemId: t.id,
      category: t.category,
      filterStatus: null,
      prompt: t.prompt,
      firstText: t.chosen ?? "",
      secondText: t.rejected ?? "",
      reference: "first",
    })),
    description: `${picked.length} of the ${disagreed.length} item${disagreed.length === 1 ? "" : "s"} of "${dataset.name}" run #${run.id}'s judges disagree on`,
    extra: { runId: run.id, datasetId: dataset.id },
  };
}

function judgeJobSet(db: Db, input: Extract<AnnotationSetInput, { kind: "judge-job" }>): Built {
  const job = getJudgeJob(db, input.jobId);
  if (!job) throw refuse("jobId", `There is no judge job #${input.jobId}`);
  if (job.maxResponses !== 2)
    throw refuse("jobId", `Judge job #${job.id} ranks ${job.maxResponses} responses per prompt: people compare two responses here`);
  const picked = cappedSample(judgedJobItems(db, job.id), input.maxItems, input.seed);
  if (picked.length === 0) throw refuse("jobId", `Judge job #${job.id} has not judged any item yet`);
  const category = new Map(picked.map((p) => [p.datasetItemId, p.category]));
  const items = getJobItemTexts(
    db,
    picked.map((p) => p.datasetItemId),
  ).map((t) => ({
    sourceKey: `job-item:${t.id}`,
    pairId: null,
    datasetItemId: t.id,
    category: category.get(t.id) ?? t.category,
    filterStatus: null,
    prompt: t.prompt,
    firstText: t.responses[0] ?? "",
    secondText: t.responses[1] ?? "",
    reference: referenceFromLabel(t.label),
  }));
  return {
    items,
    description: `${items.length} item${items.length === 1 ? "" : "s"} judged by judge job #${job.id} "${job.name}"`,
    extra: { datasetId: job.datasetId, judgeJobId: job.id },
  };
}

export function parseAnnotationSetInput(input: unknown): AnnotationSetInput {
  return parseOrRefuse(annotationSetInputSchema, input, "The annotation set is not valid", "bad_request:labels");
}

const byKey = (a: { sourceKey: string }, b: { sourceKey: string }) => (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0);

export function createAnnotationSet(db: Db, raw: unknown): { setId: number; items: number; importedLabels: number } {
  const input = parseAnnotationSetInput(raw);
  const nameTaken = () => refuse("name", `A set named "${input.name}" exists already: choose another name`);
  if (annotationSetNameTaken(db, input.name)) throw nameTaken();
  const built =
    input.kind === "training-pairs"
      ? trainingPairsSet(db, input)
      : input.kind === "eval-disagreements"
        ? evalDisagreementsSet(db, input)
        : judgeJobSet(db, input);
  const ordered = labellingOrder([...built.items].sort(byKey), input.seed).map((item, position) => ({
    ...item,
    position,
    swapped: shownSwapped(input.seed, item.sourceKey),
  }));
  const imported: { position: number; annotator: string; choice: HumanChoice }[] = [];
  if (input.kind === "judge-job" && input.importLabelsAs)
    for (const item of ordered)
      if (item.reference) imported.push({ position: item.position, annotator: input.importLabelsAs, choice: item.reference });
  try {
    const setId = createAnnotationSetRows(
      db,
      {
        name: input.name,
        kind: input.kind,
        runId: built.extra.runId ?? null,
        datasetId: built.extra.datasetId ?? null,
        judgeJobId: built.extra.judgeJobId ?? null,
        iteration: built.extra.iteration ?? null,
        labelsPerItem: input.labelsPerItem,
        seed: input.seed,
        description: built.description,
      },
      ordered,
      imported,
    );
    return { setId, items: ordered.length, importedLabels: imported.length };
  } catch (error) {
    // Two requests with the same name at once: the second meets the unique index.
    if (
      error instanceof Error &&
      (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE" &&
      error.message.includes("annotation_sets.name")
    )
      throw nameTaken();
    throw error;
  }
}
