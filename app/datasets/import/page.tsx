// Import a dataset: source, preview and mapping, progress.
import type { Metadata } from "next";
import { ImportWizard } from "@/components/datasets/import-wizard";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Import a dataset" };

export default function ImportDatasetPage() {
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Import a dataset"
        description="Bring an instruction pool or a labelled pair set (RewardBench, LLMBar, Anthropic HH, OpenAI/TRL preference, or any table) into Judge Lab."
      />
      <ImportWizard />
    </div>
  );
}
