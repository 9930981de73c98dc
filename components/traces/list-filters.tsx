"use client";
/**
 * The filter bar of a trace list: one select per field and a text search. Every choice is written
 * to the URL (and resets the page), so a filtered view can be shared and survives a reload.
 */
import { Search } from "lucide-react";
import { useUrlFilters } from "@/components/shell/use-url-filters";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LabelledSelect } from "@/components/ui/labelled-select";

export type FilterField = {
  name: string;
  label: string;
  /** The first option is the default (its value is dropped from the URL when it is ""). */
  options: { value: string; label: string }[];
  /** A scope (iteration, eval set) rather than a filter: "Clear filters" keeps it. */
  scope?: boolean;
};

export function ListFilters({ fields, searchLabel }: { fields: FilterField[]; searchLabel?: string }) {
  const { params, query, setQuery, apply, navigate } = useUrlFilters();
  const active = fields.some((f) => !f.scope && params.get(f.name)) || Boolean(params.get("q"));
  return (
    <form
      role="search"
      aria-label="Filters"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ q: query.trim() });
      }}
    >
      {fields.map((field) => (
        <LabelledSelect
          key={field.name}
          id={`filter-${field.name}`}
          label={field.label}
          name={field.name}
          className="min-w-28"
          value={params.get(field.name) ?? field.options[0]?.value ?? ""}
          onChange={(e) => apply({ [field.name]: e.target.value })}
        >
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </LabelledSelect>
      ))}
      {searchLabel ? (
        <label className="grid min-w-56 flex-1 gap-1 text-xs font-medium text-muted-foreground">
          Search
          <span className="relative">
            <Search className="absolute left-2.5 top-2.5 size-4" aria-hidden />
            <Input
              name="q"
              aria-label={searchLabel}
              placeholder={searchLabel}
              className="pl-8 text-foreground"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </span>
        </label>
      ) : null}
      {searchLabel ? (
        <Button type="submit" variant="outline">
          Search
        </Button>
      ) : null}
      {active ? (
        <Button
          variant="ghost"
          onClick={() => {
            setQuery("");
            const keep = new URLSearchParams();
            for (const field of fields) if (field.scope && params.get(field.name)) keep.set(field.name, params.get(field.name)!);
            navigate(keep);
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}
