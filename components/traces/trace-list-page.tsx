// The frame of a trace list page (training pairs, eval items): its header, the filters (in the URL),
// then the results.
import type { ReactNode } from "react";
import type { FilterFieldSpec } from "@/lib/traces/filter-options";
import { ListFilters } from "./list-filters";

export function TraceListPage({
  header,
  searchLabel,
  fields,
  children,
}: {
  header: ReactNode;
  searchLabel: string;
  fields: FilterFieldSpec[];
  children: ReactNode;
}) {
  return (
    <>
      {header}
      <div className="grid gap-4">
        <ListFilters searchLabel={searchLabel} fields={fields} />
        {children}
      </div>
    </>
  );
}
