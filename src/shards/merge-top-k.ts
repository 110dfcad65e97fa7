import { createTopK } from "./top-k.js";

/** A shard-local top entry: ordered by score, then by line number (input order). */
export type LineEntry = { readonly lineNo: number; readonly result: { readonly overallScore: number } };

/**
 * Merges the local top-K lists of every shard into the global top `limit`, by score (higher first) and then
 * input order: the same order the in-process heap produces, since line numbers grow with input position.
 */
export function mergeTopK<E extends LineEntry>(lists: readonly (readonly E[])[], limit: number): E[] {
  const top = createTopK<E>(limit);
  for (const list of lists)
    for (const e of list) top.push({ score: e.result.overallScore, index: e.lineNo, value: e });
  return top.sorted().map((r) => r.value);
}
