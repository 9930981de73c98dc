"use server";
/**
 * Server actions of the Datasets pages: stage a source (a server path now; a URL or a hub dataset
 * as a download job), preview it with a mapping, start an import job, cancel a job, delete a
 * dataset. Inputs are validated with zod; errors come back naming the field.
 */
import fs from "node:fs";
import path from "node:path";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { downloadToFile } from "@/lib/datasets/download";
import { downloadHubDataset, hfRefSchema } from "@/lib/datasets/hugging-face";
import { checkDatasetName } from "@/lib/datasets/import-dataset";
import { cancelJob, startImportJob, startJob } from "@/lib/datasets/import-jobs";
import { LABEL_SCHEMES } from "@/lib/datasets/label-schemes";
import { MAPPING_FIELDS } from "@/lib/datasets/mapping";
import { previewStaged, type ImportPreview } from "@/lib/datasets/preview";
import { discardStaged, getStaged, nameFromFile, newStagingDir, registerStaged, safeFileName } from "@/lib/datasets/staging";
import { getDb } from "@/lib/db/client";
import { DATASET_KINDS } from "@/lib/db/schema";
import { deleteDataset } from "@/lib/db/queries/datasets";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { parseOrRefuse } from "@/lib/validation";

const parse = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => parseOrRefuse(schema, input, what, "bad_request:dataset");

const mappingSchema = z
  .object({
    ...Object.fromEntries(MAPPING_FIELDS.map((field) => [field, z.string().max(500).nullable().optional()])),
    labelScheme: z.enum(LABEL_SCHEMES).nullable().optional(),
  })
  .strict();
const kindSchema = z.enum(DATASET_KINDS);

export async function stageServerPathAction(input: unknown): Promise<ActionResult<{ stageId: string }>> {
  try {
    const { filePath } = parse(
      z.object({ filePath: z.string().trim().min(1, "Enter the path of a file on the server").max(4096) }).strict(),
      input,
      "Cannot use that path",
    );
    const resolved = path.resolve(filePath);
    if (!fs.existsSync(resolved))
      throw new AppError("bad_request:dataset", `No file at ${resolved} on the server`, {
        fieldErrors: { filePath: `No file at ${resolved}` },
      });
    if (!fs.statSync(resolved).isFile())
      throw new AppError("bad_request:dataset", `${resolved} is a folder, not a file`, {
        fieldErrors: { filePath: "That is a folder, not a file" },
      });
    const staged = await registerStaged({
      files: [{ path: resolved, label: path.basename(resolved) }],
      source: resolved,
      suggestedName: nameFromFile(resolved),
      dir: null,
    });
    return { ok: true, data: { stageId: staged.id } };
  } catch (error) {
    return toActionError(error);
  }
}

const downloadSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("url"),
      url: z
        .string()
        .trim()
        .url("Enter a full http:// or https:// URL")
        .regex(/^https?:\/\//i, "Only http:// and https:// URLs"),
    })
    .strict(),
  z.object({ type: z.literal("hf"), ...hfRefSchema.shape }).strict(),
]);

export async function startDownloadAction(input: unknown): Promise<ActionResult<{ jobId: string }>> {
  try {
    const source = parse(downloadSchema, input, "Cannot download");
    const label = source.type === "hf" ? `hf:${source.repo} (${source.config}/${source.split})` : source.url;
    const jobId = startJob("download", label, async (update, signal) => {
      const { id, dir } = newStagingDir();
      try {
        if (source.type === "hf") {
          const files = await downloadHubDataset(source, dir, {
            signal,
            onProgress: (p) => update({ bytes: p.bytes, totalBytes: p.totalBytes, phase: `downloading file ${p.file} of ${p.files}` }),
          });
          await registerStaged({
            id,
            files,
            source: `hf:${source.repo}@${source.config}/${source.split}`,
            suggestedName: `${source.repo} (${source.split})`,
            dir,
          });
        } else {
          const name = safeFileName(decodeURIComponent(new URL(source.url).pathname.split("/").at(-1) || "download"));
          const target = path.join(dir, name);
          await downloadToFile(source.url, target, { signal, onProgress: (p) => update({ bytes: p.bytes, totalBytes: p.totalBytes }) });
          await registerStaged({ id, files: [{ path: target, label: name }], source: source.url, suggestedName: nameFromFile(name), dir });
        }
        return { stageId: id };
      } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    });
    return { ok: true, data: { jobId } };
  } catch (error) {
    return toActionError(error);
  }
}

function stagedOrThrow(stageId: string) {
  const staged = getStaged(stageId);
  if (!staged)
    throw new AppError("not_found:dataset", "That file is no longer staged (the server restarted or a day passed); choose it again");
  return staged;
}

export async function previewImportAction(input: unknown): Promise<ActionResult<ImportPreview>> {
  try {
    const request = parse(
      z
        .object({
          stageId: z.string().uuid(),
          kind: kindSchema.optional(),
          mapping: mappingSchema.optional(),
          name: z.string().max(200).optional(),
        })
        .strict(),
      input,
      "Cannot preview",
    );
    const preview = await previewStaged(stagedOrThrow(request.stageId), {
      kind: request.kind,
      mapping: request.mapping as Record<string, string> | undefined,
      name: request.name,
    });
    return { ok: true, data: preview };
  } catch (error) {
    return toActionError(error);
  }
}

export async function startImportAction(input: unknown): Promise<ActionResult<{ jobId: string }>> {
  try {
    const request = parse(
      z
        .object({
          stageId: z.string().uuid(),
          name: z.string().max(200),
          kind: kindSchema,
          mapping: mappingSchema.optional(),
          description: z.string().max(2000).optional(),
        })
        .strict(),
      input,
      "Cannot import",
    );
    const staged = stagedOrThrow(request.stageId);
    const db = getDb();
    const name = checkDatasetName(db, request.name);
    const jobId = startImportJob(
      db,
      {
        files: staged.files,
        name,
        kind: request.kind,
        mapping: request.mapping as Record<string, string> | undefined,
        source: staged.source,
        description: request.description?.trim() || null,
      },
      // Runs after the request is over (no revalidatePath here): the pages render per request.
      () => discardStaged(staged.id),
    );
    return { ok: true, data: { jobId } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function cancelJobAction(input: unknown): Promise<ActionResult<{ canceled: boolean }>> {
  try {
    const { jobId } = parse(z.object({ jobId: z.string().uuid() }).strict(), input, "Cannot cancel");
    return { ok: true, data: { canceled: cancelJob(jobId) } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function deleteDatasetAction(id: unknown): Promise<ActionResult<null>> {
  try {
    const datasetId = parse(z.number({ error: "id must be a dataset id (a number)" }).int().positive(), id, "Unknown dataset");
    deleteDataset(getDb(), datasetId);
    revalidatePath("/datasets");
    return { ok: true, data: null };
  } catch (error) {
    return toActionError(error);
  }
}
