"use client";
/**
 * Where the data comes from: an upload (drag and drop, with upload progress), a file on the
 * server, a URL, or a Hugging Face dataset (with the RewardBench preset). Reports a staged source
 * (ready to preview) or a download job to follow.
 */
import { useMutation } from "@tanstack/react-query";
import { FileUp, Globe, HardDrive, Sparkles } from "lucide-react";
import { useState } from "react";
import { useDropzone } from "react-dropzone";
import { stageServerPathAction, startDownloadAction } from "@/app/datasets/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { SERVER_UNREACHABLE, type ActionResult } from "@/lib/errors";
import { HubTab, ServerPathTab, UploadTab, UrlTab } from "./source-tabs";

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

        <UploadTab upload={upload} dropzone={dropzone} />

        <ServerPathTab filePath={filePath} setFilePath={setFilePath} errors={errors} staging={staging} />

        <UrlTab url={url} setUrl={setUrl} errors={errors} downloading={downloading} />

        <HubTab hub={hub} setHub={setHub} errors={errors} downloading={downloading} />
      </Tabs>
      {failure ? <InlineAlert tone="error">{failure.message}</InlineAlert> : null}
    </div>
  );
}
