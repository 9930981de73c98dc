"use client";
// Error state for any page: says what failed and offers a retry. Server errors arrive without
// their message in production (Next hides it); the digest matches the line in the server log.
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/feedback/error-state";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be loaded"
      action={
        <Button variant="outline" onClick={() => reset()}>
          Try again
        </Button>
      }
    >
      <p>{error.digest ? "The server hit an error while preparing this page." : error.message}</p>
      {error.digest ? (
        <p className="mt-2">
          The server log has the details under <code className="rounded bg-muted px-1 font-mono text-xs">{error.digest}</code>.
        </p>
      ) : null}
    </ErrorState>
  );
}
