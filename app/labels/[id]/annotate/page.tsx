// Labelling an annotation set: the keyboard-first annotator (components/labels/annotate).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Annotator } from "@/components/labels/annotate/annotator";
import { getDb } from "@/lib/db/client";
import { getAnnotationSet } from "@/lib/db/queries/annotations";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Label set #${(await params).id}` };
}

export default async function AnnotatePage({ params }: Props) {
  await connection();
  const { id } = await params;
  const set = /^\d+$/.test(id) ? getAnnotationSet(getDb(), Number(id)) : undefined;
  if (!set) notFound();
  const referenceName =
    set.kind === "training-pairs" ? "construction (y_w)" : set.kind === "eval-disagreements" ? "benchmark" : "data's label";
  return <Annotator setId={set.id} setName={set.name} referenceName={referenceName} />;
}
