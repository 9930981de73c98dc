// SimJudge learns: fine-tuning on correct, balanced judgments makes it a better and less
// position-biased judge; label-flipped data makes it worse; models persist across restarts.
// Everything goes through the OpenAI protocol over HTTP (files, fine-tuning jobs, chat).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPairs, correctBalanced, evaluate, fineTune, judgeAll, judgePrompt, sftFile, type Pair } from "../helpers/judge-experiment";
import { clientFor, startSimJudge, type TestSimJudge } from "../helpers/simjudge";
import { syntheticInstructions } from "../helpers/synthetic-instructions";

let sim: TestSimJudge;
let train: Pair[];
let heldOut: Pair[];
let kept: { prompt: string; trace: string; goodPosition: "A" | "B" }[];

beforeAll(async () => {
  // Jobs stay "running" long enough for the polling below to see every status.
  sim = await startSimJudge({ trainingDelayMs: 150 });
  const client = clientFor(sim.url);
  const pairs = await buildPairs(client, "simjudge-base", syntheticInstructions(460, 11));
  expect(pairs.length).toBeGreaterThan(420); // a few worse responses are malformed on purpose
  train = pairs.slice(0, 220);
  heldOut = pairs.slice(220, 420);
  const judged = await judgeAll(client, "simjudge-base", train, { n: 4, temperature: 0.7, seed: 1 });
  kept = correctBalanced(judged, 200);
}, 60_000);

afterAll(async () => {
  await sim.close();
});

describe("SimJudge fine-tuning", () => {
  it("200 correct, balanced judgments raise held-out accuracy by 10+ points and shrink the A bias", async () => {
    expect(kept).toHaveLength(200);
    expect(kept.filter((e) => e.goodPosition === "A")).toHaveLength(100);
    const client = clientFor(sim.url);
    const before = await evaluate(client, "simjudge-base", heldOut);
    const job = await fineTune(sim.url, "simjudge-base", sftFile(kept));
    expect(job).toMatchObject({ status: "succeeded", statuses: ["queued", "running", "succeeded"] });
    const after = await evaluate(client, job.fine_tuned_model!, heldOut);
    // Seed judge on these pairs: ~62% accuracy, says A ~74% of the time.
    expect(after.accuracy - before.accuracy).toBeGreaterThanOrEqual(0.1);
    expect(Math.abs(after.aRate - 0.5)).toBeLessThan(Math.abs(before.aRate - 0.5));
    expect(before.aRate).toBeGreaterThan(0.6);
  });

  it("label-flipped data lowers accuracy", async () => {
    const client = clientFor(sim.url);
    const before = await evaluate(client, "simjudge-base", heldOut);
    const flipped = kept.map((e) => ({
      ...e,
      trace: e.trace.replace(/\[\[([AB])\]\]$/, (_m, v: string) => `[[${v === "A" ? "B" : "A"}]]`),
    }));
    const job = await fineTune(sim.url, "simjudge-base", sftFile(flipped));
    const after = await evaluate(client, job.fine_tuned_model!, heldOut);
    expect(after.accuracy).toBeLessThan(before.accuracy - 0.1);
  });

  it("learns from DPO pairs (chosen correct trace over rejected wrong trace)", async () => {
    const client = clientFor(sim.url);
    const lines = kept.map((e) => {
      const wrong = e.trace.replace(/\[\[([AB])\]\]$/, (_m, v: string) => `[[${v === "A" ? "B" : "A"}]]`);
      return JSON.stringify({
        prompt: [{ role: "user", content: e.prompt }],
        chosen: [{ role: "assistant", content: e.trace }],
        rejected: [{ role: "assistant", content: wrong }],
      });
    });
    const before = await evaluate(client, "simjudge-base", heldOut);
    const job = await fineTune(sim.url, "simjudge-base", `${lines.join("\n")}\n`, "dpo");
    expect(job.status).toBe("succeeded");
    const after = await evaluate(client, job.fine_tuned_model!, heldOut);
    expect(after.accuracy - before.accuracy).toBeGreaterThanOrEqual(0.1);
  });

  it("breaks the verdict format less after training", async () => {
    const client = clientFor(sim.url);
    const job = await fineTune(sim.url, "simjudge-base", sftFile([...kept, ...kept, ...kept, ...kept]));
    const unparsedRate = async (model: string) => {
      const judged = await judgeAll(client, model, heldOut.slice(0, 100), { n: 4, temperature: 0.7, seed: 77 });
      return judged.filter((j) => j.verdict === null).length / judged.length;
    };
    const before = await unparsedRate("simjudge-base");
    const after = await unparsedRate(job.fine_tuned_model!);
    expect(before).toBeGreaterThan(0.04);
    expect(after).toBeLessThan(before * 0.75);
  });

  it("fails a job whose file has invalid lines, naming the line", async () => {
    const job = await fineTune(sim.url, "simjudge-base", `${sftFile(kept.slice(0, 2))}{not json\n`);
    expect(job.status).toBe("failed");
    expect(JSON.stringify(job.error)).toMatch(/line 3: not valid JSON/);
  });

  it("keeps fine-tuned models across a restart", async () => {
    const job = await fineTune(sim.url, "simjudge-base", sftFile(kept.slice(0, 40)));
    const prompt = judgePrompt(heldOut[0]!, "A");
    const answer = async (url: string) =>
      (await clientFor(url).chat({ model: job.fine_tuned_model!, messages: [{ role: "user", content: prompt }], seed: 1, temperature: 0 }))
        .samples[0]!.text;
    const beforeRestart = await answer(sim.url);
    await sim.stop();
    sim = await startSimJudge({ dir: sim.dir });
    const models = (await (await fetch(`${sim.url}/models`)).json()).data.map((m: { id: string }) => m.id);
    expect(models).toContain(job.fine_tuned_model);
    expect(await answer(sim.url)).toBe(beforeRestart);
  });
});
