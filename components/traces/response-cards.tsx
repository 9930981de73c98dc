"use client";
// A pair's or eval item's two responses side by side (the better and the worse one), as safe text.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ShownResponse } from "@/lib/traces/shown-responses";
import { TraceText } from "./trace-text";

export function ResponseCards({ responses, raw }: { responses: readonly ShownResponse[]; raw: boolean }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {responses.map((response) => (
        <Card key={response.title} className="min-w-0">
          <CardHeader>
            <CardTitle>{response.title}</CardTitle>
            <CardDescription>{response.hint}</CardDescription>
          </CardHeader>
          <CardContent>
            {response.text === null ? (
              <p className="text-sm text-muted-foreground">None: this pair was dropped before a worse response was written.</p>
            ) : (
              <TraceText text={response.text} raw={raw} />
            )}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
