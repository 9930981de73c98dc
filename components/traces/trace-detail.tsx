"use client";
/**
 * The body of a pair's or eval item's page: the two responses side by side, the verdict matrix
 * across iterations, and every sampled judgment, either of one iteration (both orders) or of two
 * iterations side by side. One toggle switches all model text between rendered Markdown and raw
 * text; j/k or arrows step through the judgments. The chosen iterations live in the URL.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LabelledSelect } from "@/components/ui/labelled-select";
import type { JudgmentDetail } from "@/lib/db/queries/traces";
import { verdictMatrix } from "@/lib/traces/verdict-matrix";
import { JudgmentCard } from "./judgment-card";
import { RawTextToggle } from "./judgment-meta";
import { ResponseCards } from "./response-cards";
import { useListKeys } from "./use-list-keys";
import { VerdictMatrixTable } from "./verdict-matrix-table";

type Response = { title: string; hint: string; text: string | null };

function setUrlParam(name: string, value: string | null) {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  window.history.replaceState(null, "", url);
}

/** `detail`: the pair's or item's judgments and the run's iterations; `shown`: the iteration and comparison in the URL. */
export function TraceDetail({
  responses,
  detail: { judgments, iterations },
  shown,
}: {
  responses: [Response, Response];
  detail: { judgments: JudgmentDetail[]; iterations: { index: number; judgeModel: string }[] };
  shown: { iteration: number | undefined; compare: number | undefined };
}) {
  const initialIteration = shown.iteration ?? null;
  const initialCompare = shown.compare ?? null;
  const [raw, setRaw] = useState(false);
  const judged = useMemo(() => [...new Set(judgments.map((j) => j.iteration))].sort((a, b) => a - b), [judgments]);
  const latest = judged[judged.length - 1] ?? 0;
  const [iteration, setIteration] = useState(initialIteration !== null && judged.includes(initialIteration) ? initialIteration : latest);
  const [compare, setCompare] = useState<number | null>(initialCompare !== null && judged.includes(initialCompare) ? initialCompare : null);
  const rows = useMemo(() => verdictMatrix(judgments, judged), [judgments, judged]);
  const judges = useMemo(() => new Map(iterations.map((it) => [it.index, it.judgeModel])), [iterations]);
  const listRef = useRef<HTMLDivElement>(null);
  useListKeys(listRef, {});

  const choose = useCallback((next: number) => {
    setIteration(next);
    setUrlParam("iteration", String(next));
  }, []);
  const chooseCompare = (next: number | null) => {
    setCompare(next);
    setUrlParam("compare", next === null ? null : String(next));
  };
  const of = (it: number, order: "A" | "B") => judgments.filter((j) => j.iteration === it && j.goodPosition === order);

  return (
    <div className="grid grid-cols-1 gap-6">
      <RawTextToggle raw={raw} onChange={setRaw} />

      <ResponseCards responses={responses} raw={raw} />

      <Card>
        <CardHeader>
          <CardTitle>Verdicts across iterations</CardTitle>
          <CardDescription>
            Each judge&apos;s samples in both orders (✓ picked the better response, ✗ the worse, = tie, ? no verdict). The item is right
            when the majorities of the two orders average above one half, as RewardBench scores it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">No judge has judged this yet.</p>
          ) : (
            <VerdictMatrixTable
              rows={rows}
              judges={judges}
              selected={compare === null ? [iteration] : [iteration, compare]}
              onSelect={choose}
            />
          )}
        </CardContent>
      </Card>

      {judged.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Judgments</CardTitle>
            <CardDescription>
              Every sampled judgment, in both orders. <kbd className="kbd">j</kbd>/<kbd className="kbd">k</kbd> or arrows move from one to
              the next.
            </CardDescription>
            <div className="mt-2 flex flex-wrap items-end gap-3">
              <LabelledSelect
                id="judgments-iteration"
                label="Iteration"

                value={iteration}
                onChange={(e) => choose(Number(e.target.value))}
                name="iteration"
              >
                {judged.map((it) => (
                  <option key={it} value={it}>
                    {it}
                    {it === 0 ? " (seed judge)" : ""}
                  </option>
                ))}
              </LabelledSelect>
              <LabelledSelect
                id="judgments-compare"
                label="Side by side with"

                name="compare"
                value={compare ?? ""}
                onChange={(e) => chooseCompare(e.target.value === "" ? null : Number(e.target.value))}
              >
                <option value="">Nothing (one iteration)</option>
                {judged
                  .filter((it) => it !== iteration)
                  .map((it) => (
                    <option key={it} value={it}>
                      Iteration {it}
                    </option>
                  ))}
              </LabelledSelect>
            </div>
          </CardHeader>
          <CardContent>
            <div ref={listRef} className="grid grid-cols-1 gap-6">
              {(["A", "B"] as const).map((order) => {
                const left = of(iteration, order);
                const right = compare === null ? [] : of(compare, order);
                if (left.length === 0 && right.length === 0) return null;
                return (
                  <section
                    key={order}
                    id={`order-${order}`}
                    aria-labelledby={`order-${order}-title`}
                    className="grid scroll-mt-20 grid-cols-1 gap-3"
                  >
                    <h3 id={`order-${order}-title`} className="text-sm font-semibold">
                      Better response shown as {order}{" "}
                      <span className="font-normal text-muted-foreground">(order {order === "A" ? "AB" : "BA"})</span>
                    </h3>
                    {compare === null ? (
                      left.map((j) => <JudgmentCard key={j.id} judgment={j} raw={raw} />)
                    ) : (
                      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
                        <h4 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Iteration {iteration}</h4>
                        <h4 className="hidden text-xs font-medium uppercase tracking-wide text-muted-foreground lg:block">
                          Iteration {compare}
                        </h4>
                        {Array.from({ length: Math.max(left.length, right.length) }, (_, i) => (
                          <SidePair key={i} left={left[i]} right={right[i]} raw={raw} />
                        ))}
                      </div>
                    )}
                  </section>
                );
              })}
            </div>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function SidePair({ left, right, raw }: { left?: JudgmentDetail; right?: JudgmentDetail; raw: boolean }) {
  const empty = <div className="rounded-lg border border-dashed p-3 text-sm text-muted-foreground">No such sample.</div>;
  return (
    <>
      {left ? <JudgmentCard judgment={left} raw={raw} showIteration /> : empty}
      {right ? <JudgmentCard judgment={right} raw={raw} showIteration /> : empty}
    </>
  );
}
