// The database layer never reaches the browser: no client component ("use client") imports a
// module of lib/db at runtime, directly or through other modules (type-only imports are erased and
// do not count; server actions are references, not code). Every lib/db module also imports
// lib/db/server-only.ts, which would throw there.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasDirective, sourceFiles } from "../helpers/source-files";

const ROOT = process.cwd();

/**
 * The repository files a module imports at runtime (not `import type`, not only-type specifiers).
 * A server actions file ("use server") is a boundary: the browser gets references to its actions,
 * not its code.
 */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  if (hasDirective(file, "use server")) return [];
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+["']([^"']+)["']/gm)) {
    const [, , typeOnly, clause, source] = match;
    if (typeOnly) continue;
    const braces = /^\{([^}]*)\}$/.exec(clause!.trim());
    if (braces && braces[1]!.split(",").every((part) => part.trim() === "" || part.trim().startsWith("type "))) continue;
    found.push(source!);
  }
  for (const match of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push(match[1]!);
  return found.map((source) => resolve(file, source)).filter((resolved): resolved is string => resolved !== null);
}

function resolve(from: string, source: string): string | null {
  const base = source.startsWith("@/")
    ? path.join(ROOT, source.slice(2))
    : source.startsWith(".")
      ? path.resolve(path.dirname(from), source)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

describe("the database layer", () => {
  it("is not reached by any client component", () => {
    const clients = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))].filter((file) =>
      hasDirective(file, "use client"),
    );
    expect(clients.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const client of clients) {
      const seen = new Map<string, string | null>([[client, null]]);
      const queue = [client];
      while (queue.length > 0) {
        const file = queue.shift()!;
        if (file.startsWith(path.join(ROOT, "lib", "db") + path.sep)) {
          const chain: string[] = [];
          for (let at: string | null = file; at; at = seen.get(at) ?? null) chain.unshift(path.relative(ROOT, at));
          leaks.push(chain.join(" -> "));
          break;
        }
        for (const next of runtimeImports(file)) if (!seen.has(next)) (seen.set(next, file), queue.push(next));
      }
    }
    expect(leaks).toEqual([]);
  });

  it("guards every one of its modules", () => {
    const modules = sourceFiles(path.join(ROOT, "lib", "db")).filter((f) => !f.endsWith("server-only.ts") && !f.endsWith("schema.ts"));
    const unguarded = modules.filter((f) => !/import "\.{1,2}\/server-only";/.test(fs.readFileSync(f, "utf8")));
    expect(unguarded.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
