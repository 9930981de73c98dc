"use client";
// Calling a server action from the browser: a TanStack mutation whose result is always an
// ActionResult, a server that cannot be reached included (it answers UNREACHABLE_REPLY), so every
// caller handles one shape and says the same thing when the server is gone.
import { useMutation } from "@tanstack/react-query";
import { UNREACHABLE_REPLY, type ActionResult } from "@/lib/errors";

export function useServerAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  options: { onStart?: (input: I) => void; onDone?: (result: ActionResult<T>, input: I) => void } = {},
) {
  return useMutation({
    mutationFn: async (input: I): Promise<ActionResult<T>> => {
      try {
        return await action(input);
      } catch {
        return UNREACHABLE_REPLY;
      }
    },
    onMutate: (input) => options.onStart?.(input),
    onSuccess: (result, input) => options.onDone?.(result, input),
  });
}
