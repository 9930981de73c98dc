/**
 * Imports from the Hugging Face hub: a dataset is `owner/name` plus a config and a split; the hub
 * serves every public dataset as parquet files (its "refs/convert/parquet" branch), listed by
 * GET {HF_ENDPOINT}/api/datasets/{owner}/{name}/parquet. HF_ENDPOINT (default https://huggingface.co)
 * points at a mirror or a test server; HF_TOKEN is sent for gated and private datasets.
 */
import path from "node:path";
import { z } from "zod";
import { downloadToFile, DownloadError, type DownloadProgress } from "./download";

export const DEFAULT_HF_ENDPOINT = "https://huggingface.co";

import type { HfDatasetRef } from "./presets";
import { AppError } from "@/lib/errors";

export { REWARDBENCH_PRESET, type HfDatasetRef } from "./presets";

export const hfRefSchema = z.object({
  repo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, "Enter the dataset as owner/name, e.g. allenai/reward-bench"),
  config: z.string().trim().min(1, "Enter a config (usually default)").max(200),
  split: z.string().trim().min(1, "Enter a split, e.g. train").max(200),
});

/** The hub refused or lacks what was asked (a missing split, a gated dataset), naming the field when one is wrong. */
export class HubError extends AppError {
  constructor(
    message: string,
    readonly field?: "repo" | "config" | "split",
  ) {
    super("bad_request:dataset", message, field ? { fieldErrors: { [field]: message } } : undefined);
    this.name = "HubError";
  }
}

export function hubSettings(env: Record<string, string | undefined> = process.env): { endpoint: string; token: string | undefined } {
  return { endpoint: (env.HF_ENDPOINT || DEFAULT_HF_ENDPOINT).replace(/\/+$/, ""), token: env.HF_TOKEN || undefined };
}

const parquetIndexSchema = z.record(z.string(), z.record(z.string(), z.array(z.string().url())));

/** The parquet file URLs of one config and split, or an error that says what exists instead. */
export async function listHubParquetFiles(ref: HfDatasetRef, settings = hubSettings(), signal?: AbortSignal): Promise<string[]> {
  const url = `${settings.endpoint}/api/datasets/${ref.repo.split("/").map(encodeURIComponent).join("/")}/parquet`;
  let response: Response;
  try {
    response = await fetch(url, { headers: settings.token ? { authorization: `Bearer ${settings.token}` } : {}, signal });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new HubError(
      `Could not reach the Hugging Face hub at ${settings.endpoint} (${cause?.code ?? (error as Error).message}). Set HF_ENDPOINT for a mirror.`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new HubError(
      settings.token
        ? `The hub refused HF_TOKEN for ${ref.repo} (${response.status}): the token may lack access to this gated or private dataset`
        : `${ref.repo} needs a Hugging Face token (${response.status}): it is gated or private. Set HF_TOKEN where Judge Lab runs`,
      "repo",
    );
  }
  if (response.status === 404) throw new HubError(`No dataset ${ref.repo} on ${settings.endpoint}`, "repo");
  if (!response.ok) throw new HubError(`The hub answered ${response.status} for ${ref.repo}`);
  const parsed = parquetIndexSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new HubError(`The hub's parquet listing for ${ref.repo} is not in the expected form`);
  const configs = parsed.data;
  const config = configs[ref.config];
  if (!config)
    throw new HubError(`${ref.repo} has no config "${ref.config}" (configs: ${Object.keys(configs).join(", ") || "none"})`, "config");
  const files = config[ref.split];
  if (!files)
    throw new HubError(
      `${ref.repo} (${ref.config}) has no split "${ref.split}" (splits: ${Object.keys(config).join(", ") || "none"})`,
      "split",
    );
  if (files.length === 0) throw new HubError(`${ref.repo} (${ref.config}/${ref.split}) has no parquet files`, "split");
  return files;
}

/** Download every parquet file of a config and split into `dir`; returns their paths and labels. */
export async function downloadHubDataset(
  ref: HfDatasetRef,
  dir: string,
  options: {
    settings?: ReturnType<typeof hubSettings>;
    signal?: AbortSignal;
    onProgress?: (progress: DownloadProgress & { file: number; files: number }) => void;
  } = {},
): Promise<{ path: string; label: string }[]> {
  const settings = options.settings ?? hubSettings();
  const urls = await listHubParquetFiles(ref, settings, options.signal);
  const downloaded: { path: string; label: string }[] = [];
  let doneBytes = 0;
  for (const [index, url] of urls.entries()) {
    const target = path.join(dir, `${String(index).padStart(4, "0")}.parquet`);
    try {
      const { bytes } = await downloadToFile(url, target, {
        // The token goes to the hub only; fetch drops it on redirects to another host.
        headers:
          settings.token && new URL(url).origin === new URL(settings.endpoint).origin ? { authorization: `Bearer ${settings.token}` } : {},
        signal: options.signal,
        onProgress: (p) =>
          options.onProgress?.({
            bytes: doneBytes + p.bytes,
            totalBytes: p.totalBytes === null ? null : doneBytes + p.totalBytes,
            file: index + 1,
            files: urls.length,
          }),
      });
      doneBytes += bytes;
    } catch (error) {
      if (error instanceof DownloadError && (error.remoteStatus === 401 || error.remoteStatus === 403)) {
        throw new HubError(
          `The hub refused to serve ${ref.repo}'s parquet file ${index + 1} (${error.remoteStatus}); set HF_TOKEN for gated or private datasets`,
          "repo",
        );
      }
      throw error;
    }
    downloaded.push({ path: target, label: `hf:${ref.repo}@${ref.config}/${ref.split}#${index}` });
  }
  return downloaded;
}
