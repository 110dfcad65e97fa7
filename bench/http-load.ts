/**
 * `npm run load`: small-match throughput and latency over HTTP on loopback, as a ratio to a bare Fastify
 * route (target: ≥ 50 % of the bare route's req/s, p99 ≤ 10 ms).
 *
 * Method: two servers run in this process on 127.0.0.1 (port 0): the real service with the real default
 * model (warmed), and a bare `Fastify()` (no logger, hooks, rate limit or schema) whose one POST route parses
 * the same request body and returns a constant object, the very match result, so the response has the same
 * size. autocannon fires from a worker thread so the load generator does not share the servers' event loop;
 * both share the machine's cores. Rounds alternate bare and match (LOAD_ROUNDS each, LOAD_DURATION seconds
 * each, after a 2 s warm-up of each), and the report gives the median of each and the median ratio of
 * adjacent rounds. Options: LOAD_CONNECTIONS (default 10), LOAD_LOG_LEVEL (default "info", logs to
 * /dev/null so logging cost is included), LOAD_ROUNDS (default 3), LOAD_DURATION (default 5).
 * Prints one JSON line with the numbers.
 */
import { createWriteStream } from "node:fs";
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import Fastify from "fastify";
import { createMatcher } from "../src/index.js";
import { startServer } from "../src/service/server.js";
import { type LogLevel, resolveServiceOptions } from "../src/service/service-options.js";

const env = process.env;
const durationS = Number(env.LOAD_DURATION ?? 5);
const rounds = Number(env.LOAD_ROUNDS ?? 3);
const connections = Number(env.LOAD_CONNECTIONS ?? 10);
const logLevel = (env.LOAD_LOG_LEVEL ?? "info") as LogLevel;

const body = JSON.stringify({
  candidateSkills: [
    { name: "JavaScript", level: { value: 5, max: 5 } },
    { name: "React", level: { value: 4, max: 5 } },
    { name: "PostgreSQL", level: { value: 3, max: 5 } },
    { name: "Docker", level: { value: 3, max: 5 } },
    { name: "Python", level: { value: 2, max: 5 } },
    { name: "Git", level: { value: 4, max: 5 } },
    { name: "CSS", level: { value: 4, max: 5 } },
    { name: "Jest", level: { value: 3, max: 5 } },
    { name: "GraphQL", level: { value: 2, max: 5 } },
    { name: "AWS", level: { value: 2, max: 5 } },
  ],
  requiredSkills: [
    { name: "TypeScript", level: { value: 3, max: 5 } },
    { name: "React", level: { value: 4, max: 5 } },
    { name: "SQL", level: { value: 3, max: 5 } },
    { name: "Kubernetes", level: { value: 2, max: 5 } },
    { name: "Unit testing", level: { value: 3, max: 5 } },
  ],
});

const matcher = createMatcher();
await matcher.ready();
const handle = await startServer({
  matcher,
  options: resolveServiceOptions({ port: 0, host: "127.0.0.1", logLevel, rateLimitMax: 1_000_000_000 }),
  logStream: createWriteStream("/dev/null"),
});

const constant = await matcher.match(
  (JSON.parse(body) as { candidateSkills: [] }).candidateSkills,
  (JSON.parse(body) as { requiredSkills: [] }).requiredSkills,
);
const bare = Fastify();
bare.post("/v1/match", async () => constant);
const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });

const fire = (url: string, duration: number) =>
  autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration,
    workers: 1,
  });

type Round = { reqPerSec: number; p50: number; p99: number; non2xx: number; errors: number };
const summary = (r: autocannon.Result): Round => ({
  reqPerSec: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
});
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

try {
  const loadBefore = loadavg();
  await fire(`${bareUrl}/v1/match`, 2);
  await fire(`${handle.url}/v1/match`, 2);
  const bareRounds: Round[] = [];
  const matchRounds: Round[] = [];
  for (let k = 0; k < rounds; k++) {
    bareRounds.push(summary(await fire(`${bareUrl}/v1/match`, durationS)));
    matchRounds.push(summary(await fire(`${handle.url}/v1/match`, durationS)));
  }
  const report = {
    subject:
      "POST /v1/match small (10 candidate / 5 required) vs a bare Fastify route, same body and response size",
    durationS,
    rounds,
    connections,
    logLevel,
    responseBytes: JSON.stringify(constant).length,
    match: {
      reqPerSecMedian: median(matchRounds.map((r) => r.reqPerSec)),
      p50MsMedian: median(matchRounds.map((r) => r.p50)),
      p99MsMedian: median(matchRounds.map((r) => r.p99)),
      p99MsMax: Math.max(...matchRounds.map((r) => r.p99)),
    },
    bare: {
      reqPerSecMedian: median(bareRounds.map((r) => r.reqPerSec)),
      p50MsMedian: median(bareRounds.map((r) => r.p50)),
      p99MsMedian: median(bareRounds.map((r) => r.p99)),
    },
    ratioMedian: median(matchRounds.map((r, k) => r.reqPerSec / (bareRounds[k] as Round).reqPerSec)),
    rounds_: { match: matchRounds, bare: bareRounds },
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    loadavgBefore: loadBefore,
    loadavgAfter: loadavg(),
    targets: { ratio: 0.5, p99Ms: 10 },
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  const bad = [...matchRounds, ...bareRounds].some((r) => r.non2xx > 0 || r.errors > 0);
  if (bad) process.exitCode = 1;
} finally {
  await bare.close();
  await handle.close();
}
