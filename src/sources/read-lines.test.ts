import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../profiling/mulberry32.js";
import { type Line, readLineChunks } from "./read-lines.js";

/** The reference: node:readline's split and numbering, blank lines dropped as readLineChunks drops them. */
async function viaReadline(text: string): Promise<Line[]> {
  const rl = createInterface({
    input: Readable.from([Buffer.from(text)]),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const out: Line[] = [];
  let lineNo = 0;
  for await (const t of rl) {
    lineNo++;
    if (t.trim() !== "") out.push({ lineNo, text: t });
  }
  return out;
}

/** The bytes of `text` cut at `cuts` (byte offsets, some inside UTF-8 sequences or between `\r` and `\n`). */
function pieces(text: string, cuts: number[], asStrings: boolean): (Buffer | string)[] {
  const bytes = Buffer.from(text);
  const at = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  const out: Buffer[] = [];
  for (let k = 1; k < at.length; k++) out.push(bytes.subarray(at[k - 1], at[k]));
  // A stream with an encoding (as openInput sets for files) hands over whole characters only.
  return asStrings ? [text] : out;
}

async function viaReader(
  chunks: (Buffer | string)[],
  size: number,
): Promise<{ lines: Line[]; sizes: number[] }> {
  const lines: Line[] = [];
  const sizes: number[] = [];
  for await (const chunk of readLineChunks(Readable.from(chunks), size)) {
    sizes.push(chunk.length);
    lines.push(...chunk);
  }
  return { lines, sizes };
}

const ALPHABET = ["a", "b", " ", "é", "✓", "😀", "\n", "\r", "\r\n", "\n\n", "\r\r", "{}", '"x"', "\uFEFF"];

describe("readLineChunks", () => {
  const fixed: Record<string, string> = {
    "\\n only, trailing newline": '{"id":"a"}\n{"id":"b"}\n\n{"id":"é✓"}\n  \n{"id":"d"}\n',
    "no trailing newline": '{"id":"a"}\n{"id":"b"}\n{"id":"c"}',
    "\\r\\n and lone \\r": '{"id":"a"}\r\n{"id":"b"}\r{"id":"c"}\n\r\n{"id":"d"}\r',
    "\\r at the very end, twice": "a\r\r",
    "\\r\\r\\n": "a\r\r\nb",
    "blank lines only": "\n\n  \n",
    empty: "",
  };
  for (const [name, text] of Object.entries(fixed))
    it(`splits and numbers lines as node:readline does: ${name}`, async () => {
      const expected = await viaReadline(text);
      for (let cut = 0; cut <= Buffer.byteLength(text); cut++) {
        expect((await viaReader(pieces(text, [cut], false), 2)).lines).toEqual(expected);
      }
      expect((await viaReader(pieces(text, [], true), 2)).lines).toEqual(expected);
    });

  it("agrees with node:readline on 300 random texts cut at random bytes, inside characters too", async () => {
    const random = mulberry32(20261207);
    for (let n = 0; n < 300; n++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        return ALPHABET[Math.floor(random() * ALPHABET.length)] as string;
      });
      const text = parts.join("");
      const bytes = Buffer.byteLength(text);
      const cuts = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * (bytes + 1)));
      const expected = await viaReadline(text);
      expect((await viaReader(pieces(text, cuts, false), 1 + Math.floor(random() * 4))).lines).toEqual(
        expected,
      );
    }
  });

  it("hands out chunks of the asked size, the last one shorter", async () => {
    const text = Array.from({ length: 10 }, (_, k) => `line ${k}`).join("\n");
    const { lines, sizes } = await viaReader(pieces(text, [7, 20, 33], false), 4);
    expect(sizes).toEqual([4, 4, 2]);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("replaces bytes that are not UTF-8 as node:readline does", async () => {
    const bytes = Buffer.from([0x61, 0xe2, 0x82, 0x0a, 0xff, 0x62, 0x0d, 0x0a, 0xc3]);
    const expected: Line[] = [];
    let lineNo = 0;
    for await (const t of createInterface({
      input: Readable.from([bytes]),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      lineNo++;
      if (t.trim() !== "") expected.push({ lineNo, text: t });
    }
    for (let cut = 0; cut <= bytes.length; cut++) {
      const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)].filter((b) => b.length > 0);
      expect((await viaReader(chunks, 3)).lines).toEqual(expected);
    }
  });
});
