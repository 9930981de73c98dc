"use client";
// The New Run form's prompts, folded away: each of the four templates, editable, with its placeholders and a way back to the default.
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { DEFAULT_PROMPTS as defaultPrompts, type ConfigDraft } from "./use-config-draft";

export function PromptsCard({ f }: { f: ConfigDraft }) {
  const { value, set, error } = f;
  return (
    <>
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
    </>
  );
}
