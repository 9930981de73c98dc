// A client module ("use client") exports only components and hooks. A plain function exported from
// one becomes a client reference on the server, and a page that calls it fails at request time
// ("Attempted to call ... from the server"), which no type check catches.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasDirective, sourceFiles } from "../helpers/source-files";

const ROOT = process.cwd();

describe("client modules", () => {
  it("export only components (Capitalised) and hooks (useX)", () => {
    const clients = ["app", "components", "lib"]
      .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .filter((file) => hasDirective(file, "use client"));
    expect(clients.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of clients) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:const|let|function)\s+([A-Za-z_$][\w$]*)/gm)) {
        const name = match[1]!;
        if (!/^[A-Z]/.test(name) && !/^use[A-Z]/.test(name)) offenders.push(`${path.relative(ROOT, file)}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
