"use client";
/**
 * Create / edit a backend. The form keeps a draft of what was typed; the server action validates
 * it with the backend zod schema and its errors are shown next to the field they name. A preset
 * fills sensible defaults without overwriting what the user changed. "Test connection" checks the
 * values on screen, saved or not.
 */
import { Loader2, Plus, Plug, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { saveBackendAction, testConnectionAction } from "@/app/backends/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { draftToInput, switchPreset, type BackendDraft } from "@/lib/backends/backend-draft";
import { BACKEND_PRESETS, PRESET_IDS, type PresetId } from "@/lib/backends/presets";
import type { ActionResult } from "@/lib/errors";
import type { ConnectionCheck } from "@/lib/inference/list-models";
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

      <Card>
        <CardHeader>
          <CardTitle>Server</CardTitle>
          <CardDescription>Any server that speaks the OpenAI chat-completions API.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-5 md:grid-cols-2">
            <Field id="preset" label="Preset" hint={preset.hint} error={fieldErrors.preset}>
              {(control) => (
                <NativeSelect
                  {...control}
                  value={draft.preset}
                  onChange={(event) => setDraft((d) => switchPreset(d, event.target.value as PresetId))}
                >
                  {PRESET_IDS.map((id) => (
                    <option key={id} value={id}>
                      {BACKEND_PRESETS[id].label}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
            <Field id="name" label="Name" hint="Shown in run configs; must be unique." error={fieldErrors.name}>
              {(control) => <Input {...control} value={draft.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" />}
            </Field>
          </div>

          <fieldset className="grid gap-2">
            <legend className="mb-1.5 text-sm font-medium">Base URLs</legend>
            <p className="-mt-1 text-xs text-muted-foreground">
              One per replica of the same model server; requests are spread over them. Usually ends in /v1.
            </p>
            {draft.baseUrls.map((url, index) => {
              const error = fieldErrors[`baseUrls.${index}`];
              const id = `baseUrls-${index}`;
              return (
                <div key={index} className="grid gap-1">
                  <div className="flex gap-2">
                    <Input
                      id={id}
                      aria-label={`Base URL ${index + 1}`}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? `${id}-error` : undefined}
                      value={url}
                      placeholder="http://localhost:8000/v1"
                      className="font-mono"
                      onChange={(event) => setUrl(index, event.target.value)}
                      autoComplete="off"
                      spellCheck={false}
                    />
                    {draft.baseUrls.length > 1 ? (
                      <Button
                        variant="ghost"
                        size="icon"
                        aria-label={`Remove base URL ${index + 1}`}
                        onClick={() =>
                          set(
                            "baseUrls",
                            draft.baseUrls.filter((_, i) => i !== index),
                          )
                        }
                      >
                        <X />
                      </Button>
                    ) : null}
                  </div>
                  {error ? (
                    <p id={`${id}-error`} className="text-xs font-medium text-destructive">
                      {error}
                    </p>
                  ) : null}
                </div>
              );
            })}
            {fieldErrors.baseUrls ? <p className="text-xs font-medium text-destructive">{fieldErrors.baseUrls}</p> : null}
            <div>
              <Button variant="outline" size="sm" onClick={() => set("baseUrls", [...draft.baseUrls, ""])}>
                <Plus /> Add replica
              </Button>
            </div>
          </fieldset>

          <Field
            id="apiKeyEnv"
            label="API key environment variable"
            hint="The NAME of a variable set where Judge Lab runs (e.g. OPENAI_API_KEY). The key itself is never stored. Leave empty for servers without a key."
            error={fieldErrors.apiKeyEnv}
          >
            {(control) => (
              <Input
                {...control}
                value={draft.apiKeyEnv}
                placeholder="OPENAI_API_KEY"
                className="font-mono md:max-w-sm"
                onChange={(e) => set("apiKeyEnv", e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Limits</CardTitle>
          <CardDescription>Judge Lab never exceeds these. Leave a rate empty for no limit.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="maxInFlight" label="Max in-flight requests" error={fieldErrors.maxInFlight}>
            {(control) => (
              <Input {...control} inputMode="numeric" value={draft.maxInFlight} onChange={(e) => set("maxInFlight", e.target.value)} />
            )}
          </Field>
          <Field id="requestsPerMinute" label="Requests per minute" error={fieldErrors.requestsPerMinute}>
            {(control) => (
              <Input
                {...control}
                inputMode="numeric"
                placeholder="No limit"
                value={draft.requestsPerMinute}
                onChange={(e) => set("requestsPerMinute", e.target.value)}
              />
            )}
          </Field>
          <Field id="tokensPerMinute" label="Tokens per minute" error={fieldErrors.tokensPerMinute}>
            {(control) => (
              <Input
                {...control}
                inputMode="numeric"
                placeholder="No limit"
                value={draft.tokensPerMinute}
                onChange={(e) => set("tokensPerMinute", e.target.value)}
              />
            )}
          </Field>
          <Field id="timeoutSeconds" label="Request timeout (seconds)" error={fieldErrors.timeoutSeconds}>
            {(control) => (
              <Input
                {...control}
                inputMode="decimal"
                value={draft.timeoutSeconds}
                onChange={(e) => set("timeoutSeconds", e.target.value)}
              />
            )}
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Capabilities</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-[var(--primary)]"
              checked={draft.supportsN}
              onChange={(e) => set("supportsN", e.target.checked)}
            />
            <span>
              <span className="font-medium">Supports n</span>
              <span className="block text-muted-foreground">One request returns N samples (sends the prompt once instead of N times).</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-[var(--primary)]"
              checked={draft.supportsFineTuning}
              onChange={(e) => set("supportsFineTuning", e.target.checked)}
            />
            <span>
              <span className="font-medium">Fine-tuning API</span>
              <span className="block text-muted-foreground">Speaks the OpenAI fine-tuning protocol (/v1/files, /v1/fine_tuning/jobs).</span>
            </span>
          </label>
        </CardContent>
      </Card>

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
