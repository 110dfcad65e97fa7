import { spawn } from "node:child_process";
import { EventEmitter, once } from "node:events";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import type { Embedder } from "../src/ports.js";
import { startServer } from "../src/service/server.js";
import { resolveServiceOptions } from "../src/service/service-options.js";

const role = JSON.parse(readFileSync("examples/role.json", "utf8")).skills;
const candidate = JSON.parse(readFileSync("examples/candidate.json", "utf8")).skills;
const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("service on a real loopback port", () => {
  it("scores the examples with the real default model", async () => {
    const handle = await startServer({
      matcher: createMatcher(),
      options: resolveServiceOptions({ port: 0, logLevel: "silent" }),
    });
    try {
      const res = await post(`${handle.url}/v1/match`, { candidateSkills: candidate, requiredSkills: role });
      expect(res.status).toBe(200);
      const result = (await res.json()) as {
        skillScores: { skillName: string; probability: number }[];
        meta: { embedder: string };
      };
      const typescript = result.skillScores.find((s: { skillName: string }) => s.skillName === "TypeScript");
      expect(typescript?.probability).toBeGreaterThanOrEqual(0.95);
      expect(result.meta.embedder).not.toMatch(/fake/i);
      expect((await fetch(`${handle.url}/readyz`)).status).toBe(200);
    } finally {
      await handle.close();
    }
  });

  it("batches its log lines and has written every one of them once close() resolves", async () => {
    const chunks: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const handle = await startServer({
      matcher: createMatcher({ embedder: createFakeEmbedder(16) }),
      options: resolveServiceOptions({ port: 0, logLevel: "info" }),
      logStream,
    });
    const ids: string[] = [];
    for (let k = 0; k < 30; k++) {
      const res = await post(`${handle.url}/v1/match`, { candidateSkills: candidate, requiredSkills: role });
      expect(res.status).toBe(200);
      ids.push(res.headers.get("x-request-id") ?? "");
    }
    await handle.close();
    const lines = chunks
      .join("")
      .split("\n")
      .filter((l) => l !== "");
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; reqId?: string });
    expect(logged.filter((l) => l.msg === "request").map((l) => l.reqId)).toEqual(ids);
    expect(logged.at(-1)?.msg).toBe("shut down");
    // 30 request lines of ~200 characters: batched into a few writes, not one write per line.
    expect(chunks.length).toBeLessThan(lines.length);
  });

  it("on SIGTERM refuses new connections, finishes the in-flight request, then resolves", async () => {
    const fake = createFakeEmbedder(16);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const slow: Embedder = {
      id: fake.id,
      dim: fake.dim,
      embed: async (names) => {
        entered();
        await gate;
        return fake.embed(names);
      },
      close: () => fake.close(),
    };
    const signals = new EventEmitter();
    const handle = await startServer({
      matcher: createMatcher({ embedder: slow }),
      options: resolveServiceOptions({ port: 0, logLevel: "silent" }),
      signals,
    });
    const inFlight = post(`${handle.url}/v1/match`, { candidateSkills: candidate, requiredSkills: role });
    await inside;
    signals.emit("SIGTERM", "SIGTERM");
    await expect(fetch(`${handle.url}/healthz`)).rejects.toThrow();
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { skillScores: unknown[] }).skillScores).toHaveLength(role.length);
    await handle.closed;
  });

  it("the competency binary exits 0 on a real SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "serve", "--port", "0"], {
      env: { ...process.env, COMPETENCY_LOG_LEVEL: "silent" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/\S+) /.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
