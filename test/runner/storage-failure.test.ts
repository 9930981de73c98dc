// When the database cannot be written (here: full, through SQLite's max_page_count), a run pauses
// with a reason that says so instead of crashing the process, and resumes to completion once
// there is room again. A database opened read-only refuses to start a run, naming the cause,
// and is left unchanged; writes that start failing mid-run stop the run without crashing either.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { describeStorageError } from "@/lib/storage-errors";
import { getRunById, listRunEvents } from "@/lib/db/queries/runs";
import { resumeRun } from "@/lib/runner/control";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { smallConfig } from "../helpers/run-fixture";
import { simRunSuite } from "../helpers/sim-run-suite";
import { tableCounts } from "../helpers/files";

const suite = simRunSuite();
const fast = { clientOptions: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } };

describe("storage failures", () => {
  it("pause a run when the disk is full, and it resumes to completion when there is room", async () => {
    const run = launchRun(suite.temp.db, smallConfig({ name: "disk full", iterations: 1 }));
    const sqlite = suite.temp.db.$client;
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 2}`); // the database cannot grow past this
    const status = await driveWithLease(suite.temp.db, run.id, fast).status;
    expect(status).toBe("paused");
    const paused = getRunById(suite.temp.db, run.id)!;
    expect(paused.status).toBe("paused");
    expect(paused.statusReason).toMatch(/disk is full \(SQLITE_FULL\)\. Free some space, then resume the run/);

    sqlite.pragma("max_page_count = 1073741823");
    resumeRun(suite.temp.db, run.id);
    expect(await driveWithLease(suite.temp.db, run.id, fast).status).toBe("completed");
    expect(listRunEvents(suite.temp.db, run.id, 100).some((e) => /Paused: The database could not be written/.test(e.message))).toBe(true);
  }, 60_000);

  it("refuse to drive a run on a database opened read-only, naming the cause, and leave it unchanged", async () => {
    const run = launchRun(suite.temp.db, smallConfig({ name: "read-only file", iterations: 1 }));
    const before = tableCounts(suite.temp.db);
    const readOnly = new Database(suite.temp.file, { readonly: true, fileMustExist: true });
    try {
      expect(readOnly.readonly).toBe(true);
      const db = drizzle(readOnly, { schema }) as Db;
      let failure: unknown = null;
      try {
        await driveWithLease(db, run.id, fast).status;
      } catch (error) {
        failure = error;
      }
      expect((failure as { code?: string } | null)?.code).toBe("SQLITE_READONLY");
      expect(describeStorageError(failure)).toMatch(/read-only \(SQLITE_READONLY\)\. Make it writable, then resume the run/);
    } finally {
      readOnly.close();
    }
    expect(tableCounts(suite.temp.db)).toEqual(before);
    expect(getRunById(suite.temp.db, run.id)!.status).toBe("queued");
    // Writable again: the same run completes.
    expect(await driveWithLease(suite.temp.db, run.id, fast).status).toBe("completed");
  }, 60_000);

  it("stop a run whose writes start failing mid-run (SQLite's query_only), without crashing", async () => {
    const run = launchRun(suite.temp.db, smallConfig({ name: "read-only", iterations: 1 }));
    const drive = driveWithLease(suite.temp.db, run.id, fast);
    await new Promise((resolve) => setTimeout(resolve, 150));
    suite.temp.db.$client.pragma("query_only = 1"); // from now on every write fails with SQLITE_READONLY
    try {
      expect(await drive.status).toBe("paused");
    } finally {
      suite.temp.db.$client.pragma("query_only = 0");
    }
    // The pause itself could not be written: the run is left for a resume, and the process kept
    // going (this test is still running in it).
    expect(["running", "paused"]).toContain(getRunById(suite.temp.db, run.id)!.status);
  }, 60_000);
});
