import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forbiddenNameChar } from "../src/core/text/forbidden-name-char.js";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import type { Matcher } from "../src/matcher-types.js";
import { buildApp } from "../src/service/app.js";
import { resolveServiceOptions, type ServiceOptions } from "../src/service/service-options.js";
import { checkAgainstOpenApi, recordResponses } from "./helpers/openapi-contract.js";

const skill = (name: string, value = 3, max = 5) => ({ name, level: { value, max } });
const BODY = { candidateSkills: [skill("React", 4)], requiredSkills: [skill("TypeScript")] };
const KEY = "k3y-for-tests";

let matcher: Matcher;
beforeAll(async () => {
  matcher = createMatcher({ embedder: createFakeEmbedder(32) });
  await matcher.ready();
});
afterAll(async () => {
  await matcher.close();
});

const apps: { options: ServiceOptions; responses: ReturnType<typeof recordResponses> }[] = [];
function app(
  options: ServiceOptions = {},
  extra: { logStream?: NodeJS.WritableStream; matcher?: Matcher; now?: () => number } = {},
) {
  const a = buildApp({
    matcher: extra.matcher ?? matcher,
    options: resolveServiceOptions({ logLevel: "silent", ...options }),
    ...(extra.logStream ? { logStream: extra.logStream } : {}),
    ...(extra.now ? { now: extra.now } : {}),
  });
  apps.push({ options, responses: recordResponses(a) });
  return a;
}
const post = (
  a: ReturnType<typeof app>,
  headers: Record<string, string> = {},
  url = "/v1/match",
  payload: unknown = BODY,
) => a.inject({ method: "POST", url, payload: payload as object, headers });

describe("rate limit", () => {
  it("keys on the client IP without a key: 0 bypasses across 200 header variants", async () => {
    const a = app({ rateLimitMax: 3 });
    for (let k = 0; k < 3; k++) expect((await post(a)).statusCode).toBe(200);
    const variants: Record<string, string>[] = [];
    for (let k = 0; k < 50; k++) {
      variants.push({ authorization: `x${k}` });
      variants.push({ authorization: `Bearer ${"k".repeat(k + 1)}` });
      variants.push({ "x-forwarded-for": `10.0.${k}.1` });
      variants.push({ "x-real-ip": `10.1.${k}.1`, forwarded: `for=10.2.${k}.1`, "x-request-id": `r${k}` });
    }
    const statuses = await Promise.all(variants.map((h) => post(a, h).then((r) => r.statusCode)));
    expect(statuses.filter((s) => s !== 429)).toEqual([]);
  });

  it("keys on the verified key's digest: every accepted spelling of the header shares one bucket", async () => {
    const a = app({ rateLimitMax: 4, apiKey: KEY });
    const spellings = [
      `Bearer ${KEY}`,
      `bearer ${KEY}`,
      `BEARER ${KEY}`,
      `Bearer  ${KEY}`,
      ` Bearer ${KEY} `,
      `bEaReR\t${KEY}`,
    ];
    const statuses: number[] = [];
    for (const authorization of spellings) statuses.push((await post(a, { authorization })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it("trusts X-Forwarded-For only when trustProxy says so", async () => {
    const a = app({ rateLimitMax: 1, trustProxy: true });
    expect((await post(a, { "x-forwarded-for": "203.0.113.1" })).statusCode).toBe(200);
    expect((await post(a, { "x-forwarded-for": "203.0.113.1" })).statusCode).toBe(429);
    expect((await post(a, { "x-forwarded-for": "203.0.113.2" })).statusCode).toBe(200);
  });

  it("counts a fixed window per bucket, with limit, remaining and reset headers, and starts over when it ends", async () => {
    let now = 1_000_000;
    const a = app({ rateLimitMax: 2, rateLimitWindowMs: 90_000 }, { now: () => now });
    const first = await post(a);
    expect(first.headers["x-ratelimit-limit"]).toBe("2");
    expect(first.headers["x-ratelimit-remaining"]).toBe("1");
    expect(first.headers["x-ratelimit-reset"]).toBe("90");
    now += 30_500;
    expect((await post(a)).headers["x-ratelimit-remaining"]).toBe("0");
    const blocked = await post(a);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers).toMatchObject({
      "x-ratelimit-limit": "2",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": "60",
      "retry-after": "60",
    });
    expect(blocked.json().error.message).toBe("too many requests: limit 2 per window; retry in 1 minute");
    now += 59_500;
    const again = await post(a);
    expect(again.statusCode).toBe(200);
    expect(again.headers["x-ratelimit-remaining"]).toBe("1");
    expect((await a.inject({ url: "/healthz" })).headers["x-ratelimit-limit"]).toBeUndefined();
  });

  it("never limits the probes", async () => {
    const a = app({ rateLimitMax: 1 });
    for (let k = 0; k < 5; k++) expect((await a.inject({ url: "/healthz" })).statusCode).toBe(200);
  });
});

describe("authentication", () => {
  it("answers one 401 text whatever is wrong with the header", async () => {
    const a = app({ apiKey: KEY, authFailureMax: 100 });
    const bodies = new Set<string>();
    for (const authorization of [
      undefined,
      "",
      "Bearer",
      "Basic abc",
      `Bearer ${KEY}x`,
      `Token ${KEY}`,
      `Bearer ${KEY} extra`,
    ]) {
      const res = await post(a, authorization === undefined ? {} : { authorization });
      expect(res.statusCode).toBe(401);
      expect(res.headers["www-authenticate"]).toContain("Bearer");
      bodies.add(JSON.stringify(res.json()));
    }
    expect([...bodies]).toEqual([
      JSON.stringify({ error: { code: "UNAUTHORIZED", message: "missing or invalid API key" } }),
    ]);
  });

  it("limits failed attempts per IP: a guessing flood gets 429, even for a right guess, until the window ends", async () => {
    let now = 1_000_000;
    const a = app({ apiKey: KEY, authFailureMax: 5, rateLimitWindowMs: 60_000 }, { now: () => now });
    const statuses: number[] = [];
    for (let k = 0; k < 20; k++)
      statuses.push((await post(a, { authorization: `Bearer guess${k}` })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    const blocked = await post(a, { authorization: `Bearer ${KEY}` });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    now += 60_001;
    expect((await post(a, { authorization: `Bearer ${KEY}` })).statusCode).toBe(200);
  });
});

describe("numbers and names", () => {
  it("refuses weights outside [1e-6, 1e6] with out_of_range", async () => {
    for (const weight of [1e308, 5e-324, 1e7, 1e-7]) {
      const res = await post(app(), {}, "/v1/match", {
        candidateSkills: [skill("Go")],
        requiredSkills: [{ ...skill("Go"), weight }, skill("Rust")],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues[0]).toMatchObject({
        code: "out_of_range",
        path: ["requiredSkills", 0, "weight"],
      });
    }
    const ok = await post(app(), {}, "/v1/match", {
      candidateSkills: [skill("Go")],
      requiredSkills: [
        { ...skill("Go"), weight: 1e6 },
        { ...skill("Rust"), weight: 1e-6 },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(Number.isFinite(ok.json().overallInterval.upper)).toBe(true);
  });

  it("refuses control and bidi-override characters in names with control_character", async () => {
    for (const name of ["Dock\u001ber", "a\u0007", "x\u0000y", "Re\u202eact", "a\u2066b", "\u0085next"]) {
      const res = await post(app(), {}, "/v1/match", {
        candidateSkills: [skill(name)],
        requiredSkills: [skill("Go")],
      });
      expect(res.statusCode).toBe(400);
      const issue = res.json().error.issues[0];
      expect(issue.code).toBe("control_character");
      expect(forbiddenNameChar(issue.message)).toBe(-1);
    }
  });

  it("strips zero-width characters so Dock\\u200Ber matches Docker", async () => {
    const res = await post(app(), {}, "/v1/match", {
      candidateSkills: [skill("Dock\u200ber", 5)],
      requiredSkills: [skill("Docker")],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().skillScores[0].bestMatch.relation).toBe("exact");
  });
});

describe("one error contract", () => {
  it("reports __proto__ and constructor keys as forbidden_key, not as bad JSON", async () => {
    for (const raw of [
      '{"__proto__":{"x":1},"candidateSkills":[],"requiredSkills":[]}',
      '{"candidateSkills":[{"name":"a","level":{"value":1,"max":5},"constructor":{"prototype":{}}}],"requiredSkills":[{"name":"a","level":{"value":1,"max":5}}]}',
    ]) {
      const res = await app().inject({
        method: "POST",
        url: "/v1/match",
        payload: raw,
        headers: { "content-type": "application/json" },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("INVALID_INPUT");
      expect(res.json().error.issues.map((i: { code: string }) => i.code)).toContain("forbidden_key");
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("answers 404 for docs path traversal, in the contract", async () => {
    const res = await app().inject({ url: "/docs/static/%2e%2e/%2e%2e/package.json" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });

  it("accepts JSON with a charset and a BOM, and refuses other types with 415", async () => {
    const ok = await app().inject({
      method: "POST",
      url: "/v1/match",
      payload: `\ufeff${JSON.stringify(BODY)}`,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await app().inject({
      method: "POST",
      url: "/v1/match",
      payload: "{}",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers 503 SHUTTING_DOWN in the contract to a request that arrives while draining", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: Matcher = Object.create(matcher, {
      match: {
        value: async (...args: Parameters<Matcher["match"]>) => {
          await gate;
          return matcher.match(...args);
        },
      },
    });
    const a = app({}, { matcher: slow });
    await a.listen({ port: 0, host: "127.0.0.1" });
    const { port } = a.server.address() as AddressInfo;
    const body = JSON.stringify(BODY);
    // A request in flight, then close() begins, then a second request arrives on the same keep-alive connection.
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk));
    const ended = new Promise((resolve) => socket.on("close", resolve));
    socket.write(
      `POST /v1/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = a.close();
    await new Promise((resolve) => setImmediate(resolve));
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await closing;
    await ended;
    const statuses = [...received.matchAll(/HTTP\/1\.1 (\d+)/g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 503]);
    expect(received).toContain('"code":"SHUTTING_DOWN"');
  });

  it("answers 431 for an over-long URL and headers, on a real socket, in the contract", async () => {
    const a = app();
    await a.listen({ port: 0, host: "127.0.0.1" });
    try {
      const { port } = a.server.address() as AddressInfo;
      for (const [path, headers] of [
        [`/v1/match?${"q".repeat(20_000)}`, {}],
        ["/healthz", { "x-big": "y".repeat(20_000) }],
      ] as const) {
        const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = httpRequest({ port, path, headers }, (r) => {
            let body = "";
            r.on("data", (c) => (body += c));
            r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
          });
          req.on("error", reject);
          req.end();
        });
        expect(res.status).toBe(431);
        expect(JSON.parse(res.body).error.code).toBe("HEADERS_TOO_LARGE");
      }
    } finally {
      await a.close();
    }
  });

  it("refuses a request over the scoring budget with 413 BUDGET_EXCEEDED before scoring", async () => {
    const names = (n: number, p: string) => Array.from({ length: n }, (_, k) => skill(`${p}${k}`));
    const a = app({ maxCostPerRequest: 100 });
    const over = await post(a, {}, "/v1/match", {
      candidateSkills: names(11, "c"),
      requiredSkills: names(10, "r"),
    });
    expect(over.statusCode).toBe(413);
    expect(over.json().error.code).toBe("BUDGET_EXCEEDED");
    const batch = await post(a, {}, "/v1/match/batch", {
      pairs: [1, 2, 3].map(() => ({ candidateSkills: names(6, "c"), requiredSkills: names(6, "r") })),
    });
    expect(batch.statusCode).toBe(413);
    expect(
      (await post(a, {}, "/v1/match", { candidateSkills: names(10, "c"), requiredSkills: names(10, "r") }))
        .statusCode,
    ).toBe(200);
  });

  it("reports duplicate rank ids", async () => {
    const res = await post(app(), {}, "/v1/rank", {
      requiredSkills: [skill("Go")],
      candidates: [
        { id: "a", skills: [skill("Go")] },
        { id: "a", skills: [skill("Rust")] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ code: "duplicate_id", path: ["candidates", 1, "id"] });
  });

  it("logs /readyz while the model loads at info, without a stack", async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const loading = createMatcher({ embedder: createFakeEmbedder(8) });
    const a = app({ logLevel: "info" }, { logStream, matcher: loading });
    const res = await a.inject({ url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("MODEL_UNAVAILABLE");
    const logged = lines.map((l) => JSON.parse(l) as { level: number; err?: { stack?: string } });
    expect(logged.filter((l) => l.level >= 40)).toEqual([]);
    expect(logged.some((l) => l.err?.stack !== undefined)).toBe(false);
    await loading.close();
  });
});

describe("OpenAPI contract of every response above", () => {
  it("documents every status returned and matches every JSON body to its schema", async () => {
    const problems: string[] = [];
    for (const { options, responses } of apps) {
      if (responses.length === 0) continue;
      // A sibling app with the same options serves the same document without touching the tested app's limits.
      const twin = buildApp({ matcher, options: resolveServiceOptions({ ...options, logLevel: "silent" }) });
      problems.push(...(await checkAgainstOpenApi(twin, responses)));
      await twin.close();
    }
    expect(problems).toEqual([]);
  });
});
