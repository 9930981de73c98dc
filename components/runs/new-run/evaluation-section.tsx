"use client";
// Stage 6 of the New Run form and the budget: the eval sets, orders, majority vote, sampling, the verdict rule, the item cap, the token budget.
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { formatCount } from "@/lib/format/numbers";
import { VERDICT_RULE_DESCRIPTIONS, VERDICT_RULE_LABELS, VERDICT_RULES, type VerdictRule } from "@/lib/pipeline/parse-verdict";
import type { FormDataset } from "./form-types";
import { Section } from "@/components/ui/form-section";
import type { ConfigDraft } from "./use-config-draft";

export function EvaluationAndBudgetSections({ f, pairSets }: { f: ConfigDraft; pairSets: FormDataset[] }) {
  const { value, set, error, errors, numberInput, selectInput } = f;
  const evalSets = (f.draft.evaluation?.datasets ?? []) as string[];
  return (
    <>
      <Section
        title="Evaluation"
        description="Stage 6: every iteration's judge on the labelled pair sets, scored with RewardBench's rules."
      >
        <fieldset className="grid gap-1 sm:col-span-2 lg:col-span-4">
          <legend className="text-sm font-medium">Eval sets</legend>
          {pairSets.length === 0 ? (
            <p className="text-sm text-muted-foreground">No labelled pair set yet: import one on the Datasets page.</p>
          ) : null}
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
            {pairSets.map((d) => (
              <label key={d.name} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-[var(--primary)]"
                  checked={evalSets.includes(d.name)}
                  onChange={(e) =>
                    set("evaluation.datasets", e.target.checked ? [...evalSets, d.name] : evalSets.filter((n) => n !== d.name))
                  }
                />
                {d.name} <span className="text-muted-foreground">({formatCount(d.rows)})</span>
              </label>
            ))}
          </div>
          {Object.entries(errors)
            .filter(([path]) => path.startsWith("evaluation.datasets"))
            .map(([path, message]) => (
              <p key={path} className="text-xs font-medium text-destructive">
                {message}
              </p>
            ))}
        </fieldset>
        <Field id="evaluation.protocol" label="Orders" error={error("evaluation.protocol")} className="sm:col-span-2">
          {(control) => (
            <NativeSelect
              {...control}
              value={String(value("evaluation.protocol") ?? "random-order")}
              onChange={(e) => set("evaluation.protocol", e.target.value)}
            >
              <option value="random-order">One random order per item (RewardBench)</option>
              <option value="both-orders">Both orders</option>
            </NativeSelect>
          )}
        </Field>
        {numberInput("evaluation.samples", "Samples (k, majority vote)")}
        {numberInput("evaluation.temperature", "Temperature", { hint: "0 is greedy decoding; majority vote needs more." })}
        {numberInput("evaluation.topP", "top_p")}
        {selectInput(
          "evaluation.verdictRule",
          "Verdict rule",
          VERDICT_RULES.map((rule) => [rule, VERDICT_RULE_LABELS[rule]] as const),
          { fallback: "ram", hint: VERDICT_RULE_DESCRIPTIONS[(value("evaluation.verdictRule") as VerdictRule | undefined) ?? "ram"] },
        )}
        {numberInput("evaluation.maxItems", "Max items per set", { nullable: true, hint: "Empty: all items." })}
      </Section>

      <Section title="Budget">
        {numberInput("budget.maxTokens", "Max tokens for the whole run", { nullable: true, hint: "The run pauses when it is spent." })}
      </Section>
    </>
  );
}
