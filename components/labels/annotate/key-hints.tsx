"use client";
// The answer buttons, each with its key: the keyboard is the fast way, the buttons say what it does.
import { Button } from "@/components/ui/button";
import type { ShownChoice } from "@/lib/annotation/set-input";

const CHOICES: { key: string; choice: ShownChoice; label: string }[] = [
  { key: "1", choice: "A", label: "A is better" },
  { key: "2", choice: "B", label: "B is better" },
  { key: "3", choice: "tie", label: "Tie" },
  { key: "s", choice: "skip", label: "Skip" },
];

const Kbd = ({ children }: { children: string }) => (
  <kbd className="rounded border bg-muted px-1.5 font-mono text-xs text-muted-foreground">{children}</kbd>
);

export function KeyHints({
  busy,
  note,
  onChoice,
  onUndo,
  onNote,
}: {
  busy: boolean;
  note: string;
  onChoice: (choice: ShownChoice) => void;
  onUndo: () => void;
  onNote: () => void;
}) {
  return (
    <div role="group" className="flex flex-wrap items-center gap-2" aria-label="Answer">
      {CHOICES.map(({ key, choice, label }) => (
        <Button key={key} variant={choice === "skip" ? "ghost" : "outline"} disabled={busy} onClick={() => onChoice(choice)}>
          <Kbd>{key}</Kbd> {label}
        </Button>
      ))}
      <Button variant="ghost" disabled={busy} onClick={onNote}>
        <Kbd>n</Kbd> {note ? "Edit note" : "Note"}
      </Button>
      <Button variant="ghost" disabled={busy} onClick={onUndo}>
        <Kbd>u</Kbd> Undo
      </Button>
      {note ? <span className="text-xs text-muted-foreground">Note attached to your next answer</span> : null}
    </div>
  );
}
