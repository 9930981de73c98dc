/**
 * Tells which of the pipeline's four tasks a chat request is, from the request's structure (the
 * delimiters it uses and the output format it asks for), not from exact wording, so a user's
 * edited prompt still works:
 * - judge: two answers between "[The Start of Assistant A's Answer]"-style delimiters;
 * - worse response: asks for <modified_instruction> and <response> sections;
 * - category: asks for a "Category: <name>" line and lists the names as bullets;
 * - answer: anything else (the model answers the last user message).
 * Earlier judge prompts answered by the assistant in the same conversation are demonstrations.
 */
import { JUDGE_DELIMITERS, MODIFIED_INSTRUCTION_TAG, RESPONSE_TAG } from "@/lib/pipeline/prompts";
import { parseVerdict } from "@/lib/pipeline/parse-verdict";

export type SimMessage = { role: string; content: string };

export type JudgeTask = { kind: "judge"; question: string; responseA: string; responseB: string; demonstrations: Demonstration[] };
export type Demonstration = { question: string; responseA: string; responseB: string; verdict: "A" | "B" };
export type Task =
  | JudgeTask
  | { kind: "worse_response"; instruction: string }
  | { kind: "category"; instruction: string; categories: string[] }
  | { kind: "answer"; instruction: string };

function between(text: string, start: string, end: string): string | null {
  const from = text.indexOf(start);
  if (from === -1) return null;
  const to = text.indexOf(end, from + start.length);
  if (to === -1) return null;
  return text.slice(from + start.length, to).trim();
}

export function readJudgePrompt(text: string): Omit<JudgeTask, "kind" | "demonstrations"> | null {
  const d = JUDGE_DELIMITERS;
  const responseA = between(text, d.aStart, d.aEnd);
  const responseB = between(text, d.bStart, d.bEnd);
  if (responseA === null || responseB === null) return null;
  const questionStart = text.indexOf(d.questionStart);
  const question =
    questionStart === -1
      ? text.slice(0, text.indexOf(d.aStart)).trim()
      : text.slice(questionStart + d.questionStart.length, text.indexOf(d.aStart)).trim();
  return { question, responseA, responseB };
}

/** The instruction inside a task prompt: between [Instruction] markers when present. */
function instructionIn(text: string): string {
  return between(text, "[Instruction]", "[End of Instruction]") ?? text.trim();
}

const CATEGORY_FORMAT = /category\s*:\s*[<(]/i;
const BULLET = /^\s*[-*•]\s+([^:\n]+?)\s*(?::.*)?$/gm;

export function detectTask(messages: readonly SimMessage[]): Task {
  const lastUser = [...messages].reverse().find((message) => message.role === "user");
  const text = lastUser?.content ?? "";

  const judge = readJudgePrompt(text);
  if (judge) {
    const demonstrations: Demonstration[] = [];
    for (let i = 0; i + 1 < messages.length - 1; i++) {
      const prompt = messages[i]!;
      const reply = messages[i + 1]!;
      if (prompt.role !== "user" || reply.role !== "assistant") continue;
      const shown = readJudgePrompt(prompt.content);
      const verdict = parseVerdict(reply.content, "lenient").verdict;
      if (shown && verdict) demonstrations.push({ ...shown, verdict });
    }
    return { kind: "judge", ...judge, demonstrations };
  }
  if (text.includes(`<${MODIFIED_INSTRUCTION_TAG}>`) && text.includes(`<${RESPONSE_TAG}>`)) {
    return { kind: "worse_response", instruction: instructionIn(text) };
  }
  if (CATEGORY_FORMAT.test(text)) {
    const listPart = text.split("[Instruction]")[0] ?? text;
    const categories = Array.from(listPart.matchAll(BULLET), (match) => match[1]!.trim()).filter(Boolean);
    if (categories.length > 0) return { kind: "category", instruction: instructionIn(text), categories };
  }
  return { kind: "answer", instruction: text.trim() };
}
