"use client";
/**
 * The New Run form's draft: the config being edited, the raw text of fields that are not yet valid
 * (a number being typed), the server's field errors, and typed field helpers bound by config path
 * (a typo in a path does not compile).
 */
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { ErrorReply } from "@/lib/errors";
import { ANSWER_PROMPT, CATEGORY_PROMPT, JUDGE_PROMPT, WORSE_RESPONSE_PROMPT } from "@/lib/pipeline/prompts";
import type { RunConfigInput } from "@/lib/pipeline/run-config";
import type { FieldPath } from "@/lib/ui/field-path";
import { getIn, setIn } from "@/lib/ui/set-in";

export type ConfigPath = FieldPath<RunConfigInput>;

export const DEFAULT_PROMPTS = {
  category: CATEGORY_PROMPT,
  answer: ANSWER_PROMPT,
  worseResponse: WORSE_RESPONSE_PROMPT,
  judge: JUDGE_PROMPT,
};

/** Fill in the optional groups so every field has a value to show. */
function complete(config: RunConfigInput): RunConfigInput {
  return { ...config, prompts: { ...DEFAULT_PROMPTS, ...config.prompts } };
}

export function useConfigDraft(initial: RunConfigInput) {
  const [draft, setDraft] = useState<RunConfigInput>(complete(initial));
  const [text, setText] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ErrorReply | null>(null);
  const errors = failure?.fieldErrors ?? {};

  const value = (path: ConfigPath) => getIn(draft, path.split(".")) as unknown;
  const set = (path: ConfigPath, next: unknown) => setDraft((d) => setIn(d, path.split("."), next));
  const error = (path: ConfigPath) => errors[path];
  /** The first error at or below a path (lists: "training.schedule.0.method"). */
  const errorUnder = (path: ConfigPath) => Object.entries(errors).find(([p]) => p.startsWith(path))?.[1];

  const numberInput = (path: ConfigPath, label: string, options: { hint?: string; nullable?: boolean } = {}) => (
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
    path: ConfigPath,
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

  const reset = (config: RunConfigInput) => {
    setDraft(complete(config));
    setText({});
    setFailure(null);
  };

  return { draft, text, setText, failure, setFailure, errors, value, set, error, errorUnder, numberInput, selectInput, reset };
}

export type ConfigDraft = ReturnType<typeof useConfigDraft>;
