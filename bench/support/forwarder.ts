/**
 * The cheapest possible extra HTTP hop, for the judging section's floor: a node:http server that
 * forwards each request's body to the same path on an upstream (over a keep-alive pool, as the
 * inference client does) and sends the reply back untouched. What a call through it adds over
 * calling the upstream directly is what any server in between costs on this machine.
 * Usage: tsx bench/support/forwarder.ts <upstream origin>; prints "listening on <url>".
 */
import http from "node:http";
import { Agent, request } from "undici";

const upstream = process.argv[2];
if (!upstream) throw new Error("usage: forwarder.ts <upstream origin>");
const dispatcher = new Agent({ connections: 16 });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const reply = await request(`${upstream}${req.url}`, {
      method: req.method as "POST",
      dispatcher,
      headers: { "content-type": req.headers["content-type"] ?? "application/json" },
      body: Buffer.concat(chunks),
    });
    const body = Buffer.from(await reply.body.arrayBuffer());
    res.writeHead(reply.statusCode, { "content-type": "application/json", "content-length": body.byteLength });
    res.end(body);
  });
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as import("node:net").AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
