"use client";
// The labelling keys, on the whole window while enabled: 1 / 2 / 3 answer A / B / tie, s skips,
// n opens a note, u undoes. Ignored while typing in a field or with a modifier key held.
import { useEffect, useRef } from "react";
import type { ShownChoice } from "@/lib/annotation/set-input";

const CHOICE_KEYS: Record<string, ShownChoice> = { "1": "A", "2": "B", "3": "tie", s: "skip" };

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
      if (!enabled || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const key = event.key.toLowerCase();
      if (key in CHOICE_KEYS) onChoice(CHOICE_KEYS[key]!);
      else if (key === "u") onUndo();
      else if (key === "n") onNote();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
