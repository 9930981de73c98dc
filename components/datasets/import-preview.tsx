"use client";
/**
 * The preview step: the detected layout, the kind and name, the column mapping (each field a
 * choice among the file's columns), and the first rows as they will be stored, with problems
 * marked. Changing the mapping re-runs the preview on the server. "Import" starts the import job.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useEffect, useState } from "react";
import { previewImportAction, startImportAction } from "@/app/datasets/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { useServerAction } from "@/components/feedback/use-server-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { MappingField } from "@/lib/datasets/mapping";
import { LabelSchemeField, MappingFields } from "./mapping-fields";
import { PreviewRows } from "./preview-rows";
import type { ImportPreview as Preview } from "@/lib/datasets/preview";
import type { DatasetKind } from "@/lib/db/schema";

const pairFields: { field: MappingField; label: string; hint?: string }[] = [
  { field: "prompt", label: "Prompt", hint: "Leave empty for Anthropic HH dialogues" },
  { field: "chosen", label: "Chosen (better)" },
  { field: "rejected", label: "Rejected (worse)" },
  { field: "responseA", label: "Response A", hint: "Or: two responses…" },
  { field: "responseB", label: "Response B" },
  { field: "label", label: "Label", hint: "…and which one is better" },
  { field: "subset", label: "Subset" },
  { field: "id", label: "Id" },
  { field: "category", label: "Category" },
];
const responseFields: { field: MappingField; label: string; hint?: string }[] = [
  { field: "prompt", label: "Prompt", hint: "Empty when the responses are whole conversations" },
  { field: "responseA", label: "Response A", hint: "Two response columns (two systems)…" },
  { field: "responseB", label: "Response B" },
  { field: "responses", label: "List of responses", hint: "…or one column with a list (best-of-n)" },
  { field: "label", label: "Label (optional)", hint: "The better response or a tie; votes: col1+col2+col3" },
  { field: "category", label: "Category" },
  { field: "id", label: "Id" },
];
const instructionFields: { field: MappingField; label: string; hint?: string }[] = [
  { field: "prompt", label: "Instruction", hint: "Text, or a list of chat messages" },
  { field: "chosen", label: "Baseline response", hint: "Optional: used as the good response instead of generating one" },
  { field: "id", label: "Id" },
  { field: "category", label: "Category" },
];

type Mapping = Partial<Record<MappingField | "labelScheme", string>>;

const FIELDS: Record<DatasetKind, { field: MappingField; label: string; hint?: string }[]> = {
  pairs: pairFields,
  instructions: instructionFields,
  responses: responseFields,
};

export function ImportPreview({
  stageId,
  onImport,
  initialKind,
}: {
  stageId: string;
  onImport: (jobId: string) => void;
  initialKind?: DatasetKind;
}) {
  const [kind, setKind] = useState<DatasetKind | undefined>(initialKind);
  const [mapping, setMapping] = useState<Mapping | undefined>(undefined);
  const [name, setName] = useState<string | null>(null);
  const [description, setDescription] = useState("");

  const preview = useQuery({
    queryKey: ["import-preview", stageId, kind, mapping],
    queryFn: async () => {
      const result = await previewImportAction({
        stageId,
        kind,
        mapping: mapping && Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v || null])),
      });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    placeholderData: keepPreviousData,
  });
  const data: Preview | undefined = preview.data;

  // First answer: adopt what was detected, so the form shows it.
  useEffect(() => {
    if (!data) return;
    if (name === null) setName(data.suggestedName);
    if (kind === undefined && data.kind) setKind(data.kind);
    if (mapping === undefined && data.mapping) {
      const { kind: _kind, ...fields } = data.mapping;
      setMapping(fields as Mapping);
    }
  }, [data, kind, mapping, name]);

  const start = useServerAction(startImportAction, {
    onDone: (result) => {
      if (result.ok) onImport(result.data.jobId);
    },
  });
  const startImport = () =>
    start.mutate({
      stageId,
      name: name ?? "",
      kind: kind ?? data?.kind ?? "pairs",
      mapping: mapping && Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v || null])),
      description,
    });
  const startFailure = start.data && !start.data.ok ? start.data : null;
  const fieldErrors = { ...data?.mappingError?.fieldErrors, ...startFailure?.fieldErrors };

  if (preview.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" /> Reading the first rows…
      </p>
    );
  }
  if (preview.isError && !data) return <InlineAlert tone="error">{preview.error.message}</InlineAlert>;
  if (!data) return null;

  const shownKind: DatasetKind = kind ?? data.kind ?? "pairs";
  const fields = FIELDS[shownKind];
  const showPairs = shownKind === "pairs";
  const hasBaseline = !showPairs && Boolean((mapping ?? data.mapping)?.chosen);

  return (
    <div className="grid gap-5">
      <SourceSummary data={data} updating={preview.isFetching} />

      <div className="grid gap-4 md:grid-cols-[1fr_2fr]">
        <Field id="kind" label="Kind">
          {(control) => (
            <NativeSelect
              {...control}
              value={kind ?? data.kind ?? ""}
              onChange={(e) => (setKind(e.target.value as DatasetKind), setMapping(undefined))}
            >
              {data.kind === null && kind === undefined ? <option value="">Choose…</option> : null}
              <option value="pairs">Labelled pairs (for evaluation)</option>
              <option value="instructions">Instruction pool (the loop&apos;s input)</option>
              <option value="responses">Responses to judge (for judge jobs)</option>
            </NativeSelect>
          )}
        </Field>
        <Field
          id="datasetName"
          label="Name"
          error={fieldErrors.name}
          hint={showPairs ? "Also the subset of rows that have none." : undefined}
        >
          {(control) => <Input {...control} value={name ?? ""} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>

      <MappingFields
        fields={fields}
        columns={data.columns}
        mapping={mapping}
        onChange={setMapping}
        fieldErrors={fieldErrors}
        warning={data.mappingError?.message ?? null}
      />
      {shownKind === "responses" && (mapping ?? data.mapping)?.label ? (
        <LabelSchemeField
          value={mapping?.labelScheme ?? "auto"}
          error={fieldErrors.labelScheme}
          onChange={(labelScheme) => setMapping({ ...mapping, labelScheme })}
        />
      ) : null}

      <Field id="description" label="Description (optional)">
        {(control) => <Input {...control} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>

      {data.problems.length > 0 ? (
        <InlineAlert tone="warning">
          Problems in the first rows: {data.problems.map((p) => `${p.location}: ${p.message}`).join("; ")}
        </InlineAlert>
      ) : null}

      {data.rows.length > 0 ? <PreviewRows rows={data.rows} kind={shownKind} hasBaseline={hasBaseline} /> : null}

      {startFailure ? <InlineAlert tone="error">{startFailure.message}</InlineAlert> : null}
      <div>
        <Button onClick={startImport} disabled={start.isPending || Boolean(data.mappingError)}>
          {start.isPending ? <Loader2 className="animate-spin" /> : null} Import
        </Button>
        <span className="ml-3 text-xs text-muted-foreground">Every row is checked first; if any is wrong, nothing is stored.</span>
      </div>
    </div>
  );
}

/** The staged files, their format and the layout detected. */
function SourceSummary({ data, updating }: { data: Preview; updating: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {data.files.map((file) => (
        <Badge key={file.label} variant="secondary" className="font-mono">
          {file.label}
        </Badge>
      ))}
      <Badge variant="outline">
        {data.files[0]?.format.toUpperCase()}
        {data.files[0]?.gzip ? " + gzip" : ""}
      </Badge>
      {data.files.length > 1 ? <Badge variant="outline">{data.files.length} files</Badge> : null}
      {data.layout ? <span className="text-muted-foreground">Detected: {data.layout}</span> : null}
      {updating ? <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Updating the preview" /> : null}
    </div>
  );
}
