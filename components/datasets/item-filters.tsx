"use client";
// Search and subset filter for a dataset's rows; both live in the URL (?q=&subset=), so a view can be shared.
import { Search } from "lucide-react";
import { useUrlFilters } from "@/components/shell/use-url-filters";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";

export function ItemFilters({ subsets }: { subsets: string[] }) {
  const { params, query, setQuery, apply } = useUrlFilters();
  return (
    <form
      role="search"
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ q: query.trim() });
      }}
    >
      <div className="relative min-w-64 flex-1">
        <Search className="absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          aria-label="Search rows"
          placeholder="Search prompts, responses and ids"
          className="pl-8"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {subsets.length > 1 ? (
        <NativeSelect
          aria-label="Subset"
          className="w-auto"
          value={params.get("subset") ?? ""}
          onChange={(e) => apply({ subset: e.target.value })}
        >
          <option value="">All subsets</option>
          {subsets.map((subset) => (
            <option key={subset} value={subset}>
              {subset}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      <Button type="submit" variant="outline">
        Search
      </Button>
    </form>
  );
}
