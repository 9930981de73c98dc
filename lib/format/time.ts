// Formatting of timestamps (integer ms) for tables, in the server's time zone, which for a local tool is the user's.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

export function formatDateTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? "—" : dateTime.format(new Date(ms));
}
