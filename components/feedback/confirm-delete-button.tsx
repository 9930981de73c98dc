"use client";
// A Delete button that asks first (what goes with it, in `consequences`), runs the server action,
// then goes to `afterHref`; a refusal is shown as a toast with the server's reason.
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { toast } from "sonner";
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
import type { ActionResult } from "@/lib/errors";
import { useServerAction } from "./use-server-action";

export function ConfirmDeleteButton<I>({
  name,
  input,
  action,
  afterHref,
  consequences,
}: {
  name: string;
  input: I;
  action: (input: I) => Promise<ActionResult<null>>;
  afterHref: string;
  consequences: ReactNode;
}) {
  const router = useRouter();
  const remove = useServerAction(action, {
    onDone: (result) => {
      if (!result.ok) return toast.error(result.message);
      toast.success(`Deleted "${name}"`);
      router.push(afterHref);
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
        <AlertDialogDescription>{consequences}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={() => remove.mutate(input)}>Delete</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
