import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import type { Matcher } from "../src/matcher-types.js";
import { buildApp } from "../src/service/app.js";
import { jsonSchemaOf } from "../src/service/json-schema.js";
import { MatchBodySchema } from "../src/service/schemas/request-schemas.js";
import { resolveServiceOptions, type ServiceOptions } from "../src/service/service-options.js";
import { createLocalScorer } from "../src/shards/create-local-scorer.js";

const skill = (name: string, value: number, max = 5) => ({ name, level: { value, max } });
const CANDIDATE = [skill("JavaScript", 5), skill("React", 4), skill("PostgreSQL", 3)];
const REQUIRED = [skill("TypeScript", 3), skill("React", 4), skill("SQL", 3)];
const BODY = { candidateSkills: CANDIDATE, requiredSkills: REQUIRED };

let matcher: Matcher;
beforeAll(async () => {
  matcher = createMatcher({ embedder: createFakeEmbedder(32) });
  await matcher.ready();
});
afterAll(async () => {
  await matcher.close();
});

function app(
  options: ServiceOptions = {},
  extra: { logStream?: NodeJS.WritableStream; matcher?: Matcher } = {},
) {
  return buildApp({
    matcher: extra.matcher ?? matcher,
    options: resolveServiceOptions({ logLevel: "silent", ...options }),
    ...(extra.logStream ? { logStream: extra.logStream } : {}),
  });
}

describe("POST /v1/match", () => {
  it("returns the same result as the library, with a request id header", async () => {
    const res = await app().inject({ method: "POST", url: "/v1/match", payload: BODY });
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-request-id"]).toMatch(/^[\w-]+$/);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(await matcher.match(CANDIDATE, REQUIRED))));
  });

  it("passes strategy and include through", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/match",
      payload: { ...BODY, strategy: "conservative", include: ["similarities"] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().strategy).toBe("conservative");
    expect(res.json().skillSimilarities).toBeTypeOf("object");
  });

  it("lists every issue with its path for an invalid body", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/match",
      payload: {
        candidateSkills: [skill("  ", 1), skill("Go", 6)],
        requiredSkills: [],
        strategy: "greedy",
        extra: true,
      },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("INVALID_INPUT");
    const paths = error.issues.map((i: { path: unknown[] }) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "candidateSkills.0.name",
        "candidateSkills.1.level.value",
        "requiredSkills",
        "strategy",
        "extra",
      ]),
    );
    expect(
      error.issues.find((i: { path: unknown[] }) => i.path.join(".") === "candidateSkills.1.level.value")
        .message,
    ).toContain("6 exceeds level.max 5");
  });

  it("rejects malformed JSON with 400 INVALID_JSON", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/match",
      headers: { "content-type": "application/json" },
      payload: '{"candidateSkills": [',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("INVALID_JSON");
    expect(res.json().error.issues).toHaveLength(1);
  });

  it.each([['{"__proto__": {"polluted": true}}'], ['{"constructor": {"prototype": {"polluted": true}}}']])(
    "rejects prototype-pollution keys: %s",
    async (payload) => {
      const res = await app().inject({
        method: "POST",
        url: "/v1/match",
        headers: { "content-type": "application/json" },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("rejects a body over 1 MiB with 413", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/match",
      headers: { "content-type": "application/json" },
      payload: `"${"x".repeat(1_048_577)}"`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("rejects a non-JSON content type with 415", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/match",
      headers: { "content-type": "text/plain" },
      payload: "hello",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(res.json().error.message).toContain('"text/plain"');
  });

  it("rejects more skills than the limit", async () => {
    const many = Array.from({ length: 1_001 }, (_, k) => skill(`skill ${k}`, 1));
    const res = await app().inject({
      method: "POST",
      url: "/v1/match",
      payload: { candidateSkills: many, requiredSkills: REQUIRED },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ code: "too_many", path: ["candidateSkills"] });
  });

  it("rejects an empty or missing body with 400", async () => {
    expect((await app().inject({ method: "POST", url: "/v1/match" })).statusCode).toBe(400);
    expect(
      (
        await app().inject({
          method: "POST",
          url: "/v1/match",
          headers: { "content-type": "application/json" },
          payload: "",
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe("POST /v1/match/batch", () => {
  it("returns results in input order with ids, equal to single matches", async () => {
    const pairs = [
      { id: "a", candidateSkills: CANDIDATE, requiredSkills: REQUIRED },
      { candidateSkills: [skill("Cooking", 5)], requiredSkills: [skill("Kubernetes", 3)] },
    ];
    const res = await app().inject({ method: "POST", url: "/v1/match/batch", payload: { pairs } });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results).toHaveLength(2);
    expect(results[0].id).toBe("a");
    expect(results[1].id).toBeUndefined();
    const single = await matcher.match([skill("Cooking", 5)], [skill("Kubernetes", 3)]);
    expect(results[1].overallScore).toBe(single.overallScore);
  });

  it("rejects the whole batch when one pair is bad, naming its index", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/match/batch",
      payload: { pairs: [BODY, { candidateSkills: CANDIDATE, requiredSkills: [skill("SQL", -1)] }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toEqual(["pairs", 1, "requiredSkills", 0, "level", "value"]);
  });

  it("gives the same results through a chunk scorer (the worker-pool path)", async () => {
    const pairs = Array.from({ length: 300 }, (_, k) => ({
      id: `p${k}`,
      candidateSkills: [skill("React", (k % 5) + 1)],
      requiredSkills: REQUIRED,
    }));
    const plain = await app().inject({ method: "POST", url: "/v1/match/batch", payload: { pairs } });
    const pooled = await buildApp({
      matcher,
      options: resolveServiceOptions({ logLevel: "silent" }),
      scorer: createLocalScorer(matcher),
    }).inject({
      method: "POST",
      url: "/v1/match/batch",
      payload: { pairs },
    });
    expect(pooled.json()).toEqual(plain.json());
  });
});

describe("POST /v1/rank", () => {
  const candidates = [
    { id: "weak", skills: [skill("Cooking", 5)] },
    { id: "strong", skills: CANDIDATE },
    { id: "twin", skills: CANDIDATE },
    { id: "mid", skills: [skill("React", 3)] },
  ];

  it("ranks best first, ties in input order, and honours topK", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/rank",
      payload: { requiredSkills: REQUIRED, candidates, topK: 3 },
    });
    expect(res.statusCode).toBe(200);
    const ranking = res.json().ranking as { id: string; rank: number; overallScore: number }[];
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranking.slice(0, 2).map((r) => r.id)).toEqual(["strong", "twin"]);
    expect(ranking[0]?.overallScore).toBeGreaterThanOrEqual(ranking[2]?.overallScore ?? 1);
  });

  it("ranks identically through a chunk scorer", async () => {
    const payload = { requiredSkills: REQUIRED, candidates, topK: 3 };
    const plain = await app().inject({ method: "POST", url: "/v1/rank", payload });
    const pooled = await buildApp({
      matcher,
      options: resolveServiceOptions({ logLevel: "silent" }),
      scorer: createLocalScorer(matcher),
    }).inject({ method: "POST", url: "/v1/rank", payload });
    expect(pooled.json()).toEqual(plain.json());
  });

  it("rejects a candidate without an id and a topK of 0", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/rank",
      payload: { requiredSkills: REQUIRED, candidates: [{ skills: CANDIDATE }], topK: 0 },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: unknown[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["candidates.0.id", "topK"]));
  });
});

describe("probes, metrics and docs", () => {
  it("answers /healthz always and /readyz with 503 until the model is loaded", async () => {
    const cold = createMatcher({ embedder: createFakeEmbedder(8) });
    const a = app({}, { matcher: cold });
    expect((await a.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    const before = await a.inject({ url: "/readyz" });
    expect(before.statusCode).toBe(503);
    expect(before.json().error.code).toBe("MODEL_UNAVAILABLE");
    await cold.ready();
    const after = await a.inject({ url: "/readyz" });
    expect(after.statusCode).toBe(200);
    expect(after.json().status).toBe("ready");
    await cold.close();
  });

  it("exposes latency histograms per route, heap, event-loop lag and cache counters", async () => {
    const a = app();
    await a.inject({ method: "POST", url: "/v1/match", payload: BODY });
    const res = await a.inject({ url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toMatch(
      // The +Inf bucket counts the request whatever it took: tests do not assert on wall-clock time.
      /http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/v1\/match",status_code="200"\} 1/,
    );
    expect(res.body).toMatch(/nodejs_heap_bytes\{kind="heap_used"\} \d+/);
    expect(res.body).toMatch(/nodejs_eventloop_lag_seconds\{quantile="0\.99"\}/);
    expect(res.body).toMatch(/competency_embedding_cache\{kind="hits"\} \d+/);
    await a.close();
  });

  it("keeps metrics per app: two apps do not share a registry", async () => {
    const a = app();
    const b = app();
    await a.inject({ url: "/healthz" });
    expect((await b.inject({ url: "/metrics" })).body).not.toContain('route="/healthz"');
  });

  it("serves /openapi.json built from the same zod schemas that validate requests", async () => {
    const res = await app().inject({ url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/match", "/v1/match/batch", "/v1/rank", "/healthz", "/readyz", "/metrics"]),
    );
    expect(doc.paths["/v1/match"].post.requestBody.content["application/json"].schema).toEqual(
      jsonSchemaOf(MatchBodySchema),
    );
  });

  it("serves Swagger UI and its assets from the package (offline)", async () => {
    const a = app();
    const page = await a.inject({ url: "/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger-ui");
    expect((await a.inject({ url: "/docs/static/swagger-ui-bundle.js" })).statusCode).toBe(200);
  });

  it("returns 404 for unknown routes and 405 with Allow for a known route's other methods", async () => {
    const res = await app().inject({ method: "GET", url: "/v2/nothing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
    for (const [method, url, allow] of [
      ["GET", "/v1/match", "POST"],
      ["DELETE", "/healthz", "GET, HEAD"],
    ] as const) {
      const res = await app().inject({ method, url });
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe(allow);
      expect(res.json().error.code).toBe("METHOD_NOT_ALLOWED");
    }
  });
});

describe("API key, rate limit and logs", () => {
  it("requires the bearer key on /v1 and /metrics but not on probes or docs", async () => {
    const a = app({ apiKey: "s3cret" });
    const denied = await a.inject({ method: "POST", url: "/v1/match", payload: BODY });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers["www-authenticate"]).toContain("Bearer");
    expect(denied.json().error.code).toBe("UNAUTHORIZED");
    expect(
      (
        await a.inject({
          method: "POST",
          url: "/v1/match",
          payload: BODY,
          headers: { authorization: "Bearer wrong" },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await a.inject({
          method: "POST",
          url: "/v1/match",
          payload: BODY,
          headers: { authorization: "Bearer s3cret" },
        })
      ).statusCode,
    ).toBe(200);
    expect((await a.inject({ url: "/metrics" })).statusCode).toBe(401);
    expect((await a.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await a.inject({ url: "/openapi.json" })).statusCode).toBe(200);
  });

  it("decides public routes by the matched route, not by the raw URL", async () => {
    const a = app({ apiKey: "s3cret" });
    for (const url of ["/docs/../metrics", "/docs/%2e%2e/metrics", "/healthz/../metrics", "//metrics"]) {
      const res = await a.inject({ url });
      expect(res.body).not.toContain("http_request_duration_seconds");
    }
  });

  it("answers 429 RATE_LIMITED past the limit, with retry headers", async () => {
    const a = app({ rateLimitMax: 2 });
    const codes: number[] = [];
    for (let k = 0; k < 3; k++)
      codes.push((await a.inject({ method: "POST", url: "/v1/match", payload: BODY })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const res = await a.inject({ method: "POST", url: "/v1/match", payload: BODY });
    expect(res.json().error.code).toBe("RATE_LIMITED");
    expect(res.headers["retry-after"]).toBeDefined();
  });

  it("writes JSON logs that carry the request id, reusing a well-formed incoming x-request-id", async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const a = app({ logLevel: "info" }, { logStream });
    const res = await a.inject({
      method: "POST",
      url: "/v1/match",
      payload: BODY,
      headers: { "x-request-id": "trace-42" },
    });
    expect(res.headers["x-request-id"]).toBe("trace-42");
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "request");
    expect(entry).toMatchObject({ reqId: "trace-42", route: "/v1/match", statusCode: 200 });
    const hostile = await a.inject({ url: "/healthz", headers: { "x-request-id": "bad id\nwith newline" } });
    expect(hostile.headers["x-request-id"]).not.toContain("bad");
  });

  it("turns an unexpected failure into a 5xx without leaking internals", async () => {
    const broken = createMatcher({
      embedder: {
        id: "broken",
        dim: 4,
        embed: async () => Promise.reject(new Error("disk on fire at /secret/path")),
        close: async () => {},
      },
    });
    const res = await app({}, { matcher: broken }).inject({
      method: "POST",
      url: "/v1/match",
      payload: BODY,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(res.body).not.toContain("/secret/path");
    expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
  });
});
