/**
 * Warm match latency (both engines, small 10/5 and large 100/50) and rank throughput (10,000 × 20).
 * Run: npm run bench  (node --expose-gc --import tsx bench/match.bench.ts). Prints one JSON document.
 * Inputs are built outside the timed region; every result is consumed; embeddings are cached by warm-up.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { Bench } from "tinybench";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import { createMatcher, type EngineName, type RequiredSkill, type Skill } from "../src/index.js";
import { mulberry32 } from "../src/profiling/mulberry32.js";

const lexicon = loadLexicon();
function skills(n: number, random: () => number): Skill[] {
  return Array.from({ length: n }, () => ({
    name: lexicon.names[Math.floor(random() * lexicon.size)] as string,
    level: { value: 1 + Math.floor(random() * 5), max: 5 },
  }));
}

const random = mulberry32(20261125);
const datasets = {
  small: { candidate: skills(10, random), required: skills(5, random) as RequiredSkill[] },
  large: { candidate: skills(100, random), required: skills(50, random) as RequiredSkill[] },
};
let sink = 0;
const results: Record<string, unknown>[] = [];

for (const engine of ["optimized", "reference"] as EngineName[]) {
  const matcher = createMatcher({ engine });
  await matcher.ready();
  const bench = new Bench({
    time: 2_000,
    warmupIterations: engine === "optimized" ? 3_000 : 200,
    warmupTime: 1_000,
  });
  for (const [name, d] of Object.entries(datasets)) {
    bench.add(`${engine} ${name}`, async () => {
      sink += (await matcher.match(d.candidate, d.required)).overallScore;
    });
  }
  await bench.run();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r === undefined || !("latency" in r)) continue;
    const l = r.latency;
    results.push({
      task: task.name,
      samples: l.samplesCount,
      p50Ms: l.p50,
      p75Ms: l.p75,
      p99Ms: l.p99,
      meanMs: l.mean,
      rmePct: l.rme,
    });
  }
  await matcher.close();
}

const p50 = (name: string) => (results.find((r) => r.task === name)?.p50Ms as number) ?? Number.NaN;
const speedup = {
  small: p50("reference small") / p50("optimized small"),
  large: p50("reference large") / p50("optimized large"),
};

// Rank: 10,000 candidates of 4–11 skills against 20 required, top 10, warm.
const rankMatcher = createMatcher();
const role = skills(20, random) as RequiredSkill[];
const pool = Array.from({ length: 10_000 }, (_, k) => ({
  id: `c${k}`,
  skills: skills(4 + Math.floor(random() * 8), random),
}));
await rankMatcher.rank(pool, role, { topK: 10 });
const rates: number[] = [];
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  sink += (await rankMatcher.rank(pool, role, { topK: 10 }))[0]?.overallScore ?? 0;
  rates.push(10_000 / ((performance.now() - t) / 1000));
}
rates.sort((a, b) => a - b);
await rankMatcher.close();

process.stdout.write(
  `${JSON.stringify(
    {
      machine: {
        node: process.version,
        cpu: cpus()[0]?.model,
        cores: cpus().length,
        memoryBytes: totalmem(),
        loadavg: loadavg(),
      },
      method:
        "tinybench, 2 s per task after warm-up (3,000 iterations optimized, 200 reference); embeddings cached",
      match: results,
      speedupP50: speedup,
      rank: {
        candidates: 10_000,
        required: 20,
        runs: rates.length,
        medianCandidatesPerSec: rates[2],
        minCandidatesPerSec: rates[0],
      },
      sink,
    },
    null,
    2,
  )}\n`,
);
