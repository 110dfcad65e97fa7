import { describe, expect, it } from "vitest";
import { checkDocs, DOC_FILES } from "../scripts/docs-check.js";

// Every command in the console blocks of docs/cli.md, docs/http.md and the README runs (curls against real
// `competency serve` processes the check starts) and must print what the doc shows (durations masked).
// After a change that alters outputs: `npm run docs:update`, then review the diff.
describe("documented commands", () => {
  it(`print what ${DOC_FILES.join(", ")} show`, async () => {
    expect(await checkDocs()).toEqual([]);
  }, 900_000);
});
