import { readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { CompetencyError } from "../../../errors.js";
import {
  STORE_CHECKSUM_OFFSET,
  STORE_FORMAT_VERSION,
  STORE_HEADER_BYTES,
  STORE_MAGIC,
  STORE_VERSION_BYTES,
  STORE_VERSION_OFFSET,
  storeLayout,
} from "./store-format.js";

/** A loaded word-vector store: typed-array views over one file buffer. Row `i` has frequency rank `i`. */
export type WordStore = {
  readonly dim: number;
  /** Number of words. */
  readonly count: number;
  /** Version of the source package the store was built from. */
  readonly sourceVersion: string;
  /** Row-major `count × dim` int8 components. */
  readonly rows: Int8Array;
  /** Per-row factor that makes `rows[i] · scales[i]` unit length. */
  readonly scales: Float32Array;
  /** `count + 1` byte offsets into `blob`. */
  readonly offsets: Uint32Array;
  /** Hash slots: 0 = empty, else word index + 1. Length is a power of two. */
  readonly slots: Uint32Array;
  /** UTF-8 words, back to back. */
  readonly blob: Uint8Array;
  /** Bytes held by the store. */
  readonly bytes: number;
};

/**
 * Reads a binary store (see `store-format.ts`) with one read and verifies it.
 *
 * @throws CompetencyError FILE_NOT_FOUND when the file does not exist, FILE_UNREADABLE on other read
 *   errors, CACHE_CORRUPT when magic, version, sizes or checksum do not match.
 */
export function loadStore(path: string): WordStore {
  let file: Uint8Array;
  try {
    file = readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
    throw new CompetencyError(code, path, { cause });
  }
  const corrupt = (what: string): never => {
    throw new CompetencyError("CACHE_CORRUPT", `${path}: ${what}`);
  };
  if (file.length < STORE_HEADER_BYTES) corrupt(`${file.length} bytes is shorter than the header`);
  // Typed-array views need aligned offsets; a fresh large read is aligned, a pooled one may not be.
  if (file.byteOffset % 4 !== 0) file = file.slice();
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  for (let k = 0; k < STORE_MAGIC.length; k++) {
    if (file[k] !== STORE_MAGIC.charCodeAt(k)) corrupt("bad magic");
  }
  const version = view.getUint32(8, true);
  if (version !== STORE_FORMAT_VERSION)
    corrupt(`format version ${version}, expected ${STORE_FORMAT_VERSION}`);
  const dim = view.getUint32(12, true);
  const count = view.getUint32(16, true);
  const slotCount = view.getUint32(20, true);
  const blobBytes = view.getUint32(24, true);
  if (dim < 1 || slotCount < count || (slotCount & (slotCount - 1)) !== 0) corrupt("bad header sizes");
  const layout = storeLayout(count, dim, slotCount, blobBytes);
  if (layout.total !== file.length) corrupt(`${file.length} bytes, header implies ${layout.total}`);
  let crc = crc32(file.subarray(0, STORE_CHECKSUM_OFFSET));
  crc = crc32(file.subarray(STORE_CHECKSUM_OFFSET + 4), crc);
  if (crc !== view.getUint32(STORE_CHECKSUM_OFFSET, true)) corrupt("checksum mismatch");

  const buffer = file.buffer;
  const base = file.byteOffset;
  const offsets = new Uint32Array(buffer, base + layout.offsets, count + 1);
  if (offsets[count] !== blobBytes) corrupt("word offsets do not match the blob");
  let sourceVersion = "";
  for (let k = 0; k < STORE_VERSION_BYTES; k++) {
    const c = file[STORE_VERSION_OFFSET + k] as number;
    if (c === 0) break;
    sourceVersion += String.fromCharCode(c);
  }
  return {
    dim,
    count,
    sourceVersion,
    rows: new Int8Array(buffer, base + layout.rows, count * dim),
    scales: new Float32Array(buffer, base + layout.scales, count),
    offsets,
    slots: new Uint32Array(buffer, base + layout.slots, slotCount),
    blob: new Uint8Array(buffer, base + layout.blob, blobBytes),
    bytes: file.length,
  };
}
