// What the dataset import tests share: a fresh database and a folder of written files for the
// file's tests (made before them, removed after), and an import of one file under a fresh name.
import { afterAll, beforeAll } from "vitest";
import { importDataset, type ImportRequest } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { fileMaker, type FileMaker } from "./files";
import { createTempDb, type TempDb } from "./temp-db";

export type ImportSuite = {
  temp: TempDb;
  files: FileMaker;
  /** Import one file (named by its file name and a counter, so names never clash). */
  importFile: (file: string, options?: Partial<ImportRequest>) => ReturnType<typeof importDataset>;
};

export function importSuite(): ImportSuite {
  const suite = {} as ImportSuite;
  let counter = 0;
  beforeAll(() => {
    suite.temp = createTempDb();
    suite.files = fileMaker();
  });
  afterAll(() => {
    suite.temp.close();
    suite.files.cleanup();
  });
  suite.importFile = async (file, options = {}) => {
    const label = file.split("/").at(-1)!;
    return importDataset(suite.temp.db, {
      files: [await describeSourceFile(file, label)],
      name: `${label} #${counter++}`,
      source: file,
      ...options,
    });
  };
  return suite;
}
