// The human-comparison rules on hand-made labels: judges against people (each person's label
// counts once; items a judge did not judge are left out and counted), the construction audit with
// the disagreeing items, the choice mapping from what was shown, and the seeded sampling.
import { describe, expect, it } from "vitest";
import { auditConstruction, judgesAgainstPeople, type HumanLabel, type JudgeVerdict } from "@/lib/annotation/human-agreement";
import { cappedSample, shownSwapped, stratifiedSample } from "@/lib/annotation/sample-items";
import { choiceFromShown } from "@/lib/annotation/set-input";

const label = (
  itemId: number,
  annotator: string,
  choice: HumanLabel["choice"],
  category = "math",
  filterStatus: HumanLabel["filterStatus"] = "kept",
): HumanLabel => ({
  itemId,
  annotator,
  choice,
  category,
  filterStatus,
});
const verdict = (judgeKey: string, judgeOrder: number, itemId: number, v: JudgeVerdict["verdict"]): JudgeVerdict => ({
  judgeKey,
  judgeOrder,
  judgeLabel: judgeKey,
  itemId,
  verdict: v,
});

describe("judges against people", () => {
  it("compares every person's label with the judge's verdict on that item", () => {
    const labels = [
      label(1, "ann", "first"),
      label(1, "bob", "second"),
      label(2, "ann", "first"),
      label(3, "ann", "tie"),
      label(4, "ann", "first"),
    ];
    // it1 judged items 1-3 only: first, first, tie.
    const verdicts = [
      verdict("it1", 1, 1, "first"),
      verdict("it1", 1, 2, "first"),
      verdict("it1", 1, 3, "tie"),
      verdict("it0", 0, 1, "unparsed"),
    ];
    const [it0, it1] = judgesAgainstPeople(labels, verdicts);
    expect(it0!.judgeKey).toBe("it0"); // ordered by judge order
    // it1: 4 labels compared (ann/bob on 1, ann on 2, ann on 3); 3-way: ann1 ✓, bob1 ✗, ann2 ✓, ann3 ✓ = 3/4.
    expect(it1!.agreement.labelled).toBe(4);
    expect(it1!.unjudgedLabels).toBe(1);
    expect(it1!.agreement.threeWay!.rate).toBe(0.75);
    // Without ties: ann1 ✓, bob1 ✗, ann2 ✓ (item 3 is a tie) = 2/3.
    expect(it1!.agreement.withoutTies!.rate).toBeCloseTo(2 / 3, 10);
    // it0: one verdict, unreadable: it disagrees in 3-way terms and is left out of kappa.
    expect(it0!.agreement.labelled).toBe(2);
    expect(it0!.agreement.threeWay!.rate).toBe(0);
    expect(it0!.agreement.kappaItems).toBe(0);
  });
});

describe("construction audit", () => {
  it("takes each item's majority, shares by category and status, and lists the items people disagree on", () => {
    const labels = [
      label(1, "ann", "first"),
      label(1, "bob", "first"),
      label(2, "ann", "second"),
      label(3, "ann", "tie", "code", "dropped"),
      label(4, "ann", "first", "code", "dropped"),
      label(4, "bob", "second", "code", "dropped"),
    ];
    const audit = auditConstruction(labels);
    // Items: 1 first, 2 second, 3 tie, 4 tie (one each way) → 1 of 4 prefer y_w.
    expect(audit.overall).toMatchObject({ items: 4, preferFirst: 1, preferSecond: 1, ties: 2 });
    expect(audit.overall.share!.rate).toBe(0.25);
    expect(audit.byCategory.map((g) => [g.group, g.audit.items, g.audit.preferFirst])).toEqual([
      ["code", 2, 0],
      ["math", 2, 1],
    ]);
    expect(audit.byStatus.map((g) => [g.group, g.audit.items])).toEqual([
      ["dropped", 2],
      ["kept", 2],
    ]);
    expect(audit.disagreeing).toEqual([
      { itemId: 2, verdict: "second", first: 0, second: 1, tie: 0 },
      { itemId: 3, verdict: "tie", first: 0, second: 0, tie: 1 },
      { itemId: 4, verdict: "tie", first: 1, second: 1, tie: 0 },
    ]);
  });
});

describe("shown choices and sampling", () => {
  it("maps the left/right choice through the item's order", () => {
    expect(choiceFromShown("A", false)).toBe("first");
    expect(choiceFromShown("A", true)).toBe("second");
    expect(choiceFromShown("B", false)).toBe("second");
    expect(choiceFromShown("B", true)).toBe("first");
    expect(choiceFromShown("tie", true)).toBe("tie");
    expect(choiceFromShown("skip", false)).toBe("skip");
  });

  it("samples k per category, the same for the same seed, and shows each side on the left about half the time", () => {
    const candidates = Array.from({ length: 30 }, (_, i) => ({ id: i, category: i < 20 ? "a" : i < 28 ? "b" : null }));
    const picked = stratifiedSample(candidates, 5, 3);
    expect(picked.filter((p) => p.category === "a")).toHaveLength(5);
    expect(picked.filter((p) => p.category === "b")).toHaveLength(5);
    expect(picked.filter((p) => p.category === null)).toHaveLength(2); // only two uncategorized
    expect(stratifiedSample(candidates, 5, 3)).toEqual(picked);
    expect(stratifiedSample(candidates, 5, 4)).not.toEqual(picked);
    expect(cappedSample(candidates, 50, 1)).toHaveLength(30);
    expect(cappedSample(candidates, 10, 1)).toHaveLength(10);
    const swapped = Array.from({ length: 1000 }, (_, i) => shownSwapped(1, `pair:${i}`)).filter(Boolean).length;
    expect(swapped).toBeGreaterThan(440);
    expect(swapped).toBeLessThan(560);
  });
});
