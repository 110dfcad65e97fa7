import type { EngineInput } from "../core/engine/engine-types.js";
import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { DomainKeywords } from "../lexicon/compile-domain-keywords.js";
import type { Embedder } from "../ports.js";
import { createNameTable } from "../prepare/name-table.js";
import { prepareRequired, prepareSide } from "../prepare/prepare-side.js";
import type { Dataset } from "./build-dataset.js";

/**
 * The engine input the matcher would build for a dataset, with every embedding already computed: what a
 * warm match (embeddings cached) hands to the engine. Lets the toolkit measure the engines synchronously.
 */
export async function prepareDataset(
  dataset: Dataset,
  embedder: Embedder,
  lexicon: CompiledLexicon,
  keywords: DomainKeywords,
): Promise<EngineInput> {
  const names = createNameTable(lexicon, keywords, embedder.id, 1_000_000);
  const c = dataset.candidate.map((s) => names.entry(s.name));
  const r = dataset.required.map((s) => names.entry(s.name));
  const all = await embedder.embed([...c, ...r].map((e) => e.norm));
  const dim = embedder.dim;
  const row = (k: number) => all.slice(k * dim, (k + 1) * dim);
  // Head words are names too: the head-disagreement guard reads their rows.
  const heads = [...c, ...r].map((e) => e.headEntry?.norm ?? "");
  const headData = await embedder.embed(heads);
  const headRow = (k: number) => headData.slice(k * dim, (k + 1) * dim);
  return {
    candidate: prepareSide(
      dataset.candidate,
      c,
      c.map((_, k) => row(k)),
      c.map((_, k) => headRow(k)),
    ),
    required: prepareRequired(
      dataset.required,
      r,
      r.map((_, k) => row(c.length + k)),
      r.map((_, k) => headRow(c.length + k)),
    ),
    dim,
  };
}
