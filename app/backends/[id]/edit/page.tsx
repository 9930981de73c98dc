// Edit a saved backend.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BackendForm } from "@/components/backends/backend-form";
import { PageHeader } from "@/components/shell/page-header";
import { draftFromRow } from "@/lib/backends/backend-draft";
import { getDb } from "@/lib/db/client";
import { getBackendById } from "@/lib/db/queries/backends";

export const metadata: Metadata = { title: "Edit backend" };

export default async function EditBackendPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const backendId = /^\d+$/.test(id) ? Number(id) : Number.NaN;
  const row = Number.isSafeInteger(backendId) ? getBackendById(getDb(), backendId) : undefined;
  if (!row) notFound();
  return (
    <div className="max-w-4xl">
      <PageHeader title={`Edit ${row.name}`} description="Changes apply to the next requests of every run that uses this backend." />
      <BackendForm initial={draftFromRow(row)} backendId={row.id} />
    </div>
  );
}
