/**
 * SQLite failures that are about the storage, not the data: the disk is full, the file or its
 * folder is read-only, an I/O error, the file is locked for too long. Named for people, with what
 * to do, so the runner can pause a run with that reason instead of crashing.
 */
export function describeStorageError(error: unknown): string | null {
  const code = typeof error === "object" && error !== null ? String((error as { code?: unknown }).code ?? "") : "";
  if (code === "SQLITE_FULL")
    return "The database could not be written: the disk is full (SQLITE_FULL). Free some space, then resume the run.";
  if (code.startsWith("SQLITE_READONLY"))
    return `The database could not be written: the file or its folder is read-only (${code}). Make it writable, then resume the run.`;
  if (code.startsWith("SQLITE_IOERR"))
    return `The database could not be written: the disk reported an I/O error (${code}). Check the disk, then resume the run.`;
  if (code === "SQLITE_CANTOPEN")
    return "The database file could not be opened for writing (SQLITE_CANTOPEN). Check the path and its permissions, then resume the run.";
  if (code === "SQLITE_BUSY")
    return "The database stayed locked by another process for too long (SQLITE_BUSY). Resume the run once the other process is done.";
  return null;
}
