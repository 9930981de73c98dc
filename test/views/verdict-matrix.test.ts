// The verdict matrix of one item across iterations: majorities per order, the item's label, flips.
import { describe, expect, it } from "vitest";
import { verdictMatrix } from "@/lib/traces/verdict-matrix";

const votes = (iteration: number, goodPosition: "A" | "B", outcomes: string) =>
  [...outcomes].map((o) => ({
    iteration,
    goodPosition,
    outcome: ({ c: "correct", w: "wrong", t: "tie", u: "unparsed" } as const)[o as "c"],
  }));

describe("verdictMatrix", () => {
  it("labels each iteration from the majorities of its two orders and marks flips", () => {
    const rows = verdictMatrix(
      [
        ...votes(0, "A", "ccw"),
        ...votes(0, "B", "wwc"),
        ...votes(1, "A", "ccc"),
        ...votes(1, "B", "ccc"),
        ...votes(2, "A", "www"),
        ...votes(2, "B", "wut"),
      ],
      [2, 0, 1],
    );
    expect(rows.map((r) => [r.iteration, r.A?.majority, r.B?.majority, r.score, r.label, r.flip])).toEqual([
      [0, "correct", "wrong", 0.5, "undecided", null],
      [1, "correct", "correct", 1, "right", "improved"],
      [2, "wrong", "wrong", 0, "wrong", "regressed"],
    ]);
  });

  it("scores an item judged in one order only, skips iterations that did not judge it, and calls wrong→undecided a change", () => {
    const rows = verdictMatrix([...votes(0, "B", "w"), ...votes(2, "A", "ct")], [0, 1, 2]);
    expect(rows.map((r) => [r.iteration, r.A === null, r.label, r.flip])).toEqual([
      [0, true, "wrong", null],
      [1, true, null, null],
      [2, false, "right", "improved"],
    ]);
    expect(verdictMatrix([...votes(0, "A", "w"), ...votes(1, "A", "cw")], [0, 1])[1]!.flip).toBe("changed");
  });
});
