// One eval item: its prompt, the chosen and rejected responses, and every judge's sampled verdicts
// and traces across iterations, with where it flipped.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { TraceText } from "@/components/traces/trace-text";
import { itemResponses } from "@/lib/traces/shown-responses";
import { TraceDetail } from "@/components/traces/trace-detail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getEvalItemDetail } from "@/lib/db/queries/traces";
import { loadDetailPage, type DetailPageProps } from "../../trace-page";

export const metadata: Metadata = { title: "Eval item" };

export default async function EvalItemPage(props: DetailPageProps) {
  const { runId, detail: item, shown } = await loadDetailPage(props, "itemId", getEvalItemDetail);

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
            href={`/runs/${runId}/eval?set=${item.datasetId}${shown.iteration !== undefined ? `&iteration=${shown.iteration}` : ""}`}
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
        <TraceDetail responses={itemResponses(item)} detail={item} shown={shown} />
      </div>
    </>
  );
}
