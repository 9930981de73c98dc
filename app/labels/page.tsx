// Labels page: the annotation sets (samples of training pairs, eval items or judge-job items for
// people to label), with their progress; the way to make one.
import { Plus, Tags } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { AnnotationSetsTable } from "@/components/labels/sets-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db/client";
import { listAnnotationSets } from "@/lib/db/queries/annotations";

export const metadata: Metadata = { title: "Labels" };

export default async function LabelsPage() {
  await connection();
  const sets = listAnnotationSets(getDb());
  return (
    <>
      <PageHeader
        title="Labels"
        description="Compare the judges with people: label training pairs, eval items or judge-job items blind, then see how often each judge agrees with you and whether the constructed better response really is better."
        actions={
          sets.length > 0 ? (
            <Button asChild>
              <Link href="/labels/new">
                <Plus /> New annotation set
              </Link>
            </Button>
          ) : undefined
        }
      />
      {sets.length === 0 ? (
        <EmptyState
          icon={<Tags />}
          title="No annotation sets yet"
          action={
            <Button asChild>
              <Link href="/labels/new">New annotation set</Link>
            </Button>
          }
        >
          An annotation set is a seeded sample of items for people to label: k training pairs per category of a run (to audit the synthetic
          labels), the eval items a run&apos;s judges disagree on, or a judge job&apos;s items. Labelling is blind and keyboard-first.
        </EmptyState>
      ) : (
        <AnnotationSetsTable rows={sets} />
      )}
    </>
  );
}
