/**
 * The inference clients the server's API calls share (one per backend, so its in-flight cap,
 * rate limits and keep-alive connections hold across requests). A client is rebuilt when its
 * backend's settings change (edited on the Backends page) or when the backend is gone.
 */
import type { Db } from "@/lib/db/client";
import { backendVersion, getBackendById } from "@/lib/db/queries/backends";
import { BackendClient } from "@/lib/inference/chat-client";
import type { ClientRegistry } from "@/lib/runner/clients";

type Entry = ReturnType<ClientRegistry["get"]> & { updatedAt: number };
const globalForClients = globalThis as unknown as { judgeLabApiClients?: Map<number, Entry> };
const cache = (globalForClients.judgeLabApiClients ??= new Map());

export function serverClients(db: Db): ClientRegistry {
  return {
    get(backendId) {
      // A one-column prepared lookup per call: the full row is read only when the backend changed.
      const version = backendVersion(db, backendId);
      const cached = cache.get(backendId);
      if (cached && version !== undefined && cached.updatedAt === version) return cached;
      const row = version === undefined ? undefined : getBackendById(db, backendId);
      if (!row) {
        cache.delete(backendId);
        throw new Error(`Backend #${backendId} no longer exists`);
      }
      const entry: Entry = {
        client: new BackendClient(row),
        name: row.name,
        baseUrl: row.baseUrls[0]!,
        apiKeyEnv: row.apiKeyEnv,
        updatedAt: row.updatedAt,
      };
      cache.set(backendId, entry);
      return entry;
    },
  };
}
