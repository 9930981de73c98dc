// Instruction selection (categories kept, capped, balanced round-robin) and pair assessment.
import { describe, expect, it } from "vitest";
import { assessPair } from "@/lib/pipeline/build-pairs";
import { pickCandidates, selectInstructions } from "@/lib/pipeline/select-instructions";
import { createRandom } from "@/lib/pipeline/random";

const candidates = [
  ...Array.from({ length: 10 }, (_, i) => ({ itemId: i, category: "Coding" })),
  ...Array.from({ length: 3 }, (_, i) => ({ itemId: 100 + i, category: "Math" })),
  ...Array.from({ length: 5 }, (_, i) => ({ itemId: 200 + i, category: "Writing" })),
  { itemId: 300, category: null },
];

describe("selectInstructions", () => {
  it("keeps the chosen categories, caps each, and balances them round-robin", () => {
    const result = selectInstructions(candidates, {
      classify: true,
      keep: ["Coding", "Math"],
      count: 8,
      perCategoryCap: 5,
      random: createRandom(1),
    });
    const byCategory = result.selected.reduce<Record<string, number>>(
      (acc, s) => ({ ...acc, [s.category!]: (acc[s.category!] ?? 0) + 1 }),
      {},
    );
    // Math has 3: all taken; Coding fills the rest up to its cap of 5.
    expect(byCategory).toEqual({ Coding: 5, Math: 3 });
    expect(result.dropped).toEqual({ unclassified: 1, notKept: 5, overCap: 5, overCount: 0 });
    expect(result.selected.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("deals categories evenly when the count is short", () => {
    const result = selectInstructions(candidates, { classify: true, keep: [], count: 6, perCategoryCap: null, random: createRandom(2) });
    const byCategory = result.selected.reduce<Record<string, number>>(
      (acc, s) => ({ ...acc, [s.category!]: (acc[s.category!] ?? 0) + 1 }),
      {},
    );
    expect(byCategory).toEqual({ Coding: 2, Math: 2, Writing: 2 });
    // 18 classified candidates, 6 selected.
    expect(result.dropped).toEqual({ unclassified: 1, notKept: 0, overCap: 0, overCount: 12 });
  });

  it("samples without classification when no categories are configured, reproducibly", () => {
    const ids = Array.from({ length: 50 }, (_, i) => i);
    expect(pickCandidates(ids, 10, createRandom(3))).toEqual(pickCandidates(ids, 10, createRandom(3)));
    const result = selectInstructions(
      ids.map((itemId) => ({ itemId, category: null })),
      { classify: false, keep: [], count: 5, perCategoryCap: null, random: createRandom(4) },
    );
    expect(result.selected).toHaveLength(5);
    expect(new Set(result.selected.map((s) => s.itemId)).size).toBe(5);
  });
});

describe("assessPair", () => {
  const good = { instruction: "Explain caching", good: "Caching stores results.", goodTruncated: false, worseTruncated: false };
  it("keeps a sound pair", () => {
    expect(
      assessPair({
        ...good,
        worseOutput: "<modified_instruction>Explain gardening</modified_instruction><response>Water plants.</response>",
      }),
    ).toEqual({
      status: "ok",
      goodResponse: "Caching stores results.",
      modifiedInstruction: "Explain gardening",
      worseResponse: "Water plants.",
    });
  });

  it.each([
    [{ good: "  " }, "good_empty"],
    [{ goodTruncated: true }, "good_truncated"],
    [{ worseOutput: "<modified_instruction>x</modified_instruction><response>cut" }, "worse_malformed"],
    [{ worseOutput: "<modified_instruction>x</modified_instruction><response>cut", worseTruncated: true }, "worse_truncated"],
    [{ worseOutput: "<modified_instruction>explain  CACHING</modified_instruction><response>y</response>" }, "same_instruction"],
    [
      { worseOutput: "<modified_instruction>Explain soup</modified_instruction><response>Caching stores results.</response>" },
      "identical_responses",
    ],
  ])("drops %j as %s", (overrides, reason) => {
    expect(
      assessPair({ ...good, worseOutput: "<modified_instruction>a</modified_instruction><response>b</response>", ...overrides }),
    ).toMatchObject({ status: "dropped", reason });
  });
});
