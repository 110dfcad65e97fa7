// dev-only: prints real request/response pairs for docs/http.md
import { createMatcher } from "./src/index.ts";
import { startServer } from "./src/service/server.ts";
import { resolveServiceOptions } from "./src/service/service-options.ts";
import { createWriteStream } from "node:fs";
const handle = await startServer({ matcher: createMatcher(), options: resolveServiceOptions({ port: 0, logLevel: "silent", ...(process.env.KEY ? { apiKey: process.env.KEY } : {}), ...(process.env.RL ? { rateLimitMax: Number(process.env.RL) } : {}) }), logStream: createWriteStream("/dev/null") });
await new Promise((r) => setTimeout(r, 300));
const base = handle.url;
const out: string[] = [];
async function show(title: string, method: string, path: string, body?: string, headers: Record<string, string> = { "content-type": "application/json" }, cut = 4000) {
  const res = await fetch(base + path, { method, headers: body === undefined ? (headers.authorization ? { authorization: headers.authorization } : {}) : headers, body });
  let text = await res.text();
  try { text = JSON.stringify(JSON.parse(text), null, 2); } catch {}
  if (text.length > cut) text = text.slice(0, cut) + "\n… (truncated)";
  const hdr = Object.entries(headers).filter(([k]) => body !== undefined || k === "authorization").map(([k, v]) => ` -H '${k}: ${v}'`).join("");
  out.push(`### ${title}\n\n\`\`\`console\n$ curl -s -X ${method} localhost:8080${path}${hdr}${body === undefined ? "" : ` -d '${body.length > 300 ? body.slice(0, 300) + "…" : body}'`}\nHTTP ${res.status}${res.headers.get("retry-after") ? `\nretry-after: ${res.headers.get("retry-after")}` : ""}\n${text}\n\`\`\`\n`);
}
const args = process.argv.slice(2);
const { readFileSync } = await import("node:fs");
for (const spec of JSON.parse(args[0]?.startsWith("@") ? readFileSync(args[0].slice(1), "utf8") : (args[0] ?? "[]"))) await show(spec[0], spec[1], spec[2], spec[3] ?? undefined, spec[4] ?? undefined, spec[5] ?? undefined);
process.stdout.write(out.join("\n"));
await handle.close();
