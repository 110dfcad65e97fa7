import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const TMP = mkdtempSync(join(tmpdir(), "competency-memory-cli-"));
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "detector");

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const writable = (into: string[]) =>
    new Writable({ write: (chunk, _e, done) => (into.push(String(chunk)), done()) });
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: writable(out),
    stderr: writable(err),
    env: {},
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

function results(largeKiB: number, meanMs = 0.3): string {
  const d = (kib: number) => ({
    candidate: 1,
    required: 1,
    peakBytes: kib * 1024,
    allocatedBytes: kib * 1024,
    allocationCount: 10,
    meanMs,
    timeSamplesMs: [meanMs, meanMs * 1.01, meanMs * 0.99],
    opsPerSec: 1000 / meanMs,
    gcs: 0,
    phases: {},
  });
  const path = join(TMP, `r-${largeKiB}-${meanMs}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      schemaVersion: 2,
      revision: "abc1234",
      createdAt: "2026-11-25T00:00:00Z",
      engine: "optimized",
      allocator: "default",
      datasets: { small: d(16), large: d(largeKiB) },
    }),
  );
  return path;
}

describe("competency memory check", () => {
  it("passes within upstream's thresholds and fails over one, naming it", async () => {
    expect((await run("memory", "check", results(180))).code).toBe(0);
    const over = await run("memory", "check", results(180), "--large", "0.1");
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("large");
    expect(over.stderr).toMatch(/0\.1758 MiB > 0\.1 MiB/);
  });

  it.each([["-1"], ["NaN"], ["abc"]])("rejects threshold %s with exit 2", async (value) => {
    const r = await run("memory", "check", results(180), "--small", value);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error\[INVALID_INPUT\]: invalid input: --small must be a non-negative number/);
  });

  it("rejects missing, malformed and mismatched files with exit 2 and one line", async () => {
    const bad = join(TMP, "bad.json");
    writeFileSync(bad, "{ nope");
    const old = join(TMP, "old.json");
    writeFileSync(old, JSON.stringify({ schemaVersion: 0, datasets: {} }));
    for (const [path, code] of [
      [join(TMP, "missing.json"), "FILE_NOT_FOUND"],
      [bad, "INVALID_JSON"],
      [old, "SCHEMA_MISMATCH"],
    ] as const) {
      const r = await run("memory", "check", path);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error\\[${code}\\]: .*\\n$`));
    }
  });
});

describe("competency memory compare", () => {
  it("exits 1 on a regression and 0 within tolerance", async () => {
    const before = results(180);
    expect((await run("memory", "compare", before, results(182))).code).toBe(0);
    const worse = await run("memory", "compare", before, results(250));
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/large\.allocatedBytes.*REGRESSION/);
  });
});

describe("competency memory run", () => {
  it("rejects unknown datasets and engines with exit 2 before measuring", async () => {
    const ds = await run("memory", "run", "--out", TMP, "--datasets", "small,huge");
    expect(ds.code).toBe(2);
    expect(ds.stderr).toContain("huge");
    const engine = await run("memory", "run", "--out", TMP, "--engine", "turbo");
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain("turbo");
  });
});

describe("competency memory detect", () => {
  it("prints file:line:col rule message and exits 1 on findings", async () => {
    const r = await run(
      "memory",
      "detect",
      join(FIXTURES, "json-clone.positive.ts"),
      "--allow",
      join(TMP, "none.json"),
    );
    expect(r.code).toBe(2); // an explicit allow-list that does not exist is an input error
    const ok = await run("memory", "detect", join(FIXTURES, "json-clone.positive.ts"));
    expect(ok.code).toBe(1);
    expect(ok.stdout).toMatch(/json-clone\.positive\.ts:1:\d+ json-clone /);
  });

  it("exits 2 on a file that does not parse and warns on a path without TypeScript", async () => {
    const bad = join(TMP, "broken.ts");
    writeFileSync(bad, "export const x = ;\n");
    const r = await run("memory", "detect", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.ts:1:\d+ does not parse/);
    const none = await run("memory", "detect", join(TMP, "bad.json"));
    expect(none.stderr).toMatch(/warning: .*bad\.json: no TypeScript files/);
  });

  it("gives JSON with --json and exits 0 on a clean file", async () => {
    const r = await run("memory", "detect", join(FIXTURES, "json-clone.negative.ts"), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });
});
