// Scratch probe (removed before the hand-back).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { createBackend } from "@/lib/db/queries/backends";
import { backendInputSchema } from "@/lib/backends/backend-input";
import { DEMO_PAIRWISE } from "@/lib/demo/seed-demo-datasets";
import { launchJudgeJob } from "@/lib/runner/jobs/launch-job";
import { driveJudgeJob } from "@/lib/runner/jobs/drive-job";
import { getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { prepareRunDb } from "../helpers/run-fixture";
import { startSimJudge, type TestSimJudge } from "../helpers/simjudge";
import { createTempDb, type TempDb } from "../helpers/temp-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let temp: TempDb;
let sim: TestSimJudge;
beforeAll(async () => {
  temp = createTempDb();
  process.env.DATABASE_URL = temp.file;
  sim = await startSimJudge();
  await prepareRunDb(temp.db, sim.url);
}, 60_000);
afterAll(async () => { await sim.close(); temp.close(); });

const counts = () => temp.db.get(sql`select (select count(*) from judge_jobs) jobs, (select count(*) from datasets) ds, (select count(*) from dataset_items) items`);
const post = async (mod: { POST: (r: Request) => Promise<Response> }, body: unknown) => {
  const r = await mod.POST(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  return [r.status, (await r.text()).slice(0, 400)];
};

it("probes", async () => {
  const judgeRoute = await import("@/app/api/v1/judge/route");
  const batchRoute = await import("@/app/api/v1/judge/batch/route");
  const actions = await import("@/app/judge/actions");
  const backends = await import("@/app/backends/actions");
  const datasets = await import("@/app/datasets/actions");
  const badPrompt = "Compare {instruction} {response_a} {response_b} and answer as {format}.";
  console.log("A", await post(judgeRoute, { judge: { kind: "model", backend: "sim", model: "simjudge-base", prompt: badPrompt }, prompt: "p", responses: ["a", "b"] }));
  console.log("B0", counts());
  const launched = await actions.launchJudgeJobAction({ config: { name: "x", judge: { kind: "model", backend: "sim", model: "simjudge-base", prompt: badPrompt }, dataset: DEMO_PAIRWISE, maxItems: 2 } });
  console.log("B", JSON.stringify(launched), counts());
  if (launched.ok) {
    console.log("B drive", await driveJudgeJob(temp.db, launched.data.jobId, { signal: new AbortController().signal }), getJudgeJob(temp.db, launched.data.jobId)?.statusReason);
  }
  console.log("C", await post(batchRoute, { judge: { kind: "model", backend: "sim", model: "simjudge-base", prompt: badPrompt }, items: [{ prompt: "p", responses: ["a", "b"] }] }), counts());
  // backend used by judge job
  const simId = temp.db.$client.prepare("select id from backends where name='sim'").pluck().get();
  console.log("D", JSON.stringify(await backends.deleteBackendAction(simId)));
  const dsId = temp.db.$client.prepare("select id from datasets where name=?").pluck().get(DEMO_PAIRWISE);
  console.log("E", JSON.stringify(await datasets.deleteDatasetAction(dsId)));
  // batch reusing a dataset... name 100 chars
  console.log("F", await post(batchRoute, { judge: "model:sim:simjudge-base", name: "n".repeat(100), items: [{ prompt: "p", responses: ["a", "b"] }] }));
  console.log("G", await post(judgeRoute, { judge: { kind: "model", backend: "sim", model: "simjudge-base", extra: 1 }, prompt: "p", responses: ["a", "b"] }));
  console.log("H", await post(judgeRoute, { judge: "model:sim:simjudge-base", prompt: "p", responses: ["a", "b"], criteria: "{x}" }));
  console.log("I", await post(judgeRoute, { judge: "model:sim:simjudge-base", prompt: "p", responses: ["a", "b"], samples: 2 ** 40 }));
  console.log("J", JSON.stringify(await actions.pauseJudgeJobAction({ jobId: 2 ** 60 })));
  console.log("K", await post(judgeRoute, { judge: "model: sim :simjudge-base", prompt: "p", responses: ["a", "b"] }));
  console.log("L", await post(batchRoute, { judge: "model:sim:simjudge-base", items: [{ prompt: "p", responses: ["a", "b"], label: "" }] }));
  console.log("M", await post(batchRoute, { judge: "model:sim:simjudge-base", items: [{ prompt: "p", responses: ["a", "b"], id: "x".repeat(201) }] }));
  console.log("N", await post(batchRoute, { judge: "model:sim:simjudge-base", items: [{ prompt: "p", responses: ["a", "b"], category: "" }] }), counts());
  expect(1).toBe(1);
}, 60_000);
