"use client";
// Delete an annotation set after confirming: its items and every label in it go with it.
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteAnnotationSetAction } from "@/app/labels/actions";
import { useServerAction } from "@/components/feedback/use-server-action";
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

export function DeleteSetButton({ id, name, labels }: { id: number; name: string; labels: number }) {
  const router = useRouter();
  const remove = useServerAction(deleteAnnotationSetAction, {
    onDone: (result) => {
      if (!result.ok) return toast.error(result.message);
      toast.success(`Deleted "${name}"`);
      router.push("/labels");
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
          Its items and all {labels} label(s) people gave in it are removed. Export the labels first if you want to keep them.
        </AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={() => remove.mutate({ setId: id })}>Delete</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
