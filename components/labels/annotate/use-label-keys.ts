"use client";
// The labelling keys, on the whole window while enabled: 1 / 2 / 3 answer A / B / tie (the digit
// keys or the keypad, whatever the layout), s skips, n opens a note, u undoes. Ignored while typing
// in a field, while composing text, or with a modifier key held.
import { useEffect, useRef } from "react";
import type { ShownChoice } from "@/lib/annotation/set-input";

/** By physical key for the digits (Digit1 or Numpad1 on any layout), by character for the letters. */
const DIGIT_CODES: Record<string, ShownChoice> = { Digit1: "A", Numpad1: "A", Digit2: "B", Numpad2: "B", Digit3: "tie", Numpad3: "tie" };

export function useLabelKeys(options: {
  enabled: boolean;
  onChoice: (choice: ShownChoice) => void;
  onUndo: () => void;
  onNote: () => void;
}) {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { enabled, onChoice, onUndo, onNote } = latest.current;
      if (!enabled || event.repeat || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const key = event.key.toLowerCase();
      const digit = DIGIT_CODES[event.code];
      if (digit) onChoice(digit);
      else if (key === "s") onChoice("skip");
      else if (key === "u") onUndo();
      else if (key === "n") onNote();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
