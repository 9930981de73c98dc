"use client";
/**
 * The New Run form: presets (Demo, Paper, Paper with majority vote, RAM's released recipe) or a config JSON file (a run's export), every setting of the run config grouped as the
 * method goes (models, instructions, judging, filter, training, evaluation, budget, prompts), a live
 * size and cost estimate, and Launch. The server validates the config with zod; its errors appear
 * next to the field they name.
 */
import { useMutation } from "@tanstack/react-query";
import { FileUp, Loader2, Rocket, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { launchRunAction } from "@/app/runs/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/errors";
import { formatCount } from "@/lib/format/numbers";
import { estimateRun } from "@/lib/pipeline/estimate";
import { ANSWER_PROMPT, CATEGORY_PROMPT, JUDGE_PROMPT, WORSE_RESPONSE_PROMPT } from "@/lib/pipeline/prompts";
import { runConfigSchema, type RunConfigInput } from "@/lib/pipeline/run-config";
import { parseConfigFile } from "@/lib/pipeline/config-file";
import { VERDICT_RULE_DESCRIPTIONS, VERDICT_RULE_LABELS, VERDICT_RULES, type VerdictRule } from "@/lib/pipeline/parse-verdict";
import { presetConfig, PRESET_LABELS, PRESETS } from "@/lib/pipeline/run-presets";
import { getIn, setIn } from "@/lib/ui/set-in";

export type FormBackend = { name: string; preset: string; supportsN: boolean; builtin: boolean };
export type FormDataset = { name: string; kind: "instructions" | "pairs"; rows: number; builtin: boolean };

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

const defaultPrompts = { category: CATEGORY_PROMPT, answer: ANSWER_PROMPT, worseResponse: WORSE_RESPONSE_PROMPT, judge: JUDGE_PROMPT };

/** "sft\ndpo previous" -> [{method: "sft"}, {method: "dpo", base: "previous"}]; unknown words are kept for the server to refuse. */
function parseSchedule(text: string): { method?: string; base?: string }[] {
  return text
    .split("\n")
    .map((line) =>
      line
        .trim()
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean),
    )
    .filter((words) => words.length > 0)
    .map((words) => ({
      method: words.find((w) => w !== "seed" && w !== "previous"),
      ...(words.includes("seed") ? { base: "seed" } : words.includes("previous") ? { base: "previous" } : {}),
    }));
}

/** Fill in the optional groups so every field has a value to show. */
function complete(config: RunConfigInput): RunConfigInput {
  return { ...config, prompts: { ...defaultPrompts, ...config.prompts } };
}

function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</CardContent>
    </Card>
  );
}

export function NewRunForm({
  initial,
  backends,
  datasets,
  commands,
  clonedFromRunId,
}: {
  initial: RunConfigInput;
  backends: FormBackend[];
  datasets: FormDataset[];
  commands: string[];
  clonedFromRunId: number | null;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<RunConfigInput>(complete(initial));
  const [text, setText] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errors = failure?.fieldErrors ?? {};
  const pools = datasets.filter((d) => d.kind === "instructions");
  const pairSets = datasets.filter((d) => d.kind === "pairs");

  const value = (path: string) => getIn(draft, path.split(".")) as unknown;
  const set = (path: string, next: unknown) => setDraft((d) => setIn(d, path.split("."), next));
  const error = (path: string) => errors[path];

  const numberInput = (path: string, label: string, options: { hint?: string; nullable?: boolean; step?: string } = {}) => (
    <Field id={path} label={label} hint={options.hint} error={error(path)}>
      {(control) => (
        <Input
          {...control}
          inputMode="decimal"
          value={text[path] ?? (value(path) === null || value(path) === undefined ? "" : String(value(path)))}
          placeholder={options.nullable ? "none" : undefined}
          onChange={(event) => {
            const raw = event.target.value;
            setText((t) => ({ ...t, [path]: raw }));
            const trimmed = raw.trim();
            set(
              path,
              trimmed === "" ? (options.nullable ? null : undefined) : Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed,
            );
          }}
        />
      )}
    </Field>
  );

  const selectInput = (
    path: string,
    label: string,
    options: readonly (readonly [value: string, label: string])[],
    extra: { hint?: string; className?: string; fallback?: string } = {},
  ) => (
    <Field id={path} label={label} hint={extra.hint} error={error(path)} className={extra.className}>
      {(control) => (
        <NativeSelect {...control} value={String(value(path) ?? extra.fallback ?? "")} onChange={(e) => set(path, e.target.value)}>
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  );

  const applyPreset = (config: RunConfigInput) => {
    setDraft(complete(config));
    setText({});
    setFailure(null);
  };

  const parsed = useMemo(() => runConfigSchema.safeParse(draft), [draft]);
  const estimate = useMemo(() => {
    if (!parsed.success) return null;
    const pool = pools.find((d) => d.name === parsed.data.instructions.dataset);
    const evalItems = parsed.data.evaluation.datasets.map((name) => pairSets.find((d) => d.name === name)?.rows ?? 0);
    const judgeBackend = backends.find((b) => b.name === parsed.data.judge.backend);
    return estimateRun(parsed.data, { poolItems: pool?.rows ?? 0, evalItems }, { judge: judgeBackend?.supportsN ?? false });
  }, [parsed, pools, pairSets, backends]);

  const launch = useMutation({
    mutationFn: () => launchRunAction({ config: draft, clonedFromRunId }),
    onSuccess: (result) => {
      if (!result.ok) {
        setFailure(result);
        return;
      }
      router.push(`/runs/${result.data.runId}`);
    },
    onError: () =>
      setFailure({ ok: false, code: "unavailable:action", message: "The server could not be reached. Is Judge Lab still running?" }),
  });

  const categories = (draft.instructions.categories ?? []) as { name: string; description?: string }[];
  const trainerKind = (draft.training.trainer as { kind: string }).kind;
  const baseModel = (draft.training.baseModel ?? null) as { backend: string; model: string } | null;
  const schedule = (draft.training.schedule ?? []) as { method?: string; base?: string }[];
  const evalSets = (draft.evaluation?.datasets ?? []) as string[];

  return (
    <form
      noValidate
      className="grid gap-6"
      aria-label="New run"
      onSubmit={(event) => {
        event.preventDefault();
        launch.mutate();
      }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Presets:</span>
        {PRESETS.map((name) => (
          <Button
            key={name}
            variant="outline"
            size="sm"
            onClick={() =>
              applyPreset(
                name === "demo"
                  ? presetConfig("demo")
                  : presetConfig(name, {
                      backend: backends.find((b) => b.preset === "vllm")?.name,
                      pool: pools.find((p) => !p.builtin)?.name,
                    }),
              )
            }
          >
            {PRESET_LABELS[name]}
          </Button>
        ))}
        <Button variant="outline" size="sm" onClick={() => fileInput.current?.click()}>
          <FileUp /> Import config JSON
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          aria-label="Config JSON file"
          data-testid="config-file"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (!file) return;
            const result = parseConfigFile(file.name, await file.text());
            if (result.ok) {
              applyPreset(result.config);
              setImported(file.name);
            } else setFailure({ ok: false, code: "bad_request:run", message: result.message });
          }}
        />
        {clonedFromRunId ? <Badge variant="secondary">cloned from run #{clonedFromRunId}</Badge> : null}
        {imported ? <Badge variant="secondary">imported from {imported}</Badge> : null}
      </div>

      {failure ? <InlineAlert tone="error">{failure.message}</InlineAlert> : null}

      <Section title="Run" description="The seed fixes every random choice: the same config and seed give the same requests.">
        <Field id="name" label="Name" error={error("name")} className="sm:col-span-2">
          {(control) => <Input {...control} value={String(value("name") ?? "")} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        {numberInput("seed", "Seed")}
        {numberInput("iterations", "Iterations", { hint: "Training rounds; iteration 0 is the seed judge." })}
      </Section>

      <Section
        title="Models"
        description="The generator writes responses and modified instructions; the seed judge starts the loop. Later judges come from training."
      >
        {(["generator", "judge"] as const).map((role) => (
          <div key={role} className="contents">
            <Field
              id={`${role}.backend`}
              label={role === "generator" ? "Generator backend" : "Seed judge backend"}
              error={error(`${role}.backend`)}
            >
              {(control) => (
                <NativeSelect
                  {...control}
                  value={String(value(`${role}.backend`) ?? "")}
                  onChange={(e) => set(`${role}.backend`, e.target.value)}
                >
                  <option value="">Choose…</option>
                  {backends.map((b) => (
                    <option key={b.name} value={b.name}>
                      {b.name}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
            <Field
              id={`${role}.model`}
              label={role === "generator" ? "Generator model" : "Seed judge model"}
              error={error(`${role}.model`)}
            >
              {(control) => (
                <Input
                  {...control}
                  className="font-mono"
                  value={String(value(`${role}.model`) ?? "")}
                  onChange={(e) => set(`${role}.model`, e.target.value)}
                />
              )}
            </Field>
          </div>
        ))}
      </Section>

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

      <Section title="Training" description="Stage 5: the kept traces train the next judge.">
        {selectInput(
          "training.method",
          "Method",
          [
            ["sft", "SFT (correct traces)"],
            ["dpo", "DPO (correct over incorrect traces)"],
          ],
          { fallback: "sft" },
        )}
        {selectInput(
          "training.base",
          "Each round fine-tunes",
          [
            ["seed", "The base model (paper)"],
            ["previous", "The previous judge"],
          ],
          { fallback: "seed", hint: "The first round always starts from the base model." },
        )}
        <Field
          id="training.baseModel.backend"
          label="Base model backend"
          hint="Empty: the seed judge is the model fine-tuned."
          error={error("training.baseModel.backend") ?? error("training.baseModel")}
        >
          {(control) => (
            <NativeSelect
              {...control}
              value={baseModel?.backend ?? ""}
              onChange={(e) =>
                set("training.baseModel", e.target.value ? { backend: e.target.value, model: baseModel?.model ?? "" } : null)
              }
            >
              <option value="">Same as the seed judge</option>
              {backends.map((b) => (
                <option key={b.name} value={b.name}>
                  {b.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        {baseModel ? (
          <Field id="training.baseModel.model" label="Base model" error={error("training.baseModel.model")}>
            {(control) => (
              <Input
                {...control}
                className="font-mono"
                value={baseModel.model}
                onChange={(e) => set("training.baseModel", { ...baseModel, model: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        <Field
          id="training.schedule"
          label="Schedule (one round per line: method [seed|previous])"
          hint="Overrides method and base per round, first line = judge 1. Empty: the same every round."
          error={Object.entries(errors).find(([path]) => path.startsWith("training.schedule"))?.[1]}
          className="sm:col-span-2"
        >
          {(control) => (
            <Textarea
              {...control}
              rows={2}
              className="font-mono"
              value={text["training.schedule"] ?? schedule.map((r) => [r.method ?? "", r.base ?? ""].join(" ").trim()).join("\n")}
              onChange={(event) => {
                setText((t) => ({ ...t, "training.schedule": event.target.value }));
                set("training.schedule", parseSchedule(event.target.value));
              }}
            />
          )}
        </Field>
        {value("training.method") === "dpo" || schedule.some((r) => r.method === "dpo")
          ? numberInput("training.dpoPairsPerPrompt", "DPO pairs per prompt", {
              hint: "Correct x incorrect combinations per pair and order.",
            })
          : null}
        <Field
          id="training.trainer.kind"
          label="Trainer"
          error={error("training.trainer.kind") ?? error("training.trainer")}
          className="sm:col-span-2"
        >
          {(control) => (
            <NativeSelect
              {...control}
              value={trainerKind}
              onChange={(e) => {
                const kind = e.target.value;
                set(
                  "training.trainer",
                  kind === "fine_tuning_api"
                    ? { kind, suffix: "judge-lab" }
                    : kind === "command"
                      ? { kind, command: commands[0] ?? "" }
                      : kind === "in_context"
                        ? { kind, demonstrations: 8 }
                        : { kind },
                );
              }}
            >
              <option value="fine_tuning_api">Fine-tuning API (OpenAI protocol)</option>
              <option value="command">Command (from the server configuration)</option>
              <option value="manual">Manual (pause for a model name)</option>
              <option value="in_context">In-context (demonstrations)</option>
            </NativeSelect>
          )}
        </Field>
        {trainerKind === "command" ? (
          <Field
            id="training.trainer.command"
            label="Command"
            error={error("training.trainer.command")}
            hint={commands.length === 0 ? "None configured in judge-lab.config.json" : undefined}
          >
            {(control) => (
              <NativeSelect
                {...control}
                value={String(value("training.trainer.command") ?? "")}
                onChange={(e) => set("training.trainer.command", e.target.value)}
              >
                <option value="">Choose…</option>
                {commands.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        ) : null}
        {trainerKind === "in_context" ? numberInput("training.trainer.demonstrations", "Demonstrations (k)") : null}
        {trainerKind === "fine_tuning_api" ? (
          <Field id="training.trainer.suffix" label="Model suffix" error={error("training.trainer.suffix")}>
            {(control) => (
              <Input
                {...control}
                value={String(value("training.trainer.suffix") ?? "")}
                onChange={(e) => set("training.trainer.suffix", e.target.value)}
              />
            )}
          </Field>
        ) : null}
      </Section>

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

      <Card>
        <details>
          <summary className="cursor-pointer p-5 text-base font-semibold">Prompts (view and override)</summary>
          <CardContent className="grid gap-4">
            {(
              [
                ["category", "Category prompt", "{categories}, {instruction}"],
                ["answer", "Answer prompt (the good response)", "{instruction}"],
                ["worseResponse", "Worse-response prompt", "{instruction}, {response} (the good response)"],
                ["judge", "Judge prompt", "{instruction}, {response_a}, {response_b}"],
              ] as const
            ).map(([key, label, placeholders]) => (
              <Field key={key} id={`prompts.${key}`} label={label} hint={`Placeholders: ${placeholders}`} error={error(`prompts.${key}`)}>
                {(control) => (
                  <div className="grid gap-1">
                    <Textarea
                      {...control}
                      rows={key === "answer" ? 2 : 8}
                      className="font-mono text-xs"
                      value={String(value(`prompts.${key}`) ?? "")}
                      onChange={(e) => set(`prompts.${key}`, e.target.value)}
                    />
                    <div>
                      <Button variant="ghost" size="sm" onClick={() => set(`prompts.${key}`, defaultPrompts[key])}>
                        <RotateCcw /> Default
                      </Button>
                    </div>
                  </div>
                )}
              </Field>
            ))}
          </CardContent>
        </details>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Estimate</CardTitle>
          <CardDescription>Model calls are exact for these sizes; tokens use average lengths.</CardDescription>
        </CardHeader>
        <CardContent>
          {estimate ? (
            <div className="grid gap-2 text-sm" data-testid="estimate">
              <table className="w-full max-w-2xl text-left">
                <thead className="text-xs uppercase text-muted-foreground">
                  <tr>
                    <th className="py-1 font-medium">Stage</th>
                    <th className="py-1 text-right font-medium">Calls</th>
                    <th className="py-1 text-right font-medium">Tokens</th>
                    <th className="py-1 pl-4 font-medium">Size</th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {estimate.stages.map((s) => (
                    <tr key={s.stage}>
                      <td className="py-0.5">{s.stage}</td>
                      <td className="py-0.5 text-right">{formatCount(s.calls)}</td>
                      <td className="py-0.5 text-right">{formatCount(Math.round(s.tokens))}</td>
                      <td className="py-0.5 pl-4 text-muted-foreground">{s.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                Per iteration: <strong>{formatCount(estimate.perIteration.calls)}</strong> calls, about{" "}
                {formatCount(Math.round(estimate.perIteration.tokens))} tokens. Whole run:{" "}
                <strong>{formatCount(estimate.total.calls)}</strong> calls, about {formatCount(Math.round(estimate.total.tokens))} tokens.
              </p>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">Fill in the settings to see the estimate.</p>
          )}
        </CardContent>
      </Card>

      <div className="flex items-center gap-3">
        <Button type="submit" size="lg" disabled={launch.isPending}>
          {launch.isPending ? <Loader2 className="animate-spin" /> : <Rocket />} Launch run
        </Button>
        <span className="text-sm text-muted-foreground">The run starts at once and keeps going if you close the page.</span>
      </div>
    </form>
  );
}
