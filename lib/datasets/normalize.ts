/**
 * Turns one source record into a dataset item through a column mapping, or says precisely what is
 * wrong with it (field by field). Reads every supported layout: plain text columns, chat message
 * lists ({role, content} or {from, value}), Anthropic HH dialogues ("\n\nHuman: … \n\nAssistant: …",
 * split into the shared prompt and the two final answers) and label columns that point at the
 * better of two responses (ties are skipped, not refused). Responses to judge keep two or more
 * responses and an optional label (the best response or a tie, read by the mapping's label
 * scheme). Columns the mapping does not use are kept as the item's metadata.
 */
import { createHash } from "node:crypto";
import type { ItemToInsert } from "@/lib/db/queries/datasets";
import type { ChatMessage } from "@/lib/db/schema";
import { labelColumns, majorityLabel, readLabelValue, type ItemLabel } from "./label-schemes";
import type { ColumnMapping } from "./mapping";

/** An item as stored, without its position in the file (the importer adds it). */
export type NormalizedItem = Omit<ItemToInsert, "position">;

export type FieldProblem = { field: string; message: string };
export type NormalizeResult = { item: NormalizedItem } | { skip: "tie" } | { problems: FieldProblem[] };

type Problems = FieldProblem[];

const ROLE_ALIASES: Record<string, ChatMessage["role"]> = {
  user: "user",
  human: "user",
  assistant: "assistant",
  gpt: "assistant",
  bot: "assistant",
  model: "assistant",
  system: "system",
};

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function readMessages(value: unknown[], column: string, problems: Problems): ChatMessage[] | null {
  const messages: ChatMessage[] = [];
  for (const [i, entry] of value.entries()) {
    if (typeof entry === "string") {
      messages.push({ role: "user", content: entry });
      continue;
    }
    if (!entry || typeof entry !== "object") {
      problems.push({ field: `${column}[${i}]`, message: `expected a message {role, content}, got ${describeType(entry)}` });
      return null;
    }
    const record = entry as Record<string, unknown>;
    const roleValue = record.role ?? record.from;
    const content = record.content ?? record.value;
    const role = typeof roleValue === "string" ? ROLE_ALIASES[roleValue.toLowerCase()] : undefined;
    if (!role) {
      problems.push({
        field: `${column}[${i}].role`,
        message: `expected user, assistant or system, got ${JSON.stringify(roleValue ?? null)}`,
      });
      return null;
    }
    if (typeof content !== "string") {
      problems.push({ field: `${column}[${i}].content`, message: `expected text, got ${describeType(content)}` });
      return null;
    }
    messages.push({ role, content });
  }
  if (messages.length === 0) {
    problems.push({ field: column, message: "is an empty list of messages" });
    return null;
  }
  return messages;
}

/** A conversation as one text: the user's words alone for a single turn, labelled turns otherwise. */
export function renderConversation(messages: readonly ChatMessage[]): string {
  if (messages.length === 1 && messages[0]!.role === "user") return messages[0]!.content;
  return messages.map((m) => `${m.role === "user" ? "User" : m.role === "assistant" ? "Assistant" : "System"}: ${m.content}`).join("\n\n");
}

type TextOrMessages = { text: string; messages: ChatMessage[] | null };

function readTextOrMessages(
  record: Record<string, unknown>,
  column: string,
  problems: Problems,
  options: { allowMessages: boolean; lastAssistant?: boolean },
): TextOrMessages | null {
  if (!(column in record) && column.includes("+")) return readJoinedText(record, column, problems);
  if (!(column in record)) {
    problems.push({ field: column, message: "is missing" });
    return null;
  }
  const value = record[column];
  if (typeof value === "string") {
    if (value.trim() === "") {
      problems.push({ field: column, message: "is empty" });
      return null;
    }
    return { text: value, messages: null };
  }
  if (Array.isArray(value) && options.allowMessages) {
    const messages = readMessages(value, column, problems);
    if (!messages) return null;
    if (options.lastAssistant) {
      const answer = messages.findLast((m) => m.role === "assistant") ?? messages.at(-1)!;
      if (answer.content.trim() === "") {
        problems.push({ field: column, message: "has an empty final answer" });
        return null;
      }
      return { text: answer.content, messages: null };
    }
    return { text: renderConversation(messages), messages };
  }
  problems.push({
    field: column,
    message: `expected text${options.allowMessages ? " or a list of messages" : ""}, got ${describeType(value)}`,
  });
  return null;
}

/** Several text columns read as one ("instruction+input"): the non-empty parts joined with a blank line. */
function readJoinedText(record: Record<string, unknown>, columns: string, problems: Problems): TextOrMessages | null {
  const parts: string[] = [];
  for (const column of labelColumns(columns)) {
    if (!(column in record)) {
      problems.push({ field: column, message: "is missing" });
      continue;
    }
    const value = record[column];
    if (typeof value === "string") {
      if (value.trim() !== "") parts.push(value);
    } else if (value !== null && value !== undefined)
      problems.push({ field: column, message: `expected text, got ${describeType(value)}` });
  }
  if (parts.length === 0) {
    if (problems.length === 0) problems.push({ field: labelColumns(columns)[0]!, message: "is empty" });
    return null;
  }
  return { text: parts.join("\n\n"), messages: null };
}

function readOptionalText(record: Record<string, unknown>, column: string | undefined, problems: Problems): string | null | undefined {
  if (!column || !(column in record)) return undefined;
  const value = record[column];
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  problems.push({ field: column, message: `expected text, got ${describeType(value)}` });
  return undefined;
}

const HH_TURN = /\n\n(Human|Assistant):/g;

/** Split an Anthropic HH dialogue into messages. */
function splitHh(dialogue: string): ChatMessage[] | null {
  const text = dialogue.startsWith("Human:") || dialogue.startsWith("Assistant:") ? `\n\n${dialogue}` : dialogue;
  const marks = [...text.matchAll(HH_TURN)];
  if (marks.length === 0) return null;
  return marks.map((mark, i) => ({
    role: mark[1] === "Human" ? ("user" as const) : ("assistant" as const),
    content: text.slice(mark.index! + mark[0].length, i + 1 < marks.length ? marks[i + 1]!.index : undefined).trim(),
  }));
}

function readHhPair(record: Record<string, unknown>, mapping: ColumnMapping, problems: Problems) {
  const chosenText = readTextOrMessages(record, mapping.chosen!, problems, { allowMessages: false });
  const rejectedText = readTextOrMessages(record, mapping.rejected!, problems, { allowMessages: false });
  if (!chosenText || !rejectedText) return null;
  const chosen = splitHh(chosenText.text);
  const rejected = splitHh(rejectedText.text);
  if (!chosen || chosen.at(-1)?.role !== "assistant") {
    problems.push({ field: mapping.chosen!, message: 'is not a "Human: … Assistant: …" dialogue ending with the assistant' });
    return null;
  }
  if (!rejected || rejected.at(-1)?.role !== "assistant") {
    problems.push({ field: mapping.rejected!, message: 'is not a "Human: … Assistant: …" dialogue ending with the assistant' });
    return null;
  }
  const prompt = chosen.slice(0, -1);
  const same =
    prompt.length === rejected.length - 1 && prompt.every((m, i) => m.role === rejected[i]!.role && m.content === rejected[i]!.content);
  if (!same || prompt.length === 0) {
    problems.push({ field: mapping.rejected!, message: "does not share the chosen dialogue's conversation before the final answer" });
    return null;
  }
  return {
    prompt: { text: renderConversation(prompt), messages: prompt },
    chosen: chosen.at(-1)!.content,
    rejected: rejected.at(-1)!.content,
  };
}

const A_LABELS = new Set(["1", "a", "model_a", "response_a", "output_1", "first", "left"]);
const B_LABELS = new Set(["2", "b", "model_b", "response_b", "output_2", "second", "right"]);

function readLabel(value: unknown, mapping: ColumnMapping): "A" | "B" | "tie" | null {
  const text = typeof value === "number" || typeof value === "string" ? String(value).trim().toLowerCase() : "";
  if (A_LABELS.has(text) || text === mapping.responseA?.toLowerCase()) return "A";
  if (B_LABELS.has(text) || text === mapping.responseB?.toLowerCase()) return "B";
  if (text.startsWith("tie") || text === "both" || text === "equal") return "tie";
  return null;
}

export function hashItem(item: Omit<NormalizedItem, "contentHash" | "metadata">): string {
  const parts: unknown[] = [item.sourceId, item.subset, item.category, item.prompt, item.messages, item.chosen, item.rejected];
  // Items of the older kinds hash as they always did, so their content hashes stay the same.
  if (item.responses) parts.push(item.responses, item.label);
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

/** A response given as a message list: the judged answer is the last assistant turn; MT-Bench's `turn` picks an earlier one. */
function cutAtTurn(messages: ChatMessage[], turn: unknown): ChatMessage[] {
  if (typeof turn !== "number" || !Number.isInteger(turn) || turn < 1) return messages;
  let answers = 0;
  const end = messages.findIndex((m) => m.role === "assistant" && ++answers === turn);
  return end === -1 ? messages : messages.slice(0, end + 1);
}

type JudgedResponses = { prompt: TextOrMessages; responses: string[]; label: ItemLabel | null };

function readResponse(
  record: Record<string, unknown>,
  column: string,
  problems: Problems,
): { text: string; context: ChatMessage[] | null } | null {
  const value = record[column];
  if (Array.isArray(value)) {
    const messages = readMessages(value, column, problems);
    if (!messages) return null;
    const turnCut = cutAtTurn(messages, record.turn);
    const answerAt = turnCut.findLastIndex((m) => m.role === "assistant");
    if (answerAt === -1 || turnCut[answerAt]!.content.trim() === "") {
      problems.push({ field: column, message: "has no assistant answer to judge" });
      return null;
    }
    return { text: turnCut[answerAt]!.content, context: turnCut.slice(0, answerAt) };
  }
  const text = readTextOrMessages(record, column, problems, { allowMessages: false });
  return text ? { text: text.text, context: null } : null;
}

function readResponsesItem(record: Record<string, unknown>, mapping: ColumnMapping, problems: Problems): JudgedResponses | null {
  const responses: string[] = [];
  let context: ChatMessage[] | null = null;
  if (mapping.responses) {
    const list = record[mapping.responses];
    if (!Array.isArray(list)) {
      problems.push({ field: mapping.responses, message: `expected a list of responses, got ${describeType(list)}` });
    } else {
      if (list.length < 2)
        problems.push({ field: mapping.responses, message: `needs at least 2 responses to compare, got ${list.length}` });
      for (const [i, entry] of list.entries()) {
        if (typeof entry !== "string")
          problems.push({ field: `${mapping.responses}[${i}]`, message: `expected text, got ${describeType(entry)}` });
        else if (entry.trim() === "") problems.push({ field: `${mapping.responses}[${i}]`, message: "is empty" });
        else responses.push(entry);
      }
    }
  } else {
    for (const column of [mapping.responseA!, mapping.responseB!]) {
      const response = readResponse(record, column, problems);
      if (response) {
        responses.push(response.text);
        context ??= response.context;
      }
    }
  }
  let prompt: TextOrMessages | null = null;
  if (mapping.prompt) prompt = readTextOrMessages(record, mapping.prompt, problems, { allowMessages: true });
  else if (context && context.length > 0) prompt = { text: renderConversation(context), messages: context };
  else if (problems.length === 0)
    problems.push({
      field: mapping.responseA ?? "prompt",
      message: "holds no conversation before the answer, and no prompt column is mapped",
    });

  let label: ItemLabel | null = null;
  if (mapping.label) {
    const votes: ItemLabel[] = [];
    for (const column of labelColumns(mapping.label)) {
      const value = record[column];
      if (value === null || value === undefined || value === "") continue;
      const read = readLabelValue(value, mapping.labelScheme ?? "auto", Math.max(2, responses.length));
      if (read === null)
        problems.push({
          field: column,
          message: `cannot read ${JSON.stringify(value)} as a label (label scheme "${mapping.labelScheme ?? "auto"}")`,
        });
      else votes.push(read);
    }
    if (votes.length > 0) label = majorityLabel(votes);
    if (label === "tie" && responses.length > 2)
      problems.push({ field: mapping.label, message: "a tie label needs exactly two responses" });
  }
  if (problems.length > 0 || !prompt) return null;
  return { prompt, responses, label };
}

export function normalizeRecord(
  value: unknown,
  mapping: ColumnMapping,
  context: { index: number; defaultSubset: string | null },
): NormalizeResult {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { problems: [{ field: "(row)", message: `expected an object with named fields, got ${describeType(value)}` }] };
  }
  const record = value as Record<string, unknown>;
  const problems: Problems = [];
  const used = new Set(
    Object.entries(mapping)
      .filter(([field, v]) => typeof v === "string" && field !== "kind" && field !== "labelScheme")
      .flatMap(([field, v]) => (field === "label" || field === "prompt" ? labelColumns(v as string) : [v as string])),
  );

  let prompt: TextOrMessages | null = null;
  let chosen: string | null = null;
  let rejected: string | null = null;
  let judged: JudgedResponses | null = null;

  if (mapping.kind === "responses") {
    judged = readResponsesItem(record, mapping, problems);
    prompt = judged?.prompt ?? null;
  } else if (mapping.kind === "instructions") {
    prompt = readTextOrMessages(record, mapping.prompt!, problems, { allowMessages: true });
    // An optional baseline response: empty means "none for this instruction" (the run generates one).
    if (mapping.chosen) {
      const baseline = record[mapping.chosen];
      if (Array.isArray(baseline))
        chosen = readTextOrMessages(record, mapping.chosen, problems, { allowMessages: true, lastAssistant: true })?.text ?? null;
      else chosen = readOptionalText(record, mapping.chosen, problems) ?? null;
      if (chosen !== null && chosen.trim() === "") chosen = null;
    }
  } else if (mapping.label) {
    prompt = readTextOrMessages(record, mapping.prompt!, problems, { allowMessages: true });
    const a = readTextOrMessages(record, mapping.responseA!, problems, { allowMessages: true, lastAssistant: true });
    const b = readTextOrMessages(record, mapping.responseB!, problems, { allowMessages: true, lastAssistant: true });
    if (!(mapping.label in record)) problems.push({ field: mapping.label, message: "is missing" });
    else {
      const label = readLabel(record[mapping.label], mapping);
      if (label === null) {
        problems.push({
          field: mapping.label,
          message: `expected 1 or 2 (or a/b, ${mapping.responseA}/${mapping.responseB}, tie), got ${JSON.stringify(record[mapping.label])}`,
        });
      } else if (label === "tie") {
        if (problems.length === 0) return { skip: "tie" };
      } else if (a && b) {
        [chosen, rejected] = label === "A" ? [a.text, b.text] : [b.text, a.text];
      }
    }
  } else if (!mapping.prompt) {
    const hh = readHhPair(record, mapping, problems);
    if (hh) ({ prompt, chosen, rejected } = hh);
  } else {
    prompt = readTextOrMessages(record, mapping.prompt, problems, { allowMessages: true });
    chosen = readTextOrMessages(record, mapping.chosen!, problems, { allowMessages: true, lastAssistant: true })?.text ?? null;
    rejected = readTextOrMessages(record, mapping.rejected!, problems, { allowMessages: true, lastAssistant: true })?.text ?? null;
  }

  const idValue = mapping.id ? record[mapping.id] : undefined;
  let sourceId = String(context.index);
  if (mapping.id && mapping.id in record) {
    if (typeof idValue === "string" && idValue.trim() !== "") sourceId = idValue;
    else if (typeof idValue === "number" && Number.isFinite(idValue)) sourceId = String(idValue);
    else
      problems.push({
        field: mapping.id,
        message: `expected a text or number id, got ${idValue === "" ? "an empty text" : describeType(idValue)}`,
      });
  }
  const subset = readOptionalText(record, mapping.subset, problems);
  const category = readOptionalText(record, mapping.category, problems);

  if (mapping.kind === "pairs" && chosen !== null && rejected !== null && chosen === rejected) {
    problems.push({ field: mapping.rejected ?? mapping.responseB ?? "rejected", message: "is identical to the chosen response" });
  }
  if (problems.length > 0 || !prompt) return { problems: problems.length > 0 ? problems : [{ field: "(row)", message: "has no prompt" }] };

  const extra = Object.entries(record).filter(([key]) => !used.has(key));
  const item = {
    sourceId,
    subset: mapping.kind === "pairs" ? (subset ?? context.defaultSubset) : (subset ?? null),
    category: category ?? null,
    prompt: prompt.text,
    messages: prompt.messages,
    chosen,
    rejected,
    responses: judged?.responses ?? null,
    label: judged?.label === null || judged?.label === undefined ? null : String(judged.label),
  };
  return { item: { ...item, metadata: extra.length > 0 ? Object.fromEntries(extra) : null, contentHash: hashItem(item) } };
}
