// Previous / next links for server-paginated lists; the page lives in the URL (?page=N).
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function Pagination({ page, pageSize, total, basePath }: { page: number; pageSize: number; total: number; basePath: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => (p <= 1 ? basePath : `${basePath}?page=${p}`);
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
      <span>
        Page {page} of {pages} · {total.toLocaleString("en-US")} in all
      </span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page - 1)}>Previous</Link>
          </Button>
        ) : null}
        {page < pages ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page + 1)}>Next</Link>
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
