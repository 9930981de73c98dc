// The setting most runner tests share: a real SimJudge on a random port and a fresh database
// prepared for runs (demo data and a "sim" backend pointing at it), made before the file's tests
// and removed after them. Read `suite.sim` and `suite.temp` inside tests.
import { afterAll, beforeAll } from "vitest";
import { prepareRunDb } from "./run-fixture";
import { startSimJudge, type TestSimJudge } from "./simjudge";
import { createTempDb, type TempDb } from "./temp-db";

export function simRunSuite(options: { maxInFlight?: number; beforeClose?: () => void } = {}): { sim: TestSimJudge; temp: TempDb } {
  const suite = {} as { sim: TestSimJudge; temp: TempDb };
  beforeAll(async () => {
    suite.sim = await startSimJudge();
    suite.temp = createTempDb();
    await prepareRunDb(suite.temp.db, suite.sim.url, { maxInFlight: options.maxInFlight });
  }, 30_000);
  afterAll(async () => {
    options.beforeClose?.();
    suite.temp.close();
    await suite.sim.close();
  });
  return suite;
}
