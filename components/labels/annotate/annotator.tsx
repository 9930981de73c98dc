"use client";
/**
 * Labelling, keyboard first: one item at a time, the instruction above and the two responses side
 * by side in the item's seeded order; 1 = A is better, 2 = B, 3 = tie, s = skip, n = note (attached
 * to the next answer), u = undo. Each answer is written at once (a closed tab loses nothing); the
 * hidden synthetic label and the judges' verdicts are shown for the item just answered (not for a
 * skip). One request at a time: an undo pressed while an answer is being saved runs right after
 * it; a failed request says so and can be retried (saving is idempotent). Progress and an ETA from
 * this person's median answer time in the set.
 */
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { nextItemAction, submitLabelAction, undoLabelAction } from "@/app/labels/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { QueueState, Reveal } from "@/lib/annotation/labelling";
import type { ShownChoice } from "@/lib/annotation/set-input";
import { UNREACHABLE_REPLY, type ActionResult } from "@/lib/errors";
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

/** A server action's result, a request that never came back included (as the unreachable reply). */
async function settle<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return UNREACHABLE_REPLY;
  }
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
  const busyRef = useRef(false);
  const undoQueued = useRef(false);

  const show = useCallback((next: QueueState) => {
    setState(next);
    setNoteOpen(false);
    shownAt.current = performance.now();
  }, []);

  const load = useCallback(async () => {
    if (!annotator) return;
    const result = await settle(() => nextItemAction({ setId, annotator }));
    if (result.ok) {
      setError(null);
      show(result.data);
    } else setError(result.message);
  }, [annotator, setId, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const undo = useCallback(async () => {
    if (!annotator) return;
    if (busyRef.current) {
      undoQueued.current = true; // runs once the answer being saved is stored
      return;
    }
    busyRef.current = true;
    setBusy(true);
    const result = await settle(() => undoLabelAction({ setId, annotator }));
    busyRef.current = false;
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(result.data.undone ? null : "Nothing to undo: you have no label in this set yet.");
    setReveal(null);
    show(result.data);
  }, [annotator, setId, show]);

  const answer = useCallback(
    async (shown: ShownChoice) => {
      if (!state?.item || !annotator || busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      const timeMs = Math.round(performance.now() - shownAt.current);
      const result = await settle(() => submitLabelAction({ setId, itemId: state.item!.id, annotator, shown, timeMs, note: note || null }));
      busyRef.current = false;
      setBusy(false);
      if (!result.ok) return setError(`${result.message} Your answer was not saved: answer again.`);
      setError(null);
      setNote("");
      setReveal(result.data.reveal);
      show(result.data.state);
      if (undoQueued.current) {
        undoQueued.current = false;
        void undo();
      }
    },
    [annotator, note, setId, show, state, undo],
  );

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
            <span data-testid="labelling-progress" aria-live="polite" className="text-sm text-muted-foreground tabular-nums">
              {state.answered} answered · {state.remaining} to go{eta ? ` · ${eta}` : ""}
            </span>
          ) : null}
        </div>
        {state ? <ProgressBar value={state.answered / Math.max(1, state.answered + state.remaining)} label="Labelling progress" /> : null}
      </div>
      {error ? (
        <InlineAlert tone="error">
          {error}{" "}
          {state === null ? (
            <Button variant="link" size="sm" className="h-auto p-0" onClick={() => void load()}>
              Try again
            </Button>
          ) : null}
        </InlineAlert>
      ) : null}
      <div aria-live="polite">{reveal ? <RevealStrip reveal={reveal} referenceName={referenceName} /> : null}</div>
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
              key={state.item.id}
              initial={note}
              onDone={(text) => {
                setNote(text);
                setNoteOpen(false);
              }}
            />
          ) : null}
          <KeyHints busy={busy} note={note} onChoice={(c) => void answer(c)} onUndo={() => void undo()} onNote={() => setNoteOpen(true)} />
        </>
      ) : state === null && !error ? (
        <p className="text-sm text-muted-foreground">Loading the next item…</p>
      ) : null}
    </div>
  );
}
