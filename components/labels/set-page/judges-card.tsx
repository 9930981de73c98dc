// Each judge against the people: per judge (a run's iterations, or the judge jobs on the data), how
// often it agrees with every human label: accuracy without ties, 3-way agreement and Cohen's kappa.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JudgeHumanAgreement } from "@/lib/annotation/human-agreement";
import { formatCount } from "@/lib/format/numbers";
import { rateText } from "./rate-text";

export function JudgesCard({ judges, sourceDeleted, kind }: { judges: JudgeHumanAgreement[]; sourceDeleted: boolean; kind: string }) {
  return (
    <Card data-testid="judges-vs-people">
      <CardHeader>
        <CardTitle>Judges vs people</CardTitle>
        <CardDescription>
          Every person&apos;s label on every item counts once. Accuracy without ties leaves out items where the person or the judge saw a
          tie; 3-way agreement counts them (a judge with no readable verdict disagrees); kappa is over A / B / tie.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {judges.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {sourceDeleted
              ? "The run or data these items came from was deleted: the labels are kept, but there are no judges' verdicts to compare."
              : "No judge has a verdict on these items yet."}
          </p>
        ) : (
          <Table aria-label="Judges vs people">
            <TableHeader>
              <TableRow>
                <TableHead>Judge</TableHead>
                <TableHead className="text-right">Labels compared</TableHead>
                <TableHead className="text-right">Accuracy without ties</TableHead>
                <TableHead className="text-right">3-way agreement</TableHead>
                <TableHead className="text-right">Cohen&apos;s kappa</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {judges.map((judge) => (
                <TableRow key={judge.judgeKey}>
                  <TableCell className="font-medium">{judge.judgeLabel}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatCount(judge.agreement.labelled)}
                    {judge.unjudgedLabels > 0 ? <span className="text-muted-foreground"> (+{judge.unjudgedLabels} not judged)</span> : null}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {rateText(judge.agreement.withoutTies, judge.agreement.withoutTies?.items)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{rateText(judge.agreement.threeWay)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {judge.agreement.kappa === null ? "—" : judge.agreement.kappa.toFixed(3)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
