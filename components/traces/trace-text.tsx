"use client";
// Model text, rendered safely: Markdown through react-markdown (raw HTML is dropped, never
// rendered; links are limited to safe protocols), code blocks highlighted, and the final [[A]]/[[B]]
// verdict marked. The raw view shows the exact text in a <pre>, the verdict marked too.
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { verdictMarkerSpan } from "@/lib/pipeline/parse-verdict";
import { cn } from "@/lib/ui/cn";

const MAX_RENDERED_CHARS = 200_000;

function Markdown({ text }: { text: string }) {
  return (
    <ReactMarkdown
      skipHtml
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[[rehypeHighlight, { detect: false, ignoreMissing: true }]]}
      urlTransform={(url) => defaultUrlTransform(url)}
      components={{
        a: ({ href, children }) => (
          <a href={href} rel="noreferrer noopener nofollow" target="_blank">
            {children}
          </a>
        ),
        img: ({ alt }) => <span>[image: {alt}]</span>,
      }}
    >
      {text}
    </ReactMarkdown>
  );
}

export function TraceText({
  text,
  raw = false,
  verdict = null,
  className,
}: {
  text: string;
  raw?: boolean;
  /** The verdict read from this text (by the run's rule): its marker is highlighted. */
  verdict?: "A" | "B" | null;
  className?: string;
}) {
  const clipped = text.length > MAX_RENDERED_CHARS ? text.slice(0, MAX_RENDERED_CHARS) : text;
  const span = verdict ? verdictMarkerSpan(clipped, verdict) : null;
  const note =
    text.length > MAX_RENDERED_CHARS ? (
      <p className="mt-2 text-xs text-muted-foreground">
        Showing the first {MAX_RENDERED_CHARS.toLocaleString("en-US")} of {text.length.toLocaleString("en-US")} characters.
      </p>
    ) : null;
  const mark = (verdict: string) => (
    <mark className="rounded bg-primary/15 px-1 font-mono font-semibold text-primary" data-testid="verdict-mark">
      {verdict}
    </mark>
  );
  if (raw) {
    return (
      <div className={className}>
        <pre
          className="max-h-[32rem] overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-muted/60 p-3 font-mono text-xs"
          data-testid="raw-text"
        >
          {span ? (
            <>
              {clipped.slice(0, span.start)}
              {mark(clipped.slice(span.start, span.end))}
              {clipped.slice(span.end)}
            </>
          ) : (
            clipped
          )}
        </pre>
        {note}
      </div>
    );
  }
  const verdictAtEnd = span !== null && clipped.slice(span.end).trim() === "";
  return (
    <div
      className={cn("prose-judge max-h-[32rem] min-w-0 overflow-auto text-sm [overflow-wrap:anywhere]", className)}
      data-testid="rendered-text"
    >
      <Markdown text={verdictAtEnd ? clipped.slice(0, span.start) : clipped} />
      {verdictAtEnd ? <p>{mark(clipped.slice(span.start, span.end))}</p> : null}
      {note}
    </div>
  );
}
