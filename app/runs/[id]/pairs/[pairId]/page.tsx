// One training pair: x and x' with their difference, the better and worse responses, and every
// sampled judgment of every iteration, with the verdict matrix that shows where a judge changed its mind.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { InstructionDiff } from "@/components/traces/text-diff";
import { pairResponses } from "@/lib/traces/shown-responses";
import { TraceDetail } from "@/components/traces/trace-detail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { getPairDetail } from "@/lib/db/queries/traces";
import { PAIR_DROP_REASONS } from "@/lib/pipeline/build-pairs";
import { loadDetailPage, type DetailPageProps } from "../../trace-page";

export const metadata: Metadata = { title: "Pair" };

export default async function PairPage(props: DetailPageProps) {
  const { detail: pair, shown } = await loadDetailPage(props, "pairId", getPairDetail);

  return (
    <>
      <PageHeader
        title={`Pair ${pair.id}`}
        description={
          <>
            {pair.category ? <Badge variant="secondary">{pair.category}</Badge> : null}{" "}
            {pair.status === "ok"
              ? "Judged by every iteration's judge in both orders."
              : `Dropped: ${PAIR_DROP_REASONS[pair.dropReason as keyof typeof PAIR_DROP_REASONS] ?? pair.dropReason}.`}
          </>
        }
        actions={
          <Link
            className="text-sm underline"
            href={`/runs/${pair.runId}/pairs${shown.iteration !== undefined ? `?iteration=${shown.iteration}` : ""}`}
          >
            Back to the pairs
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardContent className="pt-5">
            <InstructionDiff original={pair.instruction} modified={pair.modifiedInstruction} />
          </CardContent>
        </Card>
        <TraceDetail responses={pairResponses(pair)} detail={pair} shown={shown} />
      </div>
    </>
  );
}
