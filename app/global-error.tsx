"use client";
// Last-resort error page when the root layout itself fails; it renders its own <html>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", maxWidth: 640, margin: "0 auto" }}>
        <h1>Judge Lab could not start this page</h1>
        <p>The server hit an error{error.digest ? ` (log reference ${error.digest})` : ""}. Check the terminal running the app.</p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
      </body>
    </html>
  );
}
