"use client";
// Delete a dataset after confirming; refused (with the runs named) while a run uses it.
import { useServerAction } from "@/components/feedback/use-server-action";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteDatasetAction } from "@/app/datasets/actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

export function DeleteDatasetButton({ id, name }: { id: number; name: string }) {
  const router = useRouter();
  const remove = useServerAction(deleteDatasetAction, {
    onDone: (result) => {
      if (!result.ok) return toast.error(result.message);
      toast.success(`Deleted "${name}"`);
      router.push("/datasets");
      router.refresh();
    },
  });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" disabled={remove.isPending}>
          <Trash2 /> Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Delete &ldquo;{name}&rdquo;?</AlertDialogTitle>
        <AlertDialogDescription>
          Its rows are removed from Judge Lab (the source file is not touched). A dataset used by a run cannot be deleted.
        </AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={() => remove.mutate(id)}>Delete</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
