import type { NameEntry, NameTable } from "../prepare/name-table.js";

/**
 * What a session knows about one raw skill name: its interned entry and, once known, its embedding row and
 * its head word's row (PENDING until then, and for a name without a head). `stamp` and `slot` say where the
 * name sits in the call that last resolved it (a call numbers its distinct names in one synchronous pass).
 */
export type RawName = {
  readonly raw: string;
  readonly entry: NameEntry;
  row: Float32Array;
  headRow: Float32Array;
  stamp: number;
  slot: number;
};

/** The row of a name still waiting for the embedder. */
export const PENDING = new Float32Array(0);

/** Raw names (and their rows) a session keeps, by raw name; the table starts over past `limit`. */
export type RawNames = {
  /** The name's record, created on first sight. */
  get(raw: string): RawName;
  /** A stamp no earlier call used. */
  nextStamp(): number;
  /** The row kept for head word `entry`, or PENDING: one row object for every name with that head. */
  headRow(entry: NameEntry): Float32Array;
  /** Keeps `row` as the row of head word `entry`. */
  keepHeadRow(entry: NameEntry, row: Float32Array): void;
};

/**
 * A session's raw names: a call looks each raw name up once (one hash of the string) and finds its entry and
 * rows without asking the name table or the embedding cache again. Rows are the embedder's, so they never
 * go stale; `limit` bounds the rows kept beside the embedding cache.
 *
 * @param limit raw names kept before the table starts over (the matcher uses RAW_NAMES_KEPT)
 */
export function createRawNames(names: NameTable, limit: number): RawNames {
  const byRaw = new Map<string, RawName>();
  // A few thousand head words head most names: asked of the cache per name, each name held a view of its
  // own (96 bytes of heap each, ~44,000 per scoring thread over 100,000 lines) of the same shared row.
  const heads = new Map<NameEntry, Float32Array>();
  let stamp = 0;
  return {
    get(raw) {
      let found = byRaw.get(raw);
      if (found === undefined) {
        if (byRaw.size >= limit) {
          byRaw.clear();
          heads.clear();
        }
        found = { raw, entry: names.entry(raw), row: PENDING, headRow: PENDING, stamp: -1, slot: -1 };
        byRaw.set(raw, found);
      }
      return found;
    },
    nextStamp: () => ++stamp,
    headRow: (entry) => heads.get(entry) ?? PENDING,
    keepHeadRow(entry, row) {
      heads.set(entry, row);
    },
  };
}
