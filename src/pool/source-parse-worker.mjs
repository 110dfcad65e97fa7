// Used only when running from TypeScript sources (vitest, tsx): Node 20 ignores `--import tsx` in a
// worker's execArgv, so this entry registers tsx inside the worker thread, then loads the real worker.
import { register } from "tsx/esm/api";

register();
await import(new URL("./parse-worker.ts", import.meta.url).href);
