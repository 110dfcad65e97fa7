import { crc32 } from "node:zlib";

/**
 * Binary word-vector store, format version 2. All integers little-endian; every section starts on a
 * 4-byte boundary so typed-array views need no copy. Row `i` is the word of frequency rank `i` (the source's
 * `wordIndex`), so the rank needs no column of its own.
 *
 * ```
 * offset  size        field
 * 0       8           magic "CAPIWVEC"
 * 8       4           u32 format version (STORE_FORMAT_VERSION)
 * 12      4           u32 dim
 * 16      4           u32 word count n
 * 20      4           u32 hash slot count S (power of two, ≥ n / 0.7)
 * 24      4           u32 word blob bytes B
 * 28      4           u32 CRC-32 (zlib) of every byte of the file except these 4
 * 32      16          source package version, ASCII, zero-padded
 * 48      4           u32 CRC-32 (zlib) of the header (less both checksums), bytes [64, rows) and the blob
 * 52      12          reserved, zero
 * 64      4n          f32 scales: row i = q[i] · scale[i] has unit L2 norm (0 for an all-zero row)
 * ..      4(n+1)      u32 word offsets into the blob; word i = blob[off[i] .. off[i+1])
 * ..      4S          u32 open-addressing slots (linear probing): 0 = empty, else word index + 1;
 *                     home slot = FNV-1a-32(word UTF-8) & (S − 1)
 * ..      n·dim       i8 rows, symmetric per-row quantisation q = round(127 · x / max|x|)
 * ..      B           UTF-8 word blob
 * ```
 */
/**
 * Version 2 adds the index checksum so a load can read and verify only the index (≈ 7.7 MB) and leave the
 * 34 MB of rows on disk, read per word on demand (version 1 read and checked all 41.5 MB at every load).
 */
export const STORE_FORMAT_VERSION = 2;
export const STORE_INDEX_CHECKSUM_OFFSET = 48;
export const STORE_MAGIC = "CAPIWVEC";
export const STORE_HEADER_BYTES = 64;
export const STORE_CHECKSUM_OFFSET = 28;
export const STORE_VERSION_OFFSET = 32;
export const STORE_VERSION_BYTES = 16;
/** Highest hash-table load factor; linear probing stays short (≈ 2 probes per hit) below it. */
export const STORE_MAX_LOAD = 0.7;

/** Byte offsets of each section of a store with the given sizes. */
export type StoreLayout = {
  readonly scales: number;
  readonly offsets: number;
  readonly slots: number;
  readonly rows: number;
  readonly blob: number;
  /** Total file size in bytes. */
  readonly total: number;
};

/** Computes where each section lives; `blobBytes` only moves the end of the file. */
export function storeLayout(count: number, dim: number, slotCount: number, blobBytes: number): StoreLayout {
  const scales = STORE_HEADER_BYTES;
  const offsets = scales + 4 * count;
  const slots = offsets + 4 * (count + 1);
  const rows = slots + 4 * slotCount;
  const blob = rows + count * dim;
  return { scales, offsets, slots, rows, blob, total: blob + blobBytes };
}

/** Smallest power of two that keeps `count` words under STORE_MAX_LOAD. */
export function storeSlotCount(count: number): number {
  let slots = 1;
  while (slots * STORE_MAX_LOAD < count) slots *= 2;
  return slots;
}

/**
 * CRC-32 of everything a load reads and trusts: the header without its two checksum fields, the index
 * sections [64, rows) and the word blob. The builder writes it; `loadStore` checks it.
 */
export function indexChecksum(header: Uint8Array, index: Uint8Array, blob: Uint8Array): number {
  let crc = crc32(header.subarray(0, STORE_CHECKSUM_OFFSET));
  crc = crc32(header.subarray(STORE_CHECKSUM_OFFSET + 4, STORE_INDEX_CHECKSUM_OFFSET), crc);
  crc = crc32(header.subarray(STORE_INDEX_CHECKSUM_OFFSET + 4, STORE_HEADER_BYTES), crc);
  return crc32(blob, crc32(index, crc));
}
