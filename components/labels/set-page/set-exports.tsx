// The set's downloads: every label (JSON Lines or CSV: item, annotator, choice, shown order, time
// taken), the items people disagree with the construction on, and the labelled items as a pair
// set (prompt, chosen, rejected by the people's majority) to import as an eval set.
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const FILES = [
  { kind: "labels.jsonl", label: "Labels (JSONL)" },
  { kind: "labels.csv", label: "Labels (CSV)" },
  { kind: "disagreements.jsonl", label: "Disagreements with the construction (JSONL)" },
  { kind: "pairs.jsonl", label: "Labelled pair set (JSONL, an eval set)" },
] as const;

export function SetExports({ setId, kind }: { setId: number; kind: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Exports</CardTitle>
        <CardDescription>
          The pair set holds each item people decided (ties and skips left out) as prompt, chosen and rejected by their majority; import it
          on the Datasets page as an eval set.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-2">
        {FILES.filter((file) => kind !== "judge-job" || file.kind !== "disagreements.jsonl").map((file) => (
          <Button key={file.kind} asChild variant="outline" size="sm">
            <a href={`/api/annotation-sets/${setId}/export/${file.kind}`} download>
              <Download /> {file.label}
            </a>
          </Button>
        ))}
      </CardContent>
    </Card>
  );
}
