import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASE_SCHEMA_FILE, DISPUTED_FILE, loadCases, loadDisputed } from "./load-cases.js";
import { HELDOUT_FIXTURES_DIR } from "./main.js";

const skill = (name: string) => ({ name, level: { value: 3, max: 5 } });
const CASE = {
  id: "ab-cnc",
  theme: "abbreviations",
  domain: "manufacturing",
  note: "CNC = Computer Numerical Control.",
  required: [skill("CNC")],
  candidates: [
    { label: "alias", skills: [skill("Computer Numerical Control")], grade: 3 },
    { label: "look-alike", skills: [skill("CNN")], grade: 0, falseFriend: true },
  ],
};

describe("loadCases and loadDisputed on a held-out directory", () => {
  let dir = "";
  afterEach(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  function makeDir(disputed?: unknown): string {
    dir = mkdtempSync(join(tmpdir(), "heldout-"));
    copyFileSync(join(HELDOUT_FIXTURES_DIR, CASE_SCHEMA_FILE), join(dir, CASE_SCHEMA_FILE));
    writeFileSync(join(dir, "abbreviations.json"), JSON.stringify([CASE]));
    if (disputed !== undefined) writeFileSync(join(dir, DISPUTED_FILE), JSON.stringify(disputed));
    return dir;
  }

  it("skips disputed.json as a case file and keeps domain and falseFriend", async () => {
    const d = makeDir([{ id: "ab-cnc", reason: "a reason long enough" }]);
    const cases = await loadCases(d);
    expect(cases.map((c) => c.id)).toEqual(["ab-cnc"]);
    expect(cases[0]?.domain).toBe("manufacturing");
    expect(cases[0]?.candidates[1]?.falseFriend).toBe(true);
    expect(await loadDisputed(d)).toEqual([{ id: "ab-cnc", reason: "a reason long enough" }]);
  });

  it("returns no disputed cases when the file is absent, and rejects a malformed one", async () => {
    expect(await loadDisputed(makeDir())).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
    await expect(loadDisputed(makeDir({ id: "x" }))).rejects.toMatchObject({ code: "SCHEMA_MISMATCH" });
  });
});
