import { describe, expect, it } from "vitest";
import { decodePermalink, encodePermalink } from "../../src/ui/permalink.js";
import type { MatchRequest } from "../../src/ui/types.js";

describe("permalink", () => {
  it("round-trips a request, including non-ASCII names, blanks, weights and must-haves", () => {
    const request: MatchRequest = {
      candidateSkills: [
        { name: "Ingénierie des données", level: { value: 4, max: 5 } },
        { name: "", level: { max: 5 } },
      ],
      requiredSkills: [
        { name: "SQL", level: { value: 3, max: 5 }, mustHave: true },
        { name: "日本語", level: { value: 2, max: 4 }, weight: 0.5 },
        { name: "Go", level: { value: 1, max: 5 } },
      ],
      strategy: "aggressive",
    };
    const hash = encodePermalink(request);
    expect(hash).toMatch(/^#m=[A-Za-z0-9_-]+$/);
    expect(decodePermalink(hash)).toEqual(request);
  });

  it("returns null for fragments that are not ours or are damaged", () => {
    expect(decodePermalink("")).toBeNull();
    expect(decodePermalink("#results")).toBeNull();
    expect(decodePermalink("#m=%%%")).toBeNull();
    expect(decodePermalink(`#m=${Buffer.from('{"v":2}').toString("base64url")}`)).toBeNull();
  });
});
