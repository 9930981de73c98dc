"use client";
// Delete a dataset after confirming; refused (with the runs named) while a run uses it.
import { deleteDatasetAction } from "@/app/datasets/actions";
import { ConfirmDeleteButton } from "@/components/feedback/confirm-delete-button";

export function DeleteDatasetButton({ id, name }: { id: number; name: string }) {
  return (
    <ConfirmDeleteButton
      name={name}
      input={id}
      action={deleteDatasetAction}
      afterHref="/datasets"
      consequences="Its rows are removed from Judge Lab (the source file is not touched). A dataset used by a run cannot be deleted."
    />
  );
}
