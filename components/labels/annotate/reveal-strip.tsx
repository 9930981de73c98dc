"use client";
// After an answer, what was hidden while answering: the item's synthetic or reference label and
// each judge's verdict, in the order the person saw (A left, B right), marked where they match.
import { Badge } from "@/components/ui/badge";
import type { Reveal } from "@/lib/annotation/labelling";

const word = (side: string | null) => (side === null ? "none" : side === "unparsed" ? "no verdict" : side === "tie" ? "tie" : side);

export function RevealStrip({ reveal, referenceName }: { reveal: Reveal; referenceName: string }) {
  const mark = (side: string | null) => (side === reveal.yours ? "success" : "outline");
  const matches = (side: string | null) => (side === reveal.yours ? " (same as yours)" : "");
  return (
    <div data-testid="reveal" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border bg-muted/40 px-3 py-2 text-sm">
      <span className="font-medium">Item {reveal.position + 1}:</span>
      <span>
        you chose <strong>{word(reveal.yours)}</strong>
      </span>
      {reveal.reference !== null ? (
        <span className="flex items-center gap-1">
          {referenceName}
          <Badge variant={mark(reveal.reference)}>{word(reveal.reference)}</Badge>
          <span className="sr-only">{matches(reveal.reference)}</span>
        </span>
      ) : null}
      {reveal.blind ? null : (
        <span className="text-xs text-muted-foreground">
          (you had seen this item&apos;s answers before: this label is kept but not counted)
        </span>
      )}
      {reveal.judges.map((judge) => (
        <span key={judge.label} className="flex items-center gap-1 text-muted-foreground">
          {judge.label}
          <Badge variant={mark(judge.verdict)}>{word(judge.verdict)}</Badge>
          <span className="sr-only">{matches(judge.verdict)}</span>
        </span>
      ))}
    </div>
  );
}
