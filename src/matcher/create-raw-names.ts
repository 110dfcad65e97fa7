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
  let stamp = 0;
  return {
    get(raw) {
      let found = byRaw.get(raw);
      if (found === undefined) {
        if (byRaw.size >= limit) byRaw.clear();
        found = { raw, entry: names.entry(raw), row: PENDING, headRow: PENDING, stamp: -1, slot: -1 };
        byRaw.set(raw, found);
      }
      return found;
    },
    nextStamp: () => ++stamp,
  };
}
