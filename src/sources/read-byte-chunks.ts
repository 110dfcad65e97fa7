import { StringDecoder } from "node:string_decoder";
import { createLineSplitter, type Line } from "./read-lines.js";

/**
 * Whole lines of a file as bytes, the first of them numbered `firstLineNo` (1-based, as readline counts),
 * found at byte `offset` of the input. `bytes` has an ArrayBuffer of its own (exactly its length), so it
 * can be transferred to another thread; `byteLength` stays known after that.
 */
export type ByteChunk = {
  readonly bytes: Uint8Array;
  readonly firstLineNo: number;
  readonly offset: number;
  readonly byteLength: number;
};

const LF = 10;
const CR = 13;

/**
 * Cuts a byte stream into chunks of whole lines without decoding it: each chunk ends just after the
 * `linesPerChunk`-th `\n` (the last one where the input ends), and knows the number of its first line.
 * The thread that reads a file for a pool of workers uses it, so that it never holds the text: a line
 * becomes a string only on the worker that parses it (`linesOfBytes`). A cut after a `\n` never splits a
 * `\r\n` or a UTF-8 sequence.
 *
 * `input` may hand out views of one reused buffer (each valid until the next is asked for), and the bytes
 * are gathered in one reused buffer too: the only allocation per chunk is its own copy, which the caller
 * transfers away. Buffers allocated per read and left to die in a thread that allocates little else
 * piled up until a collection: 20 MB of external memory in `rank --workers 2` over 100,000 lines.
 */
export async function* readByteChunks(
  input: AsyncIterable<Uint8Array>,
  linesPerChunk: number,
): AsyncGenerator<ByteChunk> {
  let pending = Buffer.allocUnsafe(1 << 16);
  let used = 0;
  let lfs = 0; // `\n` bytes in `pending`
  let firstLineNo = 1;
  let offset = 0;
  const append = (from: Buffer, start: number, end: number): void => {
    if (used + end - start > pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * pending.length, used + end - start));
      pending.copy(grown, 0, 0, used);
      pending = grown;
    }
    from.copy(pending, used, start, end);
    used += end - start;
  };
  const cut = (): ByteChunk => {
    const bytes = new Uint8Array(used);
    bytes.set(pending.subarray(0, used));
    const chunk = { bytes, firstLineNo, offset, byteLength: used };
    firstLineNo += lineEnds(bytes, lfs);
    offset += used;
    used = 0;
    lfs = 0;
    return chunk;
  };
  for await (const data of input) {
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let from = 0;
    for (let lf = buf.indexOf(LF); lf !== -1; lf = buf.indexOf(LF, lf + 1)) {
      if (++lfs < linesPerChunk) continue;
      append(buf, from, lf + 1);
      from = lf + 1;
      yield cut();
    }
    append(buf, from, buf.length);
  }
  if (used > 0) yield cut();
}

/**
 * Line ends in `bytes` as readline counts them: every `\n` (with the `\r` before it, if any) and every
 * other `\r`. `lfs` is the number of `\n` bytes, already counted by the caller.
 */
function lineEnds(bytes: Uint8Array, lfs: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ends = lfs;
  for (let cr = buf.indexOf(CR); cr !== -1; cr = buf.indexOf(CR, cr + 1)) if (buf[cr + 1] !== LF) ends++;
  return ends;
}

/**
 * The non-blank lines of a chunk from `readByteChunks`, split and numbered as readLineChunks would split
 * the same bytes of a file opened as UTF-8 text (so a worker's lines are the main thread's lines).
 */
export function linesOfBytes(chunk: Pick<ByteChunk, "bytes" | "firstLineNo">): Line[] {
  const lines: Line[] = [];
  const split = createLineSplitter(chunk.firstLineNo, (line) => lines.push(line));
  // A file stream with an encoding flushes its decoder at the end: an incomplete UTF-8 sequence there
  // becomes U+FFFD. Every chunk but the last ends with a `\n`, so flushing changes only the last one.
  const decoder = new StringDecoder("utf8");
  split.write(decoder.write(chunk.bytes) + decoder.end());
  split.end();
  return lines;
}
