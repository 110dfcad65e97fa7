import { createFakeEmbedder } from "./src/adapters/embedder/fake.js";
import { loadLexicon } from "./src/adapters/lexicon/load-lexicon.js";
import { createMatcher } from "./src/index.js";
const gc = (globalThis as { gc?: () => void }).gc!;
const lex = loadLexicon();
let seed = 42;
const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
const pick = (n: number) => Array.from({ length: n }, () => ({ name: lex.names[Math.floor(rnd() * lex.size)]!, level: { value: 1 + Math.floor(rnd() * 5), max: 5 } }));
for (const engine of ["optimized", "reference"] as const) {
  const m = createMatcher({ engine, embedder: createFakeEmbedder(100) });
  for (const [nc, nr] of [[10, 5], [100, 50]] as const) {
    const c = pick(nc), r = pick(nr);
    for (let i = 0; i < 3000; i++) await m.match(c, r);
    const deltas: number[] = [];
    for (let k = 0; k < 10; k++) {
      gc(); gc();
      const a = process.memoryUsage(); const before = a.heapUsed + a.arrayBuffers;
      const res = await m.match(c, r);
      const b = process.memoryUsage(); deltas.push(b.heapUsed + b.arrayBuffers - before);
      if (res.overallScore < 0) console.log("x");
    }
    deltas.sort((x, y) => x - y);
    console.log(engine, nc, nr, "KiB min", (deltas[0]! / 1024).toFixed(1), "median", (deltas[5]! / 1024).toFixed(1));
  }
}
