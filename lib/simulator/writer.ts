/**
 * SimJudge's writing: answers built from the text they answer (an answer reuses the key terms of
 * its instruction), modified instructions that swap some of those terms for unrelated ones, and a
 * category picked from the instruction's words. Lengths are drawn independently of quality, so a
 * judge that trusts length alone is misled, as with real models.
 */
import { stemmer } from "stemmer";
import { contentTerms } from "./text-features";
import type { Random } from "@/lib/pipeline/random";

/** Unrelated topics a modified instruction swaps in. */
const SUBSTITUTES = [
  "budget",
  "garden",
  "volcano",
  "protocol",
  "recipe",
  "satellite",
  "violin",
  "glacier",
  "mortgage",
  "tournament",
  "vaccine",
  "lighthouse",
  "spreadsheet",
  "orchestra",
  "compost",
  "telescope",
  "marathon",
  "invoice",
  "bacteria",
  "cathedral",
  "pottery",
  "submarine",
  "harvest",
  "election",
  "firmware",
  "canyon",
  "lecture",
  "perfume",
  "railway",
  "tapestry",
  "hurricane",
  "sculpture",
  "podcast",
  "pension",
  "reef",
  "scaffold",
  "dialect",
  "furnace",
  "meadow",
  "ledger",
  "caravan",
  "orbit",
  "museum",
  "thermostat",
  "saddle",
  "folklore",
  "quarry",
  "embassy",
  "pigment",
  "voltage",
];

const OPENERS = [
  "Here is a clear answer.",
  "Let me walk through this step by step.",
  "Good question; the main points follow.",
  "Below is a practical explanation.",
];

const LINKS = [
  (a: string, b: string) => `A good way to handle ${a} is to look at ${b} first.`,
  (a: string, b: string) => `${capitalize(a)} matters here because it shapes ${b}.`,
  (a: string, b: string) => `In practice, ${a} depends on ${b}.`,
  (a: string, b: string) => `Keep ${a} in mind whenever you deal with ${b}.`,
  (a: string, b: string) => `The key point about ${a} is how it relates to ${b}.`,
  (a: string, b: string) => `When you think about ${a}, consider ${b} as well.`,
];

const FILLERS = [
  "Each step builds on the previous one.",
  "This keeps the result easy to check.",
  "The details below make this concrete.",
  "It is worth being careful at this point.",
  "That is usually enough for most cases.",
  "A short example helps to see why.",
  "Small changes here make a big difference later.",
];

const CLOSERS = [
  "In short, that covers the essentials.",
  "I hope this helps.",
  "That is the whole picture.",
  "Together these points answer the request.",
];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The instruction's content words as written (not stemmed), one per stem, in order. */
export function surfaceTerms(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)) {
    const word = match[0].toLowerCase();
    const [stem] = contentTerms(word);
    if (!stem || seen.has(stem)) continue;
    seen.add(stem);
    words.push(word);
  }
  return words;
}

/**
 * An answer to `instruction`: it mentions most of its key terms (70-100%) in sentences linking
 * them, padded with neutral sentences up to a length drawn independently (40-220 words).
 */
export function writeAnswer(instruction: string, random: Random): string {
  const terms = surfaceTerms(instruction);
  const keep = Math.max(1, Math.round(terms.length * (0.7 + 0.3 * random.next())));
  const used = terms.length === 0 ? ["the request"] : random.sample(terms, keep);
  const targetWords = random.int(40, 220);
  const sentences = [random.pick(OPENERS)];
  for (let i = 0; i < used.length; i += 2) {
    const a = used[i]!;
    const b = used[i + 1] ?? random.pick(used);
    sentences.push(random.pick(LINKS)(a, b));
  }
  let words = sentences.join(" ").split(/\s+/).length;
  while (words < targetWords) {
    const filler =
      random.next() < 0.25 && used.length > 0 ? random.pick(LINKS)(random.pick(used), random.pick(used)) : random.pick(FILLERS);
    sentences.push(filler);
    words += filler.split(/\s+/).length;
  }
  sentences.push(random.pick(CLOSERS));
  // Paragraphs of three to five sentences.
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const size = random.int(3, 5);
    paragraphs.push(sentences.slice(i, i + size).join(" "));
    i += size;
  }
  return paragraphs.join("\n\n");
}

/**
 * A modified instruction: the same sentence with about half of its key terms (at least one)
 * replaced by unrelated topics, so it reads alike but asks for something else.
 */
export function modifyInstruction(instruction: string, random: Random): string {
  const terms = surfaceTerms(instruction);
  if (terms.length === 0) return `${instruction.trim()} Answer it for a ${random.pick(SUBSTITUTES)} instead.`;
  const count = Math.max(1, Math.round(terms.length * (0.4 + 0.3 * random.next())));
  const swapped = new Map<string, string>();
  const substitutes = random.sample(SUBSTITUTES, count + 2);
  for (const term of random.sample(terms, count)) {
    const replacement = substitutes.find((s) => s !== term && ![...swapped.values()].includes(s)) ?? random.pick(SUBSTITUTES);
    swapped.set(stemmer(term), replacement);
  }
  return instruction.replace(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu, (word) => {
    const [stem] = contentTerms(word);
    const replacement = stem ? swapped.get(stem) : undefined;
    if (!replacement) return word;
    return /^\p{Lu}/u.test(word) ? capitalize(replacement) : replacement;
  });
}

/** Hints that map an instruction's words to a category name's words. */
const CATEGORY_HINTS: Record<string, string[]> = {
  code: ["code", "function", "program", "python", "javascript", "sql", "bug", "script", "class", "api", "compil", "algorithm"],
  math: ["calcul", "number", "equat", "sum", "probabl", "integr", "solv", "math", "percent", "proof"],
  reason: ["why", "logic", "puzzl", "reason", "deduc", "infer", "riddl", "compar"],
  writ: ["poem", "stori", "essai", "write", "letter", "song", "blog", "email", "creativ"],
  advic: ["should", "advic", "recommend", "help", "best", "tip", "suggest"],
  knowledg: ["what", "who", "when", "histori", "fact", "defin", "explain"],
};

/** Pick the category whose name (or its hints) shares most words with the instruction. */
export function chooseCategory(instruction: string, categories: readonly string[], random: Random): string {
  const words = new Set(contentTerms(instruction));
  const lower = instruction.toLowerCase();
  let best: { name: string; score: number } | null = null;
  for (const name of categories) {
    const nameTerms = contentTerms(name);
    let score = nameTerms.filter((term) => words.has(term)).length * 2;
    for (const term of nameTerms) {
      for (const [key, hints] of Object.entries(CATEGORY_HINTS)) {
        if (term.startsWith(key)) score += hints.filter((hint) => lower.includes(hint)).length;
      }
    }
    score += random.next() * 0.5; // break ties at random, reproducibly
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name ?? "other";
}
