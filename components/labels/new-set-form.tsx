"use client";
// The new annotation set form: the kind, its source (a run and iteration, a run and eval set, or a
// pairwise judge job), the size, labels per item and seed; refusals are shown on their fields.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createAnnotationSetAction } from "@/app/labels/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { SetSourceChoices } from "@/lib/db/queries/annotation-sources";
import { SET_KIND_NAMES } from "./sets-table";

type Kind = keyof typeof SET_KIND_NAMES;

const KIND_HINTS: Record<Kind, string> = {
  "training-pairs":
    "k pairs per category from a run's training pairs; people say whether y_w really beats y_l (the synthetic-label audit) and each iteration's judge is compared with them.",
  "eval-disagreements": "The eval items on which a run's iterations do not all give the same verdict.",
  "judge-job": "A pairwise judge job's items; the data's own label column can count as a named external annotator.",
};

export function NewSetForm({
  choices,
  initialRunId,
  initialJobId,
}: {
  choices: SetSourceChoices;
  initialRunId: number | null;
  initialJobId: number | null;
}) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(initialJobId ? "judge-job" : "training-pairs");
  const [runId, setRunId] = useState<number | null>(initialRunId ?? choices.runs.find((r) => r.pairs > 0)?.id ?? null);
  const run = choices.runs.find((r) => r.id === runId);
  const [datasetId, setDatasetId] = useState<number | null>(run?.evalSets[0]?.id ?? null);
  const [jobId, setJobId] = useState<number | null>(initialJobId ?? choices.jobs[0]?.id ?? null);
  const job = choices.jobs.find((j) => j.id === jobId);
  const [perCategory, setPerCategory] = useState("4");
  const [iteration, setIteration] = useState("0");
  const [maxItems, setMaxItems] = useState("200");
  const [labelsPerItem, setLabelsPerItem] = useState("1");
  const [importLabelsAs, setImportLabelsAs] = useState("");
  const [seed, setSeed] = useState("1");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useServerAction(createAnnotationSetAction, {
    onDone: (result) => {
      if (result.ok) {
        toast.success(`Annotation set made: ${result.data.items} items`);
        router.push(`/labels/${result.data.setId}`);
      } else {
        setErrors(result.fieldErrors ?? { "(form)": result.message });
        toast.error(result.message);
      }
    },
  });
  const defaultName =
    kind === "judge-job"
      ? `People vs ${job ? `job #${job.id}` : "a judge job"}`
      : kind === "training-pairs"
        ? `Audit of run #${runId ?? "?"}`
        : `Disagreements of run #${runId ?? "?"}`;
  const number = (text: string) => (text.trim() === "" ? undefined : Number(text));
  const submit = () => {
    setErrors({});
    const common = { name: name.trim() || defaultName, labelsPerItem: number(labelsPerItem), seed: number(seed) };
    const input =
      kind === "training-pairs"
        ? { kind, runId, perCategory: number(perCategory), iteration: number(iteration), ...common }
        : kind === "eval-disagreements"
          ? { kind, runId, datasetId, maxItems: number(maxItems), ...common }
          : { kind, jobId, maxItems: number(maxItems), importLabelsAs: importLabelsAs.trim() || null, ...common };
    create.mutate(input);
  };
  const error = (field: string) => errors[field];
  return (
    <form
      className="grid max-w-3xl gap-6"
      aria-label="New annotation set"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Card>
        <CardHeader>
          <CardTitle>What people label</CardTitle>
          <CardDescription>{KIND_HINTS[kind]}</CardDescription>
        </CardHeader>
        <CardContent className="grid items-start gap-4 sm:grid-cols-2">
          <Field id="set-kind" label="Kind" error={error("kind")}>
            {(control) => (
              <NativeSelect {...control} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {Object.entries(SET_KIND_NAMES).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          {kind === "judge-job" ? (
            <Field
              id="set-job"
              label="Judge job (pairwise)"
              error={error("jobId")}
              hint={choices.jobs.length === 0 ? "No pairwise judge job yet: launch one on the Judge page." : undefined}
            >
              {(control) => (
                <NativeSelect {...control} value={jobId ?? ""} onChange={(e) => setJobId(Number(e.target.value) || null)}>
                  {choices.jobs.map((j) => (
                    <option key={j.id} value={j.id}>
                      #{j.id} {j.name} ({j.datasetName})
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
          ) : (
            <Field
              id="set-run"
              label="Run"
              error={error("runId")}
              hint={choices.runs.length === 0 ? "No run yet: launch one on the Runs page." : undefined}
            >
              {(control) => (
                <NativeSelect
                  {...control}
                  value={runId ?? ""}
                  onChange={(e) => {
                    const next = Number(e.target.value) || null;
                    setRunId(next);
                    setDatasetId(choices.runs.find((r) => r.id === next)?.evalSets[0]?.id ?? null);
                  }}
                >
                  {choices.runs.map((r) => (
                    <option key={r.id} value={r.id}>
                      #{r.id} {r.name} ({r.pairs} pairs, {r.status})
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
          )}
          {kind === "training-pairs" ? (
            <>
              <Field id="set-per-category" label="Pairs per category" error={error("perCategory")}>
                {(control) => (
                  <Input {...control} inputMode="numeric" value={perCategory} onChange={(e) => setPerCategory(e.target.value)} />
                )}
              </Field>
              <Field
                id="set-iteration"
                label="Kept or dropped at iteration"
                error={error("iteration")}
                hint="Which iteration's filter decides each pair's kept or dropped status (the last iteration only evaluates)."
              >
                {(control) => (
                  <NativeSelect {...control} value={iteration} onChange={(e) => setIteration(e.target.value)}>
                    {Array.from({ length: Math.max(1, (run?.iterations ?? 1) - 1) }, (_, index) => (
                      <option key={index} value={index}>
                        iteration {index}
                      </option>
                    ))}
                  </NativeSelect>
                )}
              </Field>
            </>
          ) : null}
          {kind === "eval-disagreements" ? (
            <Field
              id="set-eval"
              label="Eval set"
              error={error("datasetId")}
              hint={run && run.evalSets.length === 0 ? "This run has no eval set." : undefined}
            >
              {(control) => (
                <NativeSelect {...control} value={datasetId ?? ""} onChange={(e) => setDatasetId(Number(e.target.value) || null)}>
                  {(run?.evalSets ?? []).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
          ) : null}
          {kind !== "training-pairs" ? (
            <Field id="set-max-items" label="At most this many items (a seeded sample above it)" error={error("maxItems")}>
              {(control) => <Input {...control} inputMode="numeric" value={maxItems} onChange={(e) => setMaxItems(e.target.value)} />}
            </Field>
          ) : null}
          {kind === "judge-job" ? (
            <Field
              id="set-import-labels"
              label="Count the data's labels as annotator (optional)"
              error={error("importLabelsAs")}
              hint={job ? `${job.labelled} item(s) of "${job.datasetName}" have a label. Leave empty to ignore them.` : undefined}
            >
              {(control) => (
                <Input
                  {...control}
                  placeholder="e.g. MT-Bench experts"
                  value={importLabelsAs}
                  onChange={(e) => setImportLabelsAs(e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Set</CardTitle>
        </CardHeader>
        <CardContent className="grid items-start gap-4 sm:grid-cols-3">
          <Field id="set-name" label="Name" error={error("name")}>
            {(control) => <Input {...control} placeholder={defaultName} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field
            id="set-labels-per-item"
            label="Labels per item"
            error={error("labelsPerItem")}
            hint="People per item before it leaves the queue."
          >
            {(control) => (
              <Input {...control} inputMode="numeric" value={labelsPerItem} onChange={(e) => setLabelsPerItem(e.target.value)} />
            )}
          </Field>
          <Field id="set-seed" label="Seed" error={error("seed")} hint="The sample, the order and each item's left/right.">
            {(control) => <Input {...control} inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />}
          </Field>
        </CardContent>
      </Card>
      {errors["(form)"] ? <InlineAlert tone="error">{errors["(form)"]}</InlineAlert> : null}
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Making the set…" : "Make the set"}
        </Button>
      </div>
    </form>
  );
}
