/**
 * Dense ids (0, 1, 2, …) for distinct strings, looked up through an open-addressing table over one
 * Int32Array: slot s holds (id, hash) at 2s, linear probing, load ≤ 1/2.
 *
 * Why not a `Map<string, …>`: ranking looks up every skill name of every candidate, and those names are
 * fresh strings from `JSON.parse` (it interns keys, not values), so each lookup first hashes the string, then
 * follows the map's bucket, its entry and the stored key. In a probe of 200,000 such lookups against 27,000
 * names, a `Map` took 100–117 ms of CPU where this table took 81–98 ms: one slot read answers most probes, and
 * a stored key is compared only when the full 32-bit hash already agrees.
 *
 * The hash is seeded per table, and a probe run never grows past MAX_PROBES: a name that finds no free slot
 * within it goes to a `Map`. Crafted names that collide therefore cost at most MAX_PROBES slot reads and a
 * `Map` lookup each, never a scan of the table.
 */
export type StringIds = {
  /** Strings with an id. */
  readonly size: number;
  /** The id of `s`, or -1 when `s` has none. */
  find(s: string): number;
  /** Gives `s`, which must have no id yet (`find` returned -1), the next id (`size`) and returns it. */
  push(s: string): number;
};

/** Longest probe run in the table; past it a string goes to the overflow map. */
const MAX_PROBES = 32;
const MIN_SLOTS = 1024;

/**
 * @param hash the string hash; by default seeded FNV-1a (tests pass a constant one to force collisions)
 */
export function createStringIds(
  hash: (s: string) => number = seededHash((Math.random() * 0x1_0000_0000) | 0),
): StringIds {
  let slots = new Int32Array(2 * MIN_SLOTS).fill(-1);
  let mask = MIN_SLOTS - 1;
  const keys: string[] = [];
  let overflow: Map<string, number> | null = null;

  /** Puts `id` (hash `h`) in the first free slot of its run, or in the overflow map when the run is full. */
  function place(id: number, h: number): void {
    let p = h & mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      if (slots[2 * p] === -1) {
        slots[2 * p] = id;
        slots[2 * p + 1] = h;
        return;
      }
      p = (p + 1) & mask;
    }
    overflow ??= new Map();
    overflow.set(keys[id]!, id);
  }

  function grow(): void {
    const size = 2 * (mask + 1);
    slots = new Int32Array(2 * size).fill(-1);
    mask = size - 1;
    overflow = null;
    for (let id = 0; id < keys.length; id++) place(id, hash(keys[id]!));
  }

  return {
    get size() {
      return keys.length;
    },
    find(s) {
      const h = hash(s);
      let p = h & mask;
      for (let probe = 0; probe < MAX_PROBES; probe++) {
        const id = slots[2 * p]!;
        // Nothing is ever removed, so a free slot ends the run: `s` was never placed.
        if (id === -1) return -1;
        if (slots[2 * p + 1] === h && keys[id] === s) return id;
        p = (p + 1) & mask;
      }
      return overflow?.get(s) ?? -1;
    },
    push(s) {
      const id = keys.length;
      keys.push(s);
      if (2 * keys.length > mask + 1) grow();
      else place(id, hash(s));
      return id;
    },
  };
}

/** FNV-1a from `seed` over pairs of UTF-16 code units, then murmur3's finalizer so that the low bits mix. */
export function seededHash(seed: number): (s: string) => number {
  return (s) => {
    const n = s.length;
    let h = seed ^ n;
    let i = 0;
    for (; i + 1 < n; i += 2) h = Math.imul(h ^ (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)), 0x01000193);
    if (i < n) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
}
