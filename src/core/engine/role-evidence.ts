import { grown } from "../grown.js";
import type { EvidenceContext, RequiredInput, SideInput } from "./engine-types.js";
import type { PairMemo } from "./pair-memo.js";
import { rowHasEvidence } from "./pair-score-row.js";
import { createRowEvidence } from "./row-evidence.js";

/** Evidence entries (rows × required skills) kept before the table starts over: about 9 MB. */
const MAX_PAIRS = 1 << 20;
/** Rows kept whatever the role's size, so that the largest candidate side always fits. */
const MIN_ROWS = 1024;

/**
 * Evidence of candidate names against one fixed role, one row per distinct candidate name id, filled the
 * first time the name is seen (from the engine's pair memo when it holds the pair). Ranking looks up one row per candidate
 * skill instead of one memo entry per pair, and the role's rows sit together in memory. An open-addressing
 * table over typed arrays (linear probing, load ≤ 1/2), bounded by MAX_PAIRS entries. Rows depend on the
 * required names alone (not levels or weights), so a table serves any role with the same names.
 */
export type RoleEvidence = {
  /** Entry `row · required + i`: effective similarity against required skill i. Replaced when the rows grow. */
  readonly similarity: Float64Array;
  /** Entry `row · required + i`: RELATION_* code. Replaced when the rows grow. */
  readonly code: Uint8Array;
  /**
   * Entry `row`: 1 when the row holds some evidence (`rowHasEvidence`), else 0, and no shape of it lists a
   * pair above the no-evidence band. Replaced when the rows grow.
   */
  readonly evident: Uint8Array;
  /** Changes whenever the table starts over, which invalidates every row number handed out before. */
  readonly generation: number;
  /** Makes room for `n` new rows (starting over when they might not fit): call before a candidate's lookups. */
  reserve(n: number): void;
  /** The row number of skill `j` of `side` (by its name id), filling the row on first sight. */
  row(side: SideInput, j: number): number;
};

export function createRoleEvidence(
  ctx: EvidenceContext,
  memo: PairMemo,
  required: RequiredInput,
  dim: number,
): RoleEvidence {
  const nr = required.ids.length;
  const maxRows = Math.max(Math.floor(MAX_PAIRS / Math.max(nr, 1)), MIN_ROWS);
  const out = new Float64Array(1);
  const rowEvidence = createRowEvidence(ctx, required, dim);
  let rowCount = 0;
  /** Rows the hash table has room for (at load ≤ 1/2); it doubles as rows are added. */
  let rowCap = 64;
  let generation = 0;
  // Slot s of the hash table is (name id, row) at 2s: one probe reads one cache line.
  let table = new Int32Array(2 * 2 * rowCap).fill(-1);
  // The row arrays start at their largest size: allocated that large they stay untouched zero pages until
  // rows are written, while doubling them freed the old buffer each time, and glibc's malloc kept those
  // pages in each scoring thread (`rank --workers 2` over 100,000 lines: 298–300 → 280–285 MiB peak). They
  // grow only for a candidate side longer than maxRows (limits above MIN_ROWS skills per side).
  let rowsHeld = maxRows;
  let similarity = new Float64Array(rowsHeld * nr);
  let code = new Uint8Array(rowsHeld * nr);
  let evident = new Uint8Array(rowsHeld);

  function slotOf(id: number): number {
    const mask = table.length / 2 - 1;
    let slot = Math.imul(id, 0x9e3779b1) & mask;
    while (table[2 * slot] !== -1 && table[2 * slot] !== id) slot = (slot + 1) & mask;
    return 2 * slot;
  }

  function growTable(): void {
    const old = table;
    rowCap *= 2;
    table = new Int32Array(2 * 2 * rowCap).fill(-1);
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === -1) continue;
      const at = slotOf(old[s]!);
      table[at] = old[s]!;
      table[at + 1] = old[s + 1]!;
    }
  }

  function growRows(): void {
    rowsHeld *= 2;
    similarity = grown(similarity, rowsHeld * nr);
    code = grown(code, rowsHeld * nr);
    evident = grown(evident, rowsHeld);
  }

  return {
    get similarity() {
      return similarity;
    },
    get code() {
      return code;
    },
    get evident() {
      return evident;
    },
    get generation() {
      return generation;
    },
    reserve(n) {
      // Start over rather than grow without bound; a candidate's rows must all survive its own lookups.
      if (rowCount + n > maxRows) {
        table.fill(-1);
        rowCount = 0;
        generation++;
      }
    },
    row(side, j) {
      const id = side.ids[j]!;
      let slot = slotOf(id);
      if (table[slot] === id) return table[slot + 1]!;
      if (rowCount === rowCap) {
        growTable();
        slot = slotOf(id);
      }
      if (rowCount === rowsHeld) growRows();
      const base = rowCount * nr;
      rowEvidence.begin(side, j);
      // Reads the engine's pair memo but does not fill it: this table is ranking's memo, and storing every
      // pair of a 100,000-line ranking twice cost each scoring thread a 17 MB memo (34 MB while it grows).
      const held = memo.holds(id);
      for (let i = 0; i < nr; i++) {
        const found = held ? memo.find(id, required.ids[i]!) : -1;
        if (found >= 0) {
          code[base + i] = memo.code(found);
          similarity[base + i] = memo.similarity(found);
        } else {
          code[base + i] = rowEvidence.pair(i, out);
          similarity[base + i] = out[0]!;
        }
      }
      evident[rowCount] = rowHasEvidence(similarity, code, base, nr, ctx.config) ? 1 : 0;
      table[slot] = id;
      table[slot + 1] = rowCount;
      return rowCount++;
    },
  };
}
