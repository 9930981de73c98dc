"use client";
// Stage 1 of the New Run form: the instruction pool, how many instructions, the categories to classify and keep, and where y_w comes from.
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formatCount } from "@/lib/format/numbers";
import type { FormDataset } from "./form-types";
import { Section } from "@/components/ui/form-section";
import type { ConfigDraft } from "./use-config-draft";

export function InstructionsSection({ f, pools }: { f: ConfigDraft; pools: FormDataset[] }) {
  const { value, set, error, errors, text, setText, numberInput, selectInput } = f;
  const categories = (f.draft.instructions.categories ?? []) as { name: string; description?: string }[];
  return (
    <>
      <Section title="Instructions" description="Stage 1: classify a seeded sample of the pool, keep some categories, balance them.">
        <Field id="instructions.dataset" label="Instruction pool" error={error("instructions.dataset")} className="sm:col-span-2">
          {(control) => (
            <NativeSelect
              {...control}
              value={String(value("instructions.dataset") ?? "")}
              onChange={(e) => set("instructions.dataset", e.target.value)}
            >
              <option value="">Choose…</option>
              {pools.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name} ({formatCount(d.rows)} rows{d.builtin ? ", demo" : ""})
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        {numberInput("instructions.count", "Instructions to use")}
        {numberInput("instructions.perCategoryCap", "Per-category cap", { nullable: true })}
        {numberInput("instructions.candidates", "Candidates to classify", { nullable: true, hint: "Empty: 3 x the count." })}
        {selectInput(
          "pairs.goodResponse",
          "Good response (y_w)",
          [
            ["pool", "Pool's baseline when it has one"],
            ["generate", "Always generated"],
          ],
          { fallback: "pool", className: "sm:col-span-2", hint: "Pools imported with a response column carry baseline responses." },
        )}
        <Field
          id="instructions.categories"
          label="Categories (one per line: name: description)"
          hint="Empty: no classification, a seeded sample of the pool."
          error={error("instructions.categories")}
          className="sm:col-span-2 lg:col-span-3"
        >
          {(control) => (
            <Textarea
              {...control}
              rows={4}
              value={
                text["instructions.categories"] ?? categories.map((c) => `${c.name}${c.description ? `: ${c.description}` : ""}`).join("\n")
              }
              onChange={(event) => {
                setText((t) => ({ ...t, "instructions.categories": event.target.value }));
                const parsedCategories = event.target.value
                  .split("\n")
                  .map((line) => line.trim())
                  .filter(Boolean)
                  .map((line) => {
                    const [name, ...rest] = line.split(":");
                    return { name: name!.trim(), description: rest.join(":").trim() };
                  });
                set("instructions.categories", parsedCategories);
                set(
                  "instructions.keep",
                  ((value("instructions.keep") as string[]) ?? []).filter((k) => parsedCategories.some((c) => c.name === k)),
                );
              }}
            />
          )}
        </Field>
        {categories.length > 0 ? (
          <fieldset className="grid gap-1 sm:col-span-2 lg:col-span-4">
            <legend className="text-sm font-medium">Keep categories (none checked: keep all)</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {categories.map((c) => {
                const keep = (value("instructions.keep") as string[]) ?? [];
                return (
                  <label key={c.name} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-[var(--primary)]"
                      checked={keep.includes(c.name)}
                      onChange={(e) => set("instructions.keep", e.target.checked ? [...keep, c.name] : keep.filter((k) => k !== c.name))}
                    />
                    {c.name}
                  </label>
                );
              })}
            </div>
            {Object.entries(errors)
              .filter(([path]) => path.startsWith("instructions.keep"))
              .map(([path, message]) => (
                <p key={path} className="text-xs font-medium text-destructive">
                  {message}
                </p>
              ))}
          </fieldset>
        ) : null}
      </Section>
    </>
  );
}
