import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** One input line with its 1-based number. */
export type Line = { readonly lineNo: number; readonly text: string };

/**
 * Yields the non-blank lines of a stream in chunks of `chunkSize`. readline's async iterator pauses the
 * input once 1,024 lines are buffered, so a slow consumer applies backpressure all the way to the file.
 */
export async function* readLineChunks(input: Readable, chunkSize: number): AsyncGenerator<Line[]> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let chunk: Line[] = [];
  let lineNo = 0;
  try {
    for await (const text of rl) {
      lineNo++;
      if (text.trim() === "") continue;
      chunk.push({ lineNo, text });
      if (chunk.length >= chunkSize) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  } finally {
    rl.close();
  }
}
