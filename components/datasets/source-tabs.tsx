"use client";
// The four ways to bring a dataset in, one tab each: upload (drag and drop, with progress), a path on
// the server, a URL the server downloads, and the Hugging Face hub (with the RewardBench preset).
import type { Dispatch, SetStateAction } from "react";
import { FileUp, Loader2, Sparkles } from "lucide-react";
import { useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ProgressBar } from "@/components/ui/progress-bar";
import { TabsContent } from "@/components/ui/tabs";
import { REWARDBENCH_PRESET } from "@/lib/datasets/presets";
import { formatBytes } from "@/lib/format/numbers";

export type HubSource = { repo: string; config: string; split: string };

export function UploadTab({
  upload,
  dropzone,
}: {
  upload: { name: string; loaded: number; total: number } | null;
  dropzone: ReturnType<typeof useDropzone>;
}) {
  return (
    <TabsContent value="upload">
      <div
        {...dropzone.getRootProps()}
        className={`flex cursor-pointer flex-col items-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors ${dropzone.isDragActive ? "border-primary bg-primary/5" : "hover:bg-muted/50"}`}
      >
        <input {...dropzone.getInputProps()} aria-label="File to import" data-testid="upload-input" />
        <FileUp className="size-7 text-muted-foreground" aria-hidden />
        <p className="text-sm font-medium">
          {dropzone.isDragActive ? "Drop the file to upload it" : "Drop a file here, or click to choose one"}
        </p>
        <p className="text-xs text-muted-foreground">JSONL, JSON, CSV or parquet, optionally gzipped (.gz). Large files stream to disk.</p>
      </div>
      {upload ? (
        <div className="mt-3 grid gap-1.5">
          <div className="flex justify-between text-sm">
            <span>Uploading {upload.name}…</span>
            <span className="tabular-nums text-muted-foreground">
              {formatBytes(upload.loaded)} of {formatBytes(upload.total)}
            </span>
          </div>
          <ProgressBar value={upload.total ? upload.loaded / upload.total : null} label="Upload progress" />
        </div>
      ) : null}
    </TabsContent>
  );
}

export function ServerPathTab({
  filePath,
  setFilePath,
  errors,
  staging,
}: {
  filePath: string;
  setFilePath: (value: string) => void;
  errors: Record<string, string>;
  staging: { mutate: (input: { filePath: string }) => void; isPending: boolean };
}) {
  return (
    <TabsContent value="path">
      <form
        className="grid gap-3 md:max-w-2xl"
        onSubmit={(event) => {
          event.preventDefault();
          staging.mutate({ filePath });
        }}
      >
        <Field
          id="filePath"
          label="Path of a file on the server"
          hint="Read where it is, nothing is copied. For large files on the same machine."
          error={errors.filePath}
        >
          {(control) => (
            <Input
              {...control}
              value={filePath}
              onChange={(e) => setFilePath(e.target.value)}
              placeholder="/data/rewardbench.jsonl"
              className="font-mono"
              spellCheck={false}
            />
          )}
        </Field>
        <div>
          <Button type="submit" disabled={staging.isPending}>
            {staging.isPending ? <Loader2 className="animate-spin" /> : null} Use this file
          </Button>
        </div>
      </form>
    </TabsContent>
  );
}

export function UrlTab({
  url,
  setUrl,
  errors,
  downloading,
}: {
  url: string;
  setUrl: (value: string) => void;
  errors: Record<string, string>;
  downloading: { mutate: (input: Record<string, string>) => void; isPending: boolean };
}) {
  return (
    <TabsContent value="url">
      <form
        className="grid gap-3 md:max-w-2xl"
        onSubmit={(event) => {
          event.preventDefault();
          downloading.mutate({ type: "url", url });
        }}
      >
        <Field id="url" label="URL of the file" hint="Downloaded by the server, then previewed." error={errors.url}>
          {(control) => (
            <Input
              {...control}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://example.com/pairs.jsonl.gz"
              className="font-mono"
              spellCheck={false}
            />
          )}
        </Field>
        <div>
          <Button type="submit" disabled={downloading.isPending}>
            {downloading.isPending ? <Loader2 className="animate-spin" /> : null} Download
          </Button>
        </div>
      </form>
    </TabsContent>
  );
}

export function HubTab({
  hub,
  setHub,
  errors,
  downloading,
}: {
  hub: HubSource;
  setHub: Dispatch<SetStateAction<HubSource>>;
  errors: Record<string, string>;
  downloading: { mutate: (input: Record<string, string>) => void; isPending: boolean };
}) {
  return (
    <TabsContent value="hf">
      <form
        className="grid gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          downloading.mutate({ type: "hf", ...hub });
        }}
      >
        <div>
          <Button
            variant="outline"
            onClick={() => {
              setHub({ repo: REWARDBENCH_PRESET.repo, config: REWARDBENCH_PRESET.config, split: REWARDBENCH_PRESET.split });
              downloading.mutate({
                type: "hf",
                repo: REWARDBENCH_PRESET.repo,
                config: REWARDBENCH_PRESET.config,
                split: REWARDBENCH_PRESET.split,
              });
            }}
          >
            <Sparkles /> RewardBench (allenai/reward-bench, filtered split)
          </Button>
        </div>
        <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr]">
          <Field id="repo" label="Dataset (owner/name)" error={errors.repo}>
            {(control) => (
              <Input
                {...control}
                value={hub.repo}
                onChange={(e) => setHub({ ...hub, repo: e.target.value })}
                placeholder="allenai/reward-bench"
                className="font-mono"
              />
            )}
          </Field>
          <Field id="config" label="Config" error={errors.config}>
            {(control) => (
              <Input {...control} value={hub.config} onChange={(e) => setHub({ ...hub, config: e.target.value })} className="font-mono" />
            )}
          </Field>
          <Field id="split" label="Split" error={errors.split}>
            {(control) => (
              <Input {...control} value={hub.split} onChange={(e) => setHub({ ...hub, split: e.target.value })} className="font-mono" />
            )}
          </Field>
        </div>
        <p className="text-xs text-muted-foreground">
          Downloads the dataset&apos;s parquet files from the hub (HF_ENDPOINT, default huggingface.co), with HF_TOKEN for gated or private
          datasets.
        </p>
        <div>
          <Button type="submit" disabled={downloading.isPending}>
            {downloading.isPending ? <Loader2 className="animate-spin" /> : null} Download from the hub
          </Button>
        </div>
      </form>
    </TabsContent>
  );
}
