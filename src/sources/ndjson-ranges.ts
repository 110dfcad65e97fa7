import { createHash, type Hash } from "node:crypto";
import { open } from "node:fs/promises";
import { CompetencyError } from "../errors.js";
import { fileError } from "./file-error.js";
import { readFileChunks } from "./read-file-chunks.js";
import type { Line } from "./read-lines.js";

/** One shard of an NDJSON file: whole lines in bytes [start, end), first line numbered `firstLineNo` (1-based). */
export type NdjsonRange = {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly firstLineNo: number;
  /** Physical lines, blank ones included (they keep their numbers, as in the in-process reader). */
  readonly lines: number;
  /** SHA-256 (hex) of the range's bytes. */
  readonly sha256: string;
};

/** The split of a file into ranges, and the identity of its content. */
export type NdjsonPlan = {
  readonly ranges: readonly NdjsonRange[];
  readonly bytes: number;
  readonly lines: number;
  /** Identity of the content: SHA-256 of the byte count and the ranges' checksums (the file is hashed once). */
  readonly sha256: string;
};

const LF = 10;
const PLAN_READ_BYTES = 1 << 20;

const CR = 13;

/**
 * Reads `path` once and splits it into ranges of `linesPerRange` lines, cut only after a `\n`. Lines are
 * counted the way node:readline counts them (`\n`, `\r\n` and a lone `\r` each end one), so line numbers
 * match the in-process commands exactly.
 */
export async function planNdjsonRanges(path: string, linesPerRange: number): Promise<NdjsonPlan> {
  const ranges: NdjsonRange[] = [];
  let hash: Hash = createHash("sha256");
  let offset = 0;
  let start = 0;
  let lineNo = 1; // number of the line that starts at `start`
  let inRange = 0; // line ends seen in the current range
  let lastByte = -1;
  let pendingCr = false;
  const close = (end: number, lines: number): void => {
    ranges.push({ index: ranges.length, start, end, firstLineNo: lineNo, lines, sha256: hash.digest("hex") });
    hash = createHash("sha256");
    start = end;
    lineNo += lines;
    inRange = 0;
  };
  try {
    for await (const buf of readFileChunks(path, PLAN_READ_BYTES)) {
      let from = 0;
      // Fast path (no \r in the chunk): jump from one \n to the next natively instead of byte by byte.
      const scanFrom = !pendingCr && buf.indexOf(CR) === -1 ? buf.length : 0;
      for (let i = buf.indexOf(LF); scanFrom > 0 && i !== -1; i = buf.indexOf(LF, i + 1)) {
        inRange++;
        if (inRange >= linesPerRange) {
          hash.update(buf.subarray(from, i + 1));
          from = i + 1;
          close(offset + i + 1, inRange);
        }
      }
      for (let i = scanFrom; i < buf.length; i++) {
        const b = buf[i] as number;
        if (pendingCr) {
          pendingCr = false;
          if (b !== LF) inRange++; // a lone \r ended a line
        }
        if (b === CR) pendingCr = true;
        else if (b === LF) {
          inRange++;
          if (inRange >= linesPerRange) {
            hash.update(buf.subarray(from, i + 1));
            from = i + 1;
            close(offset + i + 1, inRange);
          }
        }
      }
      hash.update(buf.subarray(from));
      if (buf.length > 0) lastByte = buf[buf.length - 1] as number;
      offset += buf.length;
    }
  } catch (cause) {
    // As every command reports a file it cannot read (the reason named; see fileError).
    throw fileError(path, cause);
  }
  if (pendingCr) inRange++;
  if (offset > start) {
    // A last line without a line end still counts, as readline yields it.
    close(offset, inRange + (lastByte === LF || lastByte === CR ? 0 : 1));
  }
  const identity = createHash("sha256").update(String(offset));
  for (const r of ranges) identity.update(`\n${r.sha256}`);
  return { ranges, bytes: offset, lines: lineNo - 1, sha256: identity.digest("hex") };
}

/** The lines of a shard, handed out in chunks: only the chunk being scored exists as strings. */
export type LineChunks = {
  /** Physical lines, blank ones included. */
  readonly physicalLines: number;
  chunks(size: number): Generator<Line[]>;
};

/** Chunks of an array of lines. */
export function* sliceChunks(lines: readonly Line[], size: number): Generator<Line[]> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size);
}

/**
 * Reads one range back, checks its SHA-256 against the plan (a file changed since planning is
 * INPUT_CHANGED), and returns its non-blank lines with their numbers, split as node:readline splits.
 * Lines are decoded chunk by chunk from the range's bytes, so a shard's strings die young (no whole-shard
 * string and line array survives into the old generation while the shard is scored).
 */
export async function readNdjsonRange(
  path: string,
  range: Omit<NdjsonRange, "index" | "lines">,
): Promise<LineChunks> {
  const buf = await readCheckedRange(path, range);
  if (buf.indexOf(CR) === -1) {
    let physicalLines = 0;
    for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1)) physicalLines++;
    if (buf.length > 0 && buf[buf.length - 1] !== LF) physicalLines++;
    return { physicalLines, chunks: (size) => lfChunks(buf, range.firstLineNo, size) };
  }
  const texts = buf.toString("utf8").split(/\r\n|\n|\r/);
  if (texts[texts.length - 1] === "") texts.pop();
  const out: Line[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    if (text.trim() !== "") out.push({ lineNo: range.firstLineNo + i, text });
  }
  return { physicalLines: texts.length, chunks: (size) => sliceChunks(out, size) };
}

function* lfChunks(buf: Buffer, firstLineNo: number, size: number): Generator<Line[]> {
  let chunk: Line[] = [];
  let lineNo = firstLineNo;
  for (let at = 0; at < buf.length; lineNo++) {
    const lf = buf.indexOf(LF, at);
    const end = lf === -1 ? buf.length : lf;
    // A '\n' byte never falls inside a UTF-8 sequence, so decoding line by line equals decoding the whole.
    const text = buf.toString("utf8", at, end);
    at = end + 1;
    if (text.trim() === "") continue;
    chunk.push({ lineNo, text });
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Reads bytes [start, end) of `path` and checks them against the planned SHA-256. */
async function readCheckedRange(path: string, range: Omit<NdjsonRange, "index" | "lines">): Promise<Buffer> {
  const size = range.end - range.start;
  const buf = Buffer.allocUnsafe(size);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buf, read, size - read, range.start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    if (read !== size)
      throw new CompetencyError("INPUT_CHANGED", `${JSON.stringify(path)} is shorter than planned`);
  } catch (cause) {
    if (cause instanceof CompetencyError) throw cause;
    throw fileError(path, cause);
  } finally {
    await handle?.close();
  }
  const actual = createHash("sha256").update(buf).digest("hex");
  if (actual !== range.sha256) {
    throw new CompetencyError(
      "INPUT_CHANGED",
      `${JSON.stringify(path)} bytes ${range.start}-${range.end}: sha256 ${actual.slice(0, 12)}… ≠ planned ${range.sha256.slice(0, 12)}…`,
    );
  }
  return buf;
}
