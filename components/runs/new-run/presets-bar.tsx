"use client";
// The New Run form's top line: the presets, importing a config JSON file (a run's export), and
// where the form's values came from (a clone, an imported file).
import { FileUp } from "lucide-react";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { parseConfigFile } from "@/lib/pipeline/config-file";
import type { RunConfigInput } from "@/lib/pipeline/run-config";
import { presetConfig, PRESET_LABELS, PRESETS } from "@/lib/pipeline/run-presets";
import type { FormBackend, FormDataset } from "./form-types";

export function PresetsBar({
  backends,
  pools,
  clonedFromRunId,
  imported,
  onConfig,
  onProblem,
}: {
  backends: FormBackend[];
  pools: FormDataset[];
  clonedFromRunId: number | null;
  imported: string | null;
  onConfig: (config: RunConfigInput, fromFile?: string) => void;
  onProblem: (message: string) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium">Presets:</span>
      {PRESETS.map((name) => (
        <Button
          key={name}
          variant="outline"
          size="sm"
          onClick={() =>
            onConfig(
              name === "demo"
                ? presetConfig("demo")
                : presetConfig(name, {
                    backend: backends.find((b) => b.preset === "vllm")?.name,
                    pool: pools.find((p) => !p.builtin)?.name,
                  }),
            )
          }
        >
          {PRESET_LABELS[name]}
        </Button>
      ))}
      <Button variant="outline" size="sm" onClick={() => fileInput.current?.click()}>
        <FileUp /> Import config JSON
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        aria-label="Config JSON file"
        data-testid="config-file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (!file) return;
          const result = parseConfigFile(file.name, await file.text());
          if (result.ok) onConfig(result.config, file.name);
          else onProblem(result.message);
        }}
      />
      {clonedFromRunId ? <Badge variant="secondary">cloned from run #{clonedFromRunId}</Badge> : null}
      {imported ? <Badge variant="secondary">imported from {imported}</Badge> : null}
    </div>
  );
}
