/**
 * A run's summary report in Markdown: the config, the scores behind every chart of the run page
 * (RewardBench per iteration and section, accuracy per eval set with intervals, bias and agreement,
 * the rejection-sampling funnel, tokens per stage), so it can be pasted into notes or a paper draft.
 */
import type { RunView } from "@/lib/runs/run-view";
import { PARTIAL_OVERALL_LABEL } from "@/lib/metrics/rewardbench-scores";

const pct = (value: number | null | undefined) => (value === null || value === undefined ? "—" : (value * 100).toFixed(1));
const num = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toLocaleString("en-US"));

function table(headers: string[], rows: (string | number)[][]): string {
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join(
    "\n",
  );
}

export function runSummaryMarkdown(view: RunView): string {
  const { run, config } = view;
  const lines: string[] = [];
  lines.push(`# ${run.name} (run #${run.id})`, "");
  lines.push(`Status: **${run.status}**${run.statusReason ? ` (${run.statusReason})` : ""}. Seed ${run.seed}.`);
  if (config) {
    lines.push(
      `Generator: ${config.generator.model} on ${config.generator.backend}. Seed judge: ${config.judge.model} on ${config.judge.backend}.`,
      `Instructions: ${config.instructions.count} from "${config.instructions.dataset}". Judging: N = ${config.judging.samples}${config.judging.bothOrders ? " in both orders" : ""}, temperature ${config.judging.temperature}, top_p ${config.judging.topP}.`,
      `Training: ${config.training.method.toUpperCase()} with the ${config.training.trainer.kind.replaceAll("_", " ")} trainer, ${config.iterations} iterations. Evaluation: ${config.evaluation.datasets.join(", ") || "none"} (${config.evaluation.protocol}).`,
    );
  }
  lines.push("", "## RewardBench per iteration", "");
  lines.push(
    table(
      ["Iteration", "Judge", "Overall", "Chat", "Chat Hard", "Safety", "Reasoning", "Overall is"],
      view.iterations.map((it) => {
        const s = (name: string) => pct(it.pooled.sections.find((x) => x.section === name)?.score);
        return [
          it.iteration.index,
          `\`${it.iteration.judgeModel}\``,
          pct(it.pooled.overall),
          s("Chat"),
          s("Chat Hard"),
          s("Safety"),
          s("Reasoning"),
          it.pooled.overall === null ? "—" : it.pooled.overallPartial ? PARTIAL_OVERALL_LABEL : "RewardBench",
        ];
      }),
    ),
  );
  lines.push("", "## Accuracy, bias and agreement per eval set", "");
  lines.push(
    table(
      [
        "Iteration",
        "Eval set",
        "Items",
        "Accuracy (95% CI)",
        "Position consistency",
        "A-position rate",
        "Length gap",
        "Kappa (orders)",
        "Kappa (previous)",
        "Unparsed",
      ],
      view.iterations.flatMap((it) =>
        it.evals.map((e) => [
          it.iteration.index,
          e.datasetName,
          e.metrics.items,
          e.metrics.accuracy ? `${pct(e.metrics.accuracy.accuracy)} (${pct(e.metrics.accuracy.low)}–${pct(e.metrics.accuracy.high)})` : "—",
          pct(e.metrics.positionBias.positionConsistency),
          pct(e.metrics.aPositionRate),
          pct(e.metrics.lengthBias.gap),
          e.metrics.orderKappa.kappa === null ? "—" : e.metrics.orderKappa.kappa.toFixed(3),
          e.kappaWithPrevious === null ? "—" : e.kappaWithPrevious.toFixed(3),
          pct(e.metrics.rates.unparsedRate),
        ]),
      ),
    ),
  );
  lines.push("", "## Rejection sampling per iteration", "");
  lines.push(
    table(
      ["Iteration", "Pairs", "Judgments", "Correct", "With a usable trace", "Kept after balancing", "Kept A / B"],
      view.iterations
        .filter((it) => it.judgments.judgments > 0)
        .map((it) => [
          it.iteration.index,
          num(view.pairs.ok),
          num(it.judgments.judgments),
          num(it.judgments.correct),
          num(it.iteration.stats?.candidates),
          num(it.judgments.kept),
          `${num(it.iteration.stats?.keptA)} / ${num(it.iteration.stats?.keptB)}`,
        ]),
    ),
  );
  lines.push(
    "",
    `Pairs: ${num(view.pairs.ok)} kept, ${num(view.pairs.dropped)} dropped${
      Object.keys(view.pairs.byReason).length
        ? ` (${Object.entries(view.pairs.byReason)
            .map(([r, n]) => `${r}: ${n}`)
            .join(", ")})`
        : ""
    }.`,
  );
  lines.push("", "## Tokens per stage", "");
  lines.push(
    table(
      ["Stage", "Rows", "Prompt tokens", "Completion tokens"],
      view.tokens.map((t) => [t.stage, num(t.calls), num(t.promptTokens), num(t.completionTokens)]),
    ),
  );
  lines.push("", `_Exported from Judge Lab on ${new Date().toISOString()}._`, "");
  return lines.join("\n");
}
