/**
 * One model call inside a stage (of a run or a judge job): counted in the progress, its failure classified by the guard.
 * Returns the result, a "record" failure (to store on the unit with its reason), or "skip".
 */
import { InferenceError } from "@/lib/inference/errors";
import type { ChatResult } from "@/lib/inference/chat-client";
import type { RunContext } from "./context";

export type CallOutcome =
  { ok: true; result: ChatResult } | { ok: false; action: "record"; message: string } | { ok: false; action: "skip" };

/** What a guarded call needs from the run or job it serves. */
export type CallContext = Pick<RunContext, "guard" | "progress" | "signal">;

export async function guardedCall(ctx: CallContext, backendName: string, call: () => Promise<ChatResult>): Promise<CallOutcome> {
  try {
    const result = await call();
    ctx.guard.succeeded();
    ctx.progress.advance(0, {
      promptTokens: result.usage.promptTokens,
      completionTokens: result.usage.completionTokens,
      requests: result.usage.requests,
    });
    return { ok: true, result };
  } catch (error) {
    const action = ctx.guard.handle(error, backendName, ctx.signal);
    const message = error instanceof Error ? error.message : String(error);
    ctx.progress.error(error instanceof InferenceError ? error.kind : "error", message);
    return action === "record" ? { ok: false, action, message } : { ok: false, action };
  }
}
