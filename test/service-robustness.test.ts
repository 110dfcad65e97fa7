import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import type { Matcher } from "../src/matcher-types.js";
import { buildApp } from "../src/service/app.js";
import { resolveServiceOptions } from "../src/service/service-options.js";

type Case = { label: string; url: string; contentType: string; payload: string | Buffer };

const ROUTES = ["/v1/match", "/v1/match/batch", "/v1/rank"] as const;
const skill = (name: unknown, value: unknown = 3, max: unknown = 5) => ({ name, level: { value, max } });
const valid = { candidateSkills: [skill("React")], requiredSkills: [skill("TypeScript")] };

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "\udfff\ud800",
  "\u202eevil\u202c",
  "\u200b\u200b",
  "🚀 Rocket science",
  "e\u0301",
  "日本語のスキル",
  "x".repeat(201),
  "x".repeat(100_000),
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "'; DROP TABLE skills; --",
  "__proto__",
  "constructor",
  "%s%s%s%n",
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1e308,
  -1e308,
  0.1,
  2 ** 53,
  "5",
  [],
  {},
  [[]],
  { value: 1 },
  ...HOSTILE_STRINGS,
];

function nested(depth: number, open: string, close: string, inner = "1"): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function handWritten(): Case[] {
  const cases: Case[] = [];
  const json = (label: string, body: unknown, url: string = ROUTES[0]) =>
    cases.push({ label, url, contentType: "application/json", payload: JSON.stringify(body) });
  for (const url of ROUTES) {
    for (const v of HOSTILE_VALUES) json(`body ${String(v).slice(0, 20)}`, v, url);
    for (const depth of [100, 1_000, 10_000, 100_000]) {
      cases.push({
        label: `array depth ${depth}`,
        url,
        contentType: "application/json",
        payload: nested(depth, "[", "]"),
      });
      cases.push({
        label: `object depth ${depth}`,
        url,
        contentType: "application/json",
        payload: nested(depth, '{"a":', "}"),
      });
    }
    cases.push({
      label: "proto",
      url,
      contentType: "application/json",
      payload: '{"__proto__":{"admin":true},"candidateSkills":[]}',
    });
    cases.push({
      label: "nested proto",
      url,
      contentType: "application/json",
      payload: '{"candidateSkills":[{"name":"x","level":{"__proto__":{"value":1}}}]}',
    });
    cases.push({
      label: "constructor",
      url,
      contentType: "application/json",
      payload: '{"constructor":{"prototype":{"admin":true}}}',
    });
    cases.push({
      label: "invalid utf-8",
      url,
      contentType: "application/json",
      payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    cases.push({
      label: "truncated",
      url,
      contentType: "application/json",
      payload: JSON.stringify(valid).slice(0, 30),
    });
    cases.push({
      label: "trailing garbage",
      url,
      contentType: "application/json",
      payload: `${JSON.stringify(valid)}}}`,
    });
    cases.push({
      label: "overflow numbers",
      url,
      contentType: "application/json",
      payload: '{"candidateSkills":[{"name":"x","level":{"value":1e999,"max":-1e999}}],"requiredSkills":[]}',
    });
    cases.push({
      label: "huge string",
      url,
      contentType: "application/json",
      payload: JSON.stringify({ candidateSkills: [skill("y".repeat(1_000_000))] }),
    });
    cases.push({
      label: "too large",
      url,
      contentType: "application/json",
      payload: `[${"1,".repeat(600_000)}1]`,
    });
    cases.push({ label: "xml", url, contentType: "application/xml", payload: "<skills/>" });
    cases.push({ label: "form", url, contentType: "application/x-www-form-urlencoded", payload: "a=1" });
    cases.push({
      label: "charset",
      url,
      contentType: "application/json; charset=latin1",
      payload: JSON.stringify(valid),
    });
  }
  for (const name of HOSTILE_STRINGS)
    json(`name ${name.slice(0, 10)}`, { candidateSkills: [skill(name)], requiredSkills: [skill(name)] });
  for (const v of HOSTILE_VALUES) {
    json("level.value", { candidateSkills: [skill("Go", v)], requiredSkills: [skill("Go")] });
    json("level.max", { candidateSkills: [skill("Go")], requiredSkills: [skill("Go", 1, v)] });
    json("weight", { candidateSkills: [skill("Go")], requiredSkills: [{ ...skill("Go"), weight: v }] });
    json("strategy", { ...valid, strategy: v });
    json("include", { ...valid, include: [v] });
    json(
      "topK",
      { requiredSkills: [skill("Go")], candidates: [{ id: "a", skills: [skill("Go")] }], topK: v },
      "/v1/rank",
    );
    json("pair", { pairs: [v] }, "/v1/match/batch");
  }
  return cases;
}

function generated(count: number): Case[] {
  const arb = fc.oneof(
    fc.jsonValue({ maxDepth: 6 }),
    fc.record({ candidateSkills: fc.jsonValue(), requiredSkills: fc.jsonValue() }),
  );
  return fc.sample(arb, { numRuns: count, seed: 20_251_125 }).map((body, k) => ({
    label: `generated ${k}`,
    url: ROUTES[k % ROUTES.length] as string,
    contentType: "application/json",
    payload: JSON.stringify(body) ?? "null",
  }));
}

let matcher: Matcher;
beforeAll(async () => {
  matcher = createMatcher({ embedder: createFakeEmbedder(16) });
  await matcher.ready();
});
afterAll(async () => {
  await matcher.close();
});

describe("hostile input", () => {
  it("never answers 5xx to 500+ malformed or hostile bodies, and stays up", async () => {
    const app = buildApp({
      matcher,
      options: resolveServiceOptions({ logLevel: "silent", rateLimitMax: 0 }),
    });
    const cases = [...handWritten(), ...generated(300)];
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const failures: string[] = [];
    for (const c of cases) {
      const res = await app.inject({
        method: "POST",
        url: c.url,
        headers: { "content-type": c.contentType },
        payload: c.payload,
      });
      const okShape =
        res.statusCode < 300 ||
        (typeof res.json().error?.code === "string" && typeof res.json().error?.message === "string");
      if (res.statusCode >= 500 || !okShape)
        failures.push(`${c.url} ${c.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await app.inject({ method: "POST", url: "/v1/match", payload: valid })).statusCode).toBe(200);
    await app.close();
  });
});
