"use client";
// One item to label: the instruction, then the two responses side by side as A (left) and B
// (right), each as safe text (Markdown without HTML). Nothing says which is the constructed one.
import { TraceText } from "@/components/traces/trace-text";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ShownItem } from "@/lib/annotation/labelling";

export function LabellingItem({ item }: { item: ShownItem }) {
  return (
    <div className="grid gap-4" data-testid="labelling-item" data-item-position={item.position}>
      <Card>
        <CardHeader>
          <CardTitle>Instruction</CardTitle>
        </CardHeader>
        <CardContent>
          <TraceText text={item.prompt} />
        </CardContent>
      </Card>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {(
          [
            ["A", item.left],
            ["B", item.right],
          ] as const
        ).map(([side, text]) => (
          <Card key={side} className="min-w-0" data-testid={`response-${side}`}>
            <CardHeader>
              <CardTitle>Response {side}</CardTitle>
            </CardHeader>
            <CardContent>
              <TraceText text={text} />
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
