// Import a dataset: source, preview and mapping, progress. ?kind=responses starts with "responses to judge".
import type { Metadata } from "next";
import { ImportWizard } from "@/components/datasets/import-wizard";
import { PageHeader } from "@/components/shell/page-header";
import { DATASET_KINDS, type DatasetKind } from "@/lib/db/schema";

export const metadata: Metadata = { title: "Import a dataset" };

export default async function ImportDatasetPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const { kind } = await searchParams;
  const initialKind = (DATASET_KINDS as readonly string[]).includes(kind ?? "") ? (kind as DatasetKind) : undefined;
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={initialKind === "responses" ? "Import responses to judge" : "Import a dataset"}
        description={
          initialKind === "responses"
            ? "Two or more responses per prompt (two systems' outputs, best-of-n samples), optionally labelled: Auto-J, PandaLM, MT-Bench human judgments, JudgeBench, or any table."
            : "Bring an instruction pool, a labelled pair set (RewardBench, LLMBar, Anthropic HH, OpenAI/TRL preference, or any table) or responses to judge into Judge Lab."
        }
      />
      <ImportWizard initialKind={initialKind} />
    </div>
  );
}
