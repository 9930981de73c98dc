"use client";
// The views of one run: overview (progress, scores, charts, exports), training pairs, eval items and
// flips. The current view is marked for sight and for screen readers; filters do not carry across.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

export function RunTabs({ runId, name }: { runId: number; name: string }) {
  const pathname = usePathname();
  const base = `/runs/${runId}`;
  const tabs = [
    { href: base, label: "Overview", active: pathname === base },
    { href: `${base}/pairs`, label: "Training pairs", active: pathname.startsWith(`${base}/pairs`) },
    { href: `${base}/eval`, label: "Eval items", active: pathname.startsWith(`${base}/eval`) },
    { href: `${base}/flips`, label: "Flips", active: pathname.startsWith(`${base}/flips`) },
  ];
  return (
    <div className="mb-6 grid gap-2">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/runs" className="hover:underline">
          Runs
        </Link>{" "}
        / <span className="text-foreground">{name}</span> <span>#{runId}</span>
      </nav>
      <nav aria-label="Run views" className="flex gap-1 overflow-x-auto border-b">
        {tabs.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.active ? "page" : undefined}
            className={cn(
              "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              tab.active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
