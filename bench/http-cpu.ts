/**
 * `npx tsx bench/http-cpu.ts [srcRoot]`: CPU time of the server process per request, small match vs a bare
 * Fastify route (same body, same response object), with the load generator (the autocannon CLI) in a
 * separate process, so that the process's CPU time is the servers' alone. CPU time per request is steadier
 * than req/s on a machine shared with other work (req/s depends on who gets the cores).
 *
 * Method: both servers in this process on 127.0.0.1, the real service through startServer (log level
 * LVL, default info; logs to /dev/null, or to this process's stdout with LOG=stdout, which for a file or a
 * pipe is a synchronous write), rate limit on (RL, default 1e9). One warm-up of 3,000 requests each, then
 * ROUNDS (default 3) rounds alternating bare and match, N (default 15,000) requests each, 10 connections.
 * `srcRoot` points at another checkout's sources (e.g. a `git archive` of an older commit) to compare builds.
 * Prints one JSON line on stderr: CPU µs per request per round, medians, their ratio and the load average.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import Fastify from "fastify";

const env = process.env;
const root = resolve(process.argv[2] ?? ".");
const { createMatcher } = await import(`${root}/src/index.js`);
const { startServer } = await import(`${root}/src/service/server.js`);
const { resolveServiceOptions } = await import(`${root}/src/service/service-options.js`);
const skills = (list: [string, number][]) =>
  list.map(([name, value]) => ({ name, level: { value, max: 5 } }));
const request = {
  candidateSkills: skills([
    ["JavaScript", 5],
    ["React", 4],
    ["PostgreSQL", 3],
    ["Docker", 3],
    ["Python", 2],
    ["Git", 4],
    ["CSS", 4],
    ["Jest", 3],
    ["GraphQL", 2],
    ["AWS", 2],
  ]),
  requiredSkills: skills([
    ["TypeScript", 3],
    ["React", 4],
    ["SQL", 3],
    ["Kubernetes", 2],
    ["Unit testing", 3],
  ]),
};
const body = JSON.stringify(request);
const N = Number(env.N ?? 15_000);
const ROUNDS = Number(env.ROUNDS ?? 3);

const matcher = createMatcher();
await matcher.ready();
const handle = await startServer({
  matcher,
  options: resolveServiceOptions({
    port: 0,
    host: "127.0.0.1",
    logLevel: env.LVL ?? "info",
    rateLimitMax: Number(env.RL ?? 1e9),
  }),
  logStream: env.LOG === "stdout" ? process.stdout : createWriteStream("/dev/null"),
});
const constant = await matcher.match(request.candidateSkills, request.requiredSkills);
const bare = Fastify();
bare.post("/v1/match", async () => constant);
const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
const autocannon = resolve("node_modules/autocannon/autocannon.js");

/** CPU µs of this process per request while the autocannon CLI sends `n` requests to `url`. */
const cpuPerRequest = (url: string, n: number) =>
  new Promise<number>((done, fail) => {
    const before = process.cpuUsage();
    const args = [
      autocannon,
      "-c",
      "10",
      "-a",
      String(n),
      "-m",
      "POST",
      "-H",
      "content-type=application/json",
    ];
    const child = spawn(process.execPath, [...args, "-b", body, "-j", url], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => {
      const used = process.cpuUsage(before);
      const report = JSON.parse(out) as { non2xx: number };
      if (code !== 0 || report.non2xx > 0)
        fail(new Error(`autocannon exited ${code}, ${report.non2xx} non-2xx`));
      else done((used.user + used.system) / n);
    });
  });

await cpuPerRequest(`${bareUrl}/v1/match`, 3_000);
await cpuPerRequest(`${handle.url}/v1/match`, 3_000);
const runs = { bare: [] as number[], match: [] as number[] };
for (let k = 0; k < ROUNDS; k++) {
  runs.bare.push(await cpuPerRequest(`${bareUrl}/v1/match`, N));
  runs.match.push(await cpuPerRequest(`${handle.url}/v1/match`, N));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
process.stderr.write(
  `${JSON.stringify({
    root,
    requests: N,
    log: `${env.LVL ?? "info"} to ${env.LOG === "stdout" ? "stdout" : "/dev/null"}`,
    cpuUsPerRequest: { bare: runs.bare.map(Math.round), match: runs.match.map(Math.round) },
    bareMedian: Math.round(median(runs.bare)),
    matchMedian: Math.round(median(runs.match)),
    ratio: Math.round((1000 * median(runs.bare)) / median(runs.match)) / 1000,
    loadavg: loadavg(),
  })}\n`,
);
await bare.close();
await handle.close();
