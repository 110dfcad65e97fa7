import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";
import { CompetencyError } from "../../../errors.js";
import {
  acquireSharedIndex,
  registerSharedIndex,
  releaseSharedIndex,
  type SharedStoreIndex,
  sharedBytes,
} from "./shared-store-index.js";
import {
  indexChecksum,
  STORE_CHECKSUM_OFFSET,
  STORE_FORMAT_VERSION,
  STORE_HEADER_BYTES,
  STORE_INDEX_CHECKSUM_OFFSET,
  STORE_MAGIC,
  STORE_VERSION_BYTES,
  STORE_VERSION_OFFSET,
  storeLayout,
} from "./store-format.js";

/**
 * A loaded word-vector store: the index (scales, offsets, hash slots, words) in memory, the rows on disk.
 * Row `i` has frequency rank `i`.
 */
export type WordStore = {
  readonly dim: number;
  /** Number of words. */
  readonly count: number;
  /** Version of the source package the store was built from. */
  readonly sourceVersion: string;
  /** Per-row factor that makes `row(i) · scales[i]` unit length. */
  readonly scales: Float32Array;
  /** `count + 1` byte offsets into `blob`. */
  readonly offsets: Uint32Array;
  /** Hash slots: 0 = empty, else word index + 1. Length is a power of two. */
  readonly slots: Uint32Array;
  /** UTF-8 words, back to back. */
  readonly blob: Uint8Array;
  /** Bytes held in memory by the store (the index; rows are read per word). */
  readonly bytes: number;
  /** Reads the int8 components of row `index` into `out` (length ≥ dim): one positioned read. */
  row(index: number, out: Int8Array): void;
  /**
   * Streams the whole file through CRC-32 and compares it with the header: resolves true when the rows are
   * intact. Runs in the background after a load, so the load itself touches only the index.
   */
  verify(): Promise<boolean>;
  /** Closes the file; `row` throws afterwards. */
  close(): void;
};

function readAt(fd: number, path: string, position: number, length: number): Uint8Array {
  // Shared, so that worker threads can use this copy (see shared-store-index.ts).
  const out = sharedBytes(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0)
      throw new CompetencyError(
        "CACHE_CORRUPT",
        `${path}: unexpected end of file at byte ${position + done}`,
      );
    done += n;
  }
  return out;
}

/**
 * Opens a binary store (see `store-format.ts`) and reads only its header and index (≈ 7.7 MB of 41.5 MB),
 * checking magic, version, sizes against the file length (truncation) and the index checksum. Rows stay on
 * disk; `verify()` checks them in the background.
 *
 * @throws CompetencyError FILE_NOT_FOUND when the file does not exist, FILE_UNREADABLE on other read
 *   errors, CACHE_CORRUPT when magic, version, sizes or the index checksum do not match.
 */
/** Options of {@link loadStore}. */
export type LoadStoreOptions = {
  /**
   * The whole file passed its CRC-32 check before and is unchanged (see verified-stamp.ts): skip the index
   * checksum, which that check covers. @default false
   */
  readonly verified?: boolean;
};

export function loadStore(path: string, options: LoadStoreOptions = {}): WordStore {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
    throw new CompetencyError(code, path, { cause });
  }
  try {
    return openStore(fd, path, options.verified === true);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

function openStore(fd: number, path: string, verified: boolean): WordStore {
  const corrupt = (what: string): never => {
    throw new CompetencyError("CACHE_CORRUPT", `${path}: ${what}`);
  };
  const { size, mtimeMs, ino } = fstatSync(fd);
  // Another thread (or an earlier load in this one) already read and checked this very file's index.
  const adopted = acquireSharedIndex(path, { size, mtimeMs, ino });
  if (size < STORE_HEADER_BYTES) corrupt(`${size} bytes is shorter than the header`);
  const header = adopted?.header ?? readAt(fd, path, 0, STORE_HEADER_BYTES);
  const view = new DataView(header.buffer);
  for (let k = 0; k < STORE_MAGIC.length; k++)
    if (header[k] !== STORE_MAGIC.charCodeAt(k)) corrupt("bad magic");
  const version = view.getUint32(8, true);
  if (version !== STORE_FORMAT_VERSION)
    corrupt(`format version ${version}, expected ${STORE_FORMAT_VERSION}`);
  const dim = view.getUint32(12, true);
  const count = view.getUint32(16, true);
  const slotCount = view.getUint32(20, true);
  const blobBytes = view.getUint32(24, true);
  if (dim < 1 || slotCount < count || (slotCount & (slotCount - 1)) !== 0) corrupt("bad header sizes");
  const layout = storeLayout(count, dim, slotCount, blobBytes);
  if (layout.total !== size) corrupt(`${size} bytes, header implies ${layout.total}`);

  const index = adopted?.index ?? readAt(fd, path, STORE_HEADER_BYTES, layout.rows - STORE_HEADER_BYTES);
  const blob = adopted?.blob ?? readAt(fd, path, layout.blob, blobBytes);
  if (
    adopted === undefined &&
    !verified &&
    indexChecksum(header, index, blob) !== view.getUint32(STORE_INDEX_CHECKSUM_OFFSET, true)
  )
    corrupt("index checksum mismatch");
  const at = (offset: number) => offset - STORE_HEADER_BYTES;
  const offsets = new Uint32Array(index.buffer, at(layout.offsets), count + 1);
  if (offsets[count] !== blobBytes) corrupt("word offsets do not match the blob");
  let sourceVersion = "";
  for (let k = 0; k < STORE_VERSION_BYTES; k++) {
    const c = header[STORE_VERSION_OFFSET + k] as number;
    if (c === 0) break;
    sourceVersion += String.fromCharCode(c);
  }
  const expected = view.getUint32(STORE_CHECKSUM_OFFSET, true);
  const shared: SharedStoreIndex = adopted ?? { path, size, mtimeMs, ino, header, index, blob };
  if (adopted === undefined) registerSharedIndex(shared);
  let open = true;
  return {
    dim,
    count,
    sourceVersion,
    scales: new Float32Array(index.buffer, at(layout.scales), count),
    offsets,
    slots: new Uint32Array(index.buffer, at(layout.slots), slotCount),
    blob,
    bytes: index.byteLength + blob.byteLength,
    row(i, out) {
      if (!open) throw new CompetencyError("CLOSED", `${path} is closed`);
      const position = layout.rows + i * dim;
      if (readSync(fd, out, 0, dim, position) !== dim) corrupt(`short read of row ${i}`);
    },
    verify() {
      return new Promise((resolve) => {
        let crc = 0;
        let position = 0;
        const stream = createReadStream(path, { highWaterMark: 1 << 20 });
        stream.on("data", (chunk) => {
          const bytes = chunk as Buffer;
          // Skip the 4 checksum bytes themselves, exactly as the builder did.
          const from = Math.max(0, STORE_CHECKSUM_OFFSET - position);
          const to = Math.min(bytes.length, STORE_CHECKSUM_OFFSET + 4 - position);
          if (from < to) {
            crc = crc32(bytes.subarray(0, from), crc);
            crc = crc32(bytes.subarray(to), crc);
          } else crc = crc32(bytes, crc);
          position += bytes.length;
        });
        stream.on("error", () => resolve(false));
        stream.on("end", () => resolve(position === size && crc === expected));
      });
    },
    close() {
      if (!open) return;
      open = false;
      releaseSharedIndex(shared);
      closeSync(fd);
    },
  };
}
