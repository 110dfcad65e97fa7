import type { LexiconEntry } from "../core/lexicon/types.js";

const WHITE = 0;
const GREY = 1;
const BLACK = 2;

/**
 * Ids that close a cycle in the is-a ∪ part-of graph (one id per back edge found), via iterative DFS.
 * Edges to unknown ids and self edges are ignored here (validateLexicon reports those separately).
 */
export function findIsACycles(
  entries: readonly LexiconEntry[],
  known: ReadonlyMap<string, unknown>,
): string[] {
  const byId = new Map<string, LexiconEntry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  const color = new Map<string, number>();
  const found: string[] = [];
  const parentsOf = (id: string): string[] => {
    const e = byId.get(id);
    if (e === undefined) return [];
    return [...(e.isA ?? []), ...(e.partOf ?? [])].filter((p) => p !== id && known.has(p));
  };
  for (const root of byId.keys()) {
    if ((color.get(root) ?? WHITE) !== WHITE) continue;
    const stack: { id: string; next: string[] }[] = [{ id: root, next: parentsOf(root) }];
    color.set(root, GREY);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = top.next.pop();
      if (child === undefined) {
        color.set(top.id, BLACK);
        stack.pop();
        continue;
      }
      const c = color.get(child) ?? WHITE;
      if (c === GREY) found.push(child);
      else if (c === WHITE) {
        color.set(child, GREY);
        stack.push({ id: child, next: parentsOf(child) });
      }
    }
  }
  return found;
}
