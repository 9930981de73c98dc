/**
 * Reads the category a model gave an instruction (stage 1): the "Category: <name>" line, matched
 * to the run's category names without regard to case, spaces or surrounding punctuation. A name
 * that is not one of them, or no such line, gives null (the instruction is not selected).
 */
const CATEGORY_LINE = /^\s*\**\s*category\s*\**\s*:\s*(.+?)\s*$/im;

const normalize = (name: string) =>
  name
    .toLowerCase()
    .replace(/[*_`"'.<>[\]]/g, "")
    .replace(/\s+/g, " ")
    .trim();

export function parseCategory(text: string, categories: readonly string[]): string | null {
  const match = CATEGORY_LINE.exec(text);
  if (!match) return null;
  const answer = normalize(match[1]!);
  return categories.find((name) => normalize(name) === answer) ?? null;
}
