/**
 * Do people agree that the constructed better response really is better? Each item's human labels
 * (first = the response the construction says is better, second = the other one, tie) are reduced
 * to a majority verdict, and the audit reports how often that verdict prefers the constructed
 * better response, with Wilson 95% intervals, overall and per group.
 */
import { wilsonInterval } from "./accuracy";

export type HumanChoice = "first" | "second" | "tie";

export type Share = { rate: number; low: number; high: number } | null;

export type ConstructionAudit = {
  /** Items with at least one human label. */
  items: number;
  preferFirst: number;
  preferSecond: number;
  ties: number;
  /** preferFirst / items: a tie verdict counts as not preferring the constructed better response. */
  share: Share;
  /** preferFirst / (preferFirst + preferSecond): tie verdicts left out. */
  shareWithoutTies: Share;
};

/**
 * The majority of one item's human labels: the choice given most often; when two or more choices
 * share the top count the verdict is "tie". Null when there is no label.
 */
export function humanVerdict(choices: readonly HumanChoice[]): HumanChoice | null {
  if (choices.length === 0) return null;
  const counts: Record<HumanChoice, number> = { first: 0, second: 0, tie: 0 };
  for (const choice of choices) counts[choice]++;
  const top = Math.max(counts.first, counts.second, counts.tie);
  const leaders = (Object.keys(counts) as HumanChoice[]).filter((choice) => counts[choice] === top);
  return leaders.length === 1 ? leaders[0]! : "tie";
}

/** The audit over items; items without any human label are left out. */
export function constructionAudit(items: readonly { choices: readonly HumanChoice[] }[]): ConstructionAudit {
  let labelled = 0;
  let preferFirst = 0;
  let preferSecond = 0;
  let ties = 0;
  for (const { choices } of items) {
    const verdict = humanVerdict(choices);
    if (verdict === null) continue;
    labelled++;
    if (verdict === "first") preferFirst++;
    else if (verdict === "second") preferSecond++;
    else ties++;
  }
  return {
    items: labelled,
    preferFirst,
    preferSecond,
    ties,
    share: share(preferFirst, labelled),
    shareWithoutTies: share(preferFirst, preferFirst + preferSecond),
  };
}

/** The audit per group, sorted by group name; groups without any labelled item are left out. */
export function auditByGroup<K extends string>(
  items: readonly { group: K; choices: readonly HumanChoice[] }[],
): { group: K; audit: ConstructionAudit }[] {
  const byGroup = new Map<K, { choices: readonly HumanChoice[] }[]>();
  for (const item of items) {
    const groupItems = byGroup.get(item.group) ?? [];
    groupItems.push(item);
    byGroup.set(item.group, groupItems);
  }
  return [...byGroup]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, groupItems]) => ({ group, audit: constructionAudit(groupItems) }))
    .filter(({ audit }) => audit.items > 0);
}

function share(successes: number, n: number): Share {
  return n === 0 ? null : { rate: successes / n, ...wilsonInterval(successes, n) };
}
