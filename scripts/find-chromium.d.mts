export const CHROMIUM_CANDIDATES: string[];
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
export const CHROMIUM_ARGS: string[];
