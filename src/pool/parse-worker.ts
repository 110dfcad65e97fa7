/**
 * The reader thread of `rank --workers 0` over a file: reads the candidates file itself, splits it into
 * chunks of lines (readLineChunks, as the main thread would) and parses and validates each chunk into
 * columns (parseRankLines), while the main thread scores the chunks before. The main thread asks for chunks
 * with `{ more: n }` and gets `{ chunk, bytes }` each (bytes: UTF-8 length of the chunk's lines, newlines
 * included, for progress), then `{ done: true }`, or `{ error }` once.
 */
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { CompetencyError } from "../errors.js";
import { parseRankLines } from "../shards/parse-rank-lines.js";
import { readLineChunks } from "../sources/read-lines.js";

const { path, chunkLines } = workerData as { path: string; chunkLines: number };
const chunks = readLineChunks(createReadStream(path, { encoding: "utf8" }), chunkLines);
let wanted = 0;
let pumping = false;

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    while (wanted > 0) {
      const next = await chunks.next();
      if (next.done === true) {
        parentPort!.postMessage({ done: true });
        return;
      }
      wanted--;
      let bytes = 0;
      for (const line of next.value) bytes += Buffer.byteLength(line.text) + 1;
      parentPort!.postMessage({ chunk: parseRankLines(next.value), bytes });
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const error =
      cause instanceof CompetencyError
        ? { code: cause.code, message: cause.message }
        : { code: code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE", message: JSON.stringify(path) };
    parentPort!.postMessage({ error });
  } finally {
    pumping = false;
  }
}

parentPort!.on("message", (message: { more: number }) => {
  wanted += message.more;
  void pump();
});
