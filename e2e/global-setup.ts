// Before the end-to-end suite: a local stand-in for the Hugging Face hub (the real one is not
// reachable here) serving a small RewardBench-shaped dataset; the app under test points at it
// through HF_ENDPOINT (playwright.config.ts).
import { parquetWriteBuffer } from "hyparquet-writer";
import { startFakeHfHub } from "../test/helpers/fake-hf-hub";

export const E2E_HF_PORT = Number(process.env.E2E_HF_PORT ?? 3198);

export default async function globalSetup() {
  const subsets = ["alpacaeval-easy", "alpacaeval-easy", "llmbar-natural", "llmbar-natural", "llmbar-natural", "hep-python"];
  const shard = parquetWriteBuffer({
    columnData: [
      { name: "prompt", data: subsets.map((_, i) => `Hub prompt ${i}`), type: "STRING" },
      { name: "chosen", data: subsets.map((_, i) => `Hub chosen answer ${i}`), type: "STRING" },
      { name: "chosen_model", data: subsets.map(() => "gpt-4"), type: "STRING" },
      { name: "rejected", data: subsets.map((_, i) => `Hub rejected answer ${i}`), type: "STRING" },
      { name: "rejected_model", data: subsets.map(() => "llama-2-7b"), type: "STRING" },
      { name: "subset", data: subsets, type: "STRING" },
      { name: "id", data: subsets.map((_, i) => 1000 + i), type: "INT32" },
    ],
  });
  const hub = await startFakeHfHub({ "allenai/reward-bench": { configs: { default: { filtered: [Buffer.from(shard)] } } } }, E2E_HF_PORT);
  return async () => {
    await hub.close();
  };
}
