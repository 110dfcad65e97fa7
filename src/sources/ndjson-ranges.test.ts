import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planNdjsonRanges, readNdjsonRange } from "./ndjson-ranges.js";
import { type Line, readLineChunks } from "./read-lines.js";

const DIR = mkdtempSync(join(tmpdir(), "competency-ranges-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

async function viaReadline(path: string): Promise<Line[]> {
  const out: Line[] = [];
  for await (const chunk of readLineChunks(createReadStream(path), 7)) out.push(...chunk);
  return out;
}

async function viaRanges(path: string, perRange: number): Promise<{ lines: Line[]; physical: number }> {
  const plan = await planNdjsonRanges(path, perRange);
  const lines: Line[] = [];
  let physical = 0;
  for (const r of plan.ranges) {
    const got = await readNdjsonRange(path, r);
    expect(got.physicalLines).toBe(r.lines);
    physical += got.physicalLines;
    for (const chunk of got.chunks(3)) lines.push(...chunk);
  }
  expect(physical).toBe(plan.lines);
  return { lines, physical };
}

describe("planNdjsonRanges + readNdjsonRange", () => {
  const cases: Record<string, string> = {
    "\\n only, trailing newline": '{"id":"a"}\n{"id":"b"}\n\n{"id":"é✓"}\n  \n{"id":"d"}\n',
    "no trailing newline": '{"id":"a"}\n{"id":"b"}\n{"id":"c"}',
    "\\r\\n and lone \\r": '{"id":"a"}\r\n{"id":"b"}\r{"id":"c"}\n\r\n{"id":"d"}\r',
    "blank lines only": "\n\n  \n",
  };
  for (const [name, text] of Object.entries(cases))
    it(`numbers and splits lines as node:readline does: ${name}`, async () => {
      const path = join(DIR, `${name.replace(/\W+/g, "-")}.jsonl`);
      writeFileSync(path, text);
      const expected = await viaReadline(path);
      for (const perRange of [1, 2, 3, 100])
        expect((await viaRanges(path, perRange)).lines).toEqual(expected);
    });

  it("gives the same content identity for the same bytes, a different one for other bytes", async () => {
    const a = join(DIR, "a.jsonl");
    writeFileSync(a, '{"id":"a"}\n{"id":"b"}\n');
    const first = await planNdjsonRanges(a, 1);
    expect((await planNdjsonRanges(a, 1)).sha256).toBe(first.sha256);
    writeFileSync(a, '{"id":"a"}\n{"id":"c"}\n');
    expect((await planNdjsonRanges(a, 1)).sha256).not.toBe(first.sha256);
  });

  it("reports a file it cannot read as every command does: missing, a directory, gone after planning", async () => {
    const missing = join(DIR, "missing.jsonl");
    await expect(planNdjsonRanges(missing, 10)).rejects.toMatchObject({
      code: "FILE_NOT_FOUND",
      message: expect.stringContaining(JSON.stringify(missing)),
    });
    await expect(planNdjsonRanges(DIR, 10)).rejects.toMatchObject({
      code: "FILE_UNREADABLE",
      message: expect.stringContaining("is a directory"),
    });
    const gone = join(DIR, "gone.jsonl");
    writeFileSync(gone, '{"id":"a"}\n');
    const [range] = (await planNdjsonRanges(gone, 10)).ranges;
    rmSync(gone);
    await expect(readNdjsonRange(gone, range!)).rejects.toMatchObject({ code: "FILE_NOT_FOUND" });
  });
});
