"use client";
/**
 * The body of a judge job item's page: its responses side by side (as safe text), then every
 * comparison the judge made (round by round for best-of-n) with its decision and each sampled
 * judgment in each order. One toggle switches all model text between Markdown and raw text;
 * j/k or arrows step through the judgments.
 */
import { useRef, useState } from "react";
import { RawTextToggle } from "@/components/traces/judgment-meta";
import { ResponseCards } from "@/components/traces/response-cards";
import { useListKeys } from "@/components/traces/use-list-keys";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { JobItemDetail } from "@/lib/db/queries/judge-job-views";
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";
import { jobItemResponses } from "@/lib/traces/shown-responses";
import { JobJudgmentCard } from "./job-judgment-card";

const DECIDED: Record<string, string> = { votes: "by the votes", coin: "by a seeded coin (the votes were tied)", tie: "a tie" };

export function JobItemDetailView({ item, names }: { item: JobItemDetail; names: string[] | null }) {
  const [raw, setRaw] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  useListKeys(listRef, {});
  const rounds = Math.max(0, ...item.comparisons.map((c) => c.round)) + 1;
  return (
    <div className="grid grid-cols-1 gap-6">
      <RawTextToggle raw={raw} onChange={setRaw} />
      <ResponseCards
        responses={jobItemResponses(item.responses, { names, label: item.label, best: item.result?.best ?? null })}
        raw={raw}
      />
      <Card>
        <CardHeader>
          <CardTitle>Comparisons</CardTitle>
          <CardDescription>
            {item.comparisons.length === 0
              ? "Not judged yet."
              : `${item.comparisons.length} comparison${item.comparisons.length === 1 ? "" : "s"}${rounds > 1 ? ` in ${rounds} rounds` : ""}; each sampled judgment in each order. `}
            <kbd className="kbd">j</kbd>/<kbd className="kbd">k</kbd> or arrows move from one judgment to the next.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <div ref={listRef} className="grid grid-cols-1 gap-6">
            {item.comparisons.map((c) => {
              const first = responseLetter(c.first);
              const second = responseLetter(c.second);
              return (
                <section key={c.id} aria-labelledby={`comparison-${c.id}`} className="grid min-w-0 gap-3">
                  <h3 id={`comparison-${c.id}`} className="text-sm font-semibold">
                    {rounds > 1 || item.comparisons.length > 1 ? `Round ${c.round + 1}: ` : ""}
                    {first} vs {second}
                    <span className="font-normal text-muted-foreground">
                      {" "}
                      →{" "}
                      {c.decidedBy === null
                        ? "undecided"
                        : c.winner === null
                          ? DECIDED.tie
                          : `${responseLetter(c.winner)} wins ${DECIDED[c.decidedBy] ?? ""}`}
                    </span>
                  </h3>
                  {(["A", "B"] as const).map((position) => {
                    const judgments = c.judgments.filter((j) => j.firstPosition === position);
                    if (judgments.length === 0) return null;
                    return (
                      <div key={position} className="grid min-w-0 gap-2">
                        <h4 className="text-xs font-medium text-muted-foreground">
                          {position === "A"
                            ? `As given: ${first} shown as Assistant A, ${second} as Assistant B`
                            : `Swapped: ${second} shown as Assistant A, ${first} as Assistant B`}
                        </h4>
                        {judgments.map((j) => (
                          <JobJudgmentCard key={j.id} judgment={j} first={first} second={second} raw={raw} />
                        ))}
                      </div>
                    );
                  })}
                </section>
              );
            })}
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
