// Inter-annotator agreement on textbook examples and small constructed inputs with hand-computed answers.
import { describe, expect, it } from "vitest";
import { type AnnotatorLabel, fleissKappa, interAnnotatorAgreement, krippendorffAlphaNominal } from "@/lib/metrics/inter-annotator";

describe("Fleiss' kappa", () => {
  it("reproduces the textbook example of Fleiss (1971) as shown on Wikipedia", () => {
    // 10 subjects, 14 raters, 5 categories. Published: P̄ = 0.378, P_e = 0.213, kappa = 0.210.
    // Column totals 20, 28, 39, 21, 32 over 140 ratings: p = .143, .200, .279, .150, .229, P_e = 0.2128.
    // P_i = (Σ n_ij² − 14) / 182: 1.000, .253, .308, .440, .330, .462, .242, .176, .286, .286 -> P̄ = 0.3780.
    // kappa = (0.3780 − 0.2128) / (1 − 0.2128) = 0.2099.
    const result = fleissKappa([
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]);
    expect(result.kappa).toBeCloseTo(0.21, 3);
    expect(result.items).toBe(10);
    expect(result.raters).toBe(14);
  });

  it("matches a small hand-computed case", () => {
    // 4 items, 2 raters, 3 categories. P_i = (Σ n_ij² − 2) / 2: 1, 1, 0, 0 -> P̄ = 0.5.
    // Column totals 3, 4, 1 of 8: P_e = 9/64 + 16/64 + 1/64 = 26/64 = 0.40625.
    // kappa = (0.5 − 0.40625) / (1 − 0.40625) = 0.09375 / 0.59375 = 3/19 = 0.157895.
    const result = fleissKappa([
      [2, 0, 0],
      [0, 2, 0],
      [1, 1, 0],
      [0, 1, 1],
    ]);
    expect(result.kappa).toBeCloseTo(3 / 19, 10);
    expect(result).toMatchObject({ items: 4, raters: 2 });
  });

  it("is null on no items and 1 when every rater always picks the same single category", () => {
    expect(fleissKappa([])).toEqual({ kappa: null, items: 0, raters: null });
    // One category only: P_e = 1² = 1 -> reported 1.
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toEqual({ kappa: 1, items: 2, raters: 3 });
  });

  it("refuses rows with different numbers of raters or with no rating, naming the row", () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/row 1/);
    expect(() =>
      fleissKappa([
        [2, 1],
        [0, 0],
      ]),
    ).toThrow(/row 1/);
    expect(() => fleissKappa([[0, 0]])).toThrow(/row 0/);
  });
});

describe("Krippendorff's alpha, nominal", () => {
  it("reproduces Krippendorff's (2011) worked example: 4 observers, 12 units, missing values", () => {
    // Observers A–D (rows), units 1–12 (columns), "." = missing:
    //   A: 1 2 3 3 2 1 4 1 2 . . .
    //   B: 1 2 3 3 2 2 4 1 2 5 . 3
    //   C: . 3 3 3 2 3 4 2 2 5 1 .
    //   D: 1 2 3 3 2 4 4 1 2 5 1 .
    // Unit 12 has one value and is not pairable: 11 units, n = 3 + 8·4 + 3 + 2 = 40 values.
    // Matching coincidences o_cc = Σ_u count_c (count_c − 1) / (m_u − 1):
    //   3 + 2 + 4 + 4 + 4 + 0 + 4 + 2 + 4 + 3 + 2 = 32.
    // n_c: value 1: 9, 2: 13, 3: 10, 4: 5, 5: 3; Σ n_c(n_c − 1) = 72 + 156 + 90 + 20 + 6 = 344.
    // alpha = (39·32 − 344) / (40·39 − 344) = 904 / 1216 = 0.743 (published: 0.743).
    const units = [
      ["1", "1", "1"],
      ["2", "2", "3", "2"],
      ["3", "3", "3", "3"],
      ["3", "3", "3", "3"],
      ["2", "2", "2", "2"],
      ["1", "2", "3", "4"],
      ["4", "4", "4", "4"],
      ["1", "1", "2", "1"],
      ["2", "2", "2", "2"],
      ["5", "5", "5"],
      ["1", "1"],
      ["3"],
    ];
    const result = krippendorffAlphaNominal(units);
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.alpha).toBeCloseTo(904 / 1216, 10);
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  it("matches a small hand-computed case and leaves out single-value units", () => {
    // Units [a,a], [a,b], [b,b,b], [a] (not pairable).
    // o_aa = 2·1/1 = 2, o_bb = 3·2/2 = 3 -> Σ o_cc = 5; n_a = 3, n_b = 4, n = 7.
    // alpha = (6·5 − (3·2 + 4·3)) / (7·6 − 18) = (30 − 18) / (42 − 18) = 12/24 = 0.5.
    expect(krippendorffAlphaNominal([["a", "a"], ["a", "b"], ["b", "b", "b"], ["a"]])).toEqual({ alpha: 0.5, units: 3, values: 7 });
  });

  it("is null with no pairable unit and 1 when only one value is ever used", () => {
    expect(krippendorffAlphaNominal([])).toEqual({ alpha: null, units: 0, values: 0 });
    expect(krippendorffAlphaNominal([["a"], ["b"]])).toEqual({ alpha: null, units: 0, values: 0 });
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a", "a"],
      ]),
    ).toEqual({ alpha: 1, units: 2, values: 5 });
  });
});

describe("inter-annotator agreement", () => {
  // Final labels (f = first, s = second, t = tie):
  //   item 1: ann f, bob f, cat f
  //   item 2: ann f, bob s, cat f
  //   item 3: ann s, bob s, cat s
  //   item 4: ann t, bob f
  //   item 5: cat s                      (one label only)
  //   item 6: ann f, bob f               (bob first said tie, then first: the last label counts)
  const labels: AnnotatorLabel[] = [
    { item: 1, annotator: "cat", choice: "first" },
    { item: 1, annotator: "bob", choice: "first" },
    { item: 1, annotator: "ann", choice: "first" },
    { item: 2, annotator: "cat", choice: "first" },
    { item: 2, annotator: "bob", choice: "second" },
    { item: 2, annotator: "ann", choice: "first" },
    { item: 3, annotator: "ann", choice: "second" },
    { item: 3, annotator: "bob", choice: "second" },
    { item: 3, annotator: "cat", choice: "second" },
    { item: 4, annotator: "ann", choice: "tie" },
    { item: 4, annotator: "bob", choice: "first" },
    { item: 5, annotator: "cat", choice: "second" },
    { item: 6, annotator: "bob", choice: "tie" },
    { item: 6, annotator: "ann", choice: "first" },
    { item: 6, annotator: "bob", choice: "first" },
  ];

  it("gives pairwise Cohen's kappa, Fleiss' kappa on items everyone labelled, and alpha", () => {
    const result = interAnnotatorAgreement(labels);
    expect(result.annotators).toEqual(["ann", "bob", "cat"]);
    // Items 1, 2, 3, 4, 6 have two or more labels.
    expect(result.itemsWithTwoOrMore).toBe(5);

    expect(result.pairwise.map(({ a, b, items }) => [a, b, items])).toEqual([
      ["ann", "bob", 5],
      ["ann", "cat", 3],
      ["bob", "cat", 3],
    ]);
    const [annBob, annCat, bobCat] = result.pairwise;
    // ann–bob on items 1,2,3,4,6: (f,f) (f,s) (s,s) (t,f) (f,f): p_o = 3/5 = 0.6.
    // ann: f 3, s 1, t 1; bob: f 3, s 2, t 0 -> p_e = (3·3 + 1·2 + 1·0) / 25 = 11/25 = 0.44.
    // kappa = (0.6 − 0.44) / 0.56 = 2/7.
    expect(annBob?.observedAgreement).toBeCloseTo(0.6, 10);
    expect(annBob?.kappa).toBeCloseTo(2 / 7, 10);
    // ann–cat on items 1,2,3: (f,f) (f,f) (s,s): p_o = 1, p_e = (2·2 + 1·1) / 9 = 5/9, kappa = 1.
    expect(annCat?.observedAgreement).toBe(1);
    expect(annCat?.kappa).toBeCloseTo(1, 10);
    // bob–cat on items 1,2,3: (f,f) (s,f) (s,s): p_o = 2/3; bob f 1, s 2; cat f 2, s 1
    // -> p_e = (1·2 + 2·1) / 9 = 4/9, kappa = (2/3 − 4/9) / (5/9) = 2/5.
    expect(bobCat?.observedAgreement).toBeCloseTo(2 / 3, 10);
    expect(bobCat?.kappa).toBeCloseTo(0.4, 10);

    // Fleiss on items 1, 2, 3 (labelled by all three), counts [first, second, tie]:
    // [3,0,0], [2,1,0], [0,3,0]; P_i = (Σ n² − 3) / 6: 1, 1/3, 1 -> P̄ = 7/9.
    // p = 5/9, 4/9, 0 -> P_e = 41/81; kappa = (63/81 − 41/81) / (40/81) = 22/40 = 0.55.
    expect(result.fleiss?.kappa).toBeCloseTo(0.55, 10);
    expect(result.fleiss).toMatchObject({ items: 3, raters: 3 });

    // Alpha on items 1,2,3,4,6: units [f,f,f] [f,s,f] [s,s,s] [t,f] [f,f], n = 13.
    // Σ o_cc = 3 + 1 + 3 + 0 + 2 = 9; n_f = 8, n_s = 4, n_t = 1; Σ n_c(n_c − 1) = 56 + 12 + 0 = 68.
    // alpha = (12·9 − 68) / (13·12 − 68) = 40/88 = 5/11.
    expect(result.alpha?.alpha).toBeCloseTo(5 / 11, 10);
    expect(result.alpha).toMatchObject({ units: 5, values: 13 });
  });

  it("has no Fleiss' kappa with two annotators, and takes the items with the most common number of raters", () => {
    const two = interAnnotatorAgreement(labels.filter((label) => label.annotator !== "cat"));
    expect(two.annotators).toEqual(["ann", "bob"]);
    expect(two.fleiss).toBeNull();
    // Same ann–bob pairs as above.
    expect(two.pairwise).toHaveLength(1);
    expect(two.pairwise[0]?.kappa).toBeCloseTo(2 / 7, 10);
    // Alpha on items 1,2,3,4,6 with ann and bob: (f,f) (f,s) (s,s) (t,f) (f,f), n = 10.
    // Σ o_cc = 2 + 0 + 2 + 0 + 2 = 6; n_f = 6, n_s = 3, n_t = 1; Σ n_c(n_c − 1) = 30 + 6 + 0 = 36.
    // alpha = (9·6 − 36) / (10·9 − 36) = 18/54 = 1/3.
    expect(two.alpha?.alpha).toBeCloseTo(1 / 3, 10);

    const disjoint = interAnnotatorAgreement([
      { item: "x", annotator: "ann", choice: "first" },
      { item: "x", annotator: "bob", choice: "first" },
      { item: "y", annotator: "cat", choice: "tie" },
    ]);
    // Only item x has two labels (both "first"): Fleiss over that item, one category used: P_e = 1, reported as 1.
    expect(disjoint.fleiss).toEqual({ kappa: 1, items: 1, raters: 2 });
    const single = interAnnotatorAgreement([
      { item: "x", annotator: "ann", choice: "first" },
      { item: "y", annotator: "bob", choice: "tie" },
      { item: "z", annotator: "cat", choice: "second" },
    ]);
    expect(single.fleiss).toEqual({ kappa: null, items: 0, raters: null });
    expect(disjoint.pairwise).toEqual([
      { a: "ann", b: "bob", items: 1, kappa: 1, observedAgreement: 1 },
      { a: "ann", b: "cat", items: 0, kappa: null, observedAgreement: null },
      { a: "bob", b: "cat", items: 0, kappa: null, observedAgreement: null },
    ]);
  });

  it("has no pairwise figures or alpha with fewer than two annotators", () => {
    expect(interAnnotatorAgreement([])).toEqual({ annotators: [], itemsWithTwoOrMore: 0, pairwise: [], fleiss: null, alpha: null });
    expect(
      interAnnotatorAgreement([
        { item: 1, annotator: "ann", choice: "first" },
        { item: 1, annotator: "ann", choice: "second" },
      ]),
    ).toEqual({ annotators: ["ann"], itemsWithTwoOrMore: 0, pairwise: [], fleiss: null, alpha: null });
  });
});
