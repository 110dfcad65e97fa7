// Preloaded with `node --import` by test/built-cli.test.ts: at exit, writes the files of every CommonJS module
// the process loaded (ESM imports of CommonJS packages land in the same cache) to $LOADED_MODULES_OUT.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const cache = createRequire(import.meta.url).cache;
process.on("exit", () => {
  writeFileSync(process.env.LOADED_MODULES_OUT, JSON.stringify(Object.keys(cache)));
});
