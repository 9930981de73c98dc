/**
 * What SimJudge "reads" in a text: its content terms (lowercased words minus stop words, Porter-
 * stemmed), and the judge features built from them (docs/architecture.md, "SimJudge"): for a question x and a
 * response r, coverage(r) = share of x's key terms found in r, drift(r) = share of r's terms not
 * in x, length(r) = log of its word count. Pure functions; nothing here knows which answer is right.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";

const STOP_WORDS = new Set([
  ...eng,
  "also",
  "can",
  "could",
  "would",
  "should",
  "may",
  "might",
  "must",
  "will",
  "shall",
  "one",
  "two",
  "use",
  "used",
  "using",
  "make",
  "like",
  "get",
  "give",
  "please",
  "write",
  "tell",
  "explain",
  "describe",
  "provide",
  "answer",
  "question",
  "response",
  "assistant",
  "user",
  "instruction",
  "here",
  "thing",
  "things",
  "way",
  "ways",
  "well",
  "just",
  "etc",
]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

/** Every content term of a text, in order, with repeats. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/'s$/, "").replace(/^[-']+|[-']+$/g, "");
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.push(/^\d+$/.test(word) ? word : stemmer(word));
  }
  return terms;
}

export function keyTerms(text: string): Set<string> {
  return new Set(contentTerms(text));
}

export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export type ResponseFeatures = { coverage: number; drift: number; length: number; words: number; covered: string[] };

export function responseFeatures(questionTerms: Set<string>, response: string): ResponseFeatures {
  const terms = contentTerms(response);
  const own = new Set(terms);
  const covered = [...questionTerms].filter((term) => own.has(term));
  const coverage = questionTerms.size === 0 ? 0 : covered.length / questionTerms.size;
  const drifting = terms.filter((term) => !questionTerms.has(term)).length;
  const drift = terms.length === 0 ? 0 : drifting / terms.length;
  const words = wordCount(response);
  return { coverage, drift, length: Math.log(1 + words), words, covered };
}

/** f = [coverage(A) - coverage(B), drift(A) - drift(B), length(A) - length(B), 1]. */
export type JudgeFeatures = { vector: [number, number, number, number]; a: ResponseFeatures; b: ResponseFeatures; questionTerms: string[] };

export function judgeFeatures(question: string, responseA: string, responseB: string): JudgeFeatures {
  const questionTerms = keyTerms(question);
  const a = responseFeatures(questionTerms, responseA);
  const b = responseFeatures(questionTerms, responseB);
  return {
    vector: [a.coverage - b.coverage, a.drift - b.drift, a.length - b.length, 1],
    a,
    b,
    questionTerms: [...questionTerms],
  };
}
