/**
 * The numbers behind the run page's charts, built from the run view's SQL aggregates: one table
 * (columns + rows) per chart, so the same rows feed the chart, its tooltip and its CSV download.
 * Scores are percentages rounded to 0.1; nothing here knows about React.
 */
import { PARTIAL_OVERALL_LABEL, REWARDBENCH_SECTIONS } from "@/lib/metrics";
import type { RunView } from "@/lib/runs/run-view";

export type Column = { key: string; label: string };
export type ChartTable = { columns: Column[]; rows: Record<string, string | number | null>[] };

const pct = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1000) / 10);
const round = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));
const scored = (view: RunView) => view.iterations.filter((it) => it.evals.length > 0);

/** RewardBench overall and its four sections per iteration (only the ones some iteration has). */
export function rewardBenchTable(view: RunView): ChartTable {
  const metrics = ["RewardBench", ...REWARDBENCH_SECTIONS] as const;
  const rows = scored(view).map((it) => {
    const row: Record<string, number | null> = { iteration: it.iteration.index, RewardBench: pct(it.pooled.overall) };
    for (const section of it.pooled.sections) row[section.section] = pct(section.score);
    return row;
  });
  const present = metrics.filter((m) => rows.some((r) => r[m] !== null && r[m] !== undefined));
  // Without all four full sections the overall is not a RewardBench score: say what it is.
  const partial = scored(view).some((it) => it.pooled.overall !== null && it.pooled.overallPartial);
  const label = (m: (typeof metrics)[number]) => (m === "RewardBench" && partial ? `RewardBench (${PARTIAL_OVERALL_LABEL})` : m);
  return {
    columns: [{ key: "iteration", label: "Iteration" }, ...present.map((m) => ({ key: m, label: label(m) }))],
    rows: present.length > 0 ? rows : [],
  };
}

/** Accuracy per subset (rows) and iteration (columns), for the heat map. */
export function subsetTable(view: RunView): ChartTable & { iterations: number[] } {
  const its = scored(view);
  const keys = new Map<string, { set: string; subset: string; items: number }>();
  for (const it of its)
    for (const set of it.evals)
      for (const s of set.subsets)
        keys.set(`${set.datasetName}\u0000${s.subset}`, { set: set.datasetName, subset: s.subset, items: s.items });
  const rows = [...keys.entries()].map(([key, meta]) => {
    const row: Record<string, string | number | null> = { set: meta.set, subset: meta.subset || "(none)", items: meta.items };
    for (const it of its) {
      const subset = it.evals.find((e) => e.datasetName === meta.set)?.subsets.find((s) => `${meta.set}\u0000${s.subset}` === key);
      row[`it${it.iteration.index}`] = subset ? pct(subset.accuracy) : null;
    }
    return row;
  });
  return {
    iterations: its.map((it) => it.iteration.index),
    columns: [
      { key: "set", label: "Eval set" },
      { key: "subset", label: "Subset" },
      { key: "items", label: "Items" },
      ...its.map((it) => ({ key: `it${it.iteration.index}`, label: `Iteration ${it.iteration.index}` })),
    ],
    rows,
  };
}

/** Accuracy per eval set and iteration with its 95% interval. */
export function accuracyTable(view: RunView): ChartTable & { sets: string[] } {
  const sets = [...new Set(scored(view).flatMap((it) => it.evals.map((e) => e.datasetName)))];
  const rows = scored(view).map((it) => {
    const row: Record<string, number | null> = { iteration: it.iteration.index };
    sets.forEach((name, i) => {
      const a = it.evals.find((e) => e.datasetName === name)?.metrics.accuracy;
      row[`s${i}`] = pct(a?.accuracy);
      row[`s${i}_low`] = pct(a?.low);
      row[`s${i}_high`] = pct(a?.high);
    });
    return row;
  });
  return {
    sets,
    columns: [
      { key: "iteration", label: "Iteration" },
      ...sets.flatMap((name, i) => [
        { key: `s${i}`, label: `${name} accuracy` },
        { key: `s${i}_low`, label: `${name} 95% low` },
        { key: `s${i}_high`, label: `${name} 95% high` },
      ]),
    ],
    rows,
  };
}

/** Position consistency, A-position rate, length-bias gap and kappa (between orders, with the previous iteration) on one eval set. */
export function biasTable(view: RunView, setName: string): ChartTable {
  const rows = scored(view).flatMap((it) => {
    const set = it.evals.find((e) => e.datasetName === setName);
    if (!set) return [];
    const m = set.metrics;
    return [
      {
        iteration: it.iteration.index,
        consistency: pct(m.positionBias.positionConsistency),
        aRate: pct(m.aPositionRate),
        lengthGap: pct(m.lengthBias.gap),
        orderKappa: round(m.orderKappa.kappa),
        kappaPrevious: round(set.kappaWithPrevious),
      },
    ];
  });
  return {
    columns: [
      { key: "iteration", label: "Iteration" },
      { key: "consistency", label: "Position consistency %" },
      { key: "aRate", label: "A-position rate %" },
      { key: "lengthGap", label: "Length bias (points)" },
      { key: "orderKappa", label: "Kappa between orders" },
      { key: "kappaPrevious", label: "Kappa with previous iteration" },
    ],
    rows,
  };
}

/**
 * The rejection-sampling funnel per iteration: pair-orders, judgments, correct, usable, kept after
 * balancing; for iterations filtered for DPO also the pair-orders left out for lack of an incorrect
 * trace and the DPO pairs written (its yield), in columns of their own.
 */
export function funnelTable(view: RunView): ChartTable {
  const filtered = view.iterations.filter((it) => it.iteration.stats?.filtered);
  const anyDpo = filtered.some((it) => it.iteration.stats?.dpo === 1);
  const rows = filtered.map((it) => {
    const s = it.iteration.stats ?? {};
    const dpo = s.dpo === 1;
    return {
      iteration: it.iteration.index,
      pairOrders: s.pairOrders ?? null,
      judgments: s.judgments ?? it.judgments.judgments,
      correct: s.correct ?? it.judgments.correct,
      candidates: s.candidates ?? null,
      kept: s.kept ?? it.judgments.kept,
      ...(anyDpo ? { withoutRejected: dpo ? (s.withoutRejected ?? 0) : null, dpoPairs: dpo ? (s.examples ?? null) : null } : {}),
    };
  });
  return {
    columns: [
      { key: "iteration", label: "Iteration" },
      { key: "pairOrders", label: "Pair-orders" },
      { key: "judgments", label: "Judgments" },
      { key: "correct", label: "Correct judgments" },
      {
        key: "candidates",
        label: anyDpo ? "Pair-orders with a usable trace (DPO: and an incorrect one)" : "Pair-orders with a usable trace",
      },
      { key: "kept", label: "Kept after balancing" },
      ...(anyDpo
        ? [
            { key: "withoutRejected", label: "DPO: left out, no incorrect trace" },
            { key: "dpoPairs", label: "DPO pairs written" },
          ]
        : []),
    ],
    rows,
  };
}

/** Prompt and completion tokens per stage of the run. */
export function tokensTable(view: RunView): ChartTable {
  const rows = view.tokens
    .filter((t) => t.calls > 0)
    .map((t) => ({ stage: t.stage, prompt: t.promptTokens, completion: t.completionTokens, calls: t.calls }));
  return {
    columns: [
      { key: "stage", label: "Stage" },
      { key: "prompt", label: "Prompt tokens" },
      { key: "completion", label: "Completion tokens" },
      { key: "calls", label: "Calls" },
    ],
    rows,
  };
}
