import type { RequiredInput, SideInput } from "../core/engine/engine-types.js";
import type { HeadWords } from "../core/text/head-words.js";
import type { Domain, RequiredSkill, Skill } from "../core/types.js";
import type { EmbeddingCache } from "../ports.js";
import type { NameEntry } from "../prepare/name-table.js";
import { prepareRequired, prepareSide } from "../prepare/prepare-side.js";
import type { Session } from "./create-session-loader.js";

/** A raw skill name's interned entry, embedding row and its head word's row (PENDING when it has no head). */
export type ResolvedName = {
  readonly raw: string;
  readonly entry: NameEntry;
  row: Float32Array;
  headRow: Float32Array;
};

/** A resolved name waiting for the embedder: its own row, or its head word's row (`head`). */
type Waiter = { readonly resolved: ResolvedName; readonly head: boolean };

/**
 * Every skill of the lists a call resolved: skill i of list k is `names[index[start[k] + i]]`. Flat typed
 * arrays, so ranking 100,000 candidates keeps one Int32Array and one object per distinct name.
 */
export type ResolvedLists = {
  readonly names: readonly ResolvedName[];
  readonly index: Int32Array;
  readonly start: Int32Array;
  /** Level ratio value/max of each skill, aligned with `index` (read in the same pass as the name). */
  readonly ratios: Float64Array;
};

/** The row of a name still waiting for the embedder. */
export const PENDING = new Float32Array(0);

/**
 * Resolves every distinct raw name of `lists` once: interned entry, then the embedding row from the cache,
 * embedding all missing names in one call.
 */
export async function resolveNames(
  session: Session,
  cache: EmbeddingCache,
  lists: readonly (readonly Skill[])[],
): Promise<ResolvedLists> {
  const start = new Int32Array(lists.length + 1);
  for (let k = 0; k < lists.length; k++) start[k + 1] = start[k]! + lists[k]!.length;
  const index = new Int32Array(start[lists.length]!);
  const ratios = new Float64Array(index.length);
  const byRaw = new Map<string, number>();
  const names: ResolvedName[] = [];
  let missing: Map<NameEntry, Waiter[]> | null = null;
  const wait = (entry: NameEntry, waiter: Waiter): void => {
    missing ??= new Map();
    const waiting = missing.get(entry);
    if (waiting === undefined) missing.set(entry, [waiter]);
    else waiting.push(waiter);
  };
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k]!;
    const at = start[k]!;
    for (let i = 0; i < list.length; i++) {
      const skill = list[i]!;
      const raw = skill.name;
      ratios[at + i] = skill.level.value / skill.level.max;
      let n = byRaw.get(raw);
      if (n === undefined) {
        n = names.length;
        const entry = session.names.entry(raw);
        const head = entry.headEntry;
        const resolved: ResolvedName = {
          raw,
          entry,
          row: cache.get(entry.cacheKey) ?? PENDING,
          headRow: head === null ? PENDING : (cache.get(head.cacheKey) ?? PENDING),
        };
        names.push(resolved);
        byRaw.set(raw, n);
        if (resolved.row === PENDING) wait(entry, { resolved, head: false });
        if (head !== null && resolved.headRow === PENDING) wait(head, { resolved, head: true });
      }
      index[at + i] = n;
    }
  }
  // TypeScript cannot see that `wait` assigns `missing`.
  const pending = missing as Map<NameEntry, Waiter[]> | null;
  if (pending !== null) {
    const wanted = [...pending.keys()];
    const dim = session.embedder.dim;
    const data = await session.embedder.embed(wanted.map((e) => e.norm));
    for (let w = 0; w < wanted.length; w++) {
      const entry = wanted[w]!;
      const row = data.slice(w * dim, (w + 1) * dim);
      cache.set(entry.cacheKey, row);
      for (const { resolved, head } of pending.get(entry)!) {
        if (head) resolved.headRow = row;
        else resolved.row = row;
      }
    }
  }
  return { names, index, start, ratios };
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
  const side = {
    names: new Array<string>(n),
    norms: new Array<string>(n),
    levels: [],
    ratios: new Float64Array(0),
    lexIndex: new Int32Array(n),
    domains: new Array<Domain>(n),
    rows: new Array<Float32Array>(n),
    heads: new Array<HeadWords | null>(n),
    headRows: new Array<Float32Array>(n),
    ids: new Int32Array(n),
  };
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
