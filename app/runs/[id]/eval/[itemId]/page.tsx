// One eval item: its prompt, the chosen and rejected responses, and every judge's sampled verdicts
// and traces across iterations, with where it flipped.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { TraceText } from "@/components/traces/trace-text";
import { TraceDetail } from "@/components/traces/trace-detail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { getEvalItemDetail } from "@/lib/db/queries/traces";
import { loadDetailRequest, type SearchParams } from "../../trace-page";

export const metadata: Metadata = { title: "Eval item" };

type Props = { params: Promise<{ id: string; itemId: string }>; searchParams: Promise<SearchParams> };

export default async function EvalItemPage({ params, searchParams }: Props) {
  const { runId, subjectId, iteration, compare } = await loadDetailRequest(params, searchParams, "itemId");
  const item = getEvalItemDetail(getDb(), runId, subjectId);
  if (!item) notFound();

  return (
    <>
      <PageHeader
        title={`Eval item ${item.sourceId}`}
        description={
          <>
            {item.datasetName} {item.subset ? <Badge variant="secondary">{item.subset}</Badge> : null}
          </>
        }
        actions={
          <Link
            className="text-sm underline"
            href={`/runs/${runId}/eval?set=${item.datasetId}${iteration !== undefined ? `&iteration=${iteration}` : ""}`}
          >
            Back to the eval items
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Prompt</CardTitle>
          </CardHeader>
          <CardContent>
            <TraceText text={item.prompt} />
          </CardContent>
        </Card>
        <TraceDetail
          responses={[
            { title: "Chosen response", hint: "Labelled better: a correct judge prefers it.", text: item.chosen },
            { title: "Rejected response", hint: "Labelled worse.", text: item.rejected },
          ]}
          judgments={item.judgments}
          iterations={item.iterations}
          initialIteration={iteration ?? null}
          initialCompare={compare ?? null}
        />
      </div>
    </>
  );
}
