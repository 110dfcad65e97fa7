import { createRequire } from "node:module";

/**
 * BullMQ and ioredis through `require`, not `import`. BullMQ's ESM build is about a hundred files, and each
 * CommonJS package it imports (ioredis and its dependencies) is first scanned by Node's cjs-module-lexer to
 * find its named exports; its CommonJS build skips both. Measured on the 2-vCPU machine: `import("bullmq")`
 * 290–360 ms over a bare `node`, `require("bullmq")` about 200 ms. Every distributed `rank`/`batch` pays
 * this before its first shard is queued. Worker and coordinator both load from here, so a process that runs
 * both (tests, the library) holds one copy.
 */
const requireCjs = createRequire(import.meta.url);

/** Functions, not constants: a bundle may put this module in a chunk that other code loads too. */
export const bullmq = (): typeof import("bullmq") => requireCjs("bullmq");
export const ioredis = (): typeof import("ioredis") => requireCjs("ioredis");
