/**
 * One inference client per backend for a run (so each backend's in-flight cap and rate limits are
 * shared by all its stages). Base URLs can be overridden, which the CLI uses to point the built-in
 * SimJudge backend at a SimJudge it runs itself.
 */
import type { Queryable } from "@/lib/db/client";
import { getBackendById } from "@/lib/db/queries/backends";
import { BackendClient, type ClientOptions } from "@/lib/inference/chat-client";

export type ClientRegistry = { get(backendId: number): { client: BackendClient; name: string; baseUrl: string; apiKeyEnv: string | null } };

export function createClientRegistry(
  db: Queryable,
  overrides: Map<number, string[]> = new Map(),
  clientOptions: ClientOptions = {},
): ClientRegistry {
  const clients = new Map<number, { client: BackendClient; name: string; baseUrl: string; apiKeyEnv: string | null }>();
  return {
    get(backendId) {
      const cached = clients.get(backendId);
      if (cached) return cached;
      const row = getBackendById(db, backendId);
      if (!row) throw new Error(`Backend #${backendId} no longer exists`);
      const baseUrls = overrides.get(backendId) ?? row.baseUrls;
      const entry = {
        client: new BackendClient({ ...row, baseUrls }, clientOptions),
        name: row.name,
        baseUrl: baseUrls[0]!,
        apiKeyEnv: row.apiKeyEnv,
      };
      clients.set(backendId, entry);
      return entry;
    },
  };
}
