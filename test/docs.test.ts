import { describe, expect, it } from "vitest";
import { checkDocs, DOC_FILES } from "../scripts/docs-check.js";

// Every `$ competency …` command in docs/cli.md and the README runs and must print what the doc shows
// (durations masked). After a change that alters outputs: `npm run docs:update`, then review the diff.
describe("documented commands", () => {
  it(`print what ${DOC_FILES.join(" and ")} show`, () => {
    expect(checkDocs()).toEqual([]);
  }, 600_000);
});
