"use client";
// The import preview's column mapping: one choice per item field among the file's columns, and for
// responses to judge, how the label column's values read.
import { InlineAlert } from "@/components/feedback/inline-alert";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { LABEL_SCHEME_DESCRIPTIONS, LABEL_SCHEMES } from "@/lib/datasets/label-schemes";
import type { MappingField } from "@/lib/datasets/mapping";

export type Mapping = Partial<Record<MappingField, string>>;

export function MappingFields({
  fields,
  columns,
  mapping,
  onChange,
  fieldErrors,
  warning,
}: {
  fields: { field: MappingField; label: string; hint?: string }[];
  columns: string[];
  mapping: Mapping | undefined;
  onChange: (mapping: Mapping) => void;
  fieldErrors: Record<string, string>;
  warning: string | null;
}) {
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-2 text-sm font-medium">Columns</legend>
      {warning ? <InlineAlert tone="warning">{warning}</InlineAlert> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map(({ field, label, hint }) => (
          <Field key={field} id={`map-${field}`} label={label} hint={hint} error={fieldErrors[field]}>
            {(control) => (
              <NativeSelect {...control} value={mapping?.[field] ?? ""} onChange={(e) => onChange({ ...mapping, [field]: e.target.value })}>
                <option value="">(none)</option>
                {columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">Columns not mapped are kept with each item as metadata.</p>
    </fieldset>
  );
}

export function LabelSchemeField({ value, error, onChange }: { value: string; error?: string; onChange: (scheme: string) => void }) {
  return (
    <Field
      id="map-labelScheme"
      label="Label scheme"
      error={error}
      hint="What the label's values mean; numbers differ between data sets, so say which."
    >
      {(control) => (
        <NativeSelect {...control} className="max-w-md" value={value} onChange={(e) => onChange(e.target.value)}>
          {LABEL_SCHEMES.map((scheme) => (
            <option key={scheme} value={scheme}>
              {scheme}: {LABEL_SCHEME_DESCRIPTIONS[scheme]}
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  );
}
