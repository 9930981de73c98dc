/**
 * Scores a judge's results produced anywhere, by RewardBench's rules (the CLI's `score` command).
 * One JSON line per judgment: {"id", "subset", "verdict": "chosen" | "rejected" | "tie" | "error"}
 * or {"id", "subset", "score": 0..1}. Several lines with the same id are k samples of one item and
 * are combined by majority vote: only chosen/rejected verdicts vote (a numeric score votes chosen
 * above 0.5 and rejected below); equal counts or no vote score 0.5. A single numeric line is taken
 * as the item's score. Every line is validated; errors name the line and the field.
 */
import { z } from "zod";
import { majorityScore, type Vote } from "./item-score";
import { rewardBenchScores, type RewardBenchReport } from "./rewardbench-scores";
import { AppError } from "@/lib/errors";

const resultLineSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()], { error: "id must be a text or a number" }),
    subset: z.string({ error: "subset must be a text" }).min(1, "subset is empty"),
    verdict: z.enum(["chosen", "rejected", "tie", "error"], { error: 'verdict must be "chosen", "rejected", "tie" or "error"' }).optional(),
    score: z.number({ error: "score must be a number" }).min(0, "score must be in [0, 1]").max(1, "score must be in [0, 1]").optional(),
  })
  .loose()
  .refine((line) => (line.verdict === undefined) !== (line.score === undefined), {
    message: "give either a verdict or a score",
    path: ["verdict"],
  });

export type ResultProblem = { line: number; field: string; message: string };

export class ResultsError extends AppError {
  constructor(
    readonly problems: ResultProblem[],
    readonly total: number,
  ) {
    super("bad_request:run", `${total} problem${total === 1 ? "" : "s"} in the results; nothing was scored`);
    this.name = "ResultsError";
  }
}

type Entry = { subset: string; votes: Vote[]; scores: number[] };

export function scoreResultLines(lines: Iterable<string>): RewardBenchReport & { items: number; judgments: number } {
  const items = new Map<string, Entry>();
  const problems: ResultProblem[] = [];
  let total = 0;
  let judgments = 0;
  let lineNo = 0;
  const report = (problem: ResultProblem) => {
    total++;
    if (problems.length < 20) problems.push(problem);
  };
  for (const raw of lines) {
    lineNo++;
    const text = raw.trim();
    if (!text) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      report({ line: lineNo, field: "(line)", message: "not valid JSON" });
      continue;
    }
    const parsed = resultLineSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report({ line: lineNo, field: issue.path.join(".") || "(line)", message: issue.message });
      continue;
    }
    const { id, subset, verdict, score } = parsed.data;
    const key = String(id);
    const entry = items.get(key) ?? { subset, votes: [], scores: [] };
    if (entry.subset !== subset) {
      report({ line: lineNo, field: "subset", message: `id ${key} was in subset "${entry.subset}" on an earlier line` });
      continue;
    }
    if (verdict !== undefined) entry.votes.push(verdict === "error" ? "unparsed" : verdict);
    else entry.scores.push(score!);
    items.set(key, entry);
    judgments++;
  }
  if (total > 0) throw new ResultsError(problems, total);
  const bySubset = new Map<string, { items: number; scoreSum: number }>();
  for (const entry of items.values()) {
    let itemScore: number;
    if (entry.votes.length === 0 && entry.scores.length === 1) itemScore = entry.scores[0]!;
    else {
      const votes: Vote[] = [...entry.votes, ...entry.scores.map((s): Vote => (s > 0.5 ? "chosen" : s < 0.5 ? "rejected" : "tie"))];
      itemScore = majorityScore(votes);
    }
    const sums = bySubset.get(entry.subset) ?? { items: 0, scoreSum: 0 };
    sums.items++;
    sums.scoreSum += itemScore;
    bySubset.set(entry.subset, sums);
  }
  const results = [...bySubset].map(([subset, sums]) => ({ subset, ...sums }));
  return { ...rewardBenchScores(results), items: items.size, judgments };
}
