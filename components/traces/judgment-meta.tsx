// The facts of one sampled judgment beside its verdict: tokens, finish reason (and truncation), latency.
import { formatCount } from "@/lib/format/numbers";

export function JudgmentMeta({
  j,
}: {
  j: { promptTokens: number; completionTokens: number; finishReason: string | null; truncated: boolean; latencyMs: number };
}) {
  return (
    <>
      <span className="ml-auto tabular-nums" title="Prompt tokens / completion tokens">
        {formatCount(j.promptTokens)} + {formatCount(j.completionTokens)} tokens
      </span>
      <span title="Finish reason">
        {j.finishReason ?? "no finish reason"}
        {j.truncated ? " (truncated)" : ""}
      </span>
      <span className="tabular-nums">{formatCount(j.latencyMs)} ms</span>
    </>
  );
}

/** The switch between rendered Markdown and the exact text, for every model text on a page. */
export function RawTextToggle({ raw, onChange }: { raw: boolean; onChange: (raw: boolean) => void }) {
  return (
    <div className="flex items-center justify-end">
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-[var(--primary)]" checked={raw} onChange={(e) => onChange(e.target.checked)} />
        Show raw text
      </label>
    </div>
  );
}
