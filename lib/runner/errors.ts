/**
 * How the runner reacts to failed model calls. A failure that another try cannot fix for this unit
 * alone (a 400: prompt too long, say) is recorded on the unit, with its reason, and the run goes
 * on. A failure that says the backend itself is wrong (401, 403, 404) pauses the run at once. A
 * failure that survived every retry (server down, timeouts) skips the unit for a later pass; after
 * several in a row the run pauses with the reason instead of burning the budget.
 */
import { InferenceError } from "@/lib/inference/errors";

/** Stops the run in the "paused" state with a reason for people. */
export class PauseRun extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "PauseRun";
  }
}

/** Stops the run in the "failed" state with a reason for people. */
export class FailRun extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "FailRun";
  }
}

export type FailureAction = "record" | "skip";

export class FailureGuard {
  private consecutive = 0;

  constructor(private readonly limit = 8) {}

  succeeded(): void {
    this.consecutive = 0;
  }

  /** Decide what to do with a failed call; throws PauseRun when the backend is the problem. */
  handle(error: unknown, backendName: string, signal: AbortSignal): FailureAction {
    if (signal.aborted) throw error;
    if (!(error instanceof InferenceError)) throw error;
    if (error.kind === "canceled") throw error;
    if (error.kind === "auth" || error.kind === "forbidden" || error.kind === "not_found") {
      throw new PauseRun(`${backendName}: ${error.message}`);
    }
    if (error.kind === "bad_request") return "record";
    this.consecutive++;
    if (this.consecutive >= this.limit) {
      throw new PauseRun(`${backendName} failed ${this.consecutive} times in a row (${error.message}). Resume when it is reachable again.`);
    }
    return "skip";
  }
}
