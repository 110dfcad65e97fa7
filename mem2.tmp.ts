import { createFakeEmbedder } from "./src/adapters/embedder/fake.js";
import { loadLexicon } from "./src/adapters/lexicon/load-lexicon.js";
import { loadDomainKeywords } from "./src/adapters/lexicon/load-domain-keywords.js";
import { createOptimizedEngine } from "./src/core/engine/optimized-engine.js";
import { createNameTable } from "./src/prepare/name-table.js";
import { prepareRequired, prepareSide } from "./src/prepare/prepare-side.js";
import { resolveScoringConfig } from "./src/scoring-config.js";
import { validateSkills } from "./src/validate/validate-skills.js";
import { createMemoryLru } from "./src/adapters/cache/memory-lru.js";
const gc = (globalThis as { gc?: () => void }).gc!;
const lex = loadLexicon();
let seed = 42;
const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
const pick = (n: number) => Array.from({ length: n }, () => ({ name: lex.names[Math.floor(rnd() * lex.size)]!, level: { value: 1 + Math.floor(rnd() * 5), max: 5 } }));
const emb = createFakeEmbedder(100);
const engine = createOptimizedEngine({ lexicon: lex, config: resolveScoringConfig() });
const names = createNameTable(lex, loadDomainKeywords(), emb.id, 1000);
const lru = createMemoryLru(1000);
function measure(label: string, fn: () => unknown) {
  for (let i = 0; i < 3000; i++) fn();
  const d: number[] = [];
  for (let k = 0; k < 9; k++) { gc(); gc(); const a = process.memoryUsage(); const x = fn(); const b = process.memoryUsage(); d.push(b.heapUsed + b.arrayBuffers - a.heapUsed - a.arrayBuffers); if (x === 1) console.log(); }
  d.sort((x, y) => x - y); console.log(label, "KiB", (d[0]! / 1024).toFixed(1), (d[4]! / 1024).toFixed(1));
}
for (const [nc, nr] of [[10, 5], [100, 50]] as const) {
  const c = pick(nc), r = pick(nr);
  const ce = c.map((s) => names.entry(s.name)), re = r.map((s) => names.entry(s.name));
  const all = await emb.embed([...ce, ...re].map((e) => e.norm));
  const cr = ce.map((_, i) => all.slice(i * 100, i * 100 + 100)), rr = re.map((_, i) => all.slice((nc + i) * 100, (nc + i) * 100 + 100));
  [...ce, ...re].forEach((e, i) => lru.set(e.cacheKey, all.slice(i * 100, i * 100 + 100)));
  const meta = { engine: "optimized" as const, embedder: "x", lexiconVersion: "y", configHash: "z" };
  const input = { candidate: prepareSide(c, ce, cr), required: prepareRequired(r, re, rr), dim: 100 };
  measure(`${nc}/${nr} engine.score`, () => engine.score(input, { strategy: "default", include: [], meta }));
  measure(`${nc}/${nr} prepare`, () => [prepareSide(c, ce, cr), prepareRequired(r, re, rr)]);
  measure(`${nc}/${nr} validate`, () => { const is: never[] = []; return [validateSkills(c, ["c"], { maxSkillsPerSide: 1000, maxNameLength: 200, maxPairsPerBatch: 1, maxRankCandidates: 1 }, false, is), validateSkills(r, ["r"], { maxSkillsPerSide: 1000, maxNameLength: 200, maxPairsPerBatch: 1, maxRankCandidates: 1 }, true, is)]; });
  measure(`${nc}/${nr} entries+lru`, () => [c.map((s) => names.entry(s.name)), [...ce, ...re].map((e) => lru.get(e.cacheKey))]);
}
import { Session } from "node:inspector/promises";
{
  const c = pick(10), r = pick(5);
  const ce = c.map((s) => names.entry(s.name)), re = r.map((s) => names.entry(s.name));
  const all = await emb.embed([...ce, ...re].map((e) => e.norm));
  const cr = ce.map((_, i) => all.slice(i * 100, i * 100 + 100)), rr = re.map((_, i) => all.slice((10 + i) * 100, (10 + i) * 100 + 100));
  const meta = { engine: "optimized" as const, embedder: "x", lexiconVersion: "y", configHash: "z" };
  const input = { candidate: prepareSide(c, ce, cr), required: prepareRequired(r, re, rr), dim: 100 };
  for (let i = 0; i < 100; i++) engine.score(input, { strategy: "default", include: [], meta });
  const s = new Session(); s.connect();
  await s.post("HeapProfiler.startSampling", { samplingInterval: 64 });
  const keep = [];
  for (let i = 0; i < 2000; i++) keep.push(engine.score(input, { strategy: "default", include: [], meta }));
  const { profile } = await s.post("HeapProfiler.stopSampling");
  const agg = new Map<string, number>();
  const walk = (n: any) => { const self = n.selfSize; const k = `${n.callFrame.functionName} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`; agg.set(k, (agg.get(k) ?? 0) + self); n.children.forEach(walk); };
  walk(profile.head);
  const total = [...agg.values()].reduce((a, b) => a + b, 0);
  console.log("per call KiB ~", (total / 2000 / 1024).toFixed(1));
  [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log((v / 2000).toFixed(0).padStart(7), "B/call", k));
}
