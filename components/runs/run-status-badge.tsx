// A run's status as a coloured chip with its word (colour is never the only signal).
import { Badge } from "@/components/ui/badge";
import type { RunStatus } from "@/lib/db/schema";

const variants: Record<RunStatus, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  queued: "outline",
  running: "default",
  paused: "warning",
  completed: "success",
  failed: "destructive",
  canceled: "secondary",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge variant={variants[status]}>{status}</Badge>;
}
