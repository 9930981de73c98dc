// New backend form, starting from the vLLM preset (or ?preset=<id>).
import type { Metadata } from "next";
import { BackendForm } from "@/components/backends/backend-form";
import { PageHeader } from "@/components/shell/page-header";
import { draftFromPreset } from "@/lib/backends/backend-draft";
import { PRESET_IDS, type PresetId } from "@/lib/backends/presets";

export const metadata: Metadata = { title: "New backend" };

export default async function NewBackendPage({ searchParams }: { searchParams: Promise<{ preset?: string | string[] }> }) {
  const { preset } = await searchParams;
  const presetId = PRESET_IDS.includes(preset as PresetId) ? (preset as PresetId) : "vllm";
  return (
    <div className="max-w-4xl">
      <PageHeader title="New backend" description="Pick a preset, adjust the address and limits, test the connection, then add it." />
      <BackendForm initial={draftFromPreset(presetId)} />
    </div>
  );
}
