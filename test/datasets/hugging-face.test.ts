// Importing from the Hugging Face hub, end to end, against a local server that serves the hub's
// routes from fixture parquet files (HF_ENDPOINT points at it; the real hub is not reachable here).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { downloadHubDataset, HubError } from "@/lib/datasets/hugging-face";
import { importDataset } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { countItemsBySubset } from "@/lib/db/queries/datasets";
import { startFakeHfHub } from "../helpers/fake-hf-hub";
import { fileMaker, type FileMaker } from "../helpers/files";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let hub: Awaited<ReturnType<typeof startFakeHfHub>>;
let files: FileMaker;
let temp: TempDb;

function rewardBenchShard(start: number, subsets: string[]) {
  const n = subsets.length;
  return Buffer.from(
    files.parquetBuffer({
      prompt: subsets.map((_, i) => `prompt ${start + i}`),
      chosen: subsets.map((_, i) => `good answer ${start + i}`),
      chosen_model: subsets.map(() => "gpt-4"),
      rejected: subsets.map((_, i) => `bad answer ${start + i}`),
      rejected_model: subsets.map(() => "llama-2"),
      subset: subsets,
      id: Array.from({ length: n }, (_, i) => start + i),
    }),
  );
}

beforeAll(async () => {
  files = fileMaker();
  temp = createTempDb();
  hub = await startFakeHfHub({
    "allenai/reward-bench": {
      configs: {
        default: {
          filtered: [
            rewardBenchShard(0, ["alpacaeval-easy", "alpacaeval-easy", "llmbar-natural"]),
            rewardBenchShard(3, ["hep-go", "donotanswer"]),
          ],
          raw: [rewardBenchShard(100, ["alpacaeval-easy"])],
        },
      },
    },
    "acme/gated-prefs": { token: "hf_secret_test", configs: { default: { train: [rewardBenchShard(0, ["a", "b"])] } } },
  });
});
afterAll(async () => {
  await hub.close();
  temp.close();
  files.cleanup();
});

const settings = () => ({ endpoint: hub.url, token: undefined as string | undefined });
const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "hf-test-"));

describe("Hugging Face import", () => {
  it("downloads every parquet file of a split and imports them as one dataset", async () => {
    const downloaded = await downloadHubDataset({ repo: "allenai/reward-bench", config: "default", split: "filtered" }, dir(), {
      settings: settings(),
    });
    expect(downloaded).toHaveLength(2);
    const summary = await importDataset(temp.db, {
      files: await Promise.all(downloaded.map((f) => describeSourceFile(f.path, f.label))),
      name: "RewardBench (filtered)",
      source: "hf:allenai/reward-bench@default/filtered",
    });
    expect(summary).toMatchObject({ rows: 5, kind: "pairs" });
    expect(Object.fromEntries(countItemsBySubset(temp.db, summary.datasetId).map((s) => [s.subset, s.items]))).toEqual({
      "alpacaeval-easy": 2,
      donotanswer: 1,
      "hep-go": 1,
      "llmbar-natural": 1,
    });
    // The hub's redirect to the resolve URL was followed.
    expect(hub.requests.some((r) => r.includes("/resolve/refs%2Fconvert%2Fparquet/default/filtered/0001.parquet"))).toBe(true);
  });

  it("says a gated dataset needs HF_TOKEN (401), and works with the token", async () => {
    const ref = { repo: "acme/gated-prefs", config: "default", split: "train" };
    const error = await downloadHubDataset(ref, dir(), { settings: settings() }).catch((e) => e);
    expect(error).toBeInstanceOf(HubError);
    expect(error.message).toMatch(/needs a Hugging Face token \(401\).*Set HF_TOKEN/);
    const wrong = await downloadHubDataset(ref, dir(), { settings: { endpoint: hub.url, token: "nope" } }).catch((e) => e);
    expect(wrong.message).toMatch(/refused HF_TOKEN/);
    expect(wrong.message).not.toContain("nope");
    const ok = await downloadHubDataset(ref, dir(), { settings: { endpoint: hub.url, token: "hf_secret_test" } });
    expect(ok).toHaveLength(1);
  });

  it("names the available splits and configs when one is missing", async () => {
    const split = await downloadHubDataset({ repo: "allenai/reward-bench", config: "default", split: "test" }, dir(), {
      settings: settings(),
    }).catch((e) => e);
    expect(split).toMatchObject({ field: "split", message: expect.stringMatching(/no split "test" \(splits: filtered, raw\)/) });
    const config = await downloadHubDataset({ repo: "allenai/reward-bench", config: "v2", split: "filtered" }, dir(), {
      settings: settings(),
    }).catch((e) => e);
    expect(config).toMatchObject({ field: "config", message: expect.stringMatching(/no config "v2" \(configs: default\)/) });
  });

  it("says when a dataset does not exist, and when the hub cannot be reached", async () => {
    const missing = await downloadHubDataset({ repo: "nobody/nothing", config: "default", split: "train" }, dir(), {
      settings: settings(),
    }).catch((e) => e);
    expect(missing.message).toBe(`No dataset nobody/nothing on ${hub.url}`);
    const offline = await downloadHubDataset({ repo: "a/b", config: "default", split: "train" }, dir(), {
      settings: { endpoint: "http://127.0.0.1:9", token: undefined },
    }).catch((e) => e);
    expect(offline.message).toMatch(/Could not reach the Hugging Face hub at http:\/\/127.0.0.1:9/);
  });

  it("reads HF_ENDPOINT and HF_TOKEN from the environment", async () => {
    const { hubSettings } = await import("@/lib/datasets/hugging-face");
    expect(hubSettings({})).toEqual({ endpoint: "https://huggingface.co", token: undefined });
    expect(hubSettings({ HF_ENDPOINT: "http://mirror:8080/", HF_TOKEN: "t" })).toEqual({ endpoint: "http://mirror:8080", token: "t" });
  });
});
