/** A 53-bit key from a 64-bit id hash: exact as a JS number, so a Set or Map can hold it. */
export const idKeyOf = (hi: number, lo: number): number => (hi & 0x1fffff) * 0x100000000 + lo;

/**
 * The keys (see `idKeyOf`) that occur in the digests of more than one shard. Each digest holds 3 words per
 * accepted id (hash high, hash low, line offset), as `decodeIdDigest` returns them.
 *
 * Why an open-addressing table over typed arrays rather than a Map: a 1,000,000-line run sends 1,000,000
 * entries, and a Map of that many number keys took 1.4–1.7 s of the serial merge (measured); this table
 * takes about a tenth of that and 16 bytes per slot. The slot comes from a multiplicative hash of both words, and linear probing stays short at load ≤ 0.5.
 */
export function keysInSeveralShards(digests: readonly Uint32Array[]): Set<number> {
  let entries = 0;
  for (const words of digests) entries += Math.floor(words.length / 3);
  let bits = 4;
  while (1 << bits < entries * 2) bits++;
  const mask = (1 << bits) - 1;
  // One slot = 4 words (hash high, hash low, first shard + 1, unused), so a probe touches one cache line;
  // three parallel arrays cost three cache misses per id and were 2–3× slower.
  const table = new Uint32Array((mask + 1) * 4);
  const repeated = new Set<number>();
  for (let s = 0; s < digests.length; s++) {
    const words = digests[s] as Uint32Array;
    for (let k = 0; k + 2 < words.length; k += 3) {
      const hi = (words[k] as number) & 0x1fffff;
      const lo = words[k + 1] as number;
      // Fibonacci hashing: the top bits of the product mix every bit of both words.
      let slot = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> (32 - bits);
      for (;;) {
        const at = slot * 4;
        const owner = table[at + 2] as number;
        if (owner === 0) {
          table[at] = hi;
          table[at + 1] = lo;
          table[at + 2] = s + 1;
          break;
        }
        if (table[at] === hi && table[at + 1] === lo) {
          if (owner !== s + 1) repeated.add(idKeyOf(hi, lo));
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return repeated;
}
