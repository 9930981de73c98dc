// One training pair: x and x' with their difference, the better and worse responses, and every
// sampled judgment of every iteration, with the verdict matrix that shows where a judge changed its mind.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { InstructionDiff } from "@/components/traces/text-diff";
import { TraceDetail } from "@/components/traces/trace-detail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { getPairDetail } from "@/lib/db/queries/traces";
import { PAIR_DROP_REASONS } from "@/lib/pipeline/build-pairs";
import { loadDetailRequest, type SearchParams } from "../../trace-page";

export const metadata: Metadata = { title: "Pair" };

type Props = { params: Promise<{ id: string; pairId: string }>; searchParams: Promise<SearchParams> };

export default async function PairPage({ params, searchParams }: Props) {
  const { runId, subjectId, iteration, compare } = await loadDetailRequest(params, searchParams, "pairId");
  const pair = getPairDetail(getDb(), runId, subjectId);
  if (!pair) notFound();

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
          <Link className="text-sm underline" href={`/runs/${pair.runId}/pairs${iteration !== undefined ? `?iteration=${iteration}` : ""}`}>
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
        <TraceDetail
          responses={[
            { title: "Better response y_w", hint: "The generator's answer to x: the judge should prefer it.", text: pair.goodResponse },
            { title: "Worse response y_l", hint: "The answer to x′: good for x′, off the mark for x.", text: pair.worseResponse },
          ]}
          judgments={pair.judgments}
          iterations={pair.iterations}
          initialIteration={iteration ?? null}
          initialCompare={compare ?? null}
        />
      </div>
    </>
  );
}
