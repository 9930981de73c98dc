// A small HTTP server that serves datasets the way the Hugging Face hub does: a parquet index at
// /api/datasets/{repo}/parquet, file URLs that redirect to /datasets/{repo}/resolve/refs%2Fconvert%2Fparquet/...,
// 401 for gated repos without the right bearer token, 404 for unknown repos.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRepo = { configs: Record<string, Record<string, Buffer[]>>; token?: string };

export async function startFakeHfHub(
  repos: Record<string, FakeRepo>,
  port = 0,
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  let base = "";
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(typeof body === "string" ? body : JSON.stringify(body));
    const index = /^\/api\/datasets\/([^/]+\/[^/]+)\/parquet$/.exec(url.pathname);
    const file = /^\/api\/datasets\/([^/]+\/[^/]+)\/parquet\/([^/]+)\/([^/]+)\/(\d+)\.parquet$/.exec(url.pathname);
    const resolved = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/refs%2Fconvert%2Fparquet\/([^/]+)\/([^/]+)\/(\d{4})\.parquet$/.exec(
      url.pathname,
    );
    const repoName = decodeURIComponent((index ?? file ?? resolved)?.[1] ?? "");
    const repo = repos[repoName];
    if (!repo) return send(404, { error: "Repository not found" });
    if (repo.token && req.headers.authorization !== `Bearer ${repo.token}`) {
      return send(401, { error: "Access to dataset is restricted. You must be authenticated to access it." });
    }
    if (index) {
      const listing = Object.fromEntries(
        Object.entries(repo.configs).map(([config, splits]) => [
          config,
          Object.fromEntries(
            Object.entries(splits).map(([split, shards]) => [
              split,
              shards.map((_, n) => `${base}/api/datasets/${repoName}/parquet/${config}/${split}/${n}.parquet`),
            ]),
          ),
        ]),
      );
      return send(200, listing);
    }
    if (file) {
      const [, , config, split, n] = file;
      return res
        .writeHead(302, {
          location: `/datasets/${repoName}/resolve/refs%2Fconvert%2Fparquet/${config}/${split}/${n!.padStart(4, "0")}.parquet`,
        })
        .end();
    }
    if (resolved) {
      const [, , config, split, n] = resolved;
      const shard = repo.configs[config!]?.[split!]?.[Number(n)];
      if (!shard) return send(404, { error: "Entry not found" });
      return res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(shard.length) }).end(shard);
    }
    send(404, { error: "Not found" });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
