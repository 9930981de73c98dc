// The real public datasets in ../shared/data (beside the checkout; JUDGE_LAB_SHARED_DATA overrides).
// They are read from there, never copied into the repository. A missing folder fails loudly.
import fs from "node:fs";
import path from "node:path";

export const SHARED_DATA_DIR = path.resolve(process.env.JUDGE_LAB_SHARED_DATA ?? path.join(process.cwd(), "..", "shared", "data"));

export function sharedDataFile(name: string): string {
  const file = path.join(SHARED_DATA_DIR, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Missing ${file}. These tests read the real public datasets from ../shared/data beside the checkout ` +
        `(or the folder named by JUDGE_LAB_SHARED_DATA); they are not copied into the repository.`,
    );
  }
  return file;
}
