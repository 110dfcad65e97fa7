/**
 * FNV-1a 32-bit hash of `bytes[start..end)`, as an unsigned integer. Used for the store's hash table, so
 * changing it needs a new STORE_FORMAT_VERSION.
 *
 * @example fnv1a(new TextEncoder().encode("a"), 0, 1) // 0xe40c292c
 */
export function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}
