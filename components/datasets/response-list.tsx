// Responses to judge as a lettered list (A, B, C, …), each clamped, and a stored label as people read it.
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";
import { ClampedText } from "./clamped-text";

export function ResponseList({ responses }: { responses: readonly string[] | null }) {
  return (
    <ol className="grid gap-1">
      {(responses ?? []).map((r, i) => (
        <li key={i} className="flex gap-1">
          <span className="font-semibold">{responseLetter(i)}</span>
          <ClampedText text={r} />
        </li>
      ))}
    </ol>
  );
}

/** "0" → A, "1" → B, …; "tie"; "—" without a label. */
export const labelText = (label: string | null) => (label === null ? "—" : label === "tie" ? "tie" : responseLetter(Number(label)));
