// Used only when running from TypeScript sources (vitest, tsx): Node 20 ignores `--import tsx` in a
// worker thread's execArgv, so this entry registers tsx inside the thread, then loads the real processor.
import { register } from "tsx/esm/api";

register();
const processor = await import(new URL("./shard-processor.ts", import.meta.url).href);

export default processor.default;
