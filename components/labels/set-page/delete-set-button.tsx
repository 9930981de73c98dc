"use client";
// Delete an annotation set after confirming: its items and every label in it go with it.
import { deleteAnnotationSetAction } from "@/app/labels/actions";
import { ConfirmDeleteButton } from "@/components/feedback/confirm-delete-button";

export function DeleteSetButton({ id, name, labels }: { id: number; name: string; labels: number }) {
  return (
    <ConfirmDeleteButton
      name={name}
      input={{ setId: id }}
      action={deleteAnnotationSetAction}
      afterHref="/labels"
      consequences={`Its items and all ${labels} label(s) people gave in it are removed. Export the labels first if you want to keep them.`}
    />
  );
}
