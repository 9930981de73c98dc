/**
 * The "agreement with people" chart's table: one row per judge (a run's iterations in order, or
 * judge jobs), the 3-way agreement (ties included) and the accuracy without ties, in percent, with
 * the number of human labels compared. Also the CSV the chart downloads.
 */
import type { ChartTable } from "@/lib/charts/run-chart-data";
import type { JudgeHumanAgreement } from "./human-agreement";

const percent = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1000) / 10);

export function peopleAgreementTable(judges: readonly JudgeHumanAgreement[]): ChartTable {
  return {
    columns: [
      { key: "judge", label: "Judge" },
      { key: "threeWay", label: "3-way agreement (ties count)" },
      { key: "withoutTies", label: "Accuracy without ties" },
      { key: "labels", label: "Human labels compared" },
    ],
    rows: judges
      .filter((j) => j.agreement.labelled > 0)
      .map((j) => ({
        judge: j.judgeLabel,
        threeWay: percent(j.agreement.threeWay?.rate),
        withoutTies: percent(j.agreement.withoutTies?.rate),
        labels: j.agreement.labelled,
      })),
  };
}
