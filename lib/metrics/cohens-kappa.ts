/**
 * Cohen's kappa: agreement between two raters on the same items beyond what chance would give,
 * kappa = (p_observed - p_expected) / (1 - p_expected). Used between two judges (e.g. iterations
 * 1 and 2) and between the two orders of one judge. Labels are any strings (here: chosen,
 * rejected, none). When both raters always give the same single label, agreement is perfect and
 * chance agreement is 1; kappa is then reported as 1.
 */
export type Kappa = { kappa: number | null; items: number; observedAgreement: number | null };

export function cohensKappa(pairs: readonly (readonly [string, string])[]): Kappa {
  const n = pairs.length;
  if (n === 0) return { kappa: null, items: 0, observedAgreement: null };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [label, count] of first) expected += (count / n) * ((second.get(label) ?? 0) / n);
  const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
  return { kappa, items: n, observedAgreement: observed };
}
