/**
 * How a judge's verdicts agree with reference labels that may include ties (human preferences such
 * as MT-Bench's human judgments, Auto-J's or PandaLM's test sets), in the three numbers such papers
 * report:
 * - accuracy without ties: among the items where neither the label nor the verdict is a tie (and
 *   the verdict could be read), the share that agree, with Wilson's 95% interval; this is MT-Bench's
 *   "without tie" setup (Zheng et al. 2023, §4.2: only non-tie votes count);
 * - 3-way agreement: among all labelled items, the share where the verdict (A, B or tie) equals
 *   the label; a verdict that could not be read counts as a disagreement;
 * - Cohen's kappa over A / B / tie, on the items with a readable verdict.
 * Best-of-n labels name the best response: accuracy is the share where the judge ranked it first.
 */
import { wilsonInterval } from "./accuracy";
import { cohensKappa } from "./cohens-kappa";

export type PairLabel = "A" | "B" | "tie";
export type PairVerdict = "A" | "B" | "tie" | "unparsed";

export type Rate = { rate: number; low: number; high: number; agree: number; items: number } | null;

export type LabelAgreement = {
  labelled: number;
  withoutTies: Rate;
  /** Items left out of "without ties" because the label or the verdict was a tie or unreadable. */
  excludedFromWithoutTies: number;
  threeWay: Rate;
  kappa: number | null;
  kappaItems: number;
};

function rate(agree: number, items: number): Rate {
  return items === 0 ? null : { rate: agree / items, agree, items, ...wilsonInterval(agree, items) };
}

export function labelAgreement(items: readonly { label: PairLabel; verdict: PairVerdict }[]): LabelAgreement {
  let decided = 0;
  let decidedAgree = 0;
  let agree = 0;
  const kappaPairs: [string, string][] = [];
  for (const { label, verdict } of items) {
    if (verdict === label) agree++;
    if (label !== "tie" && (verdict === "A" || verdict === "B")) {
      decided++;
      if (verdict === label) decidedAgree++;
    }
    if (verdict !== "unparsed") kappaPairs.push([label, verdict]);
  }
  const kappa = cohensKappa(kappaPairs);
  return {
    labelled: items.length,
    withoutTies: rate(decidedAgree, decided),
    excludedFromWithoutTies: items.length - decided,
    threeWay: rate(agree, items.length),
    kappa: kappa.kappa,
    kappaItems: kappa.items,
  };
}

/** Best-of-n: the share of labelled items whose labelled best response the judge ranked first. */
export function bestOfNAccuracy(items: readonly { best: number; ranked: number | null }[]): Rate {
  const agree = items.filter((i) => i.ranked === i.best).length;
  return rate(agree, items.length);
}
