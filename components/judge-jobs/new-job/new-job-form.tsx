"use client";
/**
 * The New judge job form: the judge, the data, how to judge it, and a live estimate of the work
 * (items, comparisons, judgments, requests) before anything is launched. The estimate doubles as
 * validation: its field errors show beside the fields as they are edited; launching shows them all.
 */
import { useQuery } from "@tanstack/react-query";
import { Gavel } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { estimateJudgeJobAction, launchJudgeJobAction } from "@/app/judge/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Button } from "@/components/ui/button";
import type { JudgeChoice } from "@/lib/db/queries/judge-jobs";
import { UNREACHABLE_REPLY } from "@/lib/errors";
import { DataSection } from "./data-section";
import type { DraftSetter, FormBackend, FormDataset, JobDraft } from "./form-types";
import { EstimateCard } from "./estimate-card";
import { JudgeSection } from "./judge-section";
import { SettingsSection } from "./settings-section";

/** A name when none is given: the data and the judge. */
function defaultName(draft: JobDraft): string {
  const judge = draft.judge.kind === "iteration" ? `run ${draft.judge.runId}, iteration ${draft.judge.iteration}` : draft.judge.model;
  return `${draft.dataset} by ${judge}`.slice(0, 120);
}

export function NewJudgeJobForm({
  initial,
  choices,
  backends,
  datasets,
  parentJobId,
}: {
  initial: JobDraft;
  choices: JudgeChoice[];
  backends: FormBackend[];
  datasets: FormDataset[];
  parentJobId: number | null;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<JobDraft>(initial);
  const [launchErrors, setLaunchErrors] = useState<Record<string, string>>({});
  const set: DraftSetter = (key, value) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setLaunchErrors({});
  };
  const config = { ...draft, name: draft.name.trim() || "estimate" };
  const estimate = useQuery({
    queryKey: ["judge-estimate", JSON.stringify(config)],
    queryFn: async () => {
      try {
        return await estimateJudgeJobAction({ config });
      } catch {
        return UNREACHABLE_REPLY;
      }
    },
    staleTime: 60_000,
  });
  const launch = useServerAction(launchJudgeJobAction, {
    onDone: (result) => {
      if (result.ok) {
        toast.success(`Judge job #${result.data.jobId} launched`);
        router.push(`/judge/${result.data.jobId}`);
      } else {
        setLaunchErrors(result.fieldErrors ?? { "(form)": result.message });
        toast.error(result.message);
      }
    },
  });
  const liveErrors = estimate.data && !estimate.data.ok ? (estimate.data.fieldErrors ?? {}) : {};
  const errors = { ...liveErrors, ...launchErrors };
  const error = (field: string) => errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];

  return (
    <form
      className="grid gap-6"
      aria-label="New judge job"
      onSubmit={(e) => {
        e.preventDefault();
        launch.mutate({ config: { ...draft, name: draft.name.trim() || defaultName(draft) }, parentJobId });
      }}
    >
      <JudgeSection draft={draft} set={set} error={error} choices={choices} backends={backends} />
      <DataSection draft={draft} set={set} error={error} datasets={datasets} />
      <SettingsSection draft={draft} set={set} error={error} estimate={estimate.data?.ok ? estimate.data.data : null} />
      <EstimateCard estimate={estimate.data ?? null} loading={estimate.isFetching} draft={draft} />
      {Object.keys(launchErrors).length > 0 ? (
        <InlineAlert tone="error">
          <p className="font-medium">The job was not launched:</p>
          <ul className="grid gap-1">
            {Object.entries(launchErrors).map(([field, message]) => (
              <li key={field}>
                <strong>{field}</strong>: {message}
              </li>
            ))}
          </ul>
        </InlineAlert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={launch.isPending}>
          <Gavel /> {launch.isPending ? "Launching…" : "Launch judge job"}
        </Button>
        <span className="text-sm text-muted-foreground">The job runs in the background; you can leave this page.</span>
      </div>
    </form>
  );
}
