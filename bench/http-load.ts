/**
 * `npm run load`: small-match throughput and latency over HTTP on loopback (target ≥ 5,000 req/s, p99 ≤ 10 ms).
 *
 * Method: the service runs in this process on 127.0.0.1 (port 0) with the real default model, warmed;
 * autocannon fires from a worker thread so the load generator does not share the server's event loop.
 * Both share the machine's cores, so this is a lower bound for a dedicated server. Bounded: LOAD_DURATION
 * seconds (default 10) after a 2 s warm-up. Options: LOAD_CONNECTIONS (default 10), LOAD_LOG_LEVEL
 * (default "info", logs to /dev/null so logging cost is included), LOAD_WORKERS (scorer threads, default 0).
 * Prints one JSON line with the numbers.
 */
import { createWriteStream } from "node:fs";
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import { createMatcher } from "../src/index.js";
import { startServer } from "../src/service/server.js";
import { type LogLevel, resolveServiceOptions } from "../src/service/service-options.js";

const env = process.env;
const durationS = Number(env.LOAD_DURATION ?? 10);
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

const fire = (duration: number) =>
  autocannon({
    url: `${handle.url}/v1/match`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration,
    workers: 1,
  });

try {
  await fire(2);
  const r = await fire(durationS);
  const report = {
    subject: "POST /v1/match small (10 candidate / 5 required)",
    durationS,
    connections,
    logLevel,
    requests: r.requests.total,
    reqPerSec: r.requests.average,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    loadavg1m: loadavg()[0],
    targets: { reqPerSec: 5_000, p99Ms: 10 },
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (r.non2xx > 0 || r.errors > 0) process.exitCode = 1;
} finally {
  await handle.close();
}
