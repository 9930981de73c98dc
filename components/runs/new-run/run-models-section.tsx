"use client";
// The New Run form's first groups: the run's name, seed and iterations, and the generator and seed judge.
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { FormBackend } from "./form-types";
import { Section } from "@/components/ui/form-section";
import type { ConfigDraft } from "./use-config-draft";

export function RunAndModelsSections({ f, backends }: { f: ConfigDraft; backends: FormBackend[] }) {
  const { value, set, error, numberInput } = f;
  return (
    <>
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
    </>
  );
}
