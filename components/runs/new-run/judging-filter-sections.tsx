"use client";
// Stages 3 and 4 of the New Run form: how the judge samples (N, temperature, top_p, the verdict rule, orders) and what the filter keeps.
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { VERDICT_RULE_DESCRIPTIONS, VERDICT_RULE_LABELS, VERDICT_RULES, type VerdictRule } from "@/lib/pipeline/parse-verdict";
import { Section } from "@/components/ui/form-section";
import type { ConfigDraft } from "./use-config-draft";

export function JudgingAndFilterSections({ f }: { f: ConfigDraft }) {
  const { value, set, error, numberInput, selectInput } = f;
  return (
    <>
      <Section
        title="Judging"
        description="Stage 3: N sampled judgments per pair and order (the paper samples at temperature 0.7, top_p 0.9)."
      >
        {numberInput("judging.samples", "Samples (N)")}
        {numberInput("judging.temperature", "Temperature")}
        {numberInput("judging.topP", "top_p")}
        {numberInput("judging.maxTokens", "Max tokens")}
        {selectInput(
          "judging.verdictRule",
          "Verdict rule",
          VERDICT_RULES.map((rule) => [rule, VERDICT_RULE_LABELS[rule]] as const),
          { fallback: "ram", hint: VERDICT_RULE_DESCRIPTIONS[(value("judging.verdictRule") as VerdictRule | undefined) ?? "ram"] },
        )}
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input
            type="checkbox"
            className="size-4 accent-[var(--primary)]"
            checked={Boolean(value("judging.bothOrders") ?? true)}
            onChange={(e) => set("judging.bothOrders", e.target.checked)}
          />
          Judge both orders (y_w as A and as B)
        </label>
      </Section>

      <Section
        title="Filter"
        description="Stage 4: rejection sampling keeps correct traces; balancing equalizes “A is better” and “B is better”."
      >
        <Field id="filter.mode" label="Keep" error={error("filter.mode")} className="sm:col-span-2">
          {(control) => (
            <NativeSelect
              {...control}
              value={String(value("filter.mode") ?? "one-correct")}
              onChange={(e) => set("filter.mode", e.target.value)}
            >
              <option value="one-correct">One correct trace per pair and order</option>
              <option value="majority">Only pairs whose majority is correct</option>
            </NativeSelect>
          )}
        </Field>
        {value("filter.mode") === "majority" ? numberInput("filter.majorityThreshold", "Majority threshold") : null}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-[var(--primary)]"
            checked={Boolean(value("filter.balance") ?? true)}
            onChange={(e) => set("filter.balance", e.target.checked)}
          />
          Balance A and B
        </label>
      </Section>
    </>
  );
}
