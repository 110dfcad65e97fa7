import { availableParallelism } from "node:os";
import type { Readable } from "node:stream";
import type { RequiredSkill } from "../core/types.js";
import type { MatchOptions } from "../matcher-types.js";
import { type ParsedChunks, readParsedChunks } from "../pool/read-parsed-chunks.js";
import type { ChunkScorer, RankLinesResult } from "../shards/chunk-task.js";
import {
  type RankTop,
  type SettleLines,
  settleLinesOf,
  settleLinesOfBytes,
  settleLinesOfParsed,
  startByteRankChunk,
  startParsedRankChunk,
  startRankChunk,
} from "../shards/rank-lines.js";
import { readPostgresLines } from "../sources/postgres-lines.js";
import { type ByteChunk, readByteChunks } from "../sources/read-byte-chunks.js";
import { readFileBytes, readFileRangeSync } from "../sources/read-file-chunks.js";
import { type Line, readLineChunks } from "../sources/read-lines.js";
import { openInput } from "./read-input.js";

/**
 * Where `rank` reads its candidates, in the form its scorer takes them:
 * - `parsed`: a file ranked on this thread, read and parsed into columns on a reader thread (when there is a
 *   second core). This thread then only scores: JSON.parse and collecting what it built were a third of the
 *   time of `rank` over 100,000 lines. The thread starts at once and reads while this one loads the model.
 * - `bytes`: a file ranked by workers, handed over as the bytes of whole lines that each worker splits and
 *   parses (read-byte-chunks.ts). This thread never holds the text, so its heap stays small beside the
 *   workers': with lines, its young generation grew to 32 MB and dead read buffers to ~20 MB.
 * - `lines`: stdin, a pipe, PostgreSQL, or one core: lines read here, parsed where they are scored.
 * Only regular files take the first two: a pipe or FIFO opened twice could lose its writer.
 */
export type RankInput =
  | { readonly kind: "parsed"; readonly parsed: ParsedChunks }
  | { readonly kind: "bytes"; readonly path: string; readonly chunks: AsyncIterable<ByteChunk> }
  | { readonly kind: "lines"; readonly chunks: AsyncIterable<Line[]> };

/** The candidates' source: a path (`-` for stdin, with `size` when it is a regular file) or a table. */
export type RankSource =
  | { readonly path: string; readonly size: number | undefined; readonly stdin: Readable }
  | { readonly postgres: { readonly url: string; readonly table: string } };

/**
 * Opens the candidates for ranking on `workers` threads (0: this one) in chunks of `chunkLines`. A missing
 * or unreadable file fails here, as in every command, before anything is scored.
 */
export async function openRankInput(
  source: RankSource,
  workers: number,
  chunkLines: number,
): Promise<RankInput> {
  if ("postgres" in source)
    return {
      kind: "lines",
      chunks: readPostgresLines(source.postgres.url, source.postgres.table, chunkLines),
    };
  const input = await openInput(source.path, source.stdin);
  if (source.size !== undefined && (workers > 0 || availableParallelism() > 1)) {
    input.destroy(); // opened only to report a missing or unreadable file as every command does
    return workers > 0
      ? { kind: "bytes", path: source.path, chunks: readByteChunks(readFileBytes(source.path), chunkLines) }
      : { kind: "parsed", parsed: readParsedChunks(source.path, chunkLines) };
  }
  return { kind: "lines", chunks: readLineChunks(input, chunkLines) };
}

/** Ends what `openRankInput` started (the reader thread), for a caller that stops before reading it all. */
export async function closeRankInput(input: RankInput): Promise<void> {
  if (input.kind === "parsed") await input.parsed.close();
}

/** What every chunk of one `rank` run is ranked with. */
export type RankJob = {
  readonly scorer: ChunkScorer;
  readonly role: readonly RequiredSkill[];
  readonly options: MatchOptions;
  readonly full: boolean;
  readonly rankTop: RankTop;
};

/** A chunk of the input on its way to be ranked: its size, and its start, which gives what settleRankChunk reads. */
export type RankItem = {
  readonly bytes: number;
  start(): Promise<{ readonly result: RankLinesResult; readonly lines: SettleLines }>;
};

/** The chunks of `input` in order, each ready to be handed to the scorer in its form. */
export async function* rankItems(input: RankInput, job: RankJob): AsyncGenerator<RankItem> {
  const { scorer, role, options, full, rankTop } = job;
  if (input.kind === "parsed") {
    for await (const { chunk, bytes } of input.parsed.chunks)
      yield {
        bytes,
        start: async () => ({
          result: await startParsedRankChunk(scorer, role, options, full, chunk, rankTop),
          lines: settleLinesOfParsed(chunk),
        }),
      };
  } else if (input.kind === "bytes") {
    for await (const chunk of input.chunks)
      yield {
        bytes: chunk.byteLength,
        async start() {
          const result = await startByteRankChunk(scorer, role, options, full, chunk, rankTop);
          // The bytes went to a worker: read again only on the rare path of a chunk ranked twice.
          const again = () => readFileRangeSync(input.path, chunk.offset, chunk.byteLength);
          return { result, lines: settleLinesOfBytes(chunk, result.lineNos, again) };
        },
      };
  } else {
    for await (const chunk of input.chunks)
      yield {
        bytes: chunk.reduce((n, line) => n + Buffer.byteLength(line.text) + 1, 0),
        start: async () => ({
          result: await startRankChunk(scorer, role, options, full, chunk, rankTop),
          lines: settleLinesOf(chunk),
        }),
      };
  }
}
