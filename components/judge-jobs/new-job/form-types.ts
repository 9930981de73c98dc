// What the New judge job form edits (a job config with every field present) and knows of the server.
import type { JudgeJobConfigInput } from "@/lib/pipeline/jobs/job-config";

export type JobDraft = Required<Omit<JudgeJobConfigInput, "topP" | "maxTokens">> & Pick<JudgeJobConfigInput, "topP" | "maxTokens">;
export type DraftSetter = <K extends keyof JobDraft>(key: K, value: JobDraft[K]) => void;
export type FormBackend = { name: string; supportsN: boolean; builtin: boolean };
export type FormDataset = { name: string; kind: "responses" | "pairs"; rowCount: number };
