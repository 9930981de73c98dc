// A run: live progress, controls, stages, scores and what each iteration did.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RunPageView } from "@/components/runs/run-page/run-page-view";
import { getDb } from "@/lib/db/client";
import { listBackends } from "@/lib/db/queries/backends";
import { runView } from "@/lib/runs/run-view";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const db = getDb();
  const view = /^\d+$/.test(id) ? runView(db, Number(id)) : null;
  if (!view) notFound();
  const backends = listBackends(db).map((b) => ({ id: b.id, name: b.name }));
  return <RunPageView initial={view} backends={backends} />;
}
