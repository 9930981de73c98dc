// The synthetic-label audit: of the sampled pairs people labelled, the share where their majority
// prefers y_w (the response the construction calls better) with its 95% interval, per category and
// per kept/dropped status; then the pairs where people disagree with the construction, as text.
import { TraceText } from "@/components/traces/trace-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AnnotationSetView } from "@/lib/annotation/set-view";
import { formatCount } from "@/lib/format/numbers";
import type { ConstructionAudit } from "@/lib/metrics/construction-audit";
import { rateText } from "./rate-text";

function GroupTable({ title, rows }: { title: string; rows: { group: string; audit: ConstructionAudit }[] }) {
  if (rows.length === 0) return null;
  return (
    <Table aria-label={`Audit by ${title.toLowerCase()}`}>
      <TableHeader>
        <TableRow>
          <TableHead>{title}</TableHead>
          <TableHead className="text-right">Pairs</TableHead>
          <TableHead className="text-right">People prefer y_w</TableHead>
          <TableHead className="text-right">y_l / tie</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ group, audit }) => (
          <TableRow key={group}>
            <TableCell className="font-medium">{group}</TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(audit.items)}</TableCell>
            <TableCell className="text-right tabular-nums">{rateText(audit.share)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {audit.preferSecond} / {audit.ties}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function AuditCard({ audit, kind, setId }: { audit: NonNullable<AnnotationSetView["audit"]>; kind: string; setId: number }) {
  const better = kind === "training-pairs" ? "y_w (the response to the original instruction)" : "the benchmark's chosen response";
  const { overall } = audit;
  return (
    <Card data-testid="audit">
      <CardHeader>
        <CardTitle>{kind === "training-pairs" ? "Synthetic-label audit" : "Do people agree with the benchmark's labels?"}</CardTitle>
        <CardDescription>
          The loop assumes {better} is better by construction. Here is how often people&apos;s majority agrees (a tie counts as not
          preferring it).
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {overall.items === 0 ? (
          <p className="text-sm text-muted-foreground">No labels yet: label some items to see the audit.</p>
        ) : (
          <>
            <div className="grid gap-1" data-testid="audit-overall">
              <p className="text-2xl font-semibold tabular-nums">{rateText(overall.share, overall.items)}</p>
              <p className="text-sm text-muted-foreground">
                of labelled pairs people prefer {kind === "training-pairs" ? "y_w" : "chosen"}: {overall.preferFirst} prefer it,{" "}
                {overall.preferSecond} prefer {kind === "training-pairs" ? "y_l" : "rejected"}, {overall.ties} tie. Without ties:{" "}
                {rateText(overall.shareWithoutTies)}.
              </p>
            </div>
            <div className="grid gap-4 lg:grid-cols-2">
              <GroupTable title="Category" rows={audit.byCategory} />
              {kind === "training-pairs" ? <GroupTable title="Filter status" rows={audit.byStatus} /> : null}
            </div>
          </>
        )}
        {audit.waiting > 0 ? (
          <p className="text-sm text-muted-foreground">
            {audit.waiting} more item{audit.waiting === 1 ? "" : "s"} where people disagree so far will be listed once{" "}
            {audit.waiting === 1 ? "it has" : "they have"} all their labels (so this page does not show an item&apos;s answers to someone
            still to label it).
          </p>
        ) : null}
        {audit.shown.length > 0 ? (
          <div className="grid gap-3" data-testid="audit-disagreements">
            <h3 className="text-sm font-semibold">
              Where people disagree with the construction ({audit.disagreeing.length - audit.waiting}
              {audit.shown.length < audit.disagreeing.length - audit.waiting ? `, first ${audit.shown.length} shown` : ""};{" "}
              <a className="underline" href={`/api/annotation-sets/${setId}/export/disagreements.jsonl`}>
                export all
              </a>
              )
            </h3>
            {audit.shown.map((item) => (
              <details key={item.id} className="rounded-md border p-3 text-sm">
                <summary className="cursor-pointer">
                  Item {item.position + 1} · {item.category ?? "uncategorized"}
                  {item.filterStatus ? ` · ${item.filterStatus}` : ""} · people: {item.first} y_w, {item.second} y_l, {item.tie} tie
                </summary>
                <div className="mt-3 grid gap-3">
                  <TraceText text={item.prompt} />
                  <div className="grid gap-3 md:grid-cols-2">
                    <div className="min-w-0 rounded-md bg-muted/40 p-2">
                      <p className="mb-1 text-xs font-medium text-muted-foreground">y_w (constructed better)</p>
                      <TraceText text={item.firstText} />
                    </div>
                    <div className="min-w-0 rounded-md bg-muted/40 p-2">
                      <p className="mb-1 text-xs font-medium text-muted-foreground">y_l (constructed worse)</p>
                      <TraceText text={item.secondText} />
                    </div>
                  </div>
                </div>
              </details>
            ))}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
