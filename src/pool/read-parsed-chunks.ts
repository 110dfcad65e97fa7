import type { EventLoopUtilization } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { CompetencyError, type ErrorCode } from "../errors.js";
import type { ParsedRankLines } from "../shards/chunk-task.js";
import { createRunNames } from "../shards/parse-rank-lines.js";

/** Under tsx/vitest the worker is TypeScript source and goes through a tsx bootstrap; built code runs plain JS. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./source-parse-worker.mjs" : "./parse-worker.js", import.meta.url);
/** Chunks parsed ahead of the one being scored: enough to keep both threads busy, few enough to bound memory. */
const CHUNKS_AHEAD = 4;

/** A chunk of candidate lines parsed into columns, and its size in bytes (for progress). */
export type ParsedChunk = { readonly chunk: ParsedRankLines; readonly bytes: number };

type Reply = {
  chunk?: ParsedRankLines;
  bytes?: number;
  done?: true;
  /** A problem of the input (the file could not be read). */
  error?: { code: ErrorCode; message: string };
  /** The thread failed: a defect, not the input's fault. */
  failed?: string;
};

/** The chunks of a file being read and parsed on the reader thread. */
export type ParsedChunks = {
  /** The chunks in order; call once. Stopping early ends the thread. */
  readonly chunks: AsyncGenerator<ParsedChunk>;
  /** Ends the thread (for a caller that stops before reading the chunks). */
  close(): Promise<void>;
  /** The thread's event-loop utilisation, read as it ended (undefined before). */
  readonly elu: EventLoopUtilization | undefined;
};

/**
 * Reads, splits and parses the candidates file at `path` on a thread of its own (see parse-worker.ts) and
 * yields its chunks of `chunkLines` lines in order, parsed into columns, at most CHUNKS_AHEAD ahead of the
 * consumer. The thread starts at once, so it reads while the caller loads its model. A read error is
 * thrown as the CompetencyError the main thread would throw (FILE_NOT_FOUND, FILE_UNREADABLE); a failure of
 * the thread itself as a plain Error (a defect).
 */
export function readParsedChunks(path: string, chunkLines: number): ParsedChunks {
  const worker = new Worker(WORKER_URL, { workerData: { path, chunkLines } });
  const replies: Reply[] = [];
  let wake: (() => void) | null = null;
  const deliver = (reply: Reply): void => {
    replies.push(reply);
    wake?.();
    wake = null;
  };
  worker.on("message", deliver);
  worker.on("error", (error) => deliver({ failed: error.stack ?? error.message }));
  worker.on("exit", (code) => deliver({ failed: `reader thread exited with code ${code}` }));
  worker.postMessage({ more: CHUNKS_AHEAD });
  let elu: EventLoopUtilization | undefined;
  const close = async (): Promise<void> => {
    worker.removeAllListeners("exit");
    elu ??= worker.performance.eventLoopUtilization();
    await worker.terminate();
  };
  async function* chunks(): AsyncGenerator<ParsedChunk> {
    const runNames = createRunNames();
    try {
      for (;;) {
        while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const reply = replies.shift()!;
        if (reply.error !== undefined) throw new CompetencyError(reply.error.code, reply.error.message);
        if (reply.failed !== undefined) throw new Error(`reader thread: ${reply.failed}`);
        if (reply.done === true) return;
        worker.postMessage({ more: 1 });
        yield { chunk: runNames(reply.chunk!), bytes: reply.bytes! };
      }
    } finally {
      await close();
    }
  }
  return {
    chunks: chunks(),
    close,
    get elu() {
      return elu;
    },
  };
}
