/**
 * Stage 1: classify a seeded sample of the instruction pool (when the config names categories)
 * and write the balanced selection. Remaining work: candidates without a classification row.
 */
import {
  insertClassifications,
  countRunInstructions,
  getItemTexts,
  insertRunInstructions,
  listClassifications,
  listDatasetItemIds,
  type ClassificationRow,
} from "@/lib/db/queries/run-work";
import { parseCategory } from "@/lib/pipeline/parse-category";
import { fillTemplate } from "@/lib/pipeline/prompts";
import { candidateCount } from "@/lib/pipeline/run-config";
import { runRandom, unitSeed } from "@/lib/pipeline/seeds";
import { pickCandidates, selectInstructions } from "@/lib/pipeline/select-instructions";
import { BatchWriter } from "../batch-writer";
import { guardedCall } from "../call";
import type { RunContext } from "../context";
import { PauseRun } from "../errors";
import { runPool } from "../pool";

export async function selectStage(ctx: RunContext): Promise<void> {
  const { db, run, config } = ctx;
  if (countRunInstructions(db, run.id) > 0) return;
  const poolIds = listDatasetItemIds(db, ctx.instructionsDatasetId);
  if (poolIds.length === 0) throw new PauseRun("The instruction pool is empty");
  const classify = config.instructions.categories.length > 0;
  const candidates = pickCandidates(poolIds, classify ? candidateCount(config) : poolIds.length, runRandom(run.seed, "candidates"));

  if (classify) {
    const names = config.instructions.categories.map((c) => c.name);
    const list = config.instructions.categories.map((c) => `- ${c.name}${c.description ? `: ${c.description}` : ""}`).join("\n");
    const generator = ctx.clients.get(ctx.generatorBackendId);
    for (let pass = 0; pass < 3; pass++) {
      const done = new Set(listClassifications(db, run.id).map((c) => c.itemId));
      const remaining = candidates.filter((id) => !done.has(id));
      ctx.progress.stage("select", null, "Classifying instructions", candidates.length, candidates.length - remaining.length);
      if (remaining.length === 0) break;
      const writer = new BatchWriter<ClassificationRow>((rows) => insertClassifications(db, rows));
      const pages = Array.from({ length: Math.ceil(remaining.length / 200) }, (_, i) => remaining.slice(i * 200, (i + 1) * 200));
      for (const page of pages) {
        const texts = getItemTexts(db, page);
        try {
          await runPool(
            texts,
            ctx.concurrency,
            async (item) => {
              const outcome = await guardedCall(ctx, generator.name, () =>
                generator.client.chat({
                  model: config.generator.model,
                  messages: [
                    { role: "user", content: fillTemplate(config.prompts.category, { categories: list, instruction: item.prompt }) },
                  ],
                  temperature: 0,
                  maxTokens: 64,
                  seed: unitSeed(run.seed, "category", item.id),
                  signal: ctx.signal,
                }),
              );
              if (!outcome.ok && outcome.action === "skip") return;
              const text = outcome.ok ? (outcome.result.samples[0]?.text ?? "") : `[request failed] ${outcome.message}`;
              writer.push({
                runId: run.id,
                datasetItemId: item.id,
                category: outcome.ok ? parseCategory(text, names) : null,
                rawOutput: text.slice(0, 2000),
                promptTokens: outcome.ok ? outcome.result.usage.promptTokens : 0,
                completionTokens: outcome.ok ? outcome.result.usage.completionTokens : 0,
              });
              ctx.progress.advance(1);
            },
            ctx.signal,
          );
        } finally {
          // Finished work is kept even when the stage stops early (pause, lost lease, failure).
          writer.flush();
        }
        if (ctx.signal.aborted) return;
      }
    }
    const done = listClassifications(db, run.id);
    if (done.length < candidates.length)
      throw new PauseRun(`${candidates.length - done.length} instructions could not be classified; resume to try them again`);
  }

  const classified = classify
    ? listClassifications(db, run.id).filter((c) => candidates.includes(c.itemId))
    : candidates.map((itemId) => ({ itemId, category: null }));
  const selection = selectInstructions(classified, {
    classify,
    keep: config.instructions.keep,
    count: config.instructions.count,
    perCategoryCap: config.instructions.perCategoryCap,
    random: runRandom(run.seed, "select"),
  });
  if (selection.selected.length === 0) throw new PauseRun("No instruction was selected: no candidate fell into the kept categories");
  insertRunInstructions(
    db,
    selection.selected.map((s) => ({ runId: run.id, datasetItemId: s.itemId, category: s.category, position: s.position })),
  );
  const d = selection.dropped;
  ctx.log(
    "info",
    `Selected ${selection.selected.length} instructions from ${classified.length} candidates` +
      (classify
        ? ` (not classified: ${d.unclassified}, other categories: ${d.notKept}, over the per-category cap: ${d.overCap}, beyond the count: ${d.overCount})`
        : ""),
    { stage: "select" },
  );
}
