"use client";
/**
 * The New Run form: presets (Demo, Paper, Paper with majority vote, RAM's released recipe) or a
 * config JSON file (a run's export), every setting of the run config grouped as the method goes
 * (models, instructions, judging, filter, training, evaluation, budget, prompts), a live size and
 * cost estimate, and Launch. The server validates the config with zod; its errors appear next to
 * the field they name. One file per group beside this one.
 */
import { Loader2, Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { launchRunAction } from "@/app/runs/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Button } from "@/components/ui/button";
import { estimateRun } from "@/lib/pipeline/estimate";
import { runConfigSchema, type RunConfigInput } from "@/lib/pipeline/run-config";
import { EstimateCard } from "./estimate-card";
import { EvaluationAndBudgetSections } from "./evaluation-section";
import { InstructionsSection } from "./instructions-section";
import { JudgingAndFilterSections } from "./judging-filter-sections";
import { PresetsBar } from "./presets-bar";
import { PromptsCard } from "./prompts-card";
import { RunAndModelsSections } from "./run-models-section";
import { TrainingSection } from "./training-section";
import type { FormBackend, FormDataset } from "./form-types";
import { useConfigDraft } from "./use-config-draft";

export type { FormBackend, FormDataset } from "./form-types";

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
  const f = useConfigDraft(initial);
  const [imported, setImported] = useState<string | null>(null);
  const pools = datasets.filter((d) => d.kind === "instructions");
  const pairSets = datasets.filter((d) => d.kind === "pairs");

  const parsed = useMemo(() => runConfigSchema.safeParse(f.draft), [f.draft]);
  const estimate = useMemo(() => {
    if (!parsed.success) return null;
    const pool = pools.find((d) => d.name === parsed.data.instructions.dataset);
    const evalItems = parsed.data.evaluation.datasets.map((name) => pairSets.find((d) => d.name === name)?.rows ?? 0);
    const judgeBackend = backends.find((b) => b.name === parsed.data.judge.backend);
    return estimateRun(parsed.data, { poolItems: pool?.rows ?? 0, evalItems }, { judge: judgeBackend?.supportsN ?? false });
  }, [parsed, pools, pairSets, backends]);

  const launch = useServerAction(launchRunAction, {
    onDone: (result) => {
      if (!result.ok) f.setFailure(result);
      else router.push(`/runs/${result.data.runId}`);
    },
  });

  return (
    <form
      noValidate
      className="grid gap-6"
      aria-label="New run"
      onSubmit={(event) => {
        event.preventDefault();
        launch.mutate({ config: f.draft, clonedFromRunId });
      }}
    >
      <PresetsBar
        backends={backends}
        pools={pools}
        clonedFromRunId={clonedFromRunId}
        imported={imported}
        onConfig={(config, file) => {
          f.reset(config);
          if (file) setImported(file);
        }}
        onProblem={(message) => f.setFailure({ ok: false, code: "bad_request:run", message })}
      />
      {f.failure ? <InlineAlert tone="error">{f.failure.message}</InlineAlert> : null}
      <RunAndModelsSections f={f} backends={backends} />
      <InstructionsSection f={f} pools={pools} />
      <JudgingAndFilterSections f={f} />
      <TrainingSection f={f} backends={backends} commands={commands} />
      <EvaluationAndBudgetSections f={f} pairSets={pairSets} />
      <PromptsCard f={f} />
      <EstimateCard estimate={estimate} />
      <div className="flex items-center gap-3">
        <Button type="submit" size="lg" disabled={launch.isPending}>
          {launch.isPending ? <Loader2 className="animate-spin" /> : <Rocket />} Launch run
        </Button>
        <span className="text-sm text-muted-foreground">The run starts at once and keeps going if you close the page.</span>
      </div>
    </form>
  );
}
