/** Bytes per digest entry: a 64-bit hash of the id (two 32-bit halves) and the line's offset in its shard. */
export const ID_DIGEST_ENTRY_BYTES = 12;

/**
 * Writes a 64-bit hash of `id` (two independent 32-bit FNV-1a style hashes over its UTF-16 code units)
 * into `out[offset]` and `out[offset + 1]`. Equal ids always hash equal; different ids collide with
 * probability about 2^-64 per pair, and a collision is only ever a candidate to confirm, never a verdict.
 *
 * @example
 * const out = new Uint32Array(2);
 * hashId64("c42", out, 0); // out holds the two halves
 */
export function hashId64(id: string, out: Uint32Array, offset: number): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[offset] = (a ^ (a >>> 13)) >>> 0;
  out[offset + 1] = Math.imul(b ^ (b >>> 13), 0x85ebca6b) >>> 0;
}

/**
 * Encodes the accepted ids of a shard (id → line number, in line order, as rankLines' `seen` holds them)
 * as 12-byte entries: hash high half, hash low half, line number − `firstLineNo` (platform byte order).
 */
export function encodeIdDigest(seen: ReadonlyMap<string, number>, firstLineNo: number): Buffer {
  const words = new Uint32Array(seen.size * 3);
  let k = 0;
  for (const [id, lineNo] of seen) {
    hashId64(id, words, k);
    words[k + 2] = lineNo - firstLineNo;
    k += 3;
  }
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
}

/** Decodes a digest back to its words (3 per entry: hash high, hash low, line offset). */
export function decodeIdDigest(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer, 0, Math.floor(copy.length / 4));
}
