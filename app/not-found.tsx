// Shown for unknown URLs and for ids that do not exist (notFound()).
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/feedback/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      title="Not found"
      action={
        <Button asChild variant="outline">
          <Link href="/runs">Go to runs</Link>
        </Button>
      }
    >
      This page or item does not exist. It may have been deleted.
    </EmptyState>
  );
}
