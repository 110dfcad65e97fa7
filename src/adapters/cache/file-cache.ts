import { readFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { CompetencyError } from "../../errors.js";
import type { EmbeddingCache } from "../../ports.js";
import { createMemoryLru } from "./memory-lru.js";

/**
 * File layout, little-endian: magic "CAPIEMBC" (8 bytes), u32 format version, u32 entry count, u32 CRC-32
 * of the body, u32 reserved; then per entry, least recently used first: u32 key byte length, u32 row
 * length, key UTF-8, row float32s.
 */
const MAGIC = "CAPIEMBC";
const VERSION = 1;
const HEADER_BYTES = 24;

/** Options of {@link createFileCache}. */
export type FileCacheOptions = {
  /** The cache file; missing is fine (starts empty). Written atomically by `flush()`. */
  readonly path: string;
  /** Largest number of rows kept in memory and written, an integer ≥ 1. */
  readonly capacity: number;
};

/** An EmbeddingCache that persists its rows with `flush()`. */
export type FileCache = EmbeddingCache & {
  /** Writes every row to `path` (via `<path>.<pid>.tmp` + rename). */
  flush(): Promise<void>;
};

/**
 * Creates a persistent embedding cache: an in-memory LRU (see `createMemoryLru`) loaded from `path` on
 * creation, least recently used first so recency survives a restart. Loaded rows do not count as hits or
 * misses. Keys should include the model id, so a model change never reads stale rows.
 *
 * @throws CompetencyError CACHE_CORRUPT when the file exists but fails its checks, FILE_UNREADABLE when it
 *   cannot be read, INVALID_CONFIG for a bad capacity
 * @example const cache = createFileCache({ path: join(cacheDir, "embeddings.bin"), capacity: 50_000 });
 */
export function createFileCache(options: FileCacheOptions): FileCache {
  const lru = createMemoryLru(options.capacity);
  const path = options.path;
  let file: Buffer | undefined;
  try {
    file = readFileSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT")
      throw new CompetencyError("FILE_UNREADABLE", path, { cause });
  }
  if (file !== undefined) for (const [key, row] of decode(file, path)) lru.set(key, row);

  return {
    get: (key) => lru.get(key),
    set: (key, row) => lru.set(key, row),
    get size() {
      return lru.size;
    },
    stats: () => lru.stats(),
    clear: () => lru.clear(),
    async flush() {
      const tmp = `${path}.${process.pid}.tmp`;
      try {
        await writeFile(tmp, encode(lru.entries(), lru.size));
        await rename(tmp, path);
      } catch (cause) {
        await rm(tmp, { force: true });
        throw new CompetencyError("FILE_UNWRITABLE", path, { cause });
      }
    },
  };
}

function encode(entries: Iterable<[string, Float32Array]>, count: number): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let bytes = HEADER_BYTES;
  for (const [key, row] of entries) {
    const keyBytes = encoder.encode(key);
    const part = new Uint8Array(8 + keyBytes.length + 4 * row.length);
    const view = new DataView(part.buffer);
    view.setUint32(0, keyBytes.length, true);
    view.setUint32(4, row.length, true);
    part.set(keyBytes, 8);
    for (let d = 0; d < row.length; d++) view.setFloat32(8 + keyBytes.length + 4 * d, row[d] as number, true);
    parts.push(part);
    bytes += part.length;
  }
  const out = new Uint8Array(bytes);
  let at = HEADER_BYTES;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  const view = new DataView(out.buffer);
  for (let k = 0; k < MAGIC.length; k++) out[k] = MAGIC.charCodeAt(k);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, count, true);
  view.setUint32(16, crc32(out.subarray(HEADER_BYTES)), true);
  return out;
}

function decode(file: Uint8Array, path: string): Array<[string, Float32Array]> {
  const corrupt = (what: string): never => {
    throw new CompetencyError("CACHE_CORRUPT", `${path}: ${what}`);
  };
  if (file.length < HEADER_BYTES) corrupt("shorter than the header");
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  for (let k = 0; k < MAGIC.length; k++) if (file[k] !== MAGIC.charCodeAt(k)) corrupt("bad magic");
  if (view.getUint32(8, true) !== VERSION)
    corrupt(`format version ${view.getUint32(8, true)}, expected ${VERSION}`);
  if (crc32(file.subarray(HEADER_BYTES)) !== view.getUint32(16, true)) corrupt("checksum mismatch");
  const count = view.getUint32(12, true);
  const decoder = new TextDecoder();
  const out: Array<[string, Float32Array]> = [];
  let at = HEADER_BYTES;
  for (let e = 0; e < count; e++) {
    if (at + 8 > file.length) corrupt(`entry ${e} is truncated`);
    const keyLength = view.getUint32(at, true);
    const dim = view.getUint32(at + 4, true);
    const end = at + 8 + keyLength + 4 * dim;
    if (end > file.length) corrupt(`entry ${e} is truncated`);
    const key = decoder.decode(file.subarray(at + 8, at + 8 + keyLength));
    const row = new Float32Array(dim);
    for (let d = 0; d < dim; d++) row[d] = view.getFloat32(at + 8 + keyLength + 4 * d, true);
    out.push([key, row]);
    at = end;
  }
  if (at !== file.length) corrupt(`${file.length - at} trailing bytes`);
  return out;
}
