"use client";
// The data of a new judge job: a dataset of responses to judge (pairwise, best-of-n, or two
// systems' outputs joined) or a labelled pair set, with links to import more.
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { Section } from "@/components/ui/form-section";
import { formatCount } from "@/lib/format/numbers";
import type { DraftSetter, FormDataset, JobDraft } from "./form-types";

export function DataSection({
  draft,
  set,
  error,
  datasets,
}: {
  draft: JobDraft;
  set: DraftSetter;
  error: (field: string) => string | undefined;
  datasets: FormDataset[];
}) {
  const responses = datasets.filter((d) => d.kind === "responses");
  const pairs = datasets.filter((d) => d.kind === "pairs");
  return (
    <Section
      title="Data"
      description="Two or more responses per prompt; a label column (optional) lets you see how often the judge agrees with it."
    >
      <Field
        id="dataset"
        label="Dataset"
        className="sm:col-span-2"
        error={error("dataset")}
        hint={
          <>
            <Link className="underline" href="/datasets/import?kind=responses">
              Import responses to judge
            </Link>{" "}
            (JSONL, JSON, CSV, parquet or the Hugging Face hub; two systems&apos; output files are joined by id or prompt).
          </>
        }
      >
        {(control) => (
          <NativeSelect {...control} value={draft.dataset} onChange={(e) => set("dataset", e.target.value)}>
            {datasets.length === 0 ? <option value="">No data to judge yet</option> : null}
            {responses.length > 0 ? (
              <optgroup label="Responses to judge">
                {responses.map((d) => (
                  <option key={d.name} value={d.name}>
                    {d.name} ({formatCount(d.rowCount)})
                  </option>
                ))}
              </optgroup>
            ) : null}
            {pairs.length > 0 ? (
              <optgroup label="Labelled pair sets (chosen vs rejected)">
                {pairs.map((d) => (
                  <option key={d.name} value={d.name}>
                    {d.name} ({formatCount(d.rowCount)})
                  </option>
                ))}
              </optgroup>
            ) : null}
          </NativeSelect>
        )}
      </Field>
      <Field id="maxItems" label="At most (items)" error={error("maxItems")} hint="A seeded sample of the data; empty: every item.">
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            className="h-9 rounded-md border bg-background px-3 text-sm"
            value={draft.maxItems ?? ""}
            onChange={(e) => set("maxItems", e.target.value === "" ? null : Number(e.target.value))}
          />
        )}
      </Field>
    </Section>
  );
}
