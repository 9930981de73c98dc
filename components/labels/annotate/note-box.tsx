"use client";
// A note on the current item (why, a doubt): typed here, attached to the next answer. Enter keeps
// it, Shift+Enter breaks the line, Escape closes without changing it.
import { useState } from "react";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export function NoteBox({ initial, onDone }: { initial: string; onDone: (text: string) => void }) {
  const [text, setText] = useState(initial);
  return (
    <div className="grid gap-1.5">
      <Label htmlFor="label-note">Note for this item (Enter keeps it, Escape cancels)</Label>
      <Textarea
        id="label-note"
        autoFocus
        rows={2}
        maxLength={2000}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            onDone(text.trim());
          } else if (event.key === "Escape") {
            event.preventDefault();
            onDone(initial);
          }
        }}
      />
    </div>
  );
}
