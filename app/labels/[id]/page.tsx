// An annotation set: where its items came from, the way to label them, each judge against the
// people (with the agreement chart), the synthetic-label audit for a run's pairs, the people and
// their agreement with each other, and the exports.
import { Keyboard } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PeopleAgreementChart } from "@/components/charts/people-agreement-chart";
import { SET_KIND_NAMES } from "@/components/labels/sets-table";
import { AuditCard } from "@/components/labels/set-page/audit-card";
import { DeleteSetButton } from "@/components/labels/set-page/delete-set-button";
import { JudgesCard } from "@/components/labels/set-page/judges-card";
import { PeopleCard } from "@/components/labels/set-page/people-card";
import { SetExports } from "@/components/labels/set-page/set-exports";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { annotationSetView } from "@/lib/annotation/set-view";
import { getDb } from "@/lib/db/client";
import { formatCount } from "@/lib/format/numbers";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Annotation set #${(await params).id}` };
}

export default async function AnnotationSetPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const view = /^\d+$/.test(id) ? annotationSetView(getDb(), Number(id)) : null;
  if (!view) notFound();
  const { set } = view;
  const source = set.kind === "judge-job" ? (set.judgeJobId ? `/judge/${set.judgeJobId}` : null) : set.runId ? `/runs/${set.runId}` : null;
  return (
    <div className="grid gap-6">
      <PageHeader
        title={set.name}
        description={
          <>
            <Badge variant="secondary">{SET_KIND_NAMES[set.kind]}</Badge> {set.description}
            {source ? (
              <>
                {" · "}
                <Link className="underline" href={source}>
                  {set.kind === "judge-job" ? "the job" : "the run"}
                </Link>
              </>
            ) : view.sourceDeleted ? (
              " · its source was deleted; the texts and labels are kept"
            ) : null}
          </>
        }
        actions={
          <>
            <Button asChild>
              <Link href={`/labels/${set.id}/annotate`}>
                <Keyboard /> Start labelling
              </Link>
            </Button>
            <DeleteSetButton id={set.id} name={set.name} labels={view.labels} />
          </>
        }
      />
      <div className="grid gap-1">
        <ProgressBar
          value={set.itemCount === 0 ? 0 : view.progress.labelSlots / (set.itemCount * set.labelsPerItem)}
          label="Labelling progress"
        />
        <p className="text-sm text-muted-foreground tabular-nums" data-testid="set-progress">
          {formatCount(view.progress.completeItems)} of {formatCount(set.itemCount)} items{" "}
          {set.labelsPerItem === 1 ? "labelled" : `with all ${set.labelsPerItem} labels`} · {formatCount(view.progress.humanLabels)} labels
          by people
          {view.progress.notBlind > 0 ? ` (${formatCount(view.progress.notBlind)} given after seeing the answers, not counted)` : ""} · seed{" "}
          {set.seed}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <PeopleAgreementChart
          judges={view.judges}
          prefix={`annotation-set-${set.id}`}
          description="How often each judge agrees with the people's labels on this set's items."
          empty={view.labels === 0 ? "No labels yet: press Start labelling." : "No judge has a verdict on the labelled items."}
        />
        <PeopleCard annotators={view.annotators} agreement={view.interAnnotator} />
      </div>
      <JudgesCard judges={view.judges} sourceDeleted={view.sourceDeleted} kind={set.kind} />
      {view.audit ? <AuditCard audit={view.audit} kind={set.kind} setId={set.id} /> : null}
      <SetExports setId={set.id} kind={set.kind} />
    </div>
  );
}
