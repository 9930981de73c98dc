/**
 * Builds an iteration's training file from its kept examples: each example's judge prompt (rebuilt
 * from the pair and the run's judge template, in the order it was judged) with the kept trace,
 * and for DPO a trace of the same prompt that is not correct. Reads the examples a page at a time.
 */
import type { Queryable } from "@/lib/db/client";
import { listTrainingRecordsPage } from "@/lib/db/queries/run-work";
import { judgePromptFor } from "@/lib/pipeline/judge";
import { trainingFile, type TrainingRecord } from "@/lib/pipeline/training-set";

export function buildTrainingFile(
  db: Queryable,
  iterationId: number,
  options: { judgeTemplate: string; method: "sft" | "dpo"; format: "trl" | "openai" },
): { content: string; examples: number; lines: number } {
  const records: TrainingRecord[] = [];
  for (let afterId = 0; ;) {
    const page = listTrainingRecordsPage(db, iterationId, afterId, 1000);
    if (page.length === 0) break;
    afterId = page.at(-1)!.id;
    for (const r of page) {
      records.push({
        prompt: judgePromptFor(options.judgeTemplate, r.instruction, r.goodResponse, r.worseResponse, r.goodPosition),
        chosen: r.chosenTrace,
        rejected: r.rejectedTrace,
        comboIndex: r.comboIndex,
      });
    }
  }
  const file = trainingFile(records, options.method, options.format);
  return { content: file.content, examples: records.length, lines: file.lines };
}
