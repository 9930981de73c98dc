/**
 * The bare client's loop, shared by its workers: pre-built chat-completions bodies sent to a
 * server by `concurrency` loops on one keep-alive undici Agent (the cheapest HTTP client Node has;
 * global `fetch` costs about three times the CPU per call), each answer read and parsed, nothing
 * stored. Returns what it sent, the samples it got back, and its wall and CPU time.
 */
import { Agent, request } from "undici";

export type BareSendResult = { requests: number; samples: number; wallMs: number; cpuMs: number };

export async function sendBodies(url: string, bodies: readonly string[], concurrency: number): Promise<BareSendResult> {
  const dispatcher = new Agent({ connections: concurrency, headersTimeout: 0, bodyTimeout: 0 });
  let next = 0;
  let samples = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const response = await request(`${url}/chat/completions`, {
          method: "POST",
          dispatcher,
          headers: { "content-type": "application/json" },
          body,
        });
        const json = (await response.body.json()) as { choices?: unknown[] };
        if (response.statusCode !== 200 || !Array.isArray(json.choices)) throw new Error(`HTTP ${response.statusCode}`);
        samples += json.choices.length;
      }
    }),
  );
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await dispatcher.close();
  return { requests: bodies.length, samples, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
