import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { forbiddenNameChar } from "../src/core/text/forbidden-name-char.js";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import type { Matcher } from "../src/matcher-types.js";
import { buildApp } from "../src/service/app.js";
import { resolveServiceOptions } from "../src/service/service-options.js";

// The hostile-body generator of service-robustness.test.ts, extended to the other surfaces (issue 13):
// headers (Authorization variants, content types with charsets, long URLs) and the CLI (JSON files and
// NDJSON lines), at least 500 cases each, all generated at test time from fixed seeds.

const SEED = 13_2026;
const KEY = "fuzz-key-0123";
const skill = (name: string, value = 3) => ({ name, level: { value, max: 5 } });
const VALID = { candidateSkills: [skill("React")], requiredSkills: [skill("TypeScript")] };
const HOSTILE_TEXT = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "\u001b[2J", "\u202e", "\u200b", "\ud800", "é", "🚀", "x".repeat(300)),
);

let matcher: Matcher;
beforeAll(async () => {
  matcher = createMatcher({ embedder: createFakeEmbedder(16) });
  await matcher.ready();
});
afterAll(() => matcher.close());

const isContractError = (body: string): boolean => {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === "string" && typeof parsed.error.message === "string";
  } catch {
    return false;
  }
};

describe("header fuzzing", () => {
  const authorization = fc.oneof(
    fc
      .tuple(
        fc.constantFrom("Bearer", "bearer", "BEARER", "bEaReR", "Basic", "Token", "", "Bearer:"),
        fc.constantFrom(" ", "  ", "\t", "", " \t "),
        fc.oneof(fc.constant(KEY), fc.constant(`${KEY}x`), fc.constant(KEY.toUpperCase()), HOSTILE_TEXT),
        fc.constantFrom("", " ", "  x"),
      )
      .map(([scheme, gap, key, tail]) => `${scheme}${gap}${key}${tail}`),
    HOSTILE_TEXT,
  );
  const contentType = fc.oneof(
    fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "application/json; charset=UTF-8",
      "application/json;charset=latin1",
      "application/json; charset=utf-16",
      "APPLICATION/JSON",
      "application/json; boundary=x",
      "application/jsonx",
      "application/vnd.api+json",
      "text/json",
      "text/plain",
      "multipart/form-data; boundary=x",
      "",
      ";",
      "application/json; charset=\u0000",
    ),
    HOSTILE_TEXT.map((t) => t.replace(/[^\t\x20-\x7e]/g, "")),
  );
  const url = fc.oneof(
    fc.constantFrom("/v1/match", "/v1/match/", "/V1/MATCH", "/v1/match?x=1", "//v1/match", "/v1/match#a"),
    fc.integer({ min: 100, max: 12_000 }).map((n) => `/v1/match?q=${"a".repeat(n)}`),
    fc.string({ maxLength: 60 }).map((t) => `/v1/${encodeURIComponent(t)}`),
  );
  const cases = fc.sample(fc.record({ authorization, contentType, url }), { numRuns: 600, seed: SEED });

  it(`keeps ${cases.length} header variants inside the contract, and only the exact key gets through`, async () => {
    const app = buildApp({
      matcher,
      options: resolveServiceOptions({
        logLevel: "silent",
        apiKey: KEY,
        authFailureMax: 1_000_000,
        rateLimitMax: 0,
      }),
    });
    const problems: string[] = [];
    const keyPattern = new RegExp(`^\\s*bearer\\s+${KEY}\\s*$`, "i");
    for (const c of cases) {
      const headers: Record<string, string> = {};
      if (/^[\t\x20-\x7e]*$/.test(c.authorization)) headers.authorization = c.authorization;
      if (c.contentType !== "") headers["content-type"] = c.contentType;
      const res = await app.inject({ method: "POST", url: c.url, headers, payload: JSON.stringify(VALID) });
      const label = JSON.stringify(c).slice(0, 160);
      if (res.statusCode >= 500) problems.push(`${label}: ${res.statusCode}`);
      else if (res.statusCode >= 400 && !isContractError(res.body))
        problems.push(`${label}: off-contract ${res.body.slice(0, 120)}`);
      else if (res.statusCode === 200 && !keyPattern.test(headers.authorization ?? ""))
        problems.push(`${label}: 200 without the key`);
    }
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(problems).toEqual([]);
    await app.close();
  });
});

describe("CLI fuzzing", () => {
  const TMP = mkdtempSync(join(tmpdir(), "competency-fuzz-"));
  const ROLE = join(TMP, "role.json");
  writeFileSync(ROLE, JSON.stringify([skill("TypeScript")]));
  // One shared matcher for every command (each command "closes" its own, a no-op here).
  const shared = (): Matcher => Object.create(matcher, { close: { value: async () => {} } });

  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const sink = (into: string[]) =>
      new Writable({
        write(chunk, _e, done) {
          into.push(String(chunk));
          done();
        },
      });
    const io: CliIo = {
      stdin: Readable.from([""]),
      stdout: sink(out),
      stderr: sink(err),
      env: {},
      isTTY: false,
    };
    const code = await main(argv, io, { createMatcher: shared });
    return { code, stdout: out.join(""), stderr: err.join("") };
  }

  const skillish = fc.record(
    {
      name: fc.oneof(HOSTILE_TEXT, fc.constantFrom("Go", "React", "__proto__")),
      level: fc.oneof(fc.record({ value: fc.double(), max: fc.double() }), fc.jsonValue({ maxDepth: 2 })),
      weight: fc.oneof(fc.double(), fc.jsonValue({ maxDepth: 1 })),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ["name"] },
  );
  const fileBody = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null"),
    fc.array(skillish, { maxLength: 4 }).map((v) => JSON.stringify(v)),
    fc.array(skillish, { maxLength: 3 }).map((v) => JSON.stringify({ skills: v })),
    fc.constantFrom("", "\ufeff", "{", "[1,", '{"__proto__":{"x":1}}', "\u0000", "[]", '{"skills":null}'),
    HOSTILE_TEXT,
  );

  it("answers 500+ hostile JSON files with exit 0 and JSON, or exit 2 and one clean error line", async () => {
    const bodies = fc.sample(fileBody, { numRuns: 520, seed: SEED });
    const problems: string[] = [];
    for (const [k, body] of bodies.entries()) {
      const path = join(TMP, `f${k}.json`);
      writeFileSync(path, body);
      const res = await run(["match", path, ROLE]);
      const label = `${k} ${JSON.stringify(body).slice(0, 80)}`;
      if (res.code === 0) {
        if (!("overallScore" in JSON.parse(res.stdout))) problems.push(`${label}: exit 0 without a result`);
      } else if (res.code !== 2) problems.push(`${label}: exit ${res.code} ${res.stderr}`);
      else if (
        !/^error\[[A-Z_]+\]: [^\n]*\n$/.test(res.stderr) ||
        forbiddenNameChar(res.stderr.slice(0, -1)) >= 0
      )
        problems.push(`${label}: stderr ${JSON.stringify(res.stderr.slice(0, 200))}`);
    }
    expect(bodies.length).toBeGreaterThanOrEqual(500);
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  const line = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
    fc
      .record(
        {
          id: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)),
          candidate: fc.array(skillish, { maxLength: 3 }),
          required: fc.array(skillish, { maxLength: 3 }),
          skills: fc.array(skillish, { maxLength: 3 }),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
    fc.constantFrom(
      "{",
      '{"__proto__":{}}',
      '{"id":"a","skills":[{"name":"Go","level":{"value":1,"max":5}}]}',
      "\u0000",
    ),
  );
  const lines = fc.sample(line, { numRuns: 520, seed: SEED + 1 }).map((l) => l.replace(/[\r\n]/g, " "));
  const ndjson = join(TMP, "lines.jsonl");
  writeFileSync(ndjson, `${lines.join("\n")}\n`);
  const nonEmpty = lines.filter((l) => l.trim() !== "").length;

  it(`batch answers each of ${lines.length} hostile NDJSON lines with one output line, id a string`, async () => {
    const res = await run(["batch", ndjson]);
    expect([0, 2]).toContain(res.code);
    const out = res.stdout
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            id: unknown;
            error?: { code: unknown; message: unknown };
            overallScore?: unknown;
          },
      );
    expect(out).toHaveLength(nonEmpty);
    const bad = out.filter(
      (o) =>
        typeof o.id !== "string" ||
        (o.error === undefined
          ? typeof o.overallScore !== "number"
          : typeof o.error.code !== "string" || typeof o.error.message !== "string"),
    );
    expect(bad).toEqual([]);
  });

  it(`rank reports every bad line among ${lines.length} in the one error-line format`, async () => {
    const res = await run(["rank", ROLE, ndjson]);
    expect([0, 2]).toContain(res.code);
    const errors = res.stderr.split("\n").filter((l) => l !== "");
    const ranked = res.stdout.split("\n").filter((l) => l !== "");
    expect(errors.length + ranked.length).toBe(nonEmpty);
    const off = errors.filter((l) => !/^error\[[A-Z_]+\]: line \d+: /.test(l) || forbiddenNameChar(l) >= 0);
    expect(off).toEqual([]);
  });
});
