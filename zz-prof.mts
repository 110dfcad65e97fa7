import { createMatcher } from "./src/index.ts";
import { MatchBodySchema } from "./src/service/schemas/request-schemas.ts";
import { buildApp } from "./src/service/app.ts";
import { resolveServiceOptions } from "./src/service/service-options.ts";
const s = (name: string, value: number) => ({ name, level: { value, max: 5 } });
const body = { candidateSkills: ["JavaScript","React","PostgreSQL","Docker","Python","Git","CSS","Jest","GraphQL","AWS"].map((n) => s(n, 3)), requiredSkills: ["TypeScript","React","SQL","Kubernetes","Unit testing"].map((n) => s(n, 3)) };
const m = createMatcher(); await m.ready();
for (let i = 0; i < 2000; i++) await m.match(body.candidateSkills, body.requiredSkills);
let t = performance.now(); for (let i = 0; i < 10000; i++) await m.match(body.candidateSkills, body.requiredSkills); const tm = (performance.now() - t) / 10000;
t = performance.now(); for (let i = 0; i < 10000; i++) MatchBodySchema.safeParse(body, { reportInput: true }); const tz = (performance.now() - t) / 10000;
const r = await m.match(body.candidateSkills, body.requiredSkills);
t = performance.now(); for (let i = 0; i < 10000; i++) JSON.stringify(r); const tj = (performance.now() - t) / 10000;
const payload = JSON.stringify(body);
for (const [label, opts] of [["info+rl", {}], ["silent+rl", { logLevel: "silent" }], ["silent,no-rl", { logLevel: "silent", rateLimitMax: 0 }]] as const) {
  const { createWriteStream } = await import("node:fs");
  const app = buildApp({ matcher: m, options: resolveServiceOptions({ rateLimitMax: 1e9, ...opts } as never), logStream: createWriteStream("/dev/null") });
  await app.ready();
  for (let i = 0; i < 2000; i++) await app.inject({ method: "POST", url: "/v1/match", headers: { "content-type": "application/json" }, payload });
  t = performance.now(); for (let i = 0; i < 5000; i++) await app.inject({ method: "POST", url: "/v1/match", headers: { "content-type": "application/json" }, payload }); 
  process.stdout.write(`inject ${label}: ${((performance.now() - t) / 5000 * 1000).toFixed(1)} µs/req\n`);
  await app.close();
}
process.stdout.write(`match ${(tm*1000).toFixed(1)} µs, zod ${(tz*1000).toFixed(1)} µs, stringify ${(tj*1000).toFixed(1)} µs, result ${JSON.stringify(r).length} bytes\n`);
await m.close();
