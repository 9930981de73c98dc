"use client";
// The judge of a new judge job: a judge a run trained (any iteration; in-context judges bring
// their demonstrations), or any model on a backend with a judge prompt (the Self-Taught Evaluator
// prompt unless another is given).
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Section } from "@/components/ui/form-section";
import { Textarea } from "@/components/ui/textarea";
import type { JudgeChoice } from "@/lib/db/queries/judge-jobs";
import { JUDGE_PROMPT } from "@/lib/pipeline/prompts";
import type { DraftSetter, FormBackend, JobDraft } from "./form-types";

type Props = {
  draft: JobDraft;
  set: DraftSetter;
  error: (field: string) => string | undefined;
  choices: JudgeChoice[];
  backends: FormBackend[];
};

export function JudgeSection({ draft, set, error, choices, backends }: Props) {
  const judge = draft.judge;
  const runs = [...new Map(choices.map((c) => [c.runId, c])).values()];
  return (
    <Section title="Judge" description="Who judges: a judge trained in a run, or a model on a backend.">
      <fieldset className="grid gap-2 sm:col-span-4">
        <legend className="sr-only">Kind of judge</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="judge-kind"
              className="size-4 accent-[var(--primary)]"
              checked={judge.kind === "iteration"}
              disabled={choices.length === 0}
              onChange={() => choices[0] && set("judge", { kind: "iteration", runId: choices[0].runId, iteration: choices[0].iteration })}
            />
            A judge trained in a run
          </label>
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="judge-kind"
              className="size-4 accent-[var(--primary)]"
              checked={judge.kind === "model"}
              onChange={() => set("judge", { kind: "model", backend: backends[0]?.name ?? "", model: "simjudge-base" })}
            />
            A model on a backend
          </label>
        </div>
        {choices.length === 0 ? (
          <p className="text-xs text-muted-foreground">
            No run has a judge yet.{" "}
            <Link className="underline" href="/runs/new?preset=demo">
              Launch the demo run
            </Link>{" "}
            to train one, or use a model on a backend.
          </p>
        ) : null}
      </fieldset>
      {judge.kind === "iteration" ? (
        <Field
          id="judge.iteration"
          label="Run and iteration"
          className="sm:col-span-4"
          error={error("judge")}
          hint="Iteration 0 is the run's seed judge; iteration k the judge its k-th training round produced."
        >
          {(control) => (
            <NativeSelect
              {...control}
              value={`${judge.runId}:${judge.iteration}`}
              onChange={(e) => {
                const [runId, iteration] = e.target.value.split(":").map(Number);
                set("judge", { kind: "iteration", runId: runId!, iteration: iteration! });
              }}
            >
              {runs.map((run) => (
                <optgroup key={run.runId} label={`Run #${run.runId} ${run.runName} (${run.runStatus})`}>
                  {choices
                    .filter((c) => c.runId === run.runId)
                    .map((c) => (
                      <option key={c.iteration} value={`${c.runId}:${c.iteration}`}>
                        Iteration {c.iteration}
                        {c.iteration === 0 ? " (seed judge)" : ""}: {c.model}
                        {c.inContext ? " + demonstrations" : ""}
                      </option>
                    ))}
                </optgroup>
              ))}
            </NativeSelect>
          )}
        </Field>
      ) : (
        <>
          <Field id="judge.backend" label="Backend" error={error("judge.backend")}>
            {(control) => (
              <NativeSelect {...control} value={judge.backend} onChange={(e) => set("judge", { ...judge, backend: e.target.value })}>
                {backends.map((b) => (
                  <option key={b.name} value={b.name}>
                    {b.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <Field id="judge.model" label="Model" error={error("judge.model")} className="sm:col-span-3">
            {(control) => <Input {...control} value={judge.model} onChange={(e) => set("judge", { ...judge, model: e.target.value })} />}
          </Field>
          <Field
            id="judge.prompt"
            label="Judge prompt"
            className="sm:col-span-4"
            error={error("judge.prompt")}
            hint="Uses {instruction}, {response_a} and {response_b}; the verdict is read as [[A]] or [[B]]. Default: the Self-Taught Evaluator prompt."
          >
            {(control) => (
              <Textarea
                {...control}
                rows={5}
                className="font-mono text-xs"
                value={judge.prompt ?? JUDGE_PROMPT}
                onChange={(e) => set("judge", { ...judge, prompt: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
    </Section>
  );
}
