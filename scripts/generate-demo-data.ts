// Writes the demo instruction pool, eval set and responses to judge to lib/demo/data/ (run after changing lib/demo/generate.ts).
import fs from "node:fs";
import path from "node:path";
import { demoBestOfFour, demoEvalPairs, demoInstructions, demoPairwise } from "@/lib/demo/generate";

const dir = path.join(import.meta.dirname, "..", "lib", "demo", "data");
fs.mkdirSync(dir, { recursive: true });
const write = (name: string, rows: unknown[]) => {
  fs.writeFileSync(path.join(dir, name), rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
  console.log(`${name}: ${rows.length} rows`);
};
write("demo-instructions.jsonl", demoInstructions());
write("demo-eval-pairs.jsonl", demoEvalPairs());
write("demo-judge-pairwise.jsonl", demoPairwise());
write("demo-judge-best-of-4.jsonl", demoBestOfFour());
