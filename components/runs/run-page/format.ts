/** Number formats the run page's cards share. */
export const pct = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "—" : `${(value * 100).toFixed(digits)}`;
export const active = (status: string) => status === "queued" || status === "running";
