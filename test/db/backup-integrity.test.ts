// A damaged database file is refused at start-up with a clear message; `npm run backup`'s online
// backup makes a sound, consistent copy while another process keeps writing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase } from "@/lib/db/backup";
import { openDatabase } from "@/lib/db/client";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb | null = null;
afterEach(() => {
  temp?.close();
  temp = null;
});

function fillEvents(file: string, rows: number) {
  const sqlite = new Database(file);
  sqlite.exec("create table if not exists filler (id integer primary key, text text not null)");
  const insert = sqlite.prepare("insert into filler (text) values (?)");
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`row ${i} `.repeat(20));
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

describe("integrity check at start-up", () => {
  it("refuses a damaged file, naming it and saying what to do", () => {
    temp = createTempDb();
    temp.db.$client.close();
    fillEvents(temp.file, 5_000);
    // Overwrite the middle of the file (b-tree pages of the filler table) with garbage.
    const fd = fs.openSync(temp.file, "r+");
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const open = () => openDatabase({ file: temp!.file, migrationsFolder: path.join(process.cwd(), "drizzle"), checkIntegrity: true });
    expect(open).toThrow(/Could not open the database .*test\.db: the file is damaged .*Restore a backup/);
    temp.db = openDatabase({ file: ":memory:", migrationsFolder: path.join(process.cwd(), "drizzle") }); // for close()
  });

  it("opens a sound file", () => {
    temp = createTempDb();
    temp.db.$client.close();
    const db = openDatabase({ file: temp.file, migrationsFolder: path.join(process.cwd(), "drizzle"), checkIntegrity: true });
    temp.db = db;
    expect(db.$client.prepare("select count(*) from runs").pluck().get()).toBe(0);
  });
});

describe("online backup", () => {
  it("copies a consistent snapshot while another process writes", async () => {
    temp = createTempDb();
    fillEvents(temp.file, 20_000);
    // A writer in another process: one small transaction after another, until killed.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(temp.file)}); db.pragma("busy_timeout = 5000");
         const ins = db.prepare("insert into filler (text) values ('written during the backup')");
         console.log("ready"); for (;;) ins.run();`,
      ],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => writer.stdout!.once("data", () => resolve()));
    const count = () => new Database(temp!.file, { readonly: true }).prepare("select count(*) from filler").pluck().get() as number;
    const before = count();
    const destination = path.join(temp.dir, "backups", "copy.db");
    const result = await backupDatabase(temp.file, destination);
    const after = count();
    writer.kill("SIGKILL");
    expect(result.file).toBe(destination);
    const copy = new Database(destination, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const copied = copy.prepare("select count(*) from filler").pluck().get() as number;
    copy.close();
    expect(after).toBeGreaterThan(before); // the writer really wrote during the backup
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    await expect(backupDatabase(temp.file, destination)).rejects.toThrow(/exists already/);
  });
});
