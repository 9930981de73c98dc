// How the N samples of one (pair or item, order) voted, at a glance: one square per sample
// (correct, wrong, tie, unparsed) and the majority. Colour is never the only signal: each square
// has a letter and the whole strip a text label.
import { majorityOf } from "@/lib/traces/verdict-matrix";
import { cn } from "@/lib/ui/cn";

const styles: Record<string, { className: string; letter: string }> = {
  correct: { className: "bg-success/80 text-white", letter: "✓" },
  wrong: { className: "bg-destructive/80 text-white", letter: "✗" },
  tie: { className: "bg-muted-foreground/40 text-foreground", letter: "=" },
  unparsed: { className: "bg-warning/70 text-foreground", letter: "?" },
};

export function VoteStrip({ votes, className }: { votes: string[]; className?: string }) {
  const correct = votes.filter((v) => v === "correct").length;
  const wrong = votes.filter((v) => v === "wrong").length;
  const majority = majorityOf(correct, wrong);
  const label = `${correct} of ${votes.length} correct, ${wrong} wrong; majority ${majority === "none" ? "none (a draw)" : majority}`;
  return (
    <span className={cn("inline-flex items-center gap-1.5", className)} aria-label={label} title={label}>
      <span className="inline-flex gap-0.5" aria-hidden>
        {votes.map((vote, i) => (
          <span
            key={i}
            className={cn(
              "inline-flex size-4 items-center justify-center rounded-[3px] text-[10px] font-bold leading-none",
              styles[vote]?.className,
            )}
          >
            {styles[vote]?.letter}
          </span>
        ))}
      </span>
      <span
        aria-hidden
        className={cn(
          "text-xs font-medium",
          majority === "correct" ? "text-success" : majority === "wrong" ? "text-destructive" : "text-muted-foreground",
        )}
      >
        {majority === "none" ? "draw" : majority}
      </span>
    </span>
  );
}
