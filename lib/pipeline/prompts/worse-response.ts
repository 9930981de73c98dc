/**
 * Stage 2 (build pairs): the worse-response prompt. As in the reference's template
 * (facebookresearch/RAM, projects/self_taught_evaluator/data/prompts/worse_response.prompt; paper
 * §3.1), the model is shown the user's instruction x **and** the good response y_w, then writes a
 * modified instruction x' (close to x but asking for something else) and a high-quality answer to
 * x', which is then a worse answer to x: the pair's order is known by construction. Our words; the
 * two parts come back between tags that `parseWorseResponse` reads strictly.
 * Placeholders: {instruction}, {response} (optional, so prompts stored by older runs still work).
 */
export const WORSE_RESPONSE_PROMPT = `Below is an instruction a user gave to an AI assistant, and the assistant's answer to it.

[Instruction]
{instruction}
[End of Instruction]

[Answer]
{response}
[End of Answer]

Your task has two steps.
1. Write a modified instruction. It must be highly relevant to the original one, with the same
   subject and a similar wording and length, but not mean the same thing: it asks for something
   different, so that a good answer to it is not a good answer to the original instruction.
2. Write a high-quality answer to the modified instruction. It should be a good answer to the
   modified instruction and not a good answer to the original one.

Reply in exactly this format and nothing else:
<modified_instruction>
(the modified instruction)
</modified_instruction>
<response>
(your answer to the modified instruction)
</response>`;

export const WORSE_RESPONSE_PLACEHOLDERS = ["instruction", "response"] as const;

/** The tags the model is asked to use; shared with the parser and with SimJudge. */
export const MODIFIED_INSTRUCTION_TAG = "modified_instruction";
export const RESPONSE_TAG = "response";
