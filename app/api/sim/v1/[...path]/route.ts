// SimJudge mounted in the app: /api/sim/v1/* speaks the OpenAI API (models, chat completions,
// files, fine-tuning jobs). The built-in backend "SimJudge (simulated)" points here.
import { getAppSimJudge } from "@/lib/simulator/app-instance";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = await getAppSimJudge().handle({
    method: request.method,
    path: `/${path.map(encodeURIComponent).join("/")}`,
    headers,
    body: Buffer.from(await request.arrayBuffer()),
    signal: request.signal,
  });
  if (answer.kind === "hang") {
    // Never answer: wait until the client gives up.
    await new Promise<void>((resolve) => request.signal.addEventListener("abort", () => resolve(), { once: true }));
    return new Response(null, { status: 499 });
  }
  if (answer.kind === "drop") {
    const partial = new TextEncoder().encode(answer.partialBody);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(partial);
        controller.error(new Error("SimJudge injected fault: connection dropped"));
      },
    });
    return new Response(stream, { status: answer.status, headers: answer.headers });
  }
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
