import { readFileSync } from "node:fs";
import { createMatcher } from "./dist/index.js";
import { summarizeChunk } from "./dist/service/workers/score-chunk.js";
const role = JSON.parse(readFileSync("/tmp/bench-data/role20.json", "utf8")).skills;
const lines = readFileSync("/tmp/bench-data/cands10k.jsonl", "utf8").trim().split("\n");
const m = createMatcher();
let t = performance.now(); await m.ready(); const load = performance.now() - t;
const cands = lines.map((l) => JSON.parse(l));
await m.rank(cands.slice(0, 500), role);
const runs = [];
for (let r = 0; r < 3; r++) { t = performance.now(); await m.rank(cands, role, { topK: 10 }); runs.push(performance.now() - t); }
const chunks = [];
for (let r = 0; r < 3; r++) { t = performance.now(); for (let i = 0; i < cands.length; i += 256) await summarizeChunk(m, { pairs: cands.slice(i, i + 256).map((c) => ({ candidate: c.skills, required: role })), options: {} }); chunks.push(performance.now() - t); }
t = performance.now(); for (const l of lines) JSON.parse(l); const parse = performance.now() - t;
console.log(JSON.stringify({ modelLoadMs: Math.round(load), rank10kMs: runs.map(Math.round), candPerSec: Math.round(10000 / (Math.min(...runs) / 1000)), chunked10kMs: chunks.map(Math.round), parse10kMs: Math.round(parse) }));
await m.close();
