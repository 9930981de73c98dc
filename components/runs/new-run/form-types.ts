/** What the New Run form knows of the server's backends and datasets (names, sizes, capabilities). */
export type FormBackend = { name: string; preset: string; supportsN: boolean; builtin: boolean };
export type FormDataset = { name: string; kind: "instructions" | "pairs" | "responses"; rows: number; builtin: boolean };
