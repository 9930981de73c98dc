// Writes the demo instruction pool and eval set to lib/demo/data/ (run after changing lib/demo/generate.ts).
import fs from "node:fs";
import path from "node:path";
import { demoEvalPairs, demoInstructions } from "@/lib/demo/generate";

const dir = path.join(import.meta.dirname, "..", "lib", "demo", "data");
fs.mkdirSync(dir, { recursive: true });
const write = (name: string, rows: unknown[]) => {
  fs.writeFileSync(path.join(dir, name), rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
  console.log(`${name}: ${rows.length} rows`);
};
write("demo-instructions.jsonl", demoInstructions());
write("demo-eval-pairs.jsonl", demoEvalPairs());
