import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { CompetencyError } from "../../../errors.js";
import type { ProgressEvent } from "../../../matcher-types.js";
import { createJsonTokenizer } from "./json-tokenizer.js";

/** Receives the wink word vectors one at a time, in file order. */
export type WinkVectorSink = {
  /** Called once, before the first vector, with `size` (word count) and `dimensions` of the source. */
  header(size: number, dim: number): void;
  /**
   * One `vectors` entry. `key[0..keyLength)` is the word's UTF-8; `values` holds `dim` components, then the
   * L2 norm, then the word's frequency rank (`wordIndex`). Both buffers are reused after the call.
   */
  vector(key: Uint8Array, keyLength: number, values: Float64Array): void;
};

/** Options of {@link readWinkVectors}. */
export type ReadWinkVectorsOptions = {
  /** Progress in bytes read of the file size. @default none */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Label of the progress events. @default "building model store" */
  readonly task?: string;
  /** Read chunk size in bytes. @default 1 MiB */
  readonly chunkBytes?: number;
};

const TOP_OTHER = 0;
const TOP_SIZE = 1;
const TOP_DIM = 2;
const TOP_VECTORS = 3;
const decoder = new TextDecoder();

/**
 * Streams the wink-embeddings JSON (`{size, dimensions, words, vectors: {word: [..dim, l2norm, wordIndex]}}`)
 * into `sink` without holding the document: memory is one read chunk plus the longest key.
 *
 * @throws CompetencyError MODEL_UNAVAILABLE when the file cannot be read or does not have that layout.
 */
export async function readWinkVectors(
  sourcePath: string,
  sink: WinkVectorSink,
  options: ReadWinkVectorsOptions = {},
): Promise<{ size: number; dim: number; vectors: number }> {
  const task = options.task ?? "building model store";
  const onProgress = options.onProgress;
  let size = -1;
  let dim = -1;
  let depth = 0;
  let top = TOP_OTHER;
  let values = new Float64Array(0);
  let count = 0;
  let vectors = 0;
  let key = new Uint8Array(256);
  let keyLength = 0;
  const bad = (what: string): never => {
    throw new Error(`unexpected layout: ${what}`);
  };
  const tokenizer = createJsonTokenizer({
    startContainer(isObject) {
      depth++;
      if (top !== TOP_VECTORS) return;
      if (depth === 2 && isObject) {
        if (!(Number.isInteger(size) && size >= 0 && Number.isInteger(dim) && dim >= 1)) {
          bad('"vectors" before valid "size" and "dimensions"');
        }
        values = new Float64Array(dim + 2);
        sink.header(size, dim);
      } else if (depth === 3 && !isObject) count = 0;
      else bad("nested value inside a vector");
    },
    endContainer() {
      if (top === TOP_VECTORS && depth === 3) {
        if (count !== dim + 2) bad(`vector ${vectors} has ${count} numbers, expected ${dim + 2}`);
        sink.vector(key, keyLength, values);
        vectors++;
      }
      depth--;
    },
    key(bytes, length) {
      if (depth === 1) {
        const name = decoder.decode(bytes.subarray(0, length));
        top =
          name === "size"
            ? TOP_SIZE
            : name === "dimensions"
              ? TOP_DIM
              : name === "vectors"
                ? TOP_VECTORS
                : TOP_OTHER;
      } else if (depth === 2 && top === TOP_VECTORS) {
        if (length > key.length) key = new Uint8Array(length * 2);
        key.set(bytes.subarray(0, length));
        keyLength = length;
      }
    },
    string() {},
    number(value) {
      if (depth === 1 && top === TOP_SIZE) size = value;
      else if (depth === 1 && top === TOP_DIM) dim = value;
      else if (depth === 3 && top === TOP_VECTORS) {
        if (count >= values.length) bad(`vector ${vectors} is longer than ${dim + 2}`);
        values[count++] = value;
      }
    },
    literal() {},
  });

  try {
    const total = (await stat(sourcePath)).size;
    onProgress?.({ task, done: 0, total, phase: "start" });
    let done = 0;
    const stream = createReadStream(sourcePath, { highWaterMark: options.chunkBytes ?? 1 << 20 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      tokenizer.write(chunk);
      done += chunk.length;
      onProgress?.({ task, done, total, phase: "progress" });
    }
    tokenizer.end();
    if (vectors === 0 && size !== 0) bad('no "vectors" object');
    onProgress?.({ task, done, total, phase: "end" });
  } catch (cause) {
    if (cause instanceof CompetencyError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CompetencyError("MODEL_UNAVAILABLE", `cannot read word vectors from ${sourcePath}: ${reason}`, {
      cause,
    });
  }
  return { size, dim, vectors };
}
