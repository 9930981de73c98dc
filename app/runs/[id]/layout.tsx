// Every view of one run shares its breadcrumb and tabs; an unknown run is a 404 for all of them.
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { RunTabs } from "@/components/runs/run-tabs";
import { getDb } from "@/lib/db/client";
import { getRunById } from "@/lib/db/queries/runs";

export default async function RunLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  await connection();
  const { id } = await params;
  const run = /^\d+$/.test(id) ? getRunById(getDb(), Number(id)) : undefined;
  if (!run) notFound();
  return (
    <>
      <RunTabs runId={run.id} name={run.name} />
      {children}
    </>
  );
}
