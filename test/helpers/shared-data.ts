// The real public datasets in ../shared/data beside the checkout. They are read from there, never
// copied into the repository, so a user's clone usually does not have them:
// - JUDGE_LAB_SHARED_DATA unset: the folder is ../shared/data, and a test that needs a missing file
//   is skipped, with one line saying what is skipped and why;
// - JUDGE_LAB_SHARED_DATA set (CI sets it): that folder is required, and a missing file fails loudly.
import fs from "node:fs";
import path from "node:path";

const configured = process.env.JUDGE_LAB_SHARED_DATA?.trim();

export const SHARED_DATA_REQUIRED = Boolean(configured);
export const SHARED_DATA_DIR = path.resolve(configured || path.join(process.cwd(), "..", "shared", "data"));

const announced = new Set<string>();

/**
 * The path of a shared data file. When it is absent: throws if the data is required, else prints
 * one line with `consequence` ("skipped: …", or what is used instead), once each, and returns null.
 */
export function sharedDataFile(name: string, consequence: string): string | null {
  const file = path.join(SHARED_DATA_DIR, name);
  if (fs.existsSync(file)) return file;
  if (SHARED_DATA_REQUIRED) {
    throw new Error(
      `Missing ${file}. JUDGE_LAB_SHARED_DATA is set, so the real public datasets are required there ` +
        `(they are not copied into the repository).`,
    );
  }
  const key = `${name}\0${consequence}`;
  if (!announced.has(key)) {
    announced.add(key);
    console.log(`[shared data] ${file} is not there; ${consequence} (set JUDGE_LAB_SHARED_DATA to the shared data folder to use it).`);
  }
  return null;
}

/** Like sharedDataFile, for code that runs only when the file exists (the test was skipped otherwise). */
export function requireSharedDataFile(name: string): string {
  const file = path.join(SHARED_DATA_DIR, name);
  if (!fs.existsSync(file)) throw new Error(`Missing ${file}`);
  return file;
}
