"use client";
// Re-render the server components of the page every `ms` while `active` (a run or job still working),
// so lists and pages follow the work without a reload.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function useRefreshWhile(active: boolean, ms: number): void {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), ms);
    return () => clearInterval(timer);
  }, [active, ms, router]);
}
