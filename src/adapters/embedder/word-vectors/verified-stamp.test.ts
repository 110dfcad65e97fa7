import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isVerified, markVerified, stampPath } from "./verified-stamp.js";

const dir = mkdtempSync(join(tmpdir(), "competency-stamp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("verified stamp", () => {
  it("is absent until marked, then holds while the file is unchanged", () => {
    const path = join(dir, "a.bin");
    writeFileSync(path, "rows");
    expect(isVerified(path)).toBe(false);
    markVerified(path);
    expect(isVerified(path)).toBe(true);
  });

  it("no longer holds after the file is rewritten, resized or touched", () => {
    const path = join(dir, "b.bin");
    writeFileSync(path, "rows");
    markVerified(path);
    writeFileSync(path, "rowz");
    utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(isVerified(path)).toBe(false);
    markVerified(path);
    writeFileSync(path, "longer rows");
    expect(isVerified(path)).toBe(false);
  });

  it("ignores a garbled stamp", () => {
    const path = join(dir, "c.bin");
    writeFileSync(path, "rows");
    writeFileSync(stampPath(path), "{ nope");
    expect(isVerified(path)).toBe(false);
  });
});
