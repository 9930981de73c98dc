// A valid run config to store on runs that tests insert directly (the demo preset, parsed).
import { runConfigSchema, type RunConfig } from "@/lib/pipeline/run-config";
import { demoPreset } from "@/lib/pipeline/run-presets";

export function storedDemoConfig(): RunConfig {
  return runConfigSchema.parse(demoPreset());
}
