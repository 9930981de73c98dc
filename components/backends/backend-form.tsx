"use client";
/**
 * Create / edit a backend. The form keeps a draft of what was typed; the server action validates
 * it with the backend zod schema and its errors are shown next to the field they name. A preset
 * fills sensible defaults without overwriting what the user changed. "Test connection" checks the
 * values on screen, saved or not.
 */
import { Loader2, Plug } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { saveBackendAction, testConnectionAction } from "@/app/backends/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Button } from "@/components/ui/button";
import { draftToInput, type BackendDraft } from "@/lib/backends/backend-draft";
import { BACKEND_PRESETS } from "@/lib/backends/presets";
import type { ActionResult } from "@/lib/errors";
import type { ConnectionCheck } from "@/lib/inference/list-models";
import { CapabilitiesCard, LimitsCard, ServerCard } from "./backend-form-cards";
import { ConnectionResult } from "./connection-result";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

const fieldLabels: Record<string, string> = {
  name: "Name",
  preset: "Preset",
  baseUrls: "Base URLs",
  apiKeyEnv: "API key environment variable",
  maxInFlight: "Max in-flight requests",
  requestsPerMinute: "Requests per minute",
  tokensPerMinute: "Tokens per minute",
  timeoutSeconds: "Request timeout",
};

function fieldLabel(path: string): string {
  const replica = /^baseUrls\.(\d+)$/.exec(path);
  return replica ? `Base URL ${Number(replica[1]) + 1}` : (fieldLabels[path] ?? path);
}

/** The banner over a form: which fields to fix, by their labels, or the server's message. */
function failureText(failure: Failure, what: string): string {
  const fields = Object.keys(failure.fieldErrors ?? {});
  if (fields.length === 0 || !failure.code.startsWith("bad_request")) return failure.message;
  return `${what}: fix ${fields.map(fieldLabel).join(", ")}.`;
}

export function BackendForm({ initial, backendId }: { initial: BackendDraft; backendId?: number }) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [testFailure, setTestFailure] = useState<Failure | null>(null);
  const fieldErrors = { ...testFailure?.fieldErrors, ...failure?.fieldErrors };

  const set = <K extends keyof BackendDraft>(key: K, value: BackendDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setUrl = (index: number, value: string) =>
    setDraft((d) => ({ ...d, baseUrls: d.baseUrls.map((url, i) => (i === index ? value : url)) }));

  const save = useServerAction((input: { draft: BackendDraft }) => saveBackendAction(draftToInput(input.draft), backendId), {
    onDone: (result) => {
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setFailure(null);
      toast.success(backendId ? `Saved "${draft.name.trim()}"` : `Added "${draft.name.trim()}"`);
      router.push("/backends");
    },
  });

  const test = useServerAction(
    (input: { draft: BackendDraft }) => {
      const values = draftToInput(input.draft);
      return testConnectionAction({ baseUrls: values.baseUrls, apiKeyEnv: values.apiKeyEnv, timeoutSeconds: values.timeoutSeconds });
    },
    {
      onStart: () => {
        setCheck(null);
        setTestFailure(null);
      },
      onDone: (result) => (result.ok ? setCheck(result.data) : setTestFailure(result)),
    },
  );

  const preset = BACKEND_PRESETS[draft.preset];

  return (
    <form
      noValidate
      className="grid gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ draft });
      }}
      aria-label={backendId ? "Edit backend" : "New backend"}
    >
      {failure ? <InlineAlert tone="error">{failureText(failure, "The backend was not saved")}</InlineAlert> : null}

      <ServerCard draft={draft} set={set} setUrl={setUrl} setDraft={setDraft} fieldErrors={fieldErrors} preset={preset} />

      <LimitsCard draft={draft} set={set} fieldErrors={fieldErrors} />

      <CapabilitiesCard draft={draft} set={set} />

      <div className="grid gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? <Loader2 className="animate-spin" /> : null}
            {backendId ? "Save changes" : "Add backend"}
          </Button>
          <Button variant="outline" onClick={() => test.mutate({ draft })} disabled={test.isPending}>
            {test.isPending ? <Loader2 className="animate-spin" /> : <Plug />}
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
          <Button variant="ghost" asChild>
            <Link href="/backends">Cancel</Link>
          </Button>
        </div>
        {testFailure ? <InlineAlert tone="error">{failureText(testFailure, "Cannot test the connection")}</InlineAlert> : null}
        {check ? <ConnectionResult check={check} /> : null}
      </div>
    </form>
  );
}
