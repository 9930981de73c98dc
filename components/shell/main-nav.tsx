"use client";
// Top navigation: Runs, Judge, Labels, Compare, Datasets, Backends; the current section is marked for sight and for screen readers.
import { ChartLine, Database, FlaskConical, Gavel, Server, Tags } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

const sections = [
  { href: "/runs", label: "Runs", Icon: FlaskConical },
  { href: "/judge", label: "Judge", Icon: Gavel },
  { href: "/labels", label: "Labels", Icon: Tags },
  { href: "/compare", label: "Compare", Icon: ChartLine },
  { href: "/datasets", label: "Datasets", Icon: Database },
  { href: "/backends", label: "Backends", Icon: Server },
] as const;

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      {sections.map(({ href, label, Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              active ? "bg-accent text-accent-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
