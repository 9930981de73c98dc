// Backend queries: create, update, delete, with readable conflicts (duplicate name, in use by a run).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backendInputSchema, type BackendInput } from "@/lib/backends/backend-input";
import { createBackend, deleteBackend, getBackendById, listBackends, updateBackend } from "@/lib/db/queries/backends";
import { AppError } from "@/lib/errors";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { seedRunWithPair } from "../helpers/seed-rows";

let temp: TempDb;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.close());

const input = (overrides: Partial<BackendInput> = {}): BackendInput =>
  backendInputSchema.parse({
    name: "vLLM box",
    preset: "vllm",
    baseUrls: ["http://gpu1:8000/v1"],
    apiKeyEnv: "VLLM_API_KEY",
    maxInFlight: 128,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 90,
    supportsN: true,
    supportsFineTuning: false,
    ...overrides,
  });

describe("backend queries", () => {
  it("create, read back, list by name and update", () => {
    const created = createBackend(temp.db, input());
    createBackend(temp.db, input({ name: "Another" }));
    expect(getBackendById(temp.db, created.id)).toMatchObject({ name: "vLLM box", timeoutMs: 90_000, apiKeyEnv: "VLLM_API_KEY" });
    expect(listBackends(temp.db).map((b) => b.name)).toEqual(["Another", "vLLM box"]);
    const updated = updateBackend(
      temp.db,
      created.id,
      input({ baseUrls: ["http://gpu1:8000/v1", "http://gpu2:8000/v1"], maxInFlight: 256 }),
    );
    expect(updated.baseUrls).toHaveLength(2);
    expect(updated.maxInFlight).toBe(256);
  });

  it("refuse a duplicate name with a field error on name", () => {
    createBackend(temp.db, input());
    const error = (() => {
      try {
        createBackend(temp.db, input());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict:backend");
    expect((error as AppError).fieldErrors?.name).toMatch(/already exists/);
  });

  it("refuse to delete a backend a run uses, naming the run", () => {
    const { backend, run } = seedRunWithPair(temp.db);
    expect(() => deleteBackend(temp.db, backend.id)).toThrow(new RegExp(`used by run "${run.name}" \\(#${run.id}\\)`));
    expect(getBackendById(temp.db, backend.id)).toMatchObject({ id: backend.id, name: backend.name });
  });

  it("delete an unused backend, and say so when it is already gone", () => {
    const created = createBackend(temp.db, input());
    deleteBackend(temp.db, created.id);
    expect(getBackendById(temp.db, created.id)).toBeUndefined();
    expect(() => deleteBackend(temp.db, created.id)).toThrow(/does not exist/);
    expect(() => updateBackend(temp.db, created.id, input())).toThrow(/does not exist/);
  });
});
