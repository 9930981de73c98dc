// The embedded SimJudge backend: created at start-up, never duplicated, kept on the current port,
// and protected from deletion.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILTIN_SIMJUDGE_NAME, ensureBuiltinSimJudgeBackend, selfOrigin } from "@/lib/backends/builtin";
import { deleteBackend, listBackends, updateBackend } from "@/lib/db/queries/backends";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.close());

describe("built-in SimJudge backend", () => {
  it("is created once, pointing at this server's SimJudge mount", () => {
    ensureBuiltinSimJudgeBackend(temp.db, "http://127.0.0.1:3000");
    ensureBuiltinSimJudgeBackend(temp.db, "http://127.0.0.1:3000");
    const rows = listBackends(temp.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: BUILTIN_SIMJUDGE_NAME,
      preset: "simjudge",
      builtin: true,
      supportsN: true,
      supportsFineTuning: true,
      baseUrls: ["http://127.0.0.1:3000/api/sim/v1"],
    });
  });

  it("follows the server to another port, unless the user pointed it elsewhere", () => {
    ensureBuiltinSimJudgeBackend(temp.db, "http://127.0.0.1:3000");
    ensureBuiltinSimJudgeBackend(temp.db, "http://127.0.0.1:3100");
    expect(listBackends(temp.db)[0]!.baseUrls).toEqual(["http://127.0.0.1:3100/api/sim/v1"]);
    const row = listBackends(temp.db)[0]!;
    updateBackend(temp.db, row.id, {
      name: row.name,
      preset: "simjudge",
      baseUrls: ["http://sim-host:11435/v1"],
      apiKeyEnv: null,
      maxInFlight: 8,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutSeconds: 30,
      supportsN: true,
      supportsFineTuning: true,
    });
    ensureBuiltinSimJudgeBackend(temp.db, "http://127.0.0.1:3000");
    expect(listBackends(temp.db)[0]!.baseUrls).toEqual(["http://sim-host:11435/v1"]);
  });

  it("cannot be deleted", () => {
    ensureBuiltinSimJudgeBackend(temp.db, "http://127.0.0.1:3000");
    expect(() => deleteBackend(temp.db, listBackends(temp.db)[0]!.id)).toThrow(/built into Judge Lab and cannot be deleted/);
  });

  it("derives the origin from PORT and HOST", () => {
    expect(selfOrigin({ PORT: "3100" })).toBe("http://127.0.0.1:3100");
    expect(selfOrigin({ PORT: "80", HOST: "0.0.0.0" })).toBe("http://127.0.0.1:80");
    expect(selfOrigin({ HOST: "10.0.0.5" })).toBe("http://10.0.0.5:3000");
  });
});
