import type { NameEntry, NameTable } from "../prepare/name-table.js";
import { createStringIds } from "./string-ids.js";

/**
 * What a session knows about one raw skill name: its interned entry and, once known, its embedding row and
 * its head word's row (PENDING until then, and for a name without a head).
 */
export type RawName = {
  readonly raw: string;
  readonly entry: NameEntry;
  row: Float32Array;
  headRow: Float32Array;
};

/** The row of a name still waiting for the embedder. */
export const PENDING = new Float32Array(0);

/** Raw names (and their rows) a session keeps, by raw name; the table starts over past `limit`. */
export type RawNames = {
  /** A stamp no earlier call used: a call numbers its distinct names under its own stamp. */
  nextStamp(): number;
  /**
   * The position of `raw` among a call's distinct names `names`, numbered under `stamp`: on the first sight
   * of `raw` under `stamp`, its record (created on first sight ever) is appended to `names`. A call numbers
   * its names in one synchronous pass, so no other call restamps them meanwhile.
   */
  slotOf(raw: string, stamp: number, names: RawName[]): number;
  /** The row kept for head word `entry`, or PENDING: one row object for every name with that head. */
  headRow(entry: NameEntry): Float32Array;
  /** Keeps `row` as the row of head word `entry`. */
  keepHeadRow(entry: NameEntry, row: Float32Array): void;
};

/**
 * A session's raw names: a call looks each raw name up once and finds its entry and rows without asking the
 * name table or the embedding cache again. Rows are the embedder's, so they never go stale; `limit` bounds
 * the rows kept beside the embedding cache.
 *
 * Every skill of a ranking comes through `slotOf`, as a fresh string from JSON.parse, so the lookup is a
 * string table (see string-ids.ts) and the per-call stamp and slot of each name sit in typed arrays by the
 * name's id: a repeated name costs one table probe and two array reads, not a visit to its record.
 *
 * @param limit raw names kept before the table starts over (the matcher uses RAW_NAMES_KEPT)
 */
export function createRawNames(names: NameTable, limit: number): RawNames {
  const ids = createStringIds();
  let records: RawName[] = [];
  let stamps = new Int32Array(1024);
  let slots = new Int32Array(1024);
  // A few thousand head words head most names: asked of the cache per name, each name held a view of its
  // own (96 bytes of heap each, ~44,000 per scoring thread over 100,000 lines) of the same shared row.
  const heads = new Map<NameEntry, Float32Array>();
  let stamp = 0;

  /** The id of `raw`, giving it a record (and starting the table over when it is full) on first sight. */
  function idOf(raw: string): number {
    const id = ids.find(raw);
    if (id >= 0) return id;
    if (ids.size >= limit) {
      // A name of the current call seen again after this point gets a second slot: both hold the same rows.
      ids.clear();
      records = [];
      stamps.fill(0);
      heads.clear();
    }
    records.push({ raw, entry: names.entry(raw), row: PENDING, headRow: PENDING });
    const added = ids.push(raw);
    if (added === stamps.length) {
      const grownStamps = new Int32Array(2 * stamps.length);
      grownStamps.set(stamps);
      stamps = grownStamps;
      const grownSlots = new Int32Array(2 * slots.length);
      grownSlots.set(slots);
      slots = grownSlots;
    }
    return added;
  }

  return {
    nextStamp: () => ++stamp,
    slotOf(raw, callStamp, callNames) {
      const id = idOf(raw);
      if (stamps[id] === callStamp) return slots[id]!;
      stamps[id] = callStamp;
      slots[id] = callNames.length;
      callNames.push(records[id]!);
      return callNames.length - 1;
    },
    headRow: (entry) => heads.get(entry) ?? PENDING,
    keepHeadRow(entry, row) {
      heads.set(entry, row);
    },
  };
}
