/**
 * What every reader yields: one record per row with its location in the file ("line 12",
 * "row 3"), or the reason the row could not be read. Readers never stop at a bad row, so an
 * import can report every problem at once.
 */
export type RawRecord = { index: number; location: string; value: unknown } | { index: number; location: string; error: string };

export type ReadProgress = (bytesRead: number) => void;
