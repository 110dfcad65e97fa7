/**
 * The reader thread of `rank --workers 0` over a file: reads the candidates file itself, splits it into
 * chunks of lines (readLineChunks, as the main thread would) and parses and validates each chunk into
 * columns (parseRankLines), while the main thread scores the chunks before. It also checks ids against
 * every earlier line, so the main thread keeps no map of 100,000 ids. The main thread asks for chunks with
 * `{ more: n }` and gets `{ chunk, bytes }` each (bytes read from the file since the last chunk, for
 * progress), then `{ done: true }`, or `{ error }` once.
 */
import { StringDecoder } from "node:string_decoder";
import { parentPort, workerData } from "node:worker_threads";
import { RAW_NAMES_KEPT } from "../defaults.js";
import { CompetencyError } from "../errors.js";
import { parseRankLines } from "../shards/parse-rank-lines.js";
import { readFileBytes } from "../sources/read-file-chunks.js";
import { readLineChunks } from "../sources/read-lines.js";

const { path, chunkLines } = workerData as { path: string; chunkLines: number };
let bytesRead = 0;
/** The file as text, read into one reused buffer, decoded as a file stream with an encoding decodes it. */
async function* text(): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const bytes of readFileBytes(path)) {
    bytesRead += bytes.length;
    yield decoder.write(bytes);
  }
  yield decoder.end();
}
const chunks = readLineChunks(text(), chunkLines);
// Every good line's id and number, for the duplicate check that settleRankChunk would otherwise do.
const seen = new Map<string, number>();
// The run's names, numbered once: each chunk sends only the names new in it (see parseRankLines).
const runNames = new Map<string, number>();
let bytesReported = 0;
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
      // Progress in bytes read from the file (a read ahead of the lines handed out, at most).
      const bytes = bytesRead - bytesReported;
      bytesReported = bytesRead;
      // Bounded like the scoring thread's names: past that many, a new run of names starts.
      if (runNames.size >= RAW_NAMES_KEPT) runNames.clear();
      parentPort!.postMessage({ chunk: parseRankLines(next.value, seen, runNames), bytes });
    }
  } catch (cause) {
    // A read error (readFileBytes makes it the CompetencyError the main thread reports for a file) is the
    // input's problem; anything else is a defect and ends the thread (the main thread then fails with it).
    if (cause instanceof CompetencyError)
      parentPort!.postMessage({ error: { code: cause.code, message: cause.message } });
    else throw cause;
  } finally {
    pumping = false;
  }
}

parentPort!.on("message", (message: { more: number }) => {
  wanted += message.more;
  void pump();
});
