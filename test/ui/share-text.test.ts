import { describe, expect, it } from "vitest";
import { asCurl, asJson } from "../../src/ui/share-text.js";
import type { MatchRequest } from "../../src/ui/types.js";

const request: MatchRequest = {
  candidateSkills: [{ name: "O'Reilly tooling", level: { value: 4, max: 5 } }],
  requiredSkills: [{ name: "SQL", level: { value: 3, max: 5 } }],
  strategy: "default",
};

describe("share texts", () => {
  it("copies the request body, leaving out the default strategy", () => {
    expect(JSON.parse(asJson(request))).toEqual({
      candidateSkills: request.candidateSkills,
      requiredSkills: request.requiredSkills,
    });
  });

  it("writes a curl command a POSIX shell reads back to the same body, never with the key itself", () => {
    const curl = asCurl({ ...request, strategy: "conservative" }, "http://127.0.0.1:8080", true);
    expect(curl).toContain("'http://127.0.0.1:8080/v1/match'");
    expect(curl).toContain('"authorization: Bearer $COMPETENCY_API_KEY"');
    const quoted = /-d '(.*)'$/.exec(curl)?.[1] ?? "";
    expect(JSON.parse(quoted.replace(/'\\''/g, "'"))).toMatchObject({ strategy: "conservative" });
    expect(asCurl(request, "http://h", false)).not.toContain("authorization");
  });
});
