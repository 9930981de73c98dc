/**
 * `npm run simjudge -- [options]`: SimJudge as a standalone OpenAI-compatible server, for
 * benchmarks and for pointing other tools at. A simulator for trying the app and for tests, not a
 * language model. Its models and fine-tuning jobs live in its own SQLite file.
 *
 *   --port 11435            port (0 picks a free one)
 *   --host 127.0.0.1        address to bind
 *   --db data/simjudge.db   database file for models, files and jobs
 *   --latency-ms 0          added to every chat request
 *   --latency-jitter-ms 0   plus a uniform draw in [0, jitter]
 *   --max-in-flight 0       requests processed at once (0: no limit); the rest queue, like a GPU server
 *   --faults '{"errorRate":0.1}'  fault injection for every request (see README, SimJudge)
 *   --seed N                seed of the fault stream
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/lib/db/client";
import { faultConfigSchema } from "@/lib/simulator/faults";
import { listenSimJudge } from "@/lib/simulator/node-server";
import { createSimJudge } from "@/lib/simulator/server";
import { describeIssues } from "@/lib/validation";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "11435" },
    host: { type: "string", default: "127.0.0.1" },
    db: { type: "string", default: path.join("data", "simjudge.db") },
    "latency-ms": { type: "string", default: "0" },
    "latency-jitter-ms": { type: "string", default: "0" },
    "max-in-flight": { type: "string", default: "0" },
    faults: { type: "string" },
    seed: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(
    "Usage: npm run simjudge -- [--port 11435] [--host 127.0.0.1] [--db data/simjudge.db] [--latency-ms 0] [--latency-jitter-ms 0] [--max-in-flight 0] [--faults JSON] [--seed N]",
  );
  process.exit(0);
}

const number = (flag: string) => z.coerce.number({ error: `--${flag} must be a number` }).min(0, `--${flag} cannot be negative`);
const optionsSchema = z.object({
  port: number("port").int().max(65535),
  host: z.string().min(1),
  db: z.string().min(1),
  latencyMs: number("latency-ms"),
  latencyJitterMs: number("latency-jitter-ms"),
  maxInFlight: number("max-in-flight").int(),
  faults: z.string().optional(),
  seed: z.coerce.number().int().optional(),
});

const parsed = optionsSchema.safeParse({
  port: values.port,
  host: values.host,
  db: values.db,
  latencyMs: values["latency-ms"],
  latencyJitterMs: values["latency-jitter-ms"],
  maxInFlight: values["max-in-flight"],
  faults: values.faults,
  seed: values.seed,
});
if (!parsed.success) {
  console.error(`simjudge: ${describeIssues(parsed.error)}`);
  process.exit(2);
}
const options = parsed.data;

let faults: z.infer<typeof faultConfigSchema>;
try {
  faults = faultConfigSchema.parse({
    ...(options.faults ? JSON.parse(options.faults) : {}),
    latencyMs: options.latencyMs,
    latencyJitterMs: options.latencyJitterMs,
  });
} catch (error) {
  console.error(
    `simjudge: --faults is not a valid fault config: ${error instanceof z.ZodError ? describeIssues(error) : "not valid JSON"}`,
  );
  process.exit(2);
}

const db = openDatabase({ file: path.resolve(options.db), migrationsFolder: path.join(import.meta.dirname, "..", "drizzle") });
const sim = createSimJudge({
  db,
  faults,
  maxInFlight: options.maxInFlight || undefined,
  seed: options.seed,
  log: (line) => console.log(`[simjudge] ${line}`),
});
const server = await listenSimJudge(sim, { port: options.port, host: options.host });
console.log(`SimJudge (simulated) listening on ${server.url}  (database ${path.resolve(options.db)})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    sim.close();
    await server.close();
    db.$client.close();
    process.exit(0);
  });
}
