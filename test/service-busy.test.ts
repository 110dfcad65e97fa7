import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Matcher } from "../src/matcher-types.js";
import { createPoolScorer } from "../src/pool/create-pool-scorer.js";
import { buildApp } from "../src/service/app.js";
import { MAX_COST_PER_REQUEST } from "../src/service/service-defaults.js";
import { resolveServiceOptions } from "../src/service/service-options.js";
import type { ChunkScorer } from "../src/shards/chunk-task.js";
import { realMatcher, TEST_CACHE_DIR } from "./helpers/test-matchers.js";

// The one timing assertion of the suite (issue 13): /healthz stays responsive while the largest request the
// budget allows is scored. The machine may be loaded by other work, so the bound is 50 ms or, if the same
// run's idle p99 is already high, 50 ms above that idle baseline.

let matcher: Matcher;
let scorer: ChunkScorer;
let app: ReturnType<typeof buildApp>;
let base = "";
beforeAll(async () => {
  matcher = realMatcher();
  await matcher.ready();
  scorer = createPoolScorer(1, { cacheDir: TEST_CACHE_DIR });
  await scorer.warm();
  app = buildApp({
    matcher,
    scorer,
    options: resolveServiceOptions({ logLevel: "silent", rateLimitMax: 0 }),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // Warm the routes (JIT, schema compilation) so the first measured request is not the first ever.
  const warm = { candidateSkills: names(3, "warm"), requiredSkills: names(3, "warm") };
  await fetch(`${base}/v1/match`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(warm),
  });
});
afterAll(async () => {
  await app?.close();
  await scorer?.close();
  await matcher?.close();
});

const names = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, k) => ({ name: `${prefix} practice ${k}`, level: { value: 3, max: 5 } }));

async function healthLatencies(until: () => boolean, min = 20): Promise<number[]> {
  const out: number[] = [];
  while (out.length < min || !until()) {
    const t = performance.now();
    const res = await fetch(`${base}/healthz`);
    await res.text();
    out.push(performance.now() - t);
    if (out.length > 5_000) break;
  }
  return out.sort((a, b) => a - b);
}
const p99 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;

describe("/healthz while the largest allowed request runs (worker pool)", () => {
  const side = Math.floor(Math.sqrt(MAX_COST_PER_REQUEST));
  const bodies: [string, string, unknown][] = [
    ["match", "/v1/match", { candidateSkills: names(side, "cand"), requiredSkills: names(side, "req") }],
    [
      "batch",
      "/v1/match/batch",
      {
        pairs: Array.from({ length: 10 }, (_, k) => ({
          candidateSkills: names(Math.floor(MAX_COST_PER_REQUEST / 10 / 20), `c${k}`),
          requiredSkills: names(20, `r${k}`),
        })),
      },
    ],
  ];

  // Up to three attempts, keeping the best: a loaded 2-core machine can stall any thread for 100 ms or more.
  it.each(bodies)(
    "answers /healthz within 50 ms (p99) during the largest allowed %s",
    async (kind, url, body) => {
      const text = JSON.stringify(body);
      const runs: { idle: number; busy: number; n: number }[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const idle = await healthLatencies(() => true, 50);
        let done = false;
        const job = fetch(`${base}${url}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: text,
        }).then(async (res) => {
          done = true;
          return { status: res.status, text: await res.text() };
        });
        const busy = await healthLatencies(() => done);
        const result = await job;
        expect(result.status, result.text.slice(0, 300)).toBe(200);
        runs.push({ idle: p99(idle), busy: p99(busy), n: busy.length });
        if (p99(busy) < Math.max(50, p99(idle) + 50)) break;
      }
      const best = runs.reduce((a, b) => (b.busy - b.idle < a.busy - a.idle ? b : a));
      expect(best.n, kind).toBeGreaterThanOrEqual(20);
      expect(best.busy, JSON.stringify(runs)).toBeLessThan(Math.max(50, best.idle + 50));
    },
  );
});
