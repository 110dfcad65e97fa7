import { describe, expect, it } from "vitest";
import { linesOfBytes } from "../sources/read-byte-chunks.js";
import { settleLinesOfBytes } from "./rank-lines.js";

const line = (id: string, name: string) =>
  JSON.stringify({ id, skills: [{ name, level: { value: 3, max: 5 } }] });

describe("settleLinesOfBytes", () => {
  const text = `${line("a", "Go")}\n\n${line("b", "Rust")}\n`;
  const chunk = { bytes: new Uint8Array(0), firstLineNo: 7, offset: 0, byteLength: Buffer.byteLength(text) };
  const lineNos = Int32Array.from(
    linesOfBytes({ bytes: Buffer.from(text), firstLineNo: 7 }),
    (l) => l.lineNo,
  );

  it("numbers lines from the worker's result and reads a line's skills from the bytes given again", () => {
    const lines = settleLinesOfBytes(chunk, lineNos, () => Buffer.from(text));
    expect(lines.length).toBe(2);
    expect([lines.lineNo(0), lines.lineNo(1)]).toEqual([7, 9]);
    expect(lines.skills(1)).toEqual([{ name: "Rust", level: { value: 3, max: 5 } }]);
  });

  it("fails with INPUT_CHANGED when the bytes read again are not the lines that were ranked", () => {
    const shifted = settleLinesOfBytes(chunk, lineNos, () => Buffer.from(`${line("b", "Rust")}\n`));
    expect(() => shifted.skills(1)).toThrow(expect.objectContaining({ code: "INPUT_CHANGED" }));
    const broken = settleLinesOfBytes(chunk, lineNos, () => Buffer.from(`${line("a", "Go")}\n\n{"id":\n`));
    expect(() => broken.skills(1)).toThrow(/line 9 changed/);
  });
});
