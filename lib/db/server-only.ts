/**
 * Every database module imports this first: it stops the database layer from ever running in a
 * browser (a client component that imported it at runtime would fail at once, with this message).
 * test/db/server-only.test.ts checks statically that no client component reaches lib/db. (The
 * `server-only` package would refuse it at build time, but Next.js refuses that package in
 * instrumentation.ts too, which opens and migrates the database at start-up.)
 */
if (typeof window !== "undefined") {
  throw new Error("The database layer (lib/db) was imported into code that runs in the browser; import it only from server code.");
}

export {};
