import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../profiling/mulberry32.js";
import { type ByteChunk, linesOfBytes, readByteChunks } from "./read-byte-chunks.js";
import { readFileChunks, readFileRangeSync } from "./read-file-chunks.js";
import { type Line, readLineChunks } from "./read-lines.js";

const DIR = mkdtempSync(join(tmpdir(), "competency-byte-chunks-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** The reference: the lines readLineChunks gives for the file, opened as UTF-8 text as the CLI opens it. */
async function viaLineReader(path: string): Promise<Line[]> {
  const out: Line[] = [];
  for await (const chunk of readLineChunks(createReadStream(path, { encoding: "utf8" }), 3))
    out.push(...chunk);
  return out;
}

/** The file's bytes cut at `cuts`, chunked by readByteChunks, and every chunk split as a worker splits it. */
async function viaByteChunks(
  bytes: Buffer,
  cuts: number[],
  linesPerChunk: number,
): Promise<{ lines: Line[]; chunks: ByteChunk[] }> {
  const at = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  const reads: Buffer[] = [];
  for (let k = 1; k < at.length; k++) reads.push(bytes.subarray(at[k - 1], at[k]));
  const chunks: ByteChunk[] = [];
  for await (const chunk of readByteChunks(Readable.from(reads), linesPerChunk)) chunks.push(chunk);
  return { lines: chunks.flatMap(linesOfBytes), chunks };
}

const ALPHABET = ["a", "b", " ", "é", "✓", "😀", "\n", "\r", "\r\n", "\n\n", "\r\r", "{}", '"x"', "\uFEFF"];

describe("readByteChunks + linesOfBytes", () => {
  it("give the lines readLineChunks gives for the same file, on 300 random texts read in random pieces", async () => {
    const random = mulberry32(20261208);
    for (let n = 0; n < 300; n++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 60) }, () => {
        return ALPHABET[Math.floor(random() * ALPHABET.length)] as string;
      });
      // Some files end in an incomplete UTF-8 sequence, which a text stream turns into U+FFFD.
      const bytes = Buffer.concat([
        Buffer.from(parts.join("")),
        Buffer.from(random() < 0.2 ? [0xe2, 0x82] : []),
      ]);
      const path = join(DIR, `t${n}.txt`);
      writeFileSync(path, bytes);
      const cuts = Array.from({ length: Math.floor(random() * 6) }, () =>
        Math.floor(random() * (bytes.length + 1)),
      );
      const expected = await viaLineReader(path);
      const linesPerChunk = 1 + Math.floor(random() * 4);
      const { lines, chunks } = await viaByteChunks(bytes, cuts, linesPerChunk);
      expect(lines).toEqual(expected);
      // Read as the CLI reads a file: views of one reused buffer, here of a few bytes.
      const reused: ByteChunk[] = [];
      for await (const c of readByteChunks(readFileChunks(path, 1 + (n % 7)), linesPerChunk)) reused.push(c);
      expect(reused).toEqual(chunks);
      // Whole lines: every chunk but the last ends with a `\n`, and together they are the file.
      for (const chunk of chunks.slice(0, -1)) expect(chunk.bytes[chunk.bytes.length - 1]).toBe(10);
      expect(Buffer.concat(chunks.map((c) => c.bytes))).toEqual(bytes);
      // Each chunk owns its ArrayBuffer (a pool transfers it) and knows where it was in the input.
      for (const chunk of chunks) {
        expect(chunk.bytes.buffer.byteLength).toBe(chunk.byteLength);
        expect(Buffer.from(chunk.bytes)).toEqual(
          bytes.subarray(chunk.offset, chunk.offset + chunk.byteLength),
        );
        expect(readFileRangeSync(path, chunk.offset, chunk.byteLength)).toEqual(chunk.bytes);
      }
    }
  });

  it("cuts after every `linesPerChunk`-th `\\n`, numbering lines across lone `\\r`s and `\\r\\n`s", async () => {
    const bytes = Buffer.from("a\nb\rc\r\nd\n\ne\nf");
    const { chunks } = await viaByteChunks(bytes, [1, 4, 5], 2);
    expect(chunks.map((c) => [Buffer.from(c.bytes).toString(), c.firstLineNo, c.offset])).toEqual([
      ["a\nb\rc\r\n", 1, 0],
      ["d\n\n", 4, 7],
      ["e\nf", 6, 10],
    ]);
  });

  it("gives nothing for an empty input", async () => {
    expect((await viaByteChunks(Buffer.alloc(0), [], 2)).chunks).toEqual([]);
  });
});
