"use client";
/**
 * Labelling, keyboard first: one item at a time, the instruction above and the two responses side
 * by side in the item's seeded order; 1 = A is better, 2 = B, 3 = tie, s = skip, n = note (attached
 * to the next answer), u = undo. Each answer is written at once (a closed tab loses nothing); the
 * hidden synthetic label and the judges' verdicts are shown for the item just answered. Progress
 * and an ETA from this person's median answer time in the set.
 */
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { nextItemAction, submitLabelAction, undoLabelAction } from "@/app/labels/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { QueueState, Reveal } from "@/lib/annotation/labelling";
import type { ShownChoice } from "@/lib/annotation/set-input";
import { AnnotatorNameForm, useAnnotatorName } from "./annotator-name";
import { KeyHints } from "./key-hints";
import { LabellingItem } from "./labelling-item";
import { NoteBox } from "./note-box";
import { RevealStrip } from "./reveal-strip";
import { useLabelKeys } from "./use-label-keys";

function etaText(remaining: number, medianMs: number | null): string | null {
  if (medianMs === null || remaining === 0) return null;
  const minutes = (medianMs * remaining) / 60_000;
  return minutes < 1 ? "under a minute left" : `about ${Math.round(minutes)} min left`;
}

export function Annotator({ setId, setName, referenceName }: { setId: number; setName: string; referenceName: string }) {
  const [annotator, saveAnnotator] = useAnnotatorName();
  const [renaming, setRenaming] = useState(false);
  const [state, setState] = useState<QueueState | null>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(0);

  const show = useCallback((next: QueueState) => {
    setState(next);
    shownAt.current = performance.now();
  }, []);

  useEffect(() => {
    if (!annotator) return;
    void nextItemAction({ setId, annotator }).then((result) => (result.ok ? show(result.data) : setError(result.message)));
  }, [annotator, setId, show]);

  const answer = useCallback(
    async (shown: ShownChoice) => {
      if (!state?.item || !annotator || busy) return;
      setBusy(true);
      const timeMs = Math.round(performance.now() - shownAt.current);
      const result = await submitLabelAction({ setId, itemId: state.item.id, annotator, shown, timeMs, note: note || null });
      setBusy(false);
      if (!result.ok) return setError(result.message);
      setError(null);
      setNote("");
      setReveal(result.data.reveal);
      show(result.data.state);
    },
    [annotator, busy, note, setId, show, state],
  );

  const undo = useCallback(async () => {
    if (!annotator || busy) return;
    setBusy(true);
    const result = await undoLabelAction({ setId, annotator });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(result.data.undone ? null : "Nothing to undo: you have no label in this set yet.");
    setReveal(null);
    show(result.data);
  }, [annotator, busy, setId, show]);

  useLabelKeys({
    enabled: Boolean(annotator) && !renaming && !noteOpen,
    onChoice: (c) => void answer(c),
    onUndo: () => void undo(),
    onNote: () => setNoteOpen(true),
  });

  if (annotator === null) return null;
  if (annotator === "" || renaming)
    return (
      <AnnotatorNameForm
        initial={annotator}
        onSave={(name) => {
          saveAnnotator(name);
          setRenaming(false);
        }}
      />
    );
  const done = state !== null && state.item === null;
  const eta = state ? etaText(state.remaining, state.medianMs) : null;
  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div className="grid gap-1">
            <h1 className="text-xl font-semibold tracking-tight">Label: {setName}</h1>
            <p className="text-sm text-muted-foreground">
              Which response answers the instruction better? Left and right are in a random order; the hidden labels and the judges&apos;
              verdicts are shown once you answer. Labelling as <strong data-testid="annotator">{annotator}</strong> (
              <Button variant="link" size="sm" className="h-auto p-0" onClick={() => setRenaming(true)}>
                change
              </Button>
              ) ·{" "}
              <Link className="underline" href={`/labels/${setId}`}>
                back to the set
              </Link>
            </p>
          </div>
          {state ? (
            <span data-testid="labelling-progress" className="text-sm text-muted-foreground tabular-nums">
              {state.answered} answered · {state.remaining} to go{eta ? ` · ${eta}` : ""}
            </span>
          ) : null}
        </div>
        {state ? <ProgressBar value={state.answered / Math.max(1, state.answered + state.remaining)} label="Labelling progress" /> : null}
      </div>
      {error ? <InlineAlert tone="error">{error}</InlineAlert> : null}
      {reveal ? <RevealStrip reveal={reveal} referenceName={referenceName} /> : null}
      {done ? (
        <div className="grid justify-items-center gap-3 rounded-lg border p-8 text-center" data-testid="labelling-done">
          <p className="text-lg font-medium">Nothing left for you in this set.</p>
          <p className="text-sm text-muted-foreground">
            Every item has its labels, or you have answered all of them. Press u to undo your last answer.
          </p>
          <Button asChild>
            <Link href={`/labels/${setId}`}>See the results</Link>
          </Button>
        </div>
      ) : state?.item ? (
        <>
          <LabellingItem item={state.item} />
          {noteOpen ? (
            <NoteBox
              initial={note}
              onDone={(text) => {
                setNote(text);
                setNoteOpen(false);
              }}
            />
          ) : null}
          <KeyHints busy={busy} note={note} onChoice={(c) => void answer(c)} onUndo={() => void undo()} onNote={() => setNoteOpen(true)} />
        </>
      ) : (
        <p className="text-sm text-muted-foreground">Loading the next item…</p>
      )}
    </div>
  );
}
