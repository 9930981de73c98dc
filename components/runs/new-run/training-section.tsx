"use client";
// Stage 5 of the New Run form: each round's method and base model, the schedule, DPO pairs per prompt, and the trainer.
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FormBackend } from "./form-types";
import { Section } from "@/components/ui/form-section";
import type { ConfigDraft } from "./use-config-draft";

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

export function TrainingSection({ f, backends, commands }: { f: ConfigDraft; backends: FormBackend[]; commands: string[] }) {
  return (
    <Section title="Training" description="Stage 5: the kept traces train the next judge.">
      <TrainingRoundFields f={f} backends={backends} />
      <TrainerFields f={f} commands={commands} />
    </Section>
  );
}

export function TrainingRoundFields({ f, backends }: { f: ConfigDraft; backends: FormBackend[] }) {
  const { value, set, error, errors, text, setText, numberInput, selectInput } = f;
  const baseModel = (f.draft.training.baseModel ?? null) as { backend: string; model: string } | null;
  const schedule = (f.draft.training.schedule ?? []) as { method?: string; base?: string }[];
  return (
    <>
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
            onChange={(e) => set("training.baseModel", e.target.value ? { backend: e.target.value, model: baseModel?.model ?? "" } : null)}
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
    </>
  );
}

export function TrainerFields({ f, commands }: { f: ConfigDraft; commands: string[] }) {
  const { value, set, error, numberInput } = f;
  const trainerKind = (f.draft.training.trainer as { kind: string }).kind;
  return (
    <>
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
    </>
  );
}
