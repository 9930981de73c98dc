"use client";
/**
 * The Backends list: one card per backend with its settings, "Test connection" (models found or
 * the error in plain words), edit and delete (confirmed; refused while a run uses the backend).
 */
import { KeyRound, Loader2, Pencil, Plug, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { deleteBackendAction, testSavedBackendAction } from "@/app/backends/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { BackendView } from "@/lib/backends/backend-view";
import { ConnectionResult } from "./connection-result";

function rateLimitText(backend: BackendView): string {
  const limits = [
    backend.requestsPerMinute === null ? null : `${backend.requestsPerMinute.toLocaleString("en-US")} req/min`,
    backend.tokensPerMinute === null ? null : `${backend.tokensPerMinute.toLocaleString("en-US")} tok/min`,
  ].filter(Boolean);
  return limits.length === 0 ? "none" : limits.join(" · ");
}

export function BackendList({ backends }: { backends: BackendView[] }) {
  return (
    <ul className="grid gap-4" aria-label="Backends">
      {backends.map((backend) => (
        <li key={backend.id}>
          <BackendCard backend={backend} />
        </li>
      ))}
    </ul>
  );
}

function BackendCard({ backend }: { backend: BackendView }) {
  const router = useRouter();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const test = useServerAction(testSavedBackendAction);
  const remove = useServerAction(deleteBackendAction, {
    onDone: (result) => {
      if (result.ok) {
        toast.success(`Deleted "${backend.name}"`);
        router.refresh();
      } else {
        toast.error(result.message);
      }
    },
  });

  return (
    <Card className="p-5" aria-label={backend.name} role="group">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate text-base font-semibold">{backend.name}</h2>
            <Badge variant="secondary">{backend.preset === "simjudge" ? "SimJudge" : backend.presetLabel}</Badge>
            {backend.preset === "simjudge" ? <Badge variant="warning">simulated</Badge> : null}
            {backend.builtin ? <Badge variant="outline">built-in</Badge> : null}
          </div>
          <ul className="mt-1.5 space-y-0.5" aria-label="Base URLs">
            {backend.baseUrls.map((url) => (
              <li key={url} className="break-all font-mono text-xs text-muted-foreground">
                {url}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          <Button variant="outline" size="sm" onClick={() => test.mutate(backend.id)} disabled={test.isPending}>
            {test.isPending ? <Loader2 className="animate-spin" /> : <Plug />}
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
          <Button variant="ghost" size="sm" asChild>
            <Link href={`/backends/${backend.id}/edit`} aria-label={`Edit ${backend.name}`}>
              <Pencil /> Edit
            </Link>
          </Button>
          {backend.builtin ? null : (
            <AlertDialog open={confirmOpen} onOpenChange={setConfirmOpen}>
              <AlertDialogTrigger asChild>
                <Button variant="ghost" size="sm" aria-label={`Delete ${backend.name}`} disabled={remove.isPending}>
                  <Trash2 /> Delete
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogTitle>Delete &ldquo;{backend.name}&rdquo;?</AlertDialogTitle>
                <AlertDialogDescription>
                  Only its settings are removed; the model server is not touched. A backend used by a run cannot be deleted.
                </AlertDialogDescription>
                <AlertDialogFooter>
                  <AlertDialogCancel>Cancel</AlertDialogCancel>
                  <AlertDialogAction onClick={() => remove.mutate(backend.id)}>Delete</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          )}
        </div>
      </div>

      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm md:grid-cols-4">
        <div>
          <dt className="text-xs text-muted-foreground">API key</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-1.5">
            {backend.apiKeyEnv ? (
              <>
                <KeyRound className="size-3.5 text-muted-foreground" aria-hidden />
                <span className="font-mono text-xs">{backend.apiKeyEnv}</span>
                {backend.apiKeySet ? <Badge variant="success">set</Badge> : <Badge variant="destructive">not set</Badge>}
              </>
            ) : (
              <span className="text-muted-foreground">none</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Max in flight</dt>
          <dd className="mt-0.5 tabular-nums">{backend.maxInFlight.toLocaleString("en-US")}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Rate limits</dt>
          <dd className="mt-0.5 tabular-nums">{rateLimitText(backend)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Timeout · capabilities</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-1.5">
            <span className="tabular-nums">{backend.timeoutMs / 1000} s</span>
            {backend.supportsN ? <Badge variant="outline">n-sampling</Badge> : null}
            {backend.supportsFineTuning ? <Badge variant="outline">fine-tuning</Badge> : null}
          </dd>
        </div>
      </dl>

      {test.data ? (
        <div className="mt-4">
          {test.data.ok ? <ConnectionResult check={test.data.data} /> : <InlineAlert tone="error">{test.data.message}</InlineAlert>}
        </div>
      ) : null}
    </Card>
  );
}
