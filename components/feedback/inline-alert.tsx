// A message inside a form or a card: an error, a warning or a success, announced to screen readers.
import { AlertCircle, CheckCircle2, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

const styles = {
  error: { box: "border-destructive/40 bg-destructive/8 text-destructive", Icon: AlertCircle },
  warning: { box: "border-warning/40 bg-warning/10 text-warning", Icon: TriangleAlert },
  success: { box: "border-success/40 bg-success/10 text-success", Icon: CheckCircle2 },
} as const;

export function InlineAlert({ tone, children, className }: { tone: keyof typeof styles; children: ReactNode; className?: string }) {
  const { box, Icon } = styles[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("flex gap-2 rounded-md border px-3 py-2 text-sm", box, className)}>
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 break-words text-foreground">{children}</div>
    </div>
  );
}
