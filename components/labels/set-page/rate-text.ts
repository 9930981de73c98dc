// A share with its 95% interval in words, e.g. "72.0% (61.2–80.7%, n = 50)"; "—" when there is none.
import { formatPercent } from "@/lib/format/numbers";

export function rateText(rate: { rate: number; low: number; high: number } | null, n?: number): string {
  if (!rate) return "—";
  return `${formatPercent(rate.rate)} (${formatPercent(rate.low)}–${formatPercent(rate.high)}${n === undefined ? "" : `, n = ${n}`})`;
}
