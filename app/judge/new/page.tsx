// New judge job: the form, prefilled from a judge (?judge=run:3:2), a dataset (?dataset=NAME) or a
// job to re-judge with another judge (?from=ID: same data and settings, the judge left to choose).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { JobDraft } from "@/components/judge-jobs/new-job/form-types";
import { NewJudgeJobForm } from "@/components/judge-jobs/new-job/new-job-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/lib/db/client";
import { listBackends } from "@/lib/db/queries/backends";
import { getJudgeJob, listJudgeableDatasets, listJudgeChoices } from "@/lib/db/queries/judge-jobs";
import { DEMO_PAIRWISE } from "@/lib/demo/seed-demo-datasets";
import { parseJudgeRef } from "@/lib/pipeline/jobs/judge-ref";

export const metadata: Metadata = { title: "New judge job" };

type SearchParams = Promise<{ judge?: string; dataset?: string; from?: string }>;

export default async function NewJudgeJobPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { judge, dataset, from } = await searchParams;
  const db = getDb();
  const backends = listBackends(db).map((b) => ({ name: b.name, supportsN: b.supportsN, builtin: b.builtin }));
  const datasets = listJudgeableDatasets(db);
  const choices = listJudgeChoices(db);
  const parent = from ? (/^\d+$/.test(from) ? getJudgeJob(db, Number(from)) : undefined) : null;
  if (parent === undefined) notFound();

  const builtin = backends.find((b) => b.builtin) ?? backends[0];
  const latest = choices[0];
  let initial: JobDraft = {
    name: "",
    judge: latest
      ? {
          kind: "iteration",
          runId: latest.runId,
          iteration: Math.max(...choices.filter((c) => c.runId === latest.runId).map((c) => c.iteration)),
        }
      : { kind: "model", backend: builtin?.name ?? "", model: "simjudge-base" },
    dataset: datasets.find((d) => d.name === (dataset ?? DEMO_PAIRWISE))?.name ?? datasets[0]?.name ?? "",
    bothOrders: true,
    samples: 1,
    temperature: 0,
    verdictRule: null,
    ranking: "knockout",
    criteria: "",
    maxItems: null,
    budget: { maxTokens: null },
    seed: 1,
  };
  const fromRef = judge ? parseJudgeRef(judge) : null;
  if (fromRef) initial = { ...initial, judge: fromRef };
  if (parent) {
    const { config } = parent;
    initial = { ...config, name: `${config.name} (re-judged)`, judge: initial.judge };
  }
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={parent ? `Re-judge job #${parent.id} with another judge` : "New judge job"}
        description={
          parent
            ? `Same data and settings as "${parent.name}" (judged by ${parent.judge.label}); pick another judge to compare the two item by item.`
            : "Pick a judge and the data to judge, choose how to judge it, check the number of calls, and launch."
        }
      />
      <NewJudgeJobForm initial={initial} choices={choices} backends={backends} datasets={datasets} parentJobId={parent?.id ?? null} />
    </div>
  );
}
