/**
 * The four prompt templates of the Self-Taught Evaluator loop, and how a template is filled.
 * A run stores the exact texts it used in its config snapshot, so a later edit never changes it.
 */
export { ANSWER_PLACEHOLDERS, ANSWER_PROMPT } from "./answer";
export { CATEGORY_PLACEHOLDERS, CATEGORY_PROMPT } from "./category";
export { JUDGE_DELIMITERS, JUDGE_PLACEHOLDERS, JUDGE_PROMPT } from "./judge";
export { MODIFIED_INSTRUCTION_TAG, RESPONSE_TAG, WORSE_RESPONSE_PLACEHOLDERS, WORSE_RESPONSE_PROMPT } from "./worse-response";

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** The {placeholder} names a template uses, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/**
 * Fill a template in one pass: values are inserted as they are, so braces inside an instruction
 * or a response are never read as placeholders. Unknown placeholders are an error.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The prompt template uses {${name}}, which has no value here`);
    return value;
  });
}
