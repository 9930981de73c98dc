// A fresh SQLite file per test, migrated exactly as the app does at start-up, removed afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/lib/db/client";

export type TempDb = { db: Db; file: string; dir: string; close: () => void };

export function createTempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase({ file, migrationsFolder: path.join(process.cwd(), "drizzle") });
  return {
    db,
    file,
    dir,
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
