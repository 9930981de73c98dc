// One judgment's verdict and whether it picked the better response.
import { Badge } from "@/components/ui/badge";

export function VerdictChip({ verdict, outcome }: { verdict: string | null; outcome: string }) {
  const variant = outcome === "correct" ? "success" : outcome === "wrong" ? "destructive" : outcome === "tie" ? "secondary" : "warning";
  return (
    <Badge variant={variant}>
      {verdict ? `[[${verdict}]]` : outcome === "tie" ? "tie" : "no verdict"} · {outcome}
    </Badge>
  );
}

export const FILTER_STATUS_TEXT: Record<string, string> = {
  kept: "kept for training",
  wrong: "not kept: not correct",
  surplus: "not kept: another correct sample was kept",
  below_majority: "not kept: below the majority threshold",
  balanced_out: "not kept: removed by A/B balancing",
  no_rejected: "not kept: no incorrect sample to pair it with (DPO)",
};
