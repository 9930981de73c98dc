/**
 * Stage 2 (build pairs): the worse-response prompt. The model writes a modified instruction x'
 * (close to x but asking for something else) and a good answer to x', which is then a worse answer
 * to x: the pair's order is known by construction. The two parts come back between tags that
 * `parseWorseResponse` reads strictly. Our words, after the paper's description (§3.1).
 * Placeholder: {instruction}.
 */
export const WORSE_RESPONSE_PROMPT = `Below is an instruction that a user gave to an AI assistant.

[Instruction]
{instruction}
[End of Instruction]

Your task has two steps.
1. Write a modified instruction. Keep it close to the original: the same subject and a similar
   wording and length. But it must ask for something different, so that a good answer to the
   modified instruction is not a good answer to the original one.
2. Write a high-quality answer to the modified instruction. Answer only the modified instruction,
   never the original one.

Reply in exactly this format and nothing else:
<modified_instruction>
(the modified instruction)
</modified_instruction>
<response>
(your answer to the modified instruction)
</response>`;

export const WORSE_RESPONSE_PLACEHOLDERS = ["instruction"] as const;

/** The tags the model is asked to use; shared with the parser and with SimJudge. */
export const MODIFIED_INSTRUCTION_TAG = "modified_instruction";
export const RESPONSE_TAG = "response";
