import type { CompiledLexicon, LexiconEntry, LexiconFile } from "../core/lexicon/types.js";
import { normalizeName } from "../core/text/normalize-name.js";
import type { Domain } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import { validateLexicon } from "./validate-lexicon.js";

/**
 * Compiles lexicon files into the lookup structure the matcher uses. Skills are indexed in file order, then
 * entry order. The index maps `normalizeName(name)` and `normalizeName(alias)` to the skill; `ancestors` is
 * the transitive closure of is-a ∪ part-of with the minimum hop count; `related` is symmetric; each skill's
 * false-friend set holds the listed names plus, when a listed name is a known skill, every name and alias of
 * that skill, merged in both directions.
 *
 * @throws CompetencyError INVALID_CONFIG with `details.issues` when `validateLexicon` finds problems.
 */
export function compileLexicon(files: readonly LexiconFile[], version: string): CompiledLexicon {
  const issues = validateLexicon(files);
  if (issues.length > 0) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new CompetencyError("INVALID_CONFIG", `lexicon ${first.path.join(".")}: ${first.message}${more}`, {
      details: { issues },
    });
  }
  const entries: LexiconEntry[] = [];
  const domains: Domain[] = [];
  for (const file of files) {
    for (const entry of file.skills) {
      entries.push(entry);
      domains.push(entry.domain ?? file.domain);
    }
  }
  const size = entries.length;
  const position = new Map<string, number>();
  entries.forEach((e, i) => {
    position.set(e.id, i);
  });
  const index = new Map<string, number>();
  const keys: string[][] = [];
  entries.forEach((e, i) => {
    const own = [...new Set([e.name, ...(e.aliases ?? [])].map(normalizeName))];
    for (const key of own) index.set(key, i);
    keys.push(own);
  });
  const toIndices = (ids: readonly string[] | undefined): number[] =>
    (ids ?? []).map((id) => position.get(id)!);

  const parents = entries.map((e) => [...new Set([...toIndices(e.isA), ...toIndices(e.partOf)])]);
  const isAParents = entries.map((e) => [...new Set(toIndices(e.isA))]);
  const related = entries.map(() => new Set<number>());
  entries.forEach((e, i) => {
    for (const j of toIndices(e.related)) {
      related[i]!.add(j);
      related[j]!.add(i);
    }
  });
  const falseFriends = entries.map(() => new Set<string>());
  entries.forEach((e, i) => {
    for (const raw of e.falseFriends ?? []) {
      const name = normalizeName(raw);
      falseFriends[i]!.add(name);
      const j = index.get(name);
      if (j === undefined) continue;
      for (const key of keys[j]!) falseFriends[i]!.add(key);
      for (const key of keys[i]!) falseFriends[j]!.add(key);
    }
  });

  return {
    version,
    size,
    ids: entries.map((e) => e.id),
    names: entries.map((e) => e.name),
    domains,
    index,
    canonical: keys.map((k) => k[0]!),
    ancestors: parents.map((_, i) => closure(i, parents)),
    kinds: isAParents.map((_, i) => new Set(closure(i, isAParents).keys())),
    parents,
    related,
    falseFriends,
  };
}

/** Breadth-first walk up the parent graph: every ancestor with its minimum hop count. */
function closure(start: number, parents: readonly (readonly number[])[]): Map<number, number> {
  const hops = new Map<number, number>();
  let frontier = parents[start]!;
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const p of frontier) {
      if (hops.has(p) || p === start) continue;
      hops.set(p, depth);
      next.push(...parents[p]!);
    }
    frontier = next;
  }
  return hops;
}
