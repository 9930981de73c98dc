// Page state in the URL: bad values fall back to defaults field by field, defaults stay out of links.
import { describe, expect, it } from "vitest";
import { compareParams, compareSearch } from "@/lib/traces/compare-params";
import { flipsParams, flipsSearch } from "@/lib/traces/flips-params";
import { groupFilters, listSearch, parseListParams } from "@/lib/traces/list-params";

describe("trace list params", () => {
  it("keeps the valid fields and drops the invalid ones", () => {
    const params = parseListParams({
      iteration: "2",
      majority: "wrong",
      outcome: "maybe",
      order: "B",
      q: ["  needle ", "x"],
      sort: "bogus",
      page: "-3",
    });
    expect(params).toMatchObject({ iteration: 2, majority: "wrong", outcome: undefined, order: "B", q: "needle", sort: "pair", page: 1 });
    expect(groupFilters(params)).toMatchObject({ majority: "wrong", order: "B", query: "needle" });
  });

  it("writes only what differs from the defaults", () => {
    expect(listSearch({ iteration: 1, sort: "pair", page: 1, q: "a b" })).toBe("?iteration=1&q=a+b");
    expect(listSearch({ sort: "correct-asc", page: 3 })).toBe("?sort=correct-asc&page=3");
    expect(listSearch({})).toBe("");
  });
});

describe("flips and compare params", () => {
  it("round-trips the flips state", () => {
    const params = flipsParams({ set: "4", step: "2", direction: "improved", section: "Chat Hard", page: "2" });
    expect(flipsParams(Object.fromEntries(new URLSearchParams(flipsSearch(params))))).toEqual(params);
    expect(flipsParams({ direction: "sideways" }).direction).toBe("all");
  });

  it("reads runs and judges, ignoring malformed lists", () => {
    expect(compareParams({ runs: "3,1,3", judges: "1:0,3:2", ref: "paper" })).toMatchObject({
      runs: [3, 1],
      judges: [
        { runId: 1, iteration: 0 },
        { runId: 3, iteration: 2 },
      ],
      ref: "paper",
    });
    expect(compareParams({ runs: "1;2", judges: "1-0" })).toMatchObject({ runs: [], judges: [] });
    expect(decodeURIComponent(compareSearch(compareParams({ runs: "1,2", judges: "1:0,2:3" })))).toBe("?runs=1,2&judges=1:0,2:3");
  });
});
