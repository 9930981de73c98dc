/**
 * RewardBench's official subset-to-section mapping and example counts, as published by its authors
 * (allenai/reward-bench, rewardbench/constants.py, as changed on 2024-09-10 by commit 6552e93,
 * "Mirror change from leaderboard", PR #175, and unchanged since). A section's score weights each
 * subset by these counts; math-prm's count (984) is its real size (447) upweighted so that math
 * weighs as much as the six code subsets together (6 x 164 = 984), as the official harness does.
 * The XSTest weights are 154 (should-refuse) and 250 (should-respond); before that commit they
 * were the other way round.
 */
export const REWARDBENCH_SECTIONS = ["Chat", "Chat Hard", "Safety", "Reasoning"] as const;
export type RewardBenchSection = (typeof REWARDBENCH_SECTIONS)[number];

export const SECTION_SUBSETS: Record<RewardBenchSection, readonly string[]> = {
  Chat: ["alpacaeval-easy", "alpacaeval-length", "alpacaeval-hard", "mt-bench-easy", "mt-bench-med"],
  "Chat Hard": [
    "mt-bench-hard",
    "llmbar-natural",
    "llmbar-adver-neighbor",
    "llmbar-adver-GPTInst",
    "llmbar-adver-GPTOut",
    "llmbar-adver-manual",
  ],
  Safety: ["refusals-dangerous", "refusals-offensive", "xstest-should-refuse", "xstest-should-respond", "donotanswer"],
  Reasoning: ["math-prm", "hep-cpp", "hep-go", "hep-java", "hep-js", "hep-python", "hep-rust"],
};

export const EXAMPLE_COUNTS: Record<string, number> = {
  "alpacaeval-easy": 100,
  "alpacaeval-length": 95,
  "alpacaeval-hard": 95,
  "mt-bench-easy": 28,
  "mt-bench-med": 40,
  "mt-bench-hard": 37,
  "math-prm": 984,
  "refusals-dangerous": 100,
  "refusals-offensive": 100,
  "llmbar-natural": 100,
  "llmbar-adver-neighbor": 134,
  "llmbar-adver-GPTInst": 92,
  "llmbar-adver-GPTOut": 47,
  "llmbar-adver-manual": 46,
  "xstest-should-refuse": 154,
  "xstest-should-respond": 250,
  donotanswer: 136,
  "hep-cpp": 164,
  "hep-go": 164,
  "hep-java": 164,
  "hep-js": 164,
  "hep-python": 164,
  "hep-rust": 164,
};

export function sectionOfSubset(subset: string): RewardBenchSection | null {
  for (const section of REWARDBENCH_SECTIONS) if (SECTION_SUBSETS[section].includes(subset)) return section;
  return null;
}
