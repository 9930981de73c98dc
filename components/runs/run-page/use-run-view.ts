"use client";
// The run page's data: the run view (polled every second while the run is active) and the
// pause / resume / cancel controls, which refresh it.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { cancelRunAction, pauseRunAction, resumeRunAction } from "@/app/runs/actions";
import { useServerAction } from "@/components/feedback/use-server-action";
import type { RunView } from "@/lib/runs/run-view";
import { active } from "./format";

export type RunControl = "pause" | "resume" | "cancel";

export function useRunView(initial: RunView) {
  const queryClient = useQueryClient();
  const runId = initial.run.id;
  const { data = initial } = useQuery({
    queryKey: ["run", runId],
    queryFn: async (): Promise<RunView> => {
      const response = await fetch(`/api/runs/${runId}/summary`, { cache: "no-store" });
      if (!response.ok) throw new Error(`The server answered ${response.status}`);
      return response.json();
    },
    initialData: initial,
    refetchInterval: (query) => (active(query.state.data?.run.status ?? "") ? 1000 : false),
  });
  const control = useServerAction(
    (action: RunControl) => (action === "pause" ? pauseRunAction : action === "resume" ? resumeRunAction : cancelRunAction)({ runId }),
    {
      onDone: (result, action) => {
        if (!result.ok) toast.error(result.message);
        else toast.success(action === "pause" ? "Paused" : action === "resume" ? "Resumed" : "Canceled");
        queryClient.invalidateQueries({ queryKey: ["run", runId] });
      },
    },
  );
  return { data, control };
}
