"use client";
// Polls a download or import job until it ends (TanStack Query; 400 ms while running).
import { useQuery } from "@tanstack/react-query";
import type { JobView } from "@/lib/datasets/import-jobs";

export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: ["job", jobId],
    enabled: jobId !== null,
    queryFn: async (): Promise<JobView> => {
      const response = await fetch(`/api/jobs/${jobId}`, { cache: "no-store" });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? `The server answered ${response.status}`);
      return body as JobView;
    },
    refetchInterval: (query) => (query.state.data?.status === "running" || !query.state.data ? 400 : false),
    staleTime: 0,
  });
}
