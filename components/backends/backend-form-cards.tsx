"use client";
// The three groups of the backend form, each its own card; the form owns the draft and passes it down.
import { Plus, X } from "lucide-react";
import type { Dispatch, SetStateAction } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { switchPreset, type BackendDraft } from "@/lib/backends/backend-draft";
import { BACKEND_PRESETS, PRESET_IDS, type PresetId } from "@/lib/backends/presets";

/** The server: name, preset, base URLs (one per replica) and the API key variable. */
export function ServerCard({
  draft,
  set,
  setUrl,
  setDraft,
  fieldErrors,
  preset,
}: {
  draft: BackendDraft;
  set: <K extends keyof BackendDraft>(key: K, value: BackendDraft[K]) => void;
  setUrl: (index: number, value: string) => void;
  setDraft: Dispatch<SetStateAction<BackendDraft>>;
  fieldErrors: Record<string, string>;
  preset: (typeof BACKEND_PRESETS)[PresetId];
}) {
  return (
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
  );
}

/** The limits Judge Lab keeps to: requests in flight, per minute, tokens per minute, timeout. */
export function LimitsCard({
  draft,
  set,
  fieldErrors,
}: {
  draft: BackendDraft;
  set: <K extends keyof BackendDraft>(key: K, value: BackendDraft[K]) => void;
  fieldErrors: Record<string, string>;
}) {
  return (
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
            <Input {...control} inputMode="decimal" value={draft.timeoutSeconds} onChange={(e) => set("timeoutSeconds", e.target.value)} />
          )}
        </Field>
      </CardContent>
    </Card>
  );
}

/** What the server can do: n-sampling, the fine-tuning API. */
export function CapabilitiesCard({
  draft,
  set,
}: {
  draft: BackendDraft;
  set: <K extends keyof BackendDraft>(key: K, value: BackendDraft[K]) => void;
}) {
  return (
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
  );
}
