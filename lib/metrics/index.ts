/**
 * The metrics that score a judge, one pure function per file: RewardBench item scoring and section
 * scores (official rules), accuracy with confidence intervals, position and length bias, Cohen's
 * kappa, and rates. No database here; lib/db/queries/eval-metrics.ts computes the same numbers in SQL.
 */
export * from "./accuracy";
export * from "./cohens-kappa";
export * from "./item-score";
export * from "./length-bias";
export * from "./position-bias";
export * from "./rates";
export * from "./rewardbench-constants";
export * from "./rewardbench-scores";
export * from "./eval-summary";
export * from "./score-results";
export * from "./paired";
export * from "./paired-rewardbench";
export * from "./win-rate";
export * from "./label-agreement";
