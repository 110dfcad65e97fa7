import {
  LEXICON_SIMILARITY_ALIAS,
  LEXICON_SIMILARITY_COUSIN,
  LEXICON_SIMILARITY_INFERRED_DESCENDANT,
  LEXICON_SIMILARITY_INFERRED_KIND,
  LEXICON_SIMILARITY_INFERRED_RELATED,
  LEXICON_SIMILARITY_PARENT,
  LEXICON_SIMILARITY_SIBLING_DISCIPLINE,
} from "../../defaults.js";
import { acronymAllowed } from "../lexicon/acronym-allowed.js";
import { areCousins } from "../lexicon/are-cousins.js";
import { isFalseFriend } from "../lexicon/is-false-friend.js";
import {
  lexiconRelation,
  PARENT_SIMILARITY_FLOOR,
  RELATION_ALIAS,
  RELATION_CHILD,
  RELATION_EXACT,
  RELATION_NONE,
  RELATION_PARENT,
  RELATION_PART,
  RELATION_RELATED,
  RELATION_SIBLING,
} from "../lexicon/lexicon-relation.js";
import type { CompiledLexicon } from "../lexicon/types.js";
import { formsAlign } from "../text/acronym-match.js";
import { credentialWordsMatch } from "../text/credential-match.js";
import type { NameReading, NameReadings } from "./name-readings.js";
import type { ScoringConfig } from "./scoring-config.js";

/** Relation code for "no lexicon relation: use the embedding cosine". Extends the lexicon's RELATION_* codes. */
export const RELATION_EMBEDDING = 7;

/**
 * Similarity of a candidate/required pair from names alone, before embeddings: same normalised name (1),
 * known false friend (`falseFriendSimilarity`, so Java never earns credit for JavaScript), or a lexicon
 * relation. Writes the similarity into `out[0]` and returns the relation code; returns RELATION_EMBEDDING
 * when the caller must fall back to the calibrated embedding cosine, with `out[0]` the floor that evidence
 * keeps (LEXICON_SIMILARITY_COUSIN for members of one broad family, else 0). For a pair the lexicon does not
 * know, the name rules read both names through `readings` (which may allocate; the engines memoise pairs).
 */
export function lexicalSimilarity(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  candidateNorm: string,
  requiredNorm: string,
  c: ScoringConfig,
  readings: NameReadings,
  out: Float64Array,
): number {
  const code = lexicalSimilarityBeforeReadings(
    lex,
    candidateIndex,
    requiredIndex,
    candidateNorm,
    requiredNorm,
    c,
    out,
  );
  if (code !== RELATION_EMBEDDING || (candidateIndex >= 0 && requiredIndex >= 0)) return code;
  return readingSimilarity(
    lex,
    candidateIndex,
    requiredIndex,
    readings.of(candidateNorm, candidateIndex),
    readings.of(requiredNorm, requiredIndex),
    out,
  );
}

/**
 * The first half of `lexicalSimilarity`, which reads no name: same name, false friend, lexicon relation, or
 * RELATION_EMBEDDING with `out[0]` the family floor. When that leaves RELATION_EMBEDDING and one side is
 * unknown, `readingSimilarity` decides. Split so that a caller comparing one name with many (a role's row)
 * can read each name once instead of looking its reading up per pair.
 */
export function lexicalSimilarityBeforeReadings(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  candidateNorm: string,
  requiredNorm: string,
  c: ScoringConfig,
  out: Float64Array,
): number {
  if (candidateNorm === requiredNorm) {
    out[0] = 1;
    return RELATION_EXACT;
  }
  if (isFalseFriend(lex, candidateIndex, requiredIndex, candidateNorm, requiredNorm)) {
    out[0] = c.falseFriendSimilarity;
    return RELATION_NONE;
  }
  const code = lexiconRelation(lex, candidateIndex, requiredIndex, candidateNorm, requiredNorm, out);
  if (code !== RELATION_NONE) return code;
  // Members of one broad family (two programming languages) are at least weakly related.
  out[0] = areCousins(lex, candidateIndex, requiredIndex) ? LEXICON_SIMILARITY_COUSIN : 0;
  return RELATION_EMBEDDING;
}

/**
 * The second half of `lexicalSimilarity`, for a pair `lexicalSimilarityBeforeReadings` left to the
 * embeddings where at least one name is unknown to the lexicon: the name rules over both names' readings.
 * Reads the floor from `out[0]`, writes the similarity there and returns RELATION_ALIAS or RELATION_EMBEDDING.
 * `keptFloor` is `kindFloor` of the pair when the caller keeps it (a role's rows keep it by kind).
 */
export function readingSimilarity(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  cand: NameReading,
  req: NameReading,
  out: Float64Array,
  keptFloor?: number,
): number {
  if (readingsAlias(lex, candidateIndex, requiredIndex, cand, req)) {
    out[0] = LEXICON_SIMILARITY_ALIAS;
    return RELATION_ALIAS;
  }
  out[0] = Math.max(out[0]!, keptFloor ?? kindFloor(lex, candidateIndex, requiredIndex, cand, req));
  return RELATION_EMBEDDING;
}

/**
 * The first rule of `readingSimilarity`: the names are one skill by their readings alone. Where the lexicon
 * cannot know the pair, an abbreviation spelled by the other name's initials is another name for it ("EMT" =
 * "Emergency Medical Technician"), unless the lexicon spells out the known side's abbreviation differently
 * (ERP ≠ Emergency Response Planning; see acronymAllowed). Likewise a credential names the skill it certifies
 * ("security guard license" = "security guard").
 */
function readingsAlias(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  cand: NameReading,
  req: NameReading,
): boolean {
  return (
    credentialWordsMatch(cand.credential, req.credential) ||
    (formsAlign(cand.acronymForms, req.acronymForms) &&
      (candidateIndex >= 0
        ? acronymAllowed(lex, candidateIndex, req.contentWords)
        : acronymAllowed(lex, requiredIndex, cand.contentWords)))
  );
}

/**
 * The second rule of `readingSimilarity`: an unknown name whose head is a known skill is a kind of that skill
 * ("finish carpentry"), and its evidence keeps the floor that relation gives (never direct evidence: the
 * code stays RELATION_EMBEDDING). 0 when neither side is such a name. For an unknown candidate against a
 * known requirement it is `inferredFloor(lex, cand.kind, requiredIndex, true)`, which depends on the kind
 * alone: a caller comparing many new names with one role may keep it by kind.
 */
function kindFloor(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  cand: NameReading,
  req: NameReading,
): number {
  if (candidateIndex < 0 && requiredIndex >= 0) return inferredFloor(lex, cand.kind, requiredIndex, true);
  if (requiredIndex < 0 && candidateIndex >= 0) return inferredFloor(lex, candidateIndex, req.kind, false);
  return 0;
}

const SCRATCH = new Float64Array(1);

/**
 * Floor for a pair where one side is an unknown name read as a kind of a known skill. `candidateInferred`
 * tells which side is the inferred kind: `a` is then that kind and `b` the required skill; otherwise `a` is
 * the candidate and `b` the kind the unknown requirement was read as.
 */
export function inferredFloor(
  lex: CompiledLexicon,
  a: number,
  b: number,
  candidateInferred: boolean,
): number {
  if (a < 0 || b < 0) return 0;
  if (a === b) return candidateInferred ? LEXICON_SIMILARITY_INFERRED_KIND : LEXICON_SIMILARITY_PARENT - 0.1;
  const code = lexiconRelation(lex, a, b, lex.canonical[a]!, lex.canonical[b]!, SCRATCH);
  switch (code) {
    case RELATION_CHILD:
    case RELATION_PART:
      // The candidate's kind is below the requirement: a descendant. The candidate is below the kind the
      // requirement was read as: two specialisations of one field.
      return candidateInferred
        ? LEXICON_SIMILARITY_INFERRED_DESCENDANT
        : LEXICON_SIMILARITY_SIBLING_DISCIPLINE;
    case RELATION_PARENT:
      // The candidate's kind is above the requirement: two specialisations of one field. The candidate is
      // above the kind the requirement was read as: an ancestor of the requirement.
      return candidateInferred ? LEXICON_SIMILARITY_SIBLING_DISCIPLINE : PARENT_SIMILARITY_FLOOR;
    case RELATION_RELATED:
      return LEXICON_SIMILARITY_INFERRED_RELATED;
    case RELATION_SIBLING:
      return LEXICON_SIMILARITY_SIBLING_DISCIPLINE;
    default:
      return 0;
  }
}
