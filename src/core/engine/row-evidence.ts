import {
  inferredFloor,
  lexicalSimilarityBeforeReadings,
  RELATION_EMBEDDING,
  readingSimilarity,
} from "../scoring/lexical-similarity.js";
import type { NameReading } from "../scoring/name-readings.js";
import { sharesOnlyModifier } from "../text/head-words.js";
import { isWordLike } from "../text/word-like.js";
import { dotRows } from "../vector/dot-rows.js";
import type { EvidenceContext, SideInput } from "./engine-types.js";
import { keepEmbeddingEvidence } from "./pair-evidence.js";

/**
 * `pairEvidence` of one candidate name against each name of a fixed required side, for filling a role's
 * row: `begin` picks the candidate, then `pair(i, out)` equals `pairEvidence(ctx, side, j, required, i,
 * dim, out)` bit for bit. What depends on one name only is read once instead of once per pair: the
 * candidate's reading and whether it is a word-like unknown name once per row, each required name's
 * reading once per role (a new name met 20 required names, and each pair looked both readings up in a Map),
 * the row's cosines in one `dotRows` pass, whether the row shares any word with the role's names, and the
 * floors of a new name read as a kind of a known skill, once per kind: they depend on the kind and the
 * required name alone, and new names share kinds ("advanced python", "applied python"; 33,000 new names of
 * `npm run bench:rank` have ~4,000 kinds), where each was a lexicon relation of its own per pair.
 */
export type RowEvidence = {
  /** Makes candidate skill `j` of `side` the row that the next `pair` calls compare. */
  begin(side: SideInput, j: number): void;
  /** Evidence of the row's candidate for required skill `i`: similarity in `out[0]`, relation code returned. */
  pair(i: number, out: Float64Array): number;
};

export function createRowEvidence(ctx: EvidenceContext, required: SideInput, dim: number): RowEvidence {
  const { lexicon: lex, config: c, readings } = ctx;
  // Read on first need: a role whose names the lexicon all knows reads them only for unknown candidates.
  const requiredReadings = new Array<NameReading | null>(required.ids.length).fill(null);
  let side = required;
  let j = 0;
  let norm = "";
  let lexIndex = -1;
  let unknownField = false;
  let reading: NameReading | null = null;
  // The cosines of the row's name with every required name, all at once on the first pair that needs one.
  const cosines = new Float64Array(required.ids.length);
  let cosinesRead = false;
  // Two names share only a modifier when they share a word; a row none of whose words is a required
  // name's word shares none with any of them (most new names), so its pairs skip sharesOnlyModifier.
  const requiredWords = new Set<string>();
  for (const h of required.heads) if (h !== null) for (const w of h.words) requiredWords.add(w);
  let sharesWord = false;
  // Floors by kind: entry i is `inferredFloor(lex, kind, required i, true)` for a known required name. At
  // most one array per lexicon skill (and one for -1, all zeros): about a megabyte for a role of 20 names.
  const floorsByKind = new Map<number, Float64Array>();
  let floors: Float64Array | null = null;
  const floorsOf = (kind: number): Float64Array => {
    let found = floorsByKind.get(kind);
    if (found === undefined) {
      found = new Float64Array(required.ids.length);
      for (let i = 0; i < found.length; i++) {
        const ri = required.lexIndex[i]!;
        if (ri >= 0) found[i] = inferredFloor(lex, kind, ri, true);
      }
      floorsByKind.set(kind, found);
    }
    return found;
  };
  return {
    begin(s, k) {
      side = s;
      j = k;
      norm = s.norms[k]!;
      lexIndex = s.lexIndex[k]!;
      unknownField = lexIndex < 0 && isWordLike(norm);
      reading = null;
      floors = null;
      cosinesRead = false;
      const heads = s.heads[k]!;
      sharesWord = false;
      if (heads !== null) for (const w of heads.words) if (requiredWords.has(w)) sharesWord = true;
    },
    pair(i, out) {
      const ri = required.lexIndex[i]!;
      let code = lexicalSimilarityBeforeReadings(lex, lexIndex, ri, norm, required.norms[i]!, c, out);
      if (code !== RELATION_EMBEDDING) return code;
      if (lexIndex < 0 || ri < 0) {
        reading ??= readings.of(norm, lexIndex);
        requiredReadings[i] ??= readings.of(required.norms[i]!, ri);
        // The floor of an unknown candidate against a known name, kept by kind.
        let kept: number | undefined;
        if (lexIndex < 0 && ri >= 0) {
          floors ??= floorsOf(reading.kind);
          kept = floors[i]!;
        }
        code = readingSimilarity(lex, lexIndex, ri, reading, requiredReadings[i], out, kept);
        if (code !== RELATION_EMBEDDING) return code;
      }
      if (!cosinesRead) {
        dotRows(dim, side.rows[j]!, required.rows, cosines.length, cosines);
        cosinesRead = true;
      }
      const modifierOnly = sharesWord && sharesOnlyModifier(side.heads[j]!, required.heads[i]!);
      keepEmbeddingEvidence(c, side, j, required, i, dim, cosines[i]!, modifierOnly, unknownField, out);
      return code;
    },
  };
}
