import type { RequiredInput, SideInput } from "../core/engine/engine-types.js";
import type { RequiredSkill, Skill } from "../core/types.js";
import type { CandidateColumns, Limits } from "../matcher-types.js";
import type { EmbeddingCache } from "../ports.js";
import type { NameEntry } from "../prepare/name-table.js";
import { prepareRequired, prepareSide } from "../prepare/prepare-side.js";
import { isCleanName, isCleanShape } from "../validate/validate-skills.js";
import { PENDING } from "./create-raw-names.js";
import type { Session } from "./create-session-loader.js";

/** A name waiting for the embedder: its own row, or its head word's row (`head`), goes to `rows` at `id`. */
type Waiter = { readonly id: number; readonly head: boolean };

/**
 * Every skill of the lists a call resolved: skill i of list k is name `index[start[k] + i]` of `names` (and
 * of `entries`). Flat typed arrays, so ranking 100,000 candidates keeps one Int32Array per call; the names
 * themselves are the session's (see RawNames), kept from call to call.
 */
export type ResolvedLists = {
  /** The session's names by id, with the rows of every name of this call filled in (once embedded). */
  readonly names: SideInput;
  readonly entries: readonly NameEntry[];
  readonly index: Int32Array;
  readonly start: Int32Array;
  /** Level ratio value/max of each skill, aligned with `index` (read in the same pass as the name). */
  readonly ratios: Float64Array;
};

/** Names whose embedding row is not cached yet, each with the resolved names waiting for it. */
export type MissingRows = {
  readonly waiting: Map<NameEntry, Waiter[]>;
  /** The side the waiting names' rows go to: the one the call read, even if a later call starts over. */
  readonly names: SideInput & { rows: Float32Array[]; headRows: Float32Array[] };
};

/**
 * Resolves every distinct raw name of `lists` once: interned entry, then the embedding row from the cache,
 * embedding all missing names in one call.
 */
export async function resolveNames(
  session: Session,
  cache: EmbeddingCache,
  lists: readonly (readonly Skill[])[],
): Promise<ResolvedLists> {
  return (await resolveCandidates(session, cache, lists, null))!;
}

/**
 * `resolveNames` for a ranking whose candidate lists (every list but the first) have not been validated,
 * when `limits` is given: each skill is checked as its name is looked up (`isCleanShape`, and `isCleanName`
 * for a name not seen before), so ranking reads every skill object once rather than once to validate and
 * once to resolve. Null when some skill is not clean: the caller then validates the lists to report why.
 * Only names that passed are added meanwhile. With `limits` null, every list is taken as validated.
 */
export async function resolveCandidates(
  session: Session,
  cache: EmbeddingCache,
  lists: readonly (readonly Skill[])[],
  limits: Limits | null,
): Promise<ResolvedLists | null> {
  const found = lookUpNames(session, cache, lists, limits);
  if (found === null) return null;
  if (found.missing !== null) await embedMissing(session, cache, found.missing);
  return found.resolved;
}

/**
 * `resolveNames` up to the embedder, synchronously: the lists with every cached row filled in, and the rows
 * still missing (null when none). A call whose rows are all cached then needs no promise at all. With
 * `limits`, the skills of every list but the first are checked as in `resolveCandidates` (null when one
 * is not clean); without, the result is never null.
 */
export function lookUpNames(
  session: Session,
  cache: EmbeddingCache,
  lists: readonly (readonly Skill[])[],
  limits: Limits | null,
): { readonly resolved: ResolvedLists; readonly missing: MissingRows | null } | null {
  const start = new Int32Array(lists.length + 1);
  for (let k = 0; k < lists.length; k++) start[k + 1] = start[k]! + lists[k]!.length;
  const index = new Int32Array(start[lists.length]!);
  const ratios = new Float64Array(index.length);
  const rawNames = session.rawNames;
  rawNames.begin();
  // The side object and its row arrays stay the same for the whole call (see RawNames).
  const side = rawNames.side;
  const { rows, headRows } = side;
  let waiting: Map<NameEntry, Waiter[]> | null = null;
  const stamp = rawNames.nextStamp();
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k]!;
    const at = start[k]!;
    const check = limits !== null && k > 0;
    for (let i = 0; i < list.length; i++) {
      const skill = list[i]!;
      if (check && !isCleanShape(skill, false, false)) return null;
      const raw = skill.name;
      let id = rawNames.find(raw);
      if (id < 0) {
        if (check && !isCleanName(raw, limits)) return null;
        id = rawNames.add(raw);
      }
      index[at + i] = id;
      ratios[at + i] = skill.level.value / skill.level.max;
      if (!rawNames.mayPend(id)) continue;
      if (rows[id] !== PENDING && headRows[id] !== PENDING) {
        rawNames.settle(id);
        continue;
      }
      // A row still unknown: from the cache, or queued for the embedder, once per call.
      if (rawNames.firstSight(id, stamp)) waiting = fetchRows(rawNames, cache, id, waiting);
    }
  }
  const resolved = { names: side, entries: rawNames.entries, index, start, ratios };
  return { resolved, missing: waiting === null ? null : { waiting, names: side } };
}

/**
 * `lookUpNames` for a required list (list 0, validated) and candidates given as columns (lists 1…): each
 * distinct name of the dictionary is looked up once, then every skill is a read of two typed arrays. With
 * `limits`, a dictionary name the session does not hold yet is checked (`isCleanName`), and the result is
 * null when one is not clean; the caller has checked everything else (see candidateColumnsAreClean).
 */
export function lookUpColumns(
  session: Session,
  cache: EmbeddingCache,
  required: readonly Skill[],
  columns: CandidateColumns,
  limits: Limits | null,
): { readonly resolved: ResolvedLists; readonly missing: MissingRows | null } | null {
  const nr = required.length;
  const candidates = columns.ids.length;
  const start = new Int32Array(candidates + 2);
  for (let k = 0; k <= candidates; k++) start[k + 1] = nr + columns.start[k]!;
  const index = new Int32Array(start[candidates + 1]!);
  const ratios = new Float64Array(index.length);
  const rawNames = session.rawNames;
  rawNames.begin();
  const side = rawNames.side;
  let waiting: Map<NameEntry, Waiter[]> | null = null;
  const stamp = rawNames.nextStamp();
  // `known`: the id an earlier call found for this name (-1 if none), kept only while that id still holds
  // the name (a caller may change its array between calls).
  const idOf = (raw: string, check: boolean, known: number): number => {
    let id = known >= 0 && side.names[known] === raw ? known : rawNames.find(raw);
    if (id < 0) {
      if (check && !isCleanName(raw, limits!)) return -1;
      id = rawNames.add(raw);
    }
    if (rawNames.mayPend(id)) {
      if (side.rows[id] !== PENDING && side.headRows[id] !== PENDING) rawNames.settle(id);
      else if (rawNames.firstSight(id, stamp)) waiting = fetchRows(rawNames, cache, id, waiting);
    }
    return id;
  };
  for (let i = 0; i < nr; i++) {
    const skill = required[i]!;
    index[i] = idOf(skill.name, false, -1);
    ratios[i] = skill.level.value / skill.level.max;
  }
  // The ids of the names at each position, as far as earlier calls with this same array know them.
  const { names } = columns;
  const dictionary = rawNames.positions(names);
  for (let d = 0; d < names.length; d++) {
    const id = idOf(names[d]!, limits !== null, dictionary[d]!);
    if (id < 0) return null;
    dictionary[d] = id;
  }
  const { name, value, max } = columns;
  for (let s = 0; s < name.length; s++) {
    index[nr + s] = dictionary[name[s]!]!;
    ratios[nr + s] = value[s]! / max[s]!;
  }
  const resolved = { names: side, entries: rawNames.entries, index, start, ratios };
  return { resolved, missing: waiting === null ? null : { waiting, names: side } };
}

/**
 * Fills in name `id`'s rows (its own, and its head word's) from the cache, or queues each one still missing
 * for the embedder in `waiting` (created on the first miss). Called once per name per call.
 */
function fetchRows(
  rawNames: Session["rawNames"],
  cache: EmbeddingCache,
  id: number,
  waiting: Map<NameEntry, Waiter[]> | null,
): Map<NameEntry, Waiter[]> | null {
  const { rows, headRows } = rawNames.side;
  const entry = rawNames.entries[id]!;
  let queue = waiting;
  if (rows[id] === PENDING) {
    rows[id] = cache.get(entry.cacheKey) ?? PENDING;
    if (rows[id] === PENDING) queue = wait(queue, entry, { id, head: false });
  }
  const head = entry.headEntry;
  if (head !== null && headRows[id] === PENDING) {
    let row = rawNames.headRow(head);
    if (row === PENDING) {
      row = cache.get(head.cacheKey) ?? PENDING;
      if (row !== PENDING) rawNames.keepHeadRow(head, row);
    }
    headRows[id] = row;
    if (row === PENDING) queue = wait(queue, head, { id, head: true });
  }
  return queue;
}

/** Embeds the `missing` names in one call and gives every waiting name its row. */
export async function embedMissing(
  session: Session,
  cache: EmbeddingCache,
  missing: MissingRows,
): Promise<void> {
  const { waiting, names } = missing;
  const wanted = [...waiting.keys()];
  const dim = session.embedder.dim;
  // One copy of the whole batch, whose rows are views: the embedder may reuse its own buffer, and a row of
  // 400 bytes copied out alone is an ArrayBuffer of its own, allocated outside the heap and swept by the
  // collector (~33,000 of them over `bench:rank`'s 100,000 lines, 3.6 % more of ranking's instructions than
  // this; docs/performance-rank.md, session 13). A batch stays in memory while one of its rows is kept: one
  // call's new names.
  const data = (await session.embedder.embed(wanted.map((e) => e.norm))).slice(0, wanted.length * dim);
  for (let w = 0; w < wanted.length; w++) {
    const entry = wanted[w]!;
    const own = data.subarray(w * dim, (w + 1) * dim);
    // A shared cache's copy, when it keeps one: a pool's workers then hold views of one shared row
    // instead of a private 400-byte buffer per name each (~25 MB over 100,000 lines with two workers).
    const row = cache.set(entry.cacheKey, own) ?? own;
    for (const { id, head } of waiting.get(entry)!) {
      if (head) {
        names.headRows[id] = row;
        session.rawNames.keepHeadRow(entry, row);
      } else names.rows[id] = row;
    }
  }
}

/**
 * Adds `waiter` under `entry` in `missing` (created on the first miss) and returns the map. A module function,
 * not a closure in resolveNames: every call of resolveNames would allocate that closure, cache hit or not.
 */
function wait(
  missing: Map<NameEntry, Waiter[]> | null,
  entry: NameEntry,
  waiter: Waiter,
): Map<NameEntry, Waiter[]> {
  const map = missing ?? new Map<NameEntry, Waiter[]>();
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
    const id = resolved.index[at + i]!;
    entries[i] = resolved.entries[id]!;
    rows[i] = resolved.names.rows[id]!;
    headRows[i] = resolved.names.headRows[id]!;
  }
  return [entries, rows, headRows];
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
