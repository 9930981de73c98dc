// Previous / next links for server-paginated lists; the page lives in the URL (?page=N) next to any filters.
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  hrefFor,
  noun = "in all",
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath?: string;
  /** The link to page p; defaults to basePath?page=p. */
  hrefFor?: (p: number) => string;
  noun?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = hrefFor ?? ((p: number) => (p <= 1 ? (basePath ?? "") : `${basePath}?page=${p}`));
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
      <span>
        Page {page.toLocaleString("en-US")} of {pages.toLocaleString("en-US")} · {total.toLocaleString("en-US")} {noun}
      </span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page - 1)} rel="prev">
              Previous
            </Link>
          </Button>
        ) : null}
        {page < pages ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page + 1)} rel="next">
              Next
            </Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}

/** Read ?page= safely: anything that is not a positive integer is page 1. */
export function pageFromSearchParam(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  const page = text && /^\d{1,9}$/.test(text) ? Number(text) : 1;
  return Math.max(1, page);
}
