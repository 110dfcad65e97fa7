import { StringDecoder } from "node:string_decoder";

/** One input line with its 1-based number. */
export type Line = { readonly lineNo: number; readonly text: string };

/**
 * Yields the non-blank lines of a stream in chunks of `chunkSize`, split and numbered exactly as
 * node:readline splits them (`\n`, `\r\n` and a lone `\r` each end a line, a `\r\n` cut between two reads
 * included). Not readline itself: its async iterator buffers every line as an event and an iterator result,
 * which cost a third of the allocation and more time than the parse in a profile of `rank` over 100,000
 * lines. Here each read is split with `indexOf`, a line is a slice of it, and the generator pauses the
 * stream between chunks, so a slow consumer still applies backpressure all the way to the file.
 */
export async function* readLineChunks(
  input: AsyncIterable<string | Uint8Array>,
  chunkSize: number,
): AsyncGenerator<Line[]> {
  const decoder = new StringDecoder("utf8");
  let chunk: Line[] = [];
  const split = createLineSplitter(1, (line) => chunk.push(line));
  for await (const data of input) {
    split.write(typeof data === "string" ? data : decoder.write(data));
    while (chunk.length >= chunkSize) {
      const full = chunk.length === chunkSize ? chunk : chunk.slice(0, chunkSize);
      chunk = chunk.length === chunkSize ? [] : chunk.slice(chunkSize);
      yield full;
    }
  }
  // An incomplete UTF-8 sequence at the very end of a byte stream is dropped (decoder.end() not read).
  split.end();
  if (chunk.length > 0) yield chunk;
}

/** Splits text fed in pieces into lines; see createLineSplitter. */
export type LineSplitter = {
  /** Splits the next piece of text: every line it completes goes to the callback. */
  write(text: string): void;
  /** The input ended: a last line without a line end is a line (as readline yields it). */
  end(): void;
};

/**
 * Splits text into lines exactly as node:readline does (`\n`, `\r\n` and a lone `\r` each end a line, a
 * `\r\n` cut between two pieces included), numbers them from `firstLineNo`, and hands every non-blank one
 * to `onLine`. The one implementation of the rule for streams (readLineChunks) and for whole chunks of a
 * file (linesOfBytes), so a line has the same number and text whichever thread splits it.
 */
export function createLineSplitter(firstLineNo: number, onLine: (line: Line) => void): LineSplitter {
  let lineNo = firstLineNo - 1;
  // The text after the last `\n` written so far: the start of a line a later piece ends.
  let carry = "";
  const add = (text: string): void => {
    lineNo++;
    if (text.trim() !== "") onLine({ lineNo, text });
  };
  // A line up to (not including) a `\n`, or the end of the input: a `\r` before the `\n` belongs to it, and
  // any other `\r` ends a line of its own.
  const addUpToLf = (text: string): void => {
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === CR ? text.length - 1 : text.length;
    const body = end === text.length ? text : text.slice(0, end);
    if (body.indexOf("\r") === -1) add(body);
    else for (const part of body.split("\r")) add(part);
  };
  return {
    write(text) {
      let at = 0;
      for (let lf = text.indexOf("\n"); lf !== -1; lf = text.indexOf("\n", at)) {
        const piece = text.slice(at, lf);
        at = lf + 1;
        if (carry === "") addUpToLf(piece);
        else {
          addUpToLf(carry + piece);
          carry = "";
        }
      }
      if (at < text.length) carry += text.slice(at);
    },
    // readline yields a last line without a line end, but not the empty text after a final `\r`.
    end() {
      if (carry !== "") addUpToLf(carry);
      carry = "";
    },
  };
}

const CR = 13;
