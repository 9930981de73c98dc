/** One-click dataset sources (no server code here: the browser imports it too). */
export type HfDatasetRef = { repo: string; config: string; split: string };

/** RewardBench as its authors publish it: the "filtered" split is the one the leaderboard scores. */
export const REWARDBENCH_PRESET: HfDatasetRef & { name: string } = {
  repo: "allenai/reward-bench",
  config: "default",
  split: "filtered",
  name: "RewardBench (filtered)",
};
