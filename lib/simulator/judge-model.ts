/**
 * SimJudge's judge: a logistic model over four features (docs/architecture.md, "SimJudge"). With weights w and
 * features f = [Δcoverage, Δdrift, Δlength, 1] for (question, A, B), P(verdict A) = sigmoid(w·f),
 * sharpened or flattened by temperature. The seed weights lean on length and on the constant
 * (position A) more than on coverage, so the seed judge is biased and often wrong, as real seed
 * judges are. It writes a reasoning trace that states what it weighed, and breaks the [[A]]/[[B]]
 * format at a rate that falls as the model is trained on more examples.
 */
import type { JudgeFeatures } from "./text-features";
import type { Random } from "@/lib/pipeline/random";

export type Weights = [coverage: number, drift: number, length: number, positionA: number];

/** Seed judge: trusts length and position A more than coverage. */
export const SEED_WEIGHTS: Weights = [1.2, -0.6, 1.6, 0.8];

/** Format-breaking rate of an untrained model and the number of examples that halves it. */
export const BASE_FORMAT_BREAK_RATE = 0.08;
const HALVING_EXAMPLES = 400;

export function formatBreakRate(examplesSeen: number): number {
  return BASE_FORMAT_BREAK_RATE * (HALVING_EXAMPLES / (HALVING_EXAMPLES + Math.max(0, examplesSeen)));
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function logit(weights: Weights, vector: readonly number[]): number {
  return weights[0] * vector[0]! + weights[1] * vector[1]! + weights[2] * vector[2]! + weights[3] * vector[3]!;
}

/**
 * Choose a verdict. temperature 0 is greedy; otherwise the logit is divided by the temperature.
 * top_p works as in nucleus sampling: when the likelier verdict alone reaches top_p, it is taken.
 */
export function chooseVerdict(probabilityA: number, options: { temperature: number; topP: number; random: Random }): "A" | "B" {
  const { temperature, topP, random } = options;
  if (temperature <= 1e-6) return probabilityA >= 0.5 ? "A" : "B";
  const z = Math.log(probabilityA / (1 - probabilityA)) / temperature;
  const p = sigmoid(Math.max(-50, Math.min(50, z)));
  const likely = p >= 0.5 ? "A" : "B";
  if (Math.max(p, 1 - p) >= topP) return likely;
  return random.next() < p ? "A" : "B";
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** A reasoning trace that says what was weighed, ending with the verdict line. */
export function writeTrace(features: JudgeFeatures, weights: Weights, verdict: "A" | "B", random: Random): string {
  const { a, b, questionTerms } = features;
  const shown = questionTerms.slice(0, 6);
  const plan =
    shown.length > 0
      ? `Evaluation plan: a good answer must address the key points of the question (${shown.join(", ")}${questionTerms.length > shown.length ? ", …" : ""}), stay on the question without drifting to other topics, and be no longer than it needs to be.`
      : "Evaluation plan: a good answer must address what the user asked and stay on topic.";
  const describe = (name: string, f: typeof a) =>
    `Assistant ${name} covers ${f.covered.length} of ${questionTerms.length} key points (${percent(f.coverage)})` +
    `${f.covered.length > 0 ? `: ${f.covered.slice(0, 5).join(", ")}` : ""}. ` +
    `${percent(f.drift)} of its content is about other things. It is ${f.words} words long.`;
  const chosen = verdict === "A" ? a : b;
  const other = verdict === "A" ? b : a;
  const reasons: string[] = [];
  if (weights[0] > 0 && chosen.coverage > other.coverage)
    reasons.push(`it covers more of the question (${percent(chosen.coverage)} vs ${percent(other.coverage)})`);
  if (weights[1] < 0 && chosen.drift < other.drift) reasons.push("it drifts less from what was asked");
  if (weights[2] > 0 && chosen.words > other.words) reasons.push("it is more detailed");
  if (weights[2] < 0 && chosen.words < other.words) reasons.push("it is more concise");
  if (reasons.length === 0)
    reasons.push(verdict === "A" ? "on balance it reads as the more complete answer" : "on balance it serves the user better");
  const conclusion = random.pick([
    `Weighing these points, Assistant ${verdict} is better: ${reasons.join("; ")}.`,
    `Overall I prefer Assistant ${verdict} because ${reasons.join(", and ")}.`,
    `Assistant ${verdict} wins here: ${reasons.join("; ")}.`,
  ]);
  return `${plan}\n\n${describe("A", a)}\n\n${describe("B", b)}\n\n${conclusion}\n\n[[${verdict}]]`;
}

/** A trace whose verdict does not follow the required format, in one of the ways real models fail. */
export function breakFormat(trace: string, verdict: "A" | "B", random: Random): string {
  const body = trace.replace(/\n\n\[\[[AB]\]\]$/, "");
  const other = verdict === "A" ? "B" : "A";
  return random.pick([
    `${body}\n\nFinal verdict: Assistant ${verdict}`,
    `${body}\n\nMy verdict is **${verdict}**.`,
    `${body}\n\nIt is close: [[${verdict}]] on content, though [[${other}]] is also reasonable.`,
    body.slice(0, Math.max(20, Math.floor(body.length * 0.6))),
  ]);
}
