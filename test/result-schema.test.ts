import { readFileSync } from "node:fs";
import AjvModule from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { fakeMatcher } from "./helpers/test-matchers.js";

const schema = JSON.parse(
  readFileSync(new URL("../schemas/match-result.schema.json", import.meta.url), "utf8"),
);
const matcher = fakeMatcher();
afterAll(() => matcher.close());

describe("schemas/match-result.schema.json", () => {
  it("describes real results, with unmetMustHaves and the opt-in maps", async () => {
    const validate = new AjvModule.default({ allErrors: true }).compile(schema);
    const result = await matcher.match(
      [
        { name: "Docker", level: { value: 5, max: 5 } },
        { name: "Python", level: { value: 2, max: 5 } },
      ],
      [
        { name: "Kubernetes", level: { value: 3, max: 5 }, mustHave: true },
        { name: "Python", level: { value: 4, max: 5 }, weight: 2 },
      ],
      { include: ["similarities", "pairwise"] },
    );
    expect(result.unmetMustHaves).toEqual(["Kubernetes"]);
    expect(validate(JSON.parse(JSON.stringify(result))) ? [] : validate.errors).toEqual([]);
  });
});
