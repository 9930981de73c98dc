/**
 * Stage 1 (select instructions): the instruction-category prompt. The model sorts one user
 * instruction into one of the run's categories and answers "Category: <name>" on one line, which
 * `parseCategory` reads. Written in our words after the paper's description (Wang et al. 2024, §3).
 * Placeholders: {categories} (one "- name: description" line each), {instruction}.
 */
export const CATEGORY_PROMPT = `Sort the user instruction below into exactly one of these categories:
{categories}

Choose the category that best describes what the user is asking for, not the topic it mentions.
Reply with a single line of the form
Category: <name>
using one of the category names above exactly as written, and nothing else.

[Instruction]
{instruction}
[End of Instruction]`;

export const CATEGORY_PLACEHOLDERS = ["categories", "instruction"] as const;
