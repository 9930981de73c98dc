"use client";
// How a new judge job judges: orders, samples and temperature, the verdict rule, how best-of-n
// data is ranked, extra criteria for the judge prompt, a token budget, the seed and the name.
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Section } from "@/components/ui/form-section";
import { Textarea } from "@/components/ui/textarea";
import type { JobEstimate } from "@/app/judge/actions";
import { MAX_CRITERIA_CHARS } from "@/lib/pipeline/jobs/job-config";
import { VERDICT_RULE_DESCRIPTIONS, VERDICT_RULE_LABELS, VERDICT_RULES, type VerdictRule } from "@/lib/pipeline/parse-verdict";
import type { DraftSetter, JobDraft } from "./form-types";

const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

export function SettingsSection({
  draft,
  set,
  error,
  estimate,
}: {
  draft: JobDraft;
  set: DraftSetter;
  error: (field: string) => string | undefined;
  estimate: JobEstimate | null;
}) {
  const bestOfN = estimate ? estimate.responseCounts.some((c) => c.responses > 2) : false;
  const number = (key: "samples" | "temperature" | "seed", label: string, step = "1") => (
    <Field id={key} label={label} error={error(key)}>
      {(control) => (
        <Input {...control} type="number" step={step} value={String(draft[key])} onChange={(e) => set(key, Number(e.target.value))} />
      )}
    </Field>
  );
  return (
    <Section
      title="How to judge"
      description="Both orders cancel position bias and measure consistency; N samples are combined by majority vote."
    >
      {number("samples", "Samples (N)")}
      {number("temperature", "Temperature", "0.1")}
      <Field
        id="verdictRule"
        label="Verdict rule"
        error={error("verdictRule")}
        className="sm:col-span-2"
        hint={
          draft.verdictRule
            ? VERDICT_RULE_DESCRIPTIONS[draft.verdictRule]
            : "The run's evaluation rule for a run's judge; RAM's for a model."
        }
      >
        {(control) => (
          <NativeSelect
            {...control}
            value={draft.verdictRule ?? ""}
            onChange={(e) => set("verdictRule", e.target.value === "" ? null : (e.target.value as VerdictRule))}
          >
            <option value="">The judge&apos;s own</option>
            {VERDICT_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {VERDICT_RULE_LABELS[rule]}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input
          type="checkbox"
          className="size-4 accent-[var(--primary)]"
          checked={draft.bothOrders}
          onChange={(e) => set("bothOrders", e.target.checked)}
        />
        Judge both orders (each response shown first once)
      </label>
      <Field
        id="ranking"
        label="Best-of-n ranking"
        className="sm:col-span-2"
        error={error("ranking")}
        hint={
          bestOfN ? "Knockout: n − 1 comparisons; round-robin: every pair, n(n − 1)/2." : "Used when a prompt has more than two responses."
        }
      >
        {(control) => (
          <NativeSelect {...control} value={draft.ranking} onChange={(e) => set("ranking", e.target.value as JobDraft["ranking"])}>
            <option value="knockout">Seeded knockout</option>
            <option value="round-robin">Round-robin</option>
          </NativeSelect>
        )}
      </Field>
      <Field
        id="criteria"
        label="Extra criteria (optional)"
        className="sm:col-span-4"
        error={error("criteria")}
        hint={`Appended to the judge prompt after the answers and stored with the job (at most ${MAX_CRITERIA_CHARS.toLocaleString("en-US")} characters).`}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            placeholder="e.g. Prefer answers that cite the policy document; penalize made-up numbers."
            value={draft.criteria}
            onChange={(e) => set("criteria", e.target.value)}
          />
        )}
      </Field>
      <Field
        id="budget.maxTokens"
        label="Token budget"
        error={error("budget.maxTokens")}
        hint="The job pauses when it is spent; empty: none."
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            min={1}
            value={draft.budget.maxTokens ?? ""}
            onChange={(e) => set("budget", { maxTokens: numberOrNull(e.target.value) })}
          />
        )}
      </Field>
      {number("seed", "Seed")}
      <Field id="name" label="Name" className="sm:col-span-2" error={error("name")}>
        {(control) => (
          <Input
            {...control}
            value={draft.name}
            placeholder="Default: the data and the judge"
            onChange={(e) => set("name", e.target.value)}
          />
        )}
      </Field>
    </Section>
  );
}
