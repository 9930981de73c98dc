/**
 * Reads the worse-response generation (paper §3.1): a modified instruction x' and an answer to it,
 * each between its own tags. Strict: both sections must be present, closed, in order, once each,
 * and non-empty; anything else is malformed and the pair is dropped with the reason returned here
 * (a truncated generation ends inside a section, so it is caught as "unterminated").
 */
import { MODIFIED_INSTRUCTION_TAG, RESPONSE_TAG } from "./prompts";

export type WorseResponseParse =
  { ok: true; modifiedInstruction: string; response: string } | { ok: false; reason: WorseResponseProblem; detail: string };

export type WorseResponseProblem = "missing_section" | "unterminated_section" | "repeated_section" | "out_of_order" | "empty_section";

function section(text: string, tag: string): { body: string; start: number } | { problem: WorseResponseProblem; detail: string } {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  const first = text.indexOf(open);
  if (first === -1) return { problem: "missing_section", detail: `no ${open} section` };
  if (text.indexOf(open, first + open.length) !== -1) return { problem: "repeated_section", detail: `${open} appears more than once` };
  const end = text.indexOf(close, first + open.length);
  if (end === -1) return { problem: "unterminated_section", detail: `${open} is never closed with ${close} (truncated output?)` };
  const body = text.slice(first + open.length, end).trim();
  if (!body) return { problem: "empty_section", detail: `${open} is empty` };
  return { body, start: first };
}

export function parseWorseResponse(text: string): WorseResponseParse {
  const instruction = section(text, MODIFIED_INSTRUCTION_TAG);
  if ("problem" in instruction) return { ok: false, reason: instruction.problem, detail: instruction.detail };
  const response = section(text, RESPONSE_TAG);
  if ("problem" in response) return { ok: false, reason: response.problem, detail: response.detail };
  if (response.start < instruction.start) {
    return { ok: false, reason: "out_of_order", detail: `<${RESPONSE_TAG}> comes before <${MODIFIED_INSTRUCTION_TAG}>` };
  }
  return { ok: true, modifiedInstruction: instruction.body, response: response.body };
}
