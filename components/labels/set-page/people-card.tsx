// The people: who labelled how much (answered, skipped, median time per item) and how much they
// agree with each other: Cohen's kappa per pair, Fleiss' kappa over the items everyone labelled
// (three or more people) and Krippendorff's alpha over every item with two or more labels.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AnnotatorProgress } from "@/lib/db/queries/annotations";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import type { InterAnnotatorAgreement } from "@/lib/metrics/inter-annotator";

const kappa = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toFixed(3));

export function PeopleCard({ annotators, agreement }: { annotators: AnnotatorProgress[]; agreement: InterAnnotatorAgreement }) {
  return (
    <Card data-testid="people">
      <CardHeader>
        <CardTitle>People</CardTitle>
        <CardDescription>
          Who labelled, and how much they agree with each other (agreement beyond chance: 1 is perfect, 0 is chance).
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {annotators.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nobody has labelled this set yet.</p>
        ) : (
          <Table aria-label="Annotators">
            <TableHeader>
              <TableRow>
                <TableHead>Annotator</TableHead>
                <TableHead className="text-right">Answered</TableHead>
                <TableHead className="text-right">Skipped</TableHead>
                <TableHead className="text-right">Median time per item</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {annotators.map((a) => (
                <TableRow key={a.annotator}>
                  <TableCell className="font-medium [overflow-wrap:anywhere]">
                    {a.annotator}
                    {a.imported ? <span className="text-muted-foreground"> (imported labels)</span> : null}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(a.answered)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(a.skipped)}</TableCell>
                  <TableCell className="text-right tabular-nums">{a.medianMs === null ? "—" : formatDuration(a.medianMs)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {agreement.annotators.length >= 2 ? (
          <div className="grid gap-2 text-sm" data-testid="inter-annotator">
            <p>
              <strong>Krippendorff&apos;s alpha</strong> (nominal, every item with two or more labels): {kappa(agreement.alpha?.alpha)}
              {agreement.alpha ? <span className="text-muted-foreground"> over {formatCount(agreement.alpha.units)} items</span> : null}
              {agreement.fleiss ? (
                <>
                  {" · "}
                  <strong>Fleiss&apos; kappa</strong> (items all {agreement.annotators.length} labelled): {kappa(agreement.fleiss.kappa)}
                  <span className="text-muted-foreground"> over {formatCount(agreement.fleiss.items)} items</span>
                </>
              ) : null}
            </p>
            <ul className="grid gap-1">
              {agreement.pairwise.map((p) => (
                <li key={`${p.a}|${p.b}`}>
                  Cohen&apos;s kappa, {p.a} and {p.b}: {kappa(p.kappa)}{" "}
                  <span className="text-muted-foreground">over {formatCount(p.items)} shared items</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">Agreement between people needs two or more annotators on the same items.</p>
        )}
      </CardContent>
    </Card>
  );
}
