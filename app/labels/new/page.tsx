// New annotation set: choose what people will label (a run's training pairs, the eval items its
// judges disagree on, or a judge job's items), how many, and how many labels per item.
import type { Metadata } from "next";
import { connection } from "next/server";
import { NewSetForm } from "@/components/labels/new-set-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/lib/db/client";
import { setSourceChoices } from "@/lib/db/queries/annotation-sources";

export const metadata: Metadata = { title: "New annotation set" };

export default async function NewAnnotationSetPage({ searchParams }: { searchParams: Promise<{ run?: string; job?: string }> }) {
  await connection();
  const params = await searchParams;
  const choices = setSourceChoices(getDb());
  return (
    <>
      <PageHeader
        title="New annotation set"
        description="A seeded sample of items for people to label blind. The texts are copied into the set, so the labels stay even if the run or job is deleted."
      />
      <NewSetForm choices={choices} initialRunId={Number(params.run) || null} initialJobId={Number(params.job) || null} />
    </>
  );
}
