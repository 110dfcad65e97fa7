import type { WritableSide } from "../core/engine/allocate-side.js";
import { grown } from "../core/grown.js";
import type { HeadWords } from "../core/text/head-words.js";
import type { Domain } from "../core/types.js";
import type { NameEntry, NameTable } from "../prepare/name-table.js";
import { createStringIds } from "./string-ids.js";

/** The row of a name still waiting for the embedder. */
export const PENDING = new Float32Array(0);
/** The head row of a name without a head word: never read, and never waited for. */
export const NO_HEAD = new Float32Array(0);

/**
 * Every raw name a session knows, by dense id: `side` holds name i at position i, as one engine side (its
 * `levels` and `ratios` are empty), and `entries[i]` is its interned entry. Rows are PENDING until known.
 * Only grows between `begin` calls: ids handed out since the last `begin` stay valid, and a call that is
 * waiting for the embedder keeps the side it was given even if a later call starts the table over.
 */
export type RawNames = {
  /**
   * Starts a call: the table starts over (a new side, new ids) when it holds `limit` names or more. A call
   * then adds all of its names, however many, so none of its ids changes under it.
   */
  begin(): void;
  /** The id of `raw` in the current side, or -1 when it has none. */
  find(raw: string): number;
  /** Adds `raw`, which must have no id yet (`find` gave -1), and returns its id. */
  add(raw: string): number;
  /** The names by id. The object stays the same until the next start-over; its arrays grow in place. */
  readonly side: WritableSide;
  readonly entries: readonly NameEntry[];
  /**
   * False once name `id` is known to have both of its rows (see `settle`): the rows of a name never go back
   * to PENDING, so a call skips reading them. A byte per name, where the rows are two pointers per name in
   * two arrays: ranking asks this for every skill.
   */
  mayPend(id: number): boolean;
  /**
   * The id of each name of `names` by position, -1 where this table has not been told yet: kept for as long
   * as `names` lives and the table does not start over, for the caller to fill in. A caller that passes
   * the same array call after call, appending new names (the CLI numbers a run's names once, on its reader
   * thread), then finds them without a lookup. A position's id is only a guess: the caller checks that the
   * name at that id is still the one at that position.
   */
  positions(names: readonly string[]): Int32Array;
  /** Records that name `id` has both of its rows. */
  settle(id: number): void;
  /** True the first time name `id` is asked about under `stamp` (a call's own number, from `nextStamp`). */
  firstSight(id: number, stamp: number): boolean;
  nextStamp(): number;
  /** The row kept for head word `entry`, or PENDING: one row object for every name with that head. */
  headRow(entry: NameEntry): Float32Array;
  /** Keeps `row` as the row of head word `entry`. */
  keepHeadRow(entry: NameEntry, row: Float32Array): void;
};

const FIRST_CAPACITY = 1024;

/**
 * A session's raw names: a call looks each raw name up once and finds its entry and rows without asking the
 * name table or the embedding cache again. Rows are the embedder's, so they never go stale; `limit` bounds
 * the names kept beside the embedding cache (one call may go past it; the next starts over).
 *
 * Every skill of a ranking comes through `find`, as a fresh string from JSON.parse, so the lookup is a
 * string table (see string-ids.ts), and what ranking reads of a name sits in one side by id, kept between
 * calls: a call no longer numbers its distinct names and builds a side of them (27,000 names, every call,
 * in `npm run bench:rank`).
 *
 * @param limit raw names kept before the table starts over (the matcher uses RAW_NAMES_KEPT)
 */
export function createRawNames(names: NameTable, limit: number): RawNames {
  let ids = createStringIds();
  let side = emptySide(FIRST_CAPACITY);
  let entries: NameEntry[] = [];
  let stamps = new Int32Array(FIRST_CAPACITY);
  let pending = new Uint8Array(FIRST_CAPACITY);
  let stamp = 0;
  // A few thousand head words head most names: asked of the cache per name, each name held a view of its
  // own (96 bytes of heap each, ~44,000 per scoring thread over 100,000 lines) of the same shared row.
  const heads = new Map<NameEntry, Float32Array>();
  let byPosition = new WeakMap<readonly string[], Int32Array>();

  function add(raw: string): number {
    const entry = names.entry(raw);
    const id = ids.push(raw);
    if (id === side.ids.length) grow(2 * side.ids.length);
    entries.push(entry);
    side.names.push(raw);
    side.norms.push(entry.norm);
    side.lexIndex[id] = entry.lexIndex;
    side.domains.push(entry.domain);
    side.rows.push(PENDING);
    side.heads.push(entry.head);
    side.headRows.push(entry.headEntry === null ? NO_HEAD : PENDING);
    side.ids[id] = entry.id;
    pending[id] = 1;
    return id;
  }

  function grow(capacity: number): void {
    side.lexIndex = grown(side.lexIndex, capacity);
    side.ids = grown(side.ids, capacity);
    stamps = grown(stamps, capacity);
    pending = grown(pending, capacity);
  }

  return {
    begin() {
      if (ids.size < limit) return;
      ids = createStringIds();
      side = emptySide(FIRST_CAPACITY);
      entries = [];
      stamps = new Int32Array(FIRST_CAPACITY);
      pending = new Uint8Array(FIRST_CAPACITY);
      heads.clear();
      byPosition = new WeakMap();
    },
    find: (raw) => ids.find(raw),
    add,
    get side() {
      return side;
    },
    get entries() {
      return entries;
    },
    positions(names) {
      const kept = byPosition.get(names);
      if (kept !== undefined && kept.length >= names.length) return kept;
      // Doubling, so an array that grows by a chunk's new names costs amortised O(1) per name.
      const ids = new Int32Array(Math.max(names.length, 2 * (kept?.length ?? 0))).fill(-1);
      if (kept !== undefined) ids.set(kept);
      byPosition.set(names, ids);
      return ids;
    },
    mayPend: (id) => pending[id] === 1,
    settle(id) {
      pending[id] = 0;
    },
    firstSight(id, callStamp) {
      if (stamps[id] === callStamp) return false;
      stamps[id] = callStamp;
      return true;
    },
    nextStamp: () => ++stamp,
    headRow: (entry) => heads.get(entry) ?? PENDING,
    keepHeadRow(entry, row) {
      heads.set(entry, row);
    },
  };
}

/** A side of no names, with room for `capacity` in its typed arrays (its other arrays grow by push). */
function emptySide(capacity: number): WritableSide {
  return {
    names: [] as string[],
    norms: [] as string[],
    levels: [],
    ratios: new Float64Array(0),
    lexIndex: new Int32Array(capacity),
    domains: [] as Domain[],
    rows: [] as Float32Array[],
    heads: [] as (HeadWords | null)[],
    headRows: [] as Float32Array[],
    ids: new Int32Array(capacity),
  };
}
