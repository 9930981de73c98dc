"use client";
/**
 * Where the data comes from: an upload (drag and drop, with upload progress), a file on the
 * server, a URL, or a Hugging Face dataset (with the RewardBench preset). Reports a staged source
 * (ready to preview) or a download job to follow.
 */
import { useMutation } from "@tanstack/react-query";
import { FileUp, Globe, HardDrive, Loader2, Sparkles } from "lucide-react";
import { useState } from "react";
import { useDropzone } from "react-dropzone";
import { stageServerPathAction, startDownloadAction } from "@/app/datasets/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { REWARDBENCH_PRESET } from "@/lib/datasets/presets";
import { SERVER_UNREACHABLE, type ActionResult } from "@/lib/errors";
import { formatBytes } from "@/lib/format/numbers";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** Upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
function uploadFile(file: File, onProgress: (loaded: number) => void): Promise<{ stageId: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/datasets/upload?filename=${encodeURIComponent(file.name)}`);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      let body: { stageId?: string; message?: string } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // fall through with an empty body
      }
      if (request.status === 200 && body.stageId) resolve({ stageId: body.stageId });
      else reject(new Error(body.message ?? `The upload failed (${request.status})`));
    };
    request.onerror = () => reject(new Error(SERVER_UNREACHABLE));
    request.send(file);
  });
}

export function SourcePicker({ onStaged, onDownload }: { onStaged: (stageId: string) => void; onDownload: (jobId: string) => void }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const [upload, setUpload] = useState<{ name: string; loaded: number; total: number } | null>(null);
  const [filePath, setFilePath] = useState("");
  const [url, setUrl] = useState("");
  const [hub, setHub] = useState({ repo: "", config: "default", split: "train" });
  const errors = failure?.fieldErrors ?? {};

  const uploading = useMutation({
    mutationFn: (file: File) => uploadFile(file, (loaded) => setUpload({ name: file.name, loaded, total: file.size })),
    onMutate: (file) => {
      setFailure(null);
      setUpload({ name: file.name, loaded: 0, total: file.size });
    },
    onSuccess: ({ stageId }) => onStaged(stageId),
    onError: (error) => {
      setUpload(null);
      setFailure({ ok: false, code: "bad_request:dataset", message: error.message });
    },
  });
  const dropzone = useDropzone({
    multiple: false,
    onDropAccepted: ([file]) => file && uploading.mutate(file),
    disabled: uploading.isPending,
  });

  const staging = useServerAction(stageServerPathAction, {
    onStart: () => setFailure(null),
    onDone: (result) => (result.ok ? onStaged(result.data.stageId) : setFailure(result)),
  });
  const downloading = useServerAction(startDownloadAction, {
    onStart: () => setFailure(null),
    onDone: (result) => (result.ok ? onDownload(result.data.jobId) : setFailure(result)),
  });

  return (
    <div className="grid gap-4">
      <Tabs defaultValue="upload" onValueChange={() => setFailure(null)}>
        <TabsList aria-label="Where the data comes from">
          <TabsTrigger value="upload">
            <FileUp aria-hidden /> Upload
          </TabsTrigger>
          <TabsTrigger value="path">
            <HardDrive aria-hidden /> Server path
          </TabsTrigger>
          <TabsTrigger value="url">
            <Globe aria-hidden /> URL
          </TabsTrigger>
          <TabsTrigger value="hf">
            <Sparkles aria-hidden /> Hugging Face
          </TabsTrigger>
        </TabsList>

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
            <p className="text-xs text-muted-foreground">
              JSONL, JSON, CSV or parquet, optionally gzipped (.gz). Large files stream to disk.
            </p>
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
                  <Input
                    {...control}
                    value={hub.config}
                    onChange={(e) => setHub({ ...hub, config: e.target.value })}
                    className="font-mono"
                  />
                )}
              </Field>
              <Field id="split" label="Split" error={errors.split}>
                {(control) => (
                  <Input {...control} value={hub.split} onChange={(e) => setHub({ ...hub, split: e.target.value })} className="font-mono" />
                )}
              </Field>
            </div>
            <p className="text-xs text-muted-foreground">
              Downloads the dataset&apos;s parquet files from the hub (HF_ENDPOINT, default huggingface.co), with HF_TOKEN for gated or
              private datasets.
            </p>
            <div>
              <Button type="submit" disabled={downloading.isPending}>
                {downloading.isPending ? <Loader2 className="animate-spin" /> : null} Download from the hub
              </Button>
            </div>
          </form>
        </TabsContent>
      </Tabs>
      {failure ? <InlineAlert tone="error">{failure.message}</InlineAlert> : null}
    </div>
  );
}
