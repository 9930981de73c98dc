"use client";
// Filters that live in the URL: read them from the search params, write a change (dropping empty
// values and the page number, so a new filter starts at page 1), or replace them all; and keep the
// search box's draft.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

export function useUrlFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const navigate = (next: URLSearchParams) => router.push(`${pathname}${next.size ? `?${next}` : ""}`);
  const apply = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) value ? next.set(key, value) : next.delete(key);
    next.delete("page");
    navigate(next);
  };
  return { params, query, setQuery, apply, navigate };
}
