/**
 * Reads a run config from a JSON file's text (a run's "Config (JSON)" export, or one written by
 * hand) for the New Run form: the file must be JSON and a valid run config; an error names the file,
 * the line of a JSON syntax error, and every field that is wrong.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from "jsonc-parser";
import { runConfigSchema, type RunConfigInput } from "./run-config";
import { describeIssues } from "@/lib/validation";

export type ConfigFileResult = { ok: true; config: RunConfigInput } | { ok: false; message: string };

/** Where JSON.parse failed, as "line N, column M: what", found by a parser that reports offsets (V8's message often has none). */
function syntaxErrorAt(text: string): string | null {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return null;
  const before = text.slice(0, first.offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}: ${printParseErrorCode(first.error)}`;
}

export function parseConfigFile(fileName: string, text: string): ConfigFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${fileName}: not valid JSON (${syntaxErrorAt(text) ?? (error as Error).message})` };
  }
  const parsed = runConfigSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `${fileName}: not a valid run config: ${describeIssues(parsed.error)}` };
  return { ok: true, config: parsed.data };
}
