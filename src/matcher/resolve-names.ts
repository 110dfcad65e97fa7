import type { RequiredInput, SideInput } from "../core/engine/engine-types.js";
import type { Domain, Level, RequiredSkill, Skill } from "../core/types.js";
import type { EmbeddingCache } from "../ports.js";
import type { NameEntry } from "../prepare/name-table.js";
import { prepareRequired, prepareSide } from "../prepare/prepare-side.js";
import type { Session } from "./create-session-loader.js";

/** A raw skill name's interned entry and embedding row. */
type ResolvedName = { readonly entry: NameEntry; row: Float32Array };

/**
 * Every skill of the lists a call resolved: skill i of list k is `names[index[start[k] + i]]`. Flat typed
 * arrays, so ranking 100,000 candidates keeps one Int32Array and one object per distinct name.
 */
export type ResolvedLists = {
  readonly names: readonly ResolvedName[];
  readonly index: Int32Array;
  readonly start: Int32Array;
};

const PENDING = new Float32Array(0);

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
  const byRaw = new Map<string, number>();
  const names: ResolvedName[] = [];
  let missing: Map<NameEntry, ResolvedName[]> | null = null;
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k]!;
    const at = start[k]!;
    for (let i = 0; i < list.length; i++) {
      const raw = list[i]!.name;
      let n = byRaw.get(raw);
      if (n === undefined) {
        n = names.length;
        const entry = session.names.entry(raw);
        const resolved: ResolvedName = { entry, row: cache.get(entry.cacheKey) ?? PENDING };
        names.push(resolved);
        byRaw.set(raw, n);
        if (resolved.row === PENDING) {
          missing ??= new Map();
          const waiting = missing.get(entry);
          if (waiting === undefined) missing.set(entry, [resolved]);
          else waiting.push(resolved);
        }
      }
      index[at + i] = n;
    }
  }
  if (missing !== null) {
    const wanted = [...missing.keys()];
    const dim = session.embedder.dim;
    const data = await session.embedder.embed(wanted.map((e) => e.norm));
    for (let w = 0; w < wanted.length; w++) {
      const entry = wanted[w]!;
      const row = data.slice(w * dim, (w + 1) * dim);
      cache.set(entry.cacheKey, row);
      for (const resolved of missing.get(entry)!) resolved.row = row;
    }
  }
  return { names, index, start };
}

function lookUp(resolved: ResolvedLists, k: number, n: number): [NameEntry[], Float32Array[]] {
  const entries = new Array<NameEntry>(n);
  const rows = new Array<Float32Array>(n);
  const at = resolved.start[k]!;
  for (let i = 0; i < n; i++) {
    const r = resolved.names[resolved.index[at + i]!]!;
    entries[i] = r.entry;
    rows[i] = r.row;
  }
  return [entries, rows];
}

/** The engine side of list `k`, a validated candidate list. */
export function sideOf(resolved: ResolvedLists, k: number, skills: readonly Skill[]): SideInput {
  const [entries, rows] = lookUp(resolved, k, skills.length);
  return prepareSide(skills, entries, rows);
}

/** The engine side of list `k`, a validated required list. */
export function requiredOf(
  resolved: ResolvedLists,
  k: number,
  skills: readonly RequiredSkill[],
): RequiredInput {
  const [entries, rows] = lookUp(resolved, k, skills.length);
  return prepareRequired(skills, entries, rows);
}

type MutableSide = {
  names: string[];
  norms: string[];
  levels: Level[];
  ratios: Float64Array;
  lexIndex: Int32Array;
  domains: Domain[];
  rows: Float32Array[];
  ids: Int32Array;
};

/**
 * `sideOf` into reused buffers, one set per side length: for a caller that scores one side at a time and
 * keeps nothing (ranking). The returned side is valid until the next call with the same length.
 */
export function createSideScratch(
  resolved: ResolvedLists,
): (k: number, skills: readonly Skill[]) => SideInput {
  const byLength: (MutableSide | undefined)[] = [];
  return (k, skills) => {
    const n = skills.length;
    let side = byLength[n];
    if (side === undefined) {
      side = {
        names: new Array<string>(n).fill(""),
        norms: new Array<string>(n).fill(""),
        levels: new Array<Level>(n),
        ratios: new Float64Array(n),
        lexIndex: new Int32Array(n),
        domains: new Array<Domain>(n).fill("General"),
        rows: new Array<Float32Array>(n).fill(PENDING),
        ids: new Int32Array(n),
      };
      byLength[n] = side;
    }
    const at = resolved.start[k]!;
    for (let i = 0; i < n; i++) {
      const skill = skills[i]!;
      const { entry, row } = resolved.names[resolved.index[at + i]!]!;
      side.names[i] = skill.name;
      side.norms[i] = entry.norm;
      side.levels[i] = skill.level;
      side.ratios[i] = skill.level.value / skill.level.max;
      side.lexIndex[i] = entry.lexIndex;
      side.domains[i] = entry.domain;
      side.rows[i] = row;
      side.ids[i] = entry.id;
    }
    return side;
  };
}
