// Used only when running from TypeScript sources (vitest, tsx): Node 20 ignores `--import tsx` in a
// worker's execArgv, so this entry registers tsx inside the worker thread, then re-exports the real worker.
import { register } from "tsx/esm/api";

register();
const worker = await import(new URL("./match-worker.ts", import.meta.url).href);

export const warm = worker.warm;
export const rank = worker.rank;
export const rankLines = worker.rankLines;
export const rankBytes = worker.rankBytes;
export const full = worker.full;
export const summary = worker.summary;
