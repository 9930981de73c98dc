// Model or dataset text in a table cell: shown as plain text (never HTML), line breaks kept,
// clamped to a few lines; the whole text is in the title for a hover.
export function ClampedText({ text, lines = 5 }: { text: string | null; lines?: number }) {
  if (text === null) return <span className="text-muted-foreground">—</span>;
  return (
    <div
      className="whitespace-pre-wrap [overflow-wrap:anywhere]"
      style={{ display: "-webkit-box", WebkitLineClamp: lines, WebkitBoxOrient: "vertical", overflow: "hidden" }}
      title={text.length > 2000 ? `${text.slice(0, 2000)}…` : text}
    >
      {text}
    </div>
  );
}
