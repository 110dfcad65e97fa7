/**
 * `npm run soak`: sends ≥ 50,000 requests (a mix of match, batch, rank, probes, metrics and bad input) to
 * the service on 127.0.0.1 and fails when the heap grows by more than 5 MB after GC.
 *
 * Method: real default model; warm-up of 5,000 requests; then gc() ×3 → heapUsed + arrayBuffers (before);
 * N requests; gc() ×3 → after. The load generator runs in a worker thread (separate V8 heap), so only the
 * server's heap is measured. Run with `node --expose-gc --import tsx scripts/soak.ts [--requests N]`
 * (SOAK_REQUESTS also works; CI uses a shortened run). Prints one JSON line; exit 1 on failure.
 */
import { createWriteStream } from "node:fs";
import autocannon from "autocannon";
import { createMatcher } from "../src/index.js";
import { startServer } from "../src/service/server.js";
import { resolveServiceOptions } from "../src/service/service-options.js";

const MAX_GROWTH_BYTES = 5 * 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  process.stderr.write("soak: run with node --expose-gc\n");
  process.exit(2);
}
const flag = process.argv.indexOf("--requests");
const total = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.SOAK_REQUESTS ?? 50_000));

const s = (name: string, value: number, max = 5) => ({ name, level: { value, max } });
const candidate = [s("JavaScript", 5), s("React", 4), s("PostgreSQL", 3), s("Docker", 3), s("Go", 2)];
const required = [s("TypeScript", 3), s("React", 4), s("SQL", 3), s("Kubernetes", 2)];
const json = { "content-type": "application/json" };
const requests = [
  {
    method: "POST" as const,
    path: "/v1/match",
    headers: json,
    body: JSON.stringify({ candidateSkills: candidate, requiredSkills: required }),
  },
  {
    method: "POST" as const,
    path: "/v1/match",
    headers: json,
    body: JSON.stringify({
      candidateSkills: candidate,
      requiredSkills: required,
      strategy: "conservative",
      include: ["similarities"],
    }),
  },
  {
    method: "POST" as const,
    path: "/v1/match/batch",
    headers: json,
    body: JSON.stringify({
      pairs: [
        { candidateSkills: candidate, requiredSkills: required },
        { candidateSkills: required, requiredSkills: candidate },
      ],
    }),
  },
  {
    method: "POST" as const,
    path: "/v1/rank",
    headers: json,
    body: JSON.stringify({
      requiredSkills: required,
      candidates: [
        { id: "a", skills: candidate },
        { id: "b", skills: required },
      ],
      topK: 1,
    }),
  },
  {
    method: "POST" as const,
    path: "/v1/match",
    headers: json,
    body: '{"candidateSkills": [{"name": "", "level": {"value": 9, "max": 5}}]}',
  },
  { method: "POST" as const, path: "/v1/match", headers: json, body: "{not json" },
  { method: "GET" as const, path: "/healthz" },
  { method: "GET" as const, path: "/metrics" },
  { method: "GET" as const, path: "/nope" },
];

const matcher = createMatcher();
await matcher.ready();
const handle = await startServer({
  matcher,
  options: resolveServiceOptions({ port: 0, logLevel: "info", rateLimitMax: 1_000_000_000 }),
  logStream: createWriteStream("/dev/null"),
});
const fire = (amount: number) =>
  autocannon({ url: handle.url, requests, amount, connections: 10, workers: 1 });
const heap = (): number => {
  for (let k = 0; k < 3; k++) gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

type Tally = { completed: number; s2xx: number; s4xx: number; s5xx: number; errors: number; seconds: number };
/** Fires until `amount` responses have arrived. A malformed-JSON 400 closes its connection (Fastify does
 * that on body-parse errors), which drops the request queued behind it, so one pass can fall short. */
const fireAll = async (amount: number): Promise<Tally> => {
  const t: Tally = { completed: 0, s2xx: 0, s4xx: 0, s5xx: 0, errors: 0, seconds: 0 };
  while (t.completed < amount) {
    const r = await fire(amount - t.completed);
    t.completed += r["1xx"] + r["2xx"] + r["3xx"] + r["4xx"] + r["5xx"];
    t.s2xx += r["2xx"];
    t.s4xx += r["4xx"];
    t.s5xx += r["5xx"];
    t.errors += r.errors + r.timeouts;
    t.seconds += r.duration;
  }
  return t;
};

try {
  await fireAll(5_000);
  const before = heap();
  const run = await fireAll(total);
  const after = heap();
  const growth = after - before;
  const report = {
    requests: run.completed,
    status2xx: run.s2xx,
    status4xx: run.s4xx,
    status5xx: run.s5xx,
    errors: run.errors,
    reqPerSec: Math.round(run.completed / run.seconds),
    heapBeforeBytes: before,
    heapAfterBytes: after,
    growthBytes: growth,
    limitBytes: MAX_GROWTH_BYTES,
    pass: growth <= MAX_GROWTH_BYTES && run.s5xx === 0 && run.errors === 0,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (!report.pass) process.exitCode = 1;
} finally {
  await handle.close();
}
