import { afterAll, describe, expect, it } from "vitest";
import { createFakeEmbedder, createMatcher } from "../../src/index.js";
import { buildApp } from "../../src/service/app.js";
import { resolveServiceOptions } from "../../src/service/service-options.js";
import { summarizeIssues, validateCandidates, validateMatchRequest } from "../../src/ui/validate-request.js";

const app = buildApp({
  matcher: createMatcher({ embedder: createFakeEmbedder(8) }),
  options: resolveServiceOptions({ logLevel: "silent", ui: false }),
});
afterAll(() => app.close());

const ok = { name: "A", level: { value: 3, max: 5 } };
const BAD_BODIES: Record<string, Record<string, unknown>> = {
  "value above max": { candidateSkills: [{ name: "A", level: { value: 7, max: 5 } }], requiredSkills: [ok] },
  "negative value": { candidateSkills: [{ name: "A", level: { value: -1, max: 5 } }], requiredSkills: [ok] },
  "missing value": { candidateSkills: [{ name: "A", level: { max: 5 } }], requiredSkills: [ok] },
  "blank name": { candidateSkills: [{ name: " ", level: { value: 1, max: 5 } }], requiredSkills: [ok] },
  "zero weight": { candidateSkills: [ok], requiredSkills: [{ ...ok, weight: 0 }] },
  "empty list": { candidateSkills: [], requiredSkills: [ok] },
  "unknown strategy": { candidateSkills: [ok], requiredSkills: [ok], strategy: "greedy" },
  "long name": {
    candidateSkills: [{ name: "x".repeat(201), level: { value: 1, max: 5 } }],
    requiredSkills: [ok],
  },
};

async function apiIssues(body: unknown): Promise<{ code: string; path: unknown[]; message: string }[]> {
  const res = await app.inject({ method: "POST", url: "/v1/match", payload: body as object });
  expect(res.statusCode).toBe(400);
  return (res.json() as { error: { issues: { code: string; path: unknown[]; message: string }[] } }).error
    .issues;
}

describe("the page's validation", () => {
  it.each(Object.entries(BAD_BODIES))("reports the service's codes and paths for a %s", async (_, body) => {
    const page = validateMatchRequest(body as Parameters<typeof validateMatchRequest>[0]);
    const api = await apiIssues(body);
    expect(page.map((i) => [i.code, i.path])).toEqual(api.map((i) => [i.code, i.path]));
    for (const issue of page)
      expect(issue.message.startsWith(`${issue.path.join(".").replace(/\.(\d+)/g, "[$1]")}:`)).toBe(true);
  });

  it("gives the service's exact message for a level above its max", async () => {
    const body = BAD_BODIES["value above max"] as Parameters<typeof validateMatchRequest>[0];
    expect(validateMatchRequest(body)).toEqual(await apiIssues(body));
  });

  it("accepts the examples and summarises issues as the service's 400 message does", () => {
    expect(
      validateMatchRequest({ candidateSkills: [ok], requiredSkills: [ok], strategy: "default" }),
    ).toEqual([]);
    const issues = validateMatchRequest({ candidateSkills: [], requiredSkills: [], strategy: "x" });
    expect(summarizeIssues(issues)).toBe(`invalid input: ${issues[0]?.message} (and 2 more)`);
  });

  it("checks rank candidates with /v1/rank paths", () => {
    const issues = validateCandidates([
      { id: "a", skills: [ok] },
      { id: "", skills: [{ name: "B", level: { value: 9, max: 5 } }] },
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      ["candidates", 1, "id"],
      ["candidates", 1, "skills", 0, "level", "value"],
    ]);
  });
});
