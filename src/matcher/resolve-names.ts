import { allocateSide } from "../core/engine/allocate-side.js";
import type { RequiredInput, SideInput } from "../core/engine/engine-types.js";
import type { RequiredSkill, Skill } from "../core/types.js";
import type { EmbeddingCache } from "../ports.js";
import type { NameEntry } from "../prepare/name-table.js";
import { prepareRequired, prepareSide } from "../prepare/prepare-side.js";
import { PENDING, type RawName } from "./create-raw-names.js";
import type { Session } from "./create-session-loader.js";

/** A resolved name waiting for the embedder: its own row, or its head word's row (`head`). */
type Waiter = { readonly resolved: RawName; readonly head: boolean };

/**
 * Every skill of the lists a call resolved: skill i of list k is `names[index[start[k] + i]]`. Flat typed
 * arrays, so ranking 100,000 candidates keeps one Int32Array and one object per distinct name.
 */
export type ResolvedLists = {
  readonly names: readonly RawName[];
  readonly index: Int32Array;
  readonly start: Int32Array;
  /** Level ratio value/max of each skill, aligned with `index` (read in the same pass as the name). */
  readonly ratios: Float64Array;
};

/** Names whose embedding row is not cached yet, each with the resolved names waiting for it. */
export type MissingRows = Map<NameEntry, Waiter[]>;

/**
 * Resolves every distinct raw name of `lists` once: interned entry, then the embedding row from the cache,
 * embedding all missing names in one call.
 */
export async function resolveNames(
  session: Session,
  cache: EmbeddingCache,
  lists: readonly (readonly Skill[])[],
): Promise<ResolvedLists> {
  const { resolved, missing } = lookUpNames(session, cache, lists);
  if (missing !== null) await embedMissing(session, cache, missing);
  return resolved;
}

/**
 * `resolveNames` up to the embedder, synchronously: the lists with every cached row filled in, and the rows
 * still missing (null when none). A call whose rows are all cached then needs no promise at all.
 */
export function lookUpNames(
  session: Session,
  cache: EmbeddingCache,
  lists: readonly (readonly Skill[])[],
): { readonly resolved: ResolvedLists; readonly missing: MissingRows | null } {
  const start = new Int32Array(lists.length + 1);
  for (let k = 0; k < lists.length; k++) start[k + 1] = start[k]! + lists[k]!.length;
  const index = new Int32Array(start[lists.length]!);
  const ratios = new Float64Array(index.length);
  const names: RawName[] = [];
  let missing: MissingRows | null = null;
  // Numbers this call's distinct names in one synchronous pass (see RawNames.slotOf).
  const stamp = session.rawNames.nextStamp();
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k]!;
    const at = start[k]!;
    for (let i = 0; i < list.length; i++) {
      const skill = list[i]!;
      const known = names.length;
      const slot = session.rawNames.slotOf(skill.name, stamp, names);
      index[at + i] = slot;
      ratios[at + i] = skill.level.value / skill.level.max;
      if (names.length === known) continue;
      // First sight of this name in the call: its rows, from the cache or (later) the embedder.
      const resolved = names[slot]!;
      const { entry } = resolved;
      const head = entry.headEntry;
      if (resolved.row === PENDING) {
        resolved.row = cache.get(entry.cacheKey) ?? PENDING;
        if (resolved.row === PENDING) missing = wait(missing, entry, { resolved, head: false });
      }
      if (head !== null && resolved.headRow === PENDING) {
        let row = session.rawNames.headRow(head);
        if (row === PENDING) {
          row = cache.get(head.cacheKey) ?? PENDING;
          if (row !== PENDING) session.rawNames.keepHeadRow(head, row);
        }
        resolved.headRow = row;
        if (row === PENDING) missing = wait(missing, head, { resolved, head: true });
      }
    }
  }
  return { resolved: { names, index, start, ratios }, missing };
}

/** Embeds the `missing` names in one call and gives every waiting name its row. */
export async function embedMissing(
  session: Session,
  cache: EmbeddingCache,
  missing: MissingRows,
): Promise<void> {
  const wanted = [...missing.keys()];
  const dim = session.embedder.dim;
  const data = await session.embedder.embed(wanted.map((e) => e.norm));
  for (let w = 0; w < wanted.length; w++) {
    const entry = wanted[w]!;
    const own = data.slice(w * dim, (w + 1) * dim);
    // A shared cache's copy, when it keeps one: a pool's workers then hold views of one shared row
    // instead of a private 400-byte buffer per name each (~25 MB over 100,000 lines with two workers).
    const row = cache.set(entry.cacheKey, own) ?? own;
    for (const { resolved, head } of missing.get(entry)!) {
      if (head) {
        resolved.headRow = row;
        session.rawNames.keepHeadRow(entry, row);
      } else resolved.row = row;
    }
  }
}

/**
 * Adds `waiter` under `entry` in `missing` (created on the first miss) and returns the map. A module function,
 * not a closure in resolveNames: every call of resolveNames would allocate that closure, cache hit or not.
 */
function wait(missing: MissingRows | null, entry: NameEntry, waiter: Waiter): MissingRows {
  const map: MissingRows = missing ?? new Map();
  const waiting = map.get(entry);
  if (waiting === undefined) map.set(entry, [waiter]);
  else waiting.push(waiter);
  return map;
}

function lookUp(
  resolved: ResolvedLists,
  k: number,
  n: number,
): [NameEntry[], Float32Array[], Float32Array[]] {
  const entries = new Array<NameEntry>(n);
  const rows = new Array<Float32Array>(n);
  const headRows = new Array<Float32Array>(n);
  const at = resolved.start[k]!;
  for (let i = 0; i < n; i++) {
    const r = resolved.names[resolved.index[at + i]!]!;
    entries[i] = r.entry;
    rows[i] = r.row;
    headRows[i] = r.headRow;
  }
  return [entries, rows, headRows];
}

/**
 * The distinct names of a call as one engine side (their `levels` and `ratios` are empty): what a rank
 * batch indexes into.
 */
export function namesSide(resolved: ResolvedLists): SideInput {
  const n = resolved.names.length;
  const side = allocateSide(n, [], new Float64Array(0));
  for (let m = 0; m < n; m++) {
    const { raw, entry, row, headRow } = resolved.names[m]!;
    side.names[m] = raw;
    side.norms[m] = entry.norm;
    side.lexIndex[m] = entry.lexIndex;
    side.domains[m] = entry.domain;
    side.rows[m] = row;
    side.heads[m] = entry.head;
    side.headRows[m] = headRow;
    side.ids[m] = entry.id;
  }
  return side;
}

/** The engine side of list `k`, a validated candidate list. */
export function sideOf(resolved: ResolvedLists, k: number, skills: readonly Skill[]): SideInput {
  const [entries, rows, headRows] = lookUp(resolved, k, skills.length);
  return prepareSide(skills, entries, rows, headRows);
}

/** The engine side of list `k`, a validated required list. */
export function requiredOf(
  resolved: ResolvedLists,
  k: number,
  skills: readonly RequiredSkill[],
): RequiredInput {
  const [entries, rows, headRows] = lookUp(resolved, k, skills.length);
  return prepareRequired(skills, entries, rows, headRows);
}
