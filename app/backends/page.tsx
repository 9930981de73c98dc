// Backends page: the model servers runs can call, with connection tests.
import { Plus, Server } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { BackendList } from "@/components/backends/backend-list";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { toBackendView } from "@/lib/backends/backend-view";
import { getDb } from "@/lib/db/client";
import { listBackends } from "@/lib/db/queries/backends";

export const metadata: Metadata = { title: "Backends" };

export default async function BackendsPage() {
  await connection();
  const backends = listBackends(getDb()).map((row) => toBackendView(row));
  const addButton = (
    <Button asChild>
      <Link href="/backends/new">
        <Plus /> Add backend
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Backends"
        description="OpenAI-compatible model servers (vLLM, SGLang, TGI, Ollama, llama.cpp, OpenAI, Together, OpenRouter, SimJudge…) that write responses and judge them."
        actions={backends.length > 0 ? addButton : undefined}
      />
      {backends.length === 0 ? (
        <EmptyState icon={<Server />} title="No backends yet" action={addButton}>
          A backend is a model server Judge Lab calls: the generator that writes responses and the judge being trained. Pick a preset and
          the form fills in its usual address and limits.
        </EmptyState>
      ) : (
        <BackendList backends={backends} />
      )}
    </>
  );
}
