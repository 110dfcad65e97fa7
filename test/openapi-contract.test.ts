import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import type { Matcher } from "../src/matcher-types.js";
import { buildApp } from "../src/service/app.js";
import { resolveServiceOptions, type ServiceOptions } from "../src/service/service-options.js";

let matcher: Matcher;
let dir: string;
beforeAll(async () => {
  matcher = createMatcher({ embedder: createFakeEmbedder(32) });
  await matcher.ready();
  dir = mkdtempSync(join(tmpdir(), "competency-openapi-"));
});
afterAll(async () => {
  await matcher.close();
  rmSync(dir, { recursive: true, force: true });
});

async function servedDocument(options: ServiceOptions): Promise<Record<string, unknown>> {
  const app = buildApp({ matcher, options: resolveServiceOptions({ logLevel: "silent", ...options }) });
  const doc = (await app.inject({ url: "/openapi.json" })).json();
  await app.close();
  return doc;
}

const CONFIGS: [string, ServiceOptions][] = [
  ["no key, no rate limit", { rateLimitMax: 0 }],
  ["defaults", {}],
  ["API key", { apiKey: "secret" }],
];

describe("the served OpenAPI document", () => {
  it.each(CONFIGS)(
    "passes @redocly/cli lint (recommended) with 0 errors and 0 warnings: %s",
    async (name, options) => {
      const file = join(dir, `${name.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, JSON.stringify(await servedDocument(options)));
      const cli = join("node_modules", "@redocly", "cli", "bin", "cli.js");
      const run = spawnSync(
        process.execPath,
        [cli, "lint", file, "--extends", "recommended", "--format", "json"],
        {
          encoding: "utf8",
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: "off",
            REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
            NO_COLOR: "1",
          },
          timeout: 60_000,
        },
      );
      const report = JSON.parse(run.stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; message: string }[];
      };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    },
  );

  it("declares security only with a key, never on the probes, and names every response", async () => {
    const open = (await servedDocument({})) as {
      security?: unknown;
      paths: Record<string, Record<string, any>>;
    };
    const keyed = (await servedDocument({ apiKey: "k" })) as typeof open;
    expect(open.security).toBeUndefined();
    expect(keyed.security).toEqual([{ bearer: [] }]);
    for (const probe of ["/healthz", "/readyz"]) expect(keyed.paths[probe]?.get.security).toEqual([]);
    expect(keyed.paths["/v1/match"]?.post.responses["401"]).toBeDefined();
    expect(open.paths["/v1/match"]?.post.responses["401"]).toBeUndefined();
    for (const item of Object.values(keyed.paths))
      for (const operation of Object.values(item)) {
        expect(operation.operationId).toMatch(/^\w+$/);
        for (const response of Object.values(operation.responses as Record<string, { description: string }>))
          expect(response.description).not.toBe("Default Response");
      }
  });
});

const CLIENT = `
import type { paths } from "./schema.js";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type BodyOf<P extends keyof paths> = paths[P] extends { post: { requestBody?: infer R } } ? Json<NonNullable<R>> : never;
type OkOf<P extends keyof paths, M extends "get" | "post"> = paths[P] extends Record<M, { responses: { 200: infer R } }>
  ? R extends { content: { "application/json": infer B } } ? B : string
  : never;

/** A typed client over the generated paths: every route of the API, by operationId. */
export function createClient(base: string) {
  const post = async <P extends keyof paths>(path: P, body: BodyOf<P>): Promise<OkOf<P, "post">> => {
    const res = await fetch(base + String(path), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(String(path) + " answered " + res.status + ": " + (await res.text()));
    return (await res.json()) as OkOf<P, "post">;
  };
  const get = async <P extends keyof paths>(path: P, json: boolean): Promise<OkOf<P, "get">> => {
    const res = await fetch(base + String(path));
    if (res.status !== 200) throw new Error(String(path) + " answered " + res.status);
    return (json ? await res.json() : await res.text()) as OkOf<P, "get">;
  };
  return {
    match: (body: BodyOf<"/v1/match">) => post("/v1/match", body),
    matchBatch: (body: BodyOf<"/v1/match/batch">) => post("/v1/match/batch", body),
    rank: (body: BodyOf<"/v1/rank">) => post("/v1/rank", body),
    healthz: () => get("/healthz", true),
    readyz: () => get("/readyz", true),
    metrics: () => get("/metrics", false),
  };
}

/** Calls every route with typed bodies and reads typed fields from each answer. */
export async function callEveryRoute(base: string): Promise<string[]> {
  const client = createClient(base);
  const skill = { name: "TypeScript", level: { value: 4, max: 5 } };
  const match = await client.match({ candidateSkills: [skill], requiredSkills: [{ ...skill, mustHave: true }] });
  const batch = await client.matchBatch({ pairs: [{ id: "p1", candidateSkills: [skill], requiredSkills: [skill] }] });
  const rank = await client.rank({ requiredSkills: [skill], candidates: [{ id: "c1", skills: [skill] }], topK: 1 });
  const health = await client.healthz();
  const ready = await client.readyz();
  const metrics: string = await client.metrics();
  return [
    "match " + match.overallScore.toFixed(2) + " " + match.skillScores.length,
    "batch " + batch.results.length + " " + String(batch.results[0]?.id),
    "rank " + rank.ranking[0]?.id + " " + rank.ranking[0]?.rank,
    "healthz " + health.status,
    "readyz " + ready.status,
    "metrics " + metrics.includes("http_request_duration_seconds"),
  ];
}
`;

describe("a client generated by openapi-typescript", () => {
  it("typechecks against the generated types and calls every route", async () => {
    const doc = await servedDocument({});
    writeFileSync(join(dir, "schema.d.ts"), astToString(await openapiTS(doc as never)));
    const clientFile = join(dir, "client.ts");
    writeFileSync(clientFile, CLIENT);
    const program = ts.createProgram([clientFile], {
      strict: true,
      noEmit: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
    const js = ts.transpileModule(CLIENT, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const jsFile = join(dir, "client.mjs");
    writeFileSync(jsFile, js);
    const app = buildApp({ matcher, options: resolveServiceOptions({ logLevel: "silent" }) });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const { port } = app.server.address() as AddressInfo;
      const { callEveryRoute } = (await import(pathToFileURL(jsFile).href)) as {
        callEveryRoute: (base: string) => Promise<string[]>;
      };
      expect(await callEveryRoute(`http://127.0.0.1:${port}`)).toEqual([
        "match 1.00 1",
        "batch 1 p1",
        "rank c1 1",
        "healthz ok",
        "readyz ready",
        "metrics true",
      ]);
    } finally {
      await app.close();
    }
  });
});
