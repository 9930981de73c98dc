// The repository's TypeScript sources under a folder, for tests that check how modules import each other.
import fs from "node:fs";
import path from "node:path";

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Whether a module starts with the given directive ("use client", "use server"). */
export const hasDirective = (file: string, directive: "use client" | "use server") =>
  new RegExp(`^\\s*["']${directive}["']`).test(fs.readFileSync(file, "utf8"));
