/** What a benchmark section is: a name, and a run that returns its figures and the table rows to print. */

export type BenchRow = {
  /** What was measured, in words. */
  measure: string;
  /** The figure, formatted for people. */
  value: string;
  /** The goal it is held against, in words ("" when it is context, not a goal). */
  goal: string;
  /** Whether the goal was met (null: no goal). */
  met: boolean | null;
};

export type SectionResult = { figures: Record<string, unknown>; rows: BenchRow[] };

export type SectionContext = {
  quick: boolean;
  /** A scratch folder for this section's databases and files, removed afterwards. */
  dir: string;
  log: (line: string) => void;
};

export type BenchSection = { name: string; title: string; run: (ctx: SectionContext) => Promise<SectionResult> };
