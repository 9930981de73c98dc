// The construction audit on constructed inputs with hand-computed answers.
import { describe, expect, it } from "vitest";
import { auditByGroup, constructionAudit, type HumanChoice, humanVerdict } from "@/lib/metrics/construction-audit";

describe("human verdict", () => {
  it("takes the majority, and a tie in counts between the top choices is a tie", () => {
    expect(humanVerdict([])).toBeNull();
    expect(humanVerdict(["second"])).toBe("second");
    expect(humanVerdict(["first", "second"])).toBe("tie");
    expect(humanVerdict(["first", "first", "tie"])).toBe("first");
    expect(humanVerdict(["tie", "tie", "first"])).toBe("tie");
    expect(humanVerdict(["first", "second", "tie"])).toBe("tie");
    expect(humanVerdict(["second", "second", "first", "tie"])).toBe("second");
  });
});

describe("construction audit", () => {
  const items: { choices: HumanChoice[] }[] = [
    { choices: ["first", "first", "second"] }, // first
    { choices: ["first"] }, // first
    { choices: ["second", "second"] }, // second
    { choices: ["first", "second"] }, // tie
    { choices: ["first", "tie", "first"] }, // first
    { choices: [] }, // no label: left out
    { choices: ["tie", "tie", "first"] }, // tie
  ];

  it("counts verdicts and gives both shares with Wilson 95% intervals", () => {
    const audit = constructionAudit(items);
    expect(audit).toMatchObject({ items: 6, preferFirst: 3, preferSecond: 1, ties: 2 });

    // share = 3/6: p̂ = 0.5, n = 6, z = 1.959964, z² = 3.841459.
    // denominator 1 + z²/n = 1.640243; center = (0.5 + z²/12) / 1.640243 = 0.820122 / 1.640243 = 0.5.
    // half-width = z·sqrt(0.25/6 + z²/144) / 1.640243 = 1.959964·sqrt(0.041667 + 0.026677) / 1.640243
    //            = 1.959964·0.261425 / 1.640243 = 0.312384 -> [0.187616, 0.812384].
    expect(audit.share?.rate).toBe(0.5);
    expect(audit.share?.low).toBeCloseTo(0.18762, 4);
    expect(audit.share?.high).toBeCloseTo(0.81238, 4);

    // without ties = 3/4: p̂ = 0.75, n = 4; denominator 1 + z²/4 = 1.960365.
    // center = (0.75 + z²/8) / 1.960365 = (0.75 + 0.480182) / 1.960365 = 0.627527.
    // half-width = z·sqrt(0.1875/4 + z²/64) / 1.960365 = 1.959964·sqrt(0.046875 + 0.060023) / 1.960365
    //            = 1.959964·0.326953 / 1.960365 = 0.326885 -> [0.300642, 0.954412].
    expect(audit.shareWithoutTies?.rate).toBe(0.75);
    expect(audit.shareWithoutTies?.low).toBeCloseTo(0.30064, 4);
    expect(audit.shareWithoutTies?.high).toBeCloseTo(0.95441, 4);
  });

  it("gives null shares when their denominator is 0", () => {
    expect(constructionAudit([{ choices: [] }])).toEqual({
      items: 0,
      preferFirst: 0,
      preferSecond: 0,
      ties: 0,
      share: null,
      shareWithoutTies: null,
    });
    // Only tie verdicts: share = 0/2 exists, without ties has no item.
    const onlyTies = constructionAudit([{ choices: ["tie"] }, { choices: ["first", "second"] }]);
    expect(onlyTies).toMatchObject({ items: 2, preferFirst: 0, preferSecond: 0, ties: 2, shareWithoutTies: null });
    expect(onlyTies.share?.rate).toBe(0);
    expect(onlyTies.share?.low).toBe(0);
  });
});

describe("construction audit by group", () => {
  it("audits each group with a labelled item, sorted by name", () => {
    const result = auditByGroup([
      { group: "math", choices: ["first"] },
      { group: "chat", choices: [] }, // no labelled item: the group is left out
      { group: "code", choices: ["second", "second", "first"] },
      { group: "math", choices: ["first", "second"] },
      { group: "code", choices: ["first"] },
      { group: "math", choices: [] },
    ]);
    expect(result.map(({ group }) => group)).toEqual(["code", "math"]);
    // code: verdicts second, first -> 2 items, share 1/2, without ties 1/2.
    expect(result[0]?.audit).toMatchObject({ items: 2, preferFirst: 1, preferSecond: 1, ties: 0 });
    expect(result[0]?.audit.share?.rate).toBe(0.5);
    expect(result[0]?.audit.shareWithoutTies?.rate).toBe(0.5);
    // math: verdicts first, tie (the unlabelled item is left out) -> 2 items, share 1/2, without ties 1/1.
    expect(result[1]?.audit).toMatchObject({ items: 2, preferFirst: 1, preferSecond: 0, ties: 1 });
    expect(result[1]?.audit.share?.rate).toBe(0.5);
    expect(result[1]?.audit.shareWithoutTies?.rate).toBe(1);
  });
});
