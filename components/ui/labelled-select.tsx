// A select with its label above (or beside) it, tied by id, so its accessible name is the label alone.
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";
import { NativeSelect } from "./input";

export function LabelledSelect({
  id,
  label,
  inline = false,
  className,
  ...props
}: ComponentProps<"select"> & { id: string; label: string; inline?: boolean }) {
  return (
    <div className={cn(inline ? "inline-flex items-center gap-2" : "grid gap-1")}>
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      <NativeSelect id={id} className={cn("w-auto", inline && "h-8", className)} {...props} />
    </div>
  );
}
