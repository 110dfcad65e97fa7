// Worker thread for src/adapters/cache/shared-embedding-cache.test.ts: opens the cache from workerData with
// the real module (TypeScript, through tsx as in src/service/workers/source-worker.mjs) and sets keys.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { openSharedEmbeddingCache } = await import(
  new URL("../../src/adapters/cache/shared-embedding-cache.ts", import.meta.url).href
);
const cache = openSharedEmbeddingCache(workerData.buffers);
parentPort.postMessage("ready");
for (let k = 0; k < workerData.keys; k++) cache.set(`k${k}`, Float32Array.of(k, -k, 0.5));
parentPort.postMessage(cache.size);
