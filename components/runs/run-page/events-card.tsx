"use client";
// The run's recent events (selection counts, filter counts, new judges, pauses, errors), newest first.
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { RunView } from "@/lib/runs/run-view";

export function EventsCard({ data }: { data: RunView }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Events</CardTitle>
      </CardHeader>
      <CardContent>
        {data.events.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing yet.</p>
        ) : (
          <ol className="grid gap-1 text-sm" aria-label="Events">
            {data.events.map((event) => (
              <li key={event.id} className="flex gap-3">
                <span className="shrink-0 tabular-nums text-muted-foreground">{new Date(event.createdAt).toLocaleTimeString("en-GB")}</span>
                <Badge variant={event.level === "error" ? "destructive" : event.level === "warn" ? "warning" : "outline"}>
                  {event.level}
                </Badge>
                <span className="min-w-0 [overflow-wrap:anywhere]">{event.message}</span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
