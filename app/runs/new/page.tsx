// New Run: the form, started from a preset (?preset=demo|paper) or from a run to clone (?from=ID).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { NewRunForm } from "@/components/runs/new-run/new-run-form";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/lib/db/client";
import { listBackends } from "@/lib/db/queries/backends";
import { listDatasets } from "@/lib/db/queries/datasets";
import { findRunConfig, getRunById } from "@/lib/db/queries/runs";
import type { RunConfigInput } from "@/lib/pipeline/run-config";
import { demoPreset, presetConfig, PRESETS, type PresetName } from "@/lib/pipeline/run-presets";
import { readServerConfig } from "@/lib/server-config";

export const metadata: Metadata = { title: "New run" };

type SearchParams = Promise<{ preset?: string; from?: string }>;

export default async function NewRunPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { preset, from } = await searchParams;
  const db = getDb();
  const backends = listBackends(db).map((b) => ({ name: b.name, preset: b.preset, supportsN: b.supportsN, builtin: b.builtin }));
  const datasets = listDatasets(db).map((d) => ({ name: d.name, kind: d.kind, rows: d.rowCount, builtin: d.builtin }));
  let commands: string[] = [];
  let configProblem: string | null = null;
  try {
    commands = Object.keys(readServerConfig().trainers);
  } catch (error) {
    configProblem = (error as Error).message;
  }

  let initial: RunConfigInput = demoPreset();
  let clonedFromRunId: number | null = null;
  if (from) {
    const source = /^\d+$/.test(from) ? getRunById(db, Number(from)) : undefined;
    if (!source) notFound();
    const config = findRunConfig(db, source.id);
    initial = config ? { ...config, name: `${config.name} (clone)` } : demoPreset();
    clonedFromRunId = source.id;
  } else if (preset && (PRESETS as readonly string[]).includes(preset) && preset !== "demo") {
    initial = presetConfig(preset as PresetName, {
      backend: backends.find((b) => b.preset === "vllm")?.name,
      pool: datasets.find((d) => d.kind === "instructions" && !d.builtin)?.name,
    });
  }

  return (
    <div className="max-w-6xl">
      <PageHeader
        title={clonedFromRunId ? `Clone run #${clonedFromRunId}` : "New run"}
        description="Configure a Self-Taught Evaluator run: which models, which instructions, how the judge samples and is filtered and trained, and what it is scored on."
      />
      {configProblem ? (
        <InlineAlert tone="warning" className="mb-4">
          The server configuration file has a problem, so command trainers are unavailable: {configProblem}
        </InlineAlert>
      ) : null}
      <NewRunForm initial={initial} backends={backends} datasets={datasets} commands={commands} clonedFromRunId={clonedFromRunId} />
    </div>
  );
}
