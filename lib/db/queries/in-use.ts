/** The sentence that refuses to delete something runs still use, naming up to three of them. */
import "../server-only";
export function usedByRunsMessage(name: string, users: readonly { id: number; name: string }[]): string {
  const names = users
    .slice(0, 3)
    .map((run) => `"${run.name}" (#${run.id})`)
    .join(", ");
  const more = users.length > 3 ? ` and ${users.length - 3} more` : "";
  const one = users.length === 1;
  return `"${name}" is used by ${one ? "run" : "runs"} ${names}${more}; delete ${one ? "that run" : "those runs"} first`;
}
