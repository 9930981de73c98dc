// Downloads of a judge job: its item results (verdict, rank, vote share, consistency, label) and
// every sampled judgment with its trace, as JSON Lines or CSV, streamed by the export route.
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const EXPORTS = [
  { kind: "items.jsonl", label: "Item results (JSONL)" },
  { kind: "items.csv", label: "Item results (CSV)" },
  { kind: "judgments.jsonl", label: "Judgments with traces (JSONL)" },
  { kind: "judgments.csv", label: "Judgments with traces (CSV)" },
] as const;

export function JobExports({ jobId }: { jobId: number }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Exports</CardTitle>
        <CardDescription>Streamed from the database; item results include the prompt and the responses.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-2">
        {EXPORTS.map((e) => (
          <Button key={e.kind} variant="outline" size="sm" asChild>
            <a href={`/api/judge-jobs/${jobId}/export/${e.kind}`} download>
              <Download /> {e.label}
            </a>
          </Button>
        ))}
      </CardContent>
    </Card>
  );
}
