/**
 * Judges against people, from a set's labels and each judge's verdicts: per judge, the agreement
 * with every human label (each person's label on each item counts once; imported labels are a
 * named external annotator's and count too), in the numbers of lib/metrics/label-agreement.ts
 * (accuracy without ties, 3-way agreement, Cohen's kappa); and the share of the constructed better
 * response people prefer (the synthetic-label audit), overall, per category and per kept/dropped.
 */
import type { JudgeVerdictValue } from "./judge-verdicts";
import { auditByGroup, constructionAudit, humanVerdict, type ConstructionAudit } from "@/lib/metrics/construction-audit";
import { labelAgreement, type LabelAgreement, type PairLabel, type PairVerdict } from "@/lib/metrics/label-agreement";

export type HumanLabel = {
  itemId: number;
  annotator: string;
  choice: "first" | "second" | "tie";
  category: string | null;
  filterStatus: "kept" | "dropped" | null;
};
export type JudgeVerdict = {
  judgeKey: string;
  judgeOrder: number;
  judgeLabel: string;
  itemId: number;
  verdict: JudgeVerdictValue;
};

export type JudgeHumanAgreement = {
  judgeKey: string;
  judgeLabel: string;
  order: number;
  agreement: LabelAgreement;
  /** Human labels on items this judge has no verdict for (left out). */
  unjudgedLabels: number;
};

const asPair = (choice: "first" | "second" | "tie"): PairLabel => (choice === "first" ? "A" : choice === "second" ? "B" : "tie");
const asVerdict = (verdict: JudgeVerdict["verdict"]): PairVerdict => (verdict === "unparsed" ? "unparsed" : asPair(verdict));

export function judgesAgainstPeople(labels: readonly HumanLabel[], verdicts: readonly JudgeVerdict[]): JudgeHumanAgreement[] {
  const judges = new Map<string, { label: string; order: number; byItem: Map<number, JudgeVerdict["verdict"]> }>();
  for (const v of verdicts) {
    const judge = judges.get(v.judgeKey) ?? { label: v.judgeLabel, order: v.judgeOrder, byItem: new Map() };
    judge.byItem.set(v.itemId, v.verdict);
    judges.set(v.judgeKey, judge);
  }
  return [...judges.entries()]
    .map(([judgeKey, judge]) => {
      const compared: { label: PairLabel; verdict: PairVerdict }[] = [];
      let unjudged = 0;
      for (const label of labels) {
        const verdict = judge.byItem.get(label.itemId);
        if (verdict === undefined) unjudged++;
        else compared.push({ label: asPair(label.choice), verdict: asVerdict(verdict) });
      }
      return { judgeKey, judgeLabel: judge.label, order: judge.order, agreement: labelAgreement(compared), unjudgedLabels: unjudged };
    })
    .sort((a, b) => a.order - b.order);
}

export type ConstructionAuditView = {
  overall: ConstructionAudit;
  byCategory: { group: string; audit: ConstructionAudit }[];
  byStatus: { group: string; audit: ConstructionAudit }[];
  /** Items whose people's majority does not prefer the constructed better response (y_l or a tie). */
  disagreeing: { itemId: number; verdict: "second" | "tie"; first: number; second: number; tie: number }[];
};

export function auditConstruction(labels: readonly HumanLabel[]): ConstructionAuditView {
  const items = new Map<number, { choices: ("first" | "second" | "tie")[]; category: string; status: string }>();
  for (const label of labels) {
    const item = items.get(label.itemId) ?? {
      choices: [],
      category: label.category ?? "uncategorized",
      status: label.filterStatus ?? "not judged",
    };
    item.choices.push(label.choice);
    items.set(label.itemId, item);
  }
  const list = [...items.entries()];
  const disagreeing: ConstructionAuditView["disagreeing"] = [];
  for (const [itemId, item] of list) {
    const verdict = humanVerdict(item.choices);
    if (verdict === "second" || verdict === "tie")
      disagreeing.push({
        itemId,
        verdict,
        first: item.choices.filter((c) => c === "first").length,
        second: item.choices.filter((c) => c === "second").length,
        tie: item.choices.filter((c) => c === "tie").length,
      });
  }
  return {
    overall: constructionAudit(list.map(([, item]) => item)),
    byCategory: auditByGroup(list.map(([, item]) => ({ group: item.category, choices: item.choices }))),
    byStatus: auditByGroup(list.map(([, item]) => ({ group: item.status, choices: item.choices }))),
    disagreeing,
  };
}
