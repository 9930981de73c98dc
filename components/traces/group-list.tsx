"use client";
/**
 * One page of judgment groups: each (pair or eval item, order) with its text, how its N samples
 * voted and the majority, and for training pairs whether a sample was kept. Keyboard: j/k or arrows
 * move, o or Enter opens, e marks; marked groups (kept across pages for the session) export as JSONL.
 */
import { Download } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FILTER_STATUS_TEXT } from "./verdict-chip";
import { VoteStrip } from "./vote-strip";
import { useListKeys } from "./use-list-keys";
import { cn } from "@/lib/ui/cn";

export type GroupRow = {
  key: string;
  id: number;
  href: string;
  goodPosition: "A" | "B";
  text: string;
  label: string | null;
  votes: string[];
  kept: number;
  statuses: string[];
};

function keptSummary(row: GroupRow): { text: string; tone: "success" | "outline" } | null {
  if (row.statuses.length === 0 || row.statuses.every((s) => !s)) return null;
  if (row.kept > 0) return { text: "kept", tone: "success" };
  const reasons = [...new Set(row.statuses.filter((s) => s && s !== "kept"))];
  const reason = ["balanced_out", "below_majority", "no_rejected"].find((r) => reasons.includes(r)) ?? reasons[0];
  return { text: FILTER_STATUS_TEXT[reason ?? ""]?.replace("not kept: ", "dropped: ") ?? "dropped", tone: "outline" };
}

export function GroupList({
  rows,
  storageKey,
  exportHref,
  kind,
}: {
  rows: GroupRow[];
  /** Where marks are remembered for this session (per run, view and iteration). */
  storageKey: string;
  /** The export link; the marked ids are added as &pairs= or &items=. */
  exportHref: string;
  kind: "pair" | "item";
}) {
  const router = useRouter();
  const listRef = useRef<HTMLOListElement>(null);
  const [marked, setMarked] = useState<number[]>([]);
  useEffect(() => {
    try {
      setMarked(JSON.parse(sessionStorage.getItem(storageKey) ?? "[]"));
    } catch {
      setMarked([]);
    }
  }, [storageKey]);
  const toggle = useCallback(
    (id: number) =>
      setMarked((current) => {
        const next = current.includes(id) ? current.filter((m) => m !== id) : [...current, id];
        sessionStorage.setItem(storageKey, JSON.stringify(next));
        return next;
      }),
    [storageKey],
  );
  const clear = () => {
    sessionStorage.removeItem(storageKey);
    setMarked([]);
  };
  useListKeys(listRef, {
    onOpen: useCallback((item: HTMLElement) => router.push(item.getAttribute("href") ?? ""), [router]),
    onMark: useCallback((item: HTMLElement) => toggle(Number(item.dataset.id)), [toggle]),
  });

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
        <p id="list-keys-help">
          <kbd className="kbd">j</kbd>/<kbd className="kbd">k</kbd> or arrows move · <kbd className="kbd">o</kbd> or{" "}
          <kbd className="kbd">Enter</kbd> opens · <kbd className="kbd">e</kbd> marks for export
        </p>
        <div className="flex items-center gap-2" aria-live="polite">
          {marked.length > 0 ? (
            <>
              <span data-testid="marked-count">
                {marked.length} {kind === "pair" ? (marked.length === 1 ? "pair" : "pairs") : marked.length === 1 ? "item" : "items"} marked
              </span>
              <Button size="sm" variant="outline" asChild>
                <a href={`${exportHref}&${kind === "pair" ? "pairs" : "items"}=${marked.join(",")}`} download>
                  <Download /> Export marked (JSONL)
                </a>
              </Button>
              <Button size="sm" variant="ghost" onClick={clear}>
                Clear marks
              </Button>
            </>
          ) : null}
        </div>
      </div>
      <ol
        ref={listRef}
        className="grid divide-y rounded-lg border bg-card"
        aria-label={kind === "pair" ? "Training pairs" : "Eval items"}
        aria-describedby="list-keys-help"
      >
        {rows.map((row) => {
          const summary = keptSummary(row);
          const isMarked = marked.includes(row.id);
          return (
            <li key={row.key} className={cn("flex items-start gap-3 px-3 py-2.5", isMarked && "bg-primary/5")} data-testid="group-row">
              <input
                type="checkbox"
                className="mt-1 size-4 shrink-0 accent-[var(--primary)]"
                aria-label={`Mark ${kind} ${row.id} for export`}
                checked={isMarked}
                onChange={() => toggle(row.id)}
              />
              <a
                href={row.href}
                data-list-item
                data-id={row.id}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  router.push(row.href);
                }}
                className="grid min-w-0 flex-1 gap-1 rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-card sm:grid-cols-[1fr_auto] sm:gap-4"
              >
                <span className="min-w-0">
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span className="font-mono">
                      {kind === "pair" ? "pair" : "item"} {row.id}
                    </span>
                    <span>better response in {row.goodPosition}</span>
                    {row.label ? <Badge variant="secondary">{row.label}</Badge> : null}
                  </span>
                  <span className="mt-0.5 line-clamp-2 text-sm">{row.text}</span>
                </span>
                <span className="flex flex-wrap items-center gap-2 sm:justify-end">
                  <VoteStrip votes={row.votes} />
                  {summary ? <Badge variant={summary.tone}>{summary.text}</Badge> : null}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
