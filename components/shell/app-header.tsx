// The bar at the top of every page: product name, main navigation, theme switch.
import { Scale } from "lucide-react";
import Link from "next/link";
import { MainNav } from "./main-nav";
import { ThemeToggle } from "./theme-toggle";

export function AppHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/runs" className="flex items-center gap-2 font-semibold tracking-tight">
          <Scale className="size-5 text-primary" aria-hidden />
          Judge Lab
        </Link>
        <MainNav />
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
