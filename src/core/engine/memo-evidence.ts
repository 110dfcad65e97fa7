import type { EngineInput, EvidenceContext, EvidenceGrid } from "./engine-types.js";
import { memoPairEvidence } from "./memo-pair-evidence.js";
import type { PairMemo } from "./pair-memo.js";

/**
 * Evidence for one match at a time, read from the engine's pair memo (keyed by interned name ids, kept
 * across matches) and computed only for pairs it has never seen. The grid is scratch, reused by the next
 * call; it grows to the largest match and stays.
 */
export type MemoEvidence = { fill(input: EngineInput): EvidenceGrid };

export function createMemoEvidence(ctx: EvidenceContext, memo: PairMemo): MemoEvidence {
  const out = new Float64Array(1);
  let grid: EvidenceGrid = {
    similarity: new Float64Array(0),
    code: new Uint8Array(0),
    rowBase: new Int32Array(0),
  };

  function ensure(nc: number, nr: number): EvidenceGrid {
    if (grid.rowBase.length < nc || grid.similarity.length < nc * nr) {
      const pairs = Math.max(nc * nr, grid.similarity.length * 2, 64);
      grid = {
        similarity: new Float64Array(pairs),
        code: new Uint8Array(pairs),
        rowBase: new Int32Array(Math.max(nc, grid.rowBase.length * 2, 16)),
      };
    }
    return grid;
  }

  return {
    fill(input) {
      const { candidate, required, dim } = input;
      const nc = candidate.ids.length;
      const nr = required.ids.length;
      const g = ensure(nc, nr);
      for (let j = 0; j < nc; j++) {
        const base = j * nr;
        g.rowBase[j] = base;
        for (let i = 0; i < nr; i++) {
          g.code[base + i] = memoPairEvidence(memo, ctx, candidate, j, required, i, dim, out);
          g.similarity[base + i] = out[0]!;
        }
      }
      return g;
    },
  };
}
