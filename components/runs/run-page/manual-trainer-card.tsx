"use client";
// With the manual trainer, the run waits at "train": download the training set, train it anywhere,
// and enter the new model's name and backend here to go on.
import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { submitManualModelAction } from "@/app/runs/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";

export function ManualTrainerCard({
  runId,
  iterationIndex,
  backends,
}: {
  runId: number;
  iterationIndex: number;
  backends: { id: number; name: string }[];
}) {
  const queryClient = useQueryClient();
  const [model, setModel] = useState("");
  const [backendId, setBackendId] = useState(String(backends[0]?.id ?? ""));
  const submit = useServerAction(submitManualModelAction, {
    onDone: (result) => {
      if (result.ok) {
        toast.success("The run goes on with the new judge");
        queryClient.invalidateQueries({ queryKey: ["run", runId] });
      }
    },
  });
  const failure = submit.data && !submit.data.ok ? submit.data : null;
  return (
    <Card className="border-warning/60">
      <CardHeader>
        <CardTitle>Waiting for the judge of iteration {iterationIndex + 1}</CardTitle>
        <CardDescription>
          Download the training set, train the judge anywhere, then enter the new model&apos;s name and the backend that serves it.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap gap-2">
          {(["sft", "dpo"] as const).map((method) =>
            (["trl", "openai"] as const).map((format) => (
              <Button key={`${method}-${format}`} variant="outline" size="sm" asChild>
                <a href={`/api/runs/${runId}/training-set?iteration=${iterationIndex}&method=${method}&format=${format}`}>
                  <Download /> {method.toUpperCase()} ({format === "trl" ? "TRL" : "OpenAI"})
                </a>
              </Button>
            )),
          )}
        </div>
        <form
          className="grid gap-3 md:grid-cols-[2fr_1fr_auto] md:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            submit.mutate({ runId, iterationIndex, model, backendId: Number(backendId) });
          }}
        >
          <Field id="manual-model" label="Trained model name" error={failure?.fieldErrors?.model}>
            {(control) => <Input {...control} className="font-mono" value={model} onChange={(e) => setModel(e.target.value)} />}
          </Field>
          <Field id="manual-backend" label="Served by" error={failure?.fieldErrors?.backendId}>
            {(control) => (
              <NativeSelect {...control} value={backendId} onChange={(e) => setBackendId(e.target.value)}>
                {backends.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <Button type="submit" disabled={submit.isPending}>
            Continue the run
          </Button>
        </form>
        {failure ? <InlineAlert tone="error">{failure.message}</InlineAlert> : null}
      </CardContent>
    </Card>
  );
}
