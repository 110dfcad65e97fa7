import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { Domain } from "../core/types.js";
import type { DomainKeywords } from "./compile-domain-keywords.js";
import { findSkill } from "./find-skill.js";
import { phraseStarts } from "./phrase-starts.js";
import { tokenize } from "./tokenize.js";

/** A multi-word phrase that names a lexicon skill is stronger evidence than a keyword or a single word. */
const SKILL_WEIGHT = 2;
const KEYWORD_WEIGHT = 1;
/**
 * A one-word skill name that is not a domain keyword is weaker than a keyword, so it never decides the domain
 * of a longer name on its own against a keyword pointing elsewhere: "rust" in "rust inhibitor coating",
 * "express" in "express parcel delivery", "spring" in "spring garden cleaning" are ordinary English words there.
 */
const WORD_SKILL_WEIGHT = 0.75;
/** Lexicon names are tried up to this many tokens long inside a longer name. */
const MAX_SKILL_WORDS = 4;

/**
 * Domain of a skill name (`norm` from `normalizeName`). A known skill (see `findSkill`) gives its lexicon
 * domain. Otherwise the name is tokenised and scanned left to right, longest phrase first: a multi-word
 * phrase naming a lexicon skill scores 2 for its domain; a keyword phrase scores 1 for the keyword's domain
 * (also when the word is a one-word skill name too); a one-word skill name that is not a keyword (longer
 * than one character, so "c" in "vitamin c" does not count) scores only 0.75, so a keyword elsewhere in the
 * name outweighs it ("rust prevention", "express delivery"); a token glued by `/` (`ai/ml`) is also
 * tried part by part. Matching is by whole tokens only, so "ai" never fires inside
 * "maintain", "hr" inside "three" or "go" inside "good". Highest score wins; ties go to the domain seen
 * first. No evidence → "General". Allocates (tokens, phrases); call once per distinct name.
 *
 * @param known `findSkill(lex, norm)`, when the caller has it already: for a name the lexicon does not know,
 *   findSkill tries every suffix, prefix, abbreviation and plural variant, which is worth doing once per name
 * @param tokens `tokenize(norm)`, when the caller has it
 */
export function classifyDomain(
  lex: CompiledLexicon,
  keywords: DomainKeywords,
  norm: string,
  known: number = findSkill(lex, norm),
  tokens: readonly string[] = tokenize(norm),
): Domain {
  if (known >= 0) return lex.domains[known]!;
  // Each domain's score, in the order the domains were first credited (ties go to the first): a name credits
  // one to three, so two short arrays, not a Map and a closure per name.
  const scores: Scores = { domains: [], weights: [] };
  const longest = Math.max(MAX_SKILL_WORDS, keywords.maxWords);
  const skillStarts = phraseStarts(lex.index);
  const keywordStarts = phraseStarts(keywords.phrases);
  let i = 0;
  while (i < tokens.length) {
    let consumed = 0;
    const token = tokens[i]!;
    // Tokens hold no spaces, so a longer phrase from here is a key only if this token starts one.
    const phrases = skillStarts.has(token) || keywordStarts.has(token);
    for (let n = phrases ? Math.min(longest, tokens.length - i) : 1; n >= 1 && consumed === 0; n--) {
      const phrase = n === 1 ? token : tokens.slice(i, i + n).join(" ");
      const skill = n <= MAX_SKILL_WORDS && phrase.length > 1 ? lex.index.get(phrase) : undefined;
      const keyword = keywords.phrases.get(phrase);
      if (skill !== undefined && n > 1) credit(scores, lex.domains[skill]!, SKILL_WEIGHT);
      else if (keyword !== undefined) credit(scores, keyword, KEYWORD_WEIGHT);
      else if (skill !== undefined) credit(scores, lex.domains[skill]!, WORD_SKILL_WEIGHT);
      else continue;
      consumed = n;
    }
    if (consumed === 0) creditParts(token, lex, keywords, scores);
    i += consumed > 0 ? consumed : 1;
  }
  let best: Domain = "General";
  let bestScore = 0;
  for (let k = 0; k < scores.domains.length; k++) {
    if (scores.weights[k]! > bestScore) {
      best = scores.domains[k]!;
      bestScore = scores.weights[k]!;
    }
  }
  return best;
}

type Scores = { readonly domains: Domain[]; readonly weights: number[] };

function credit(scores: Scores, domain: Domain, weight: number): void {
  const k = scores.domains.indexOf(domain);
  if (k >= 0) scores.weights[k]! += weight;
  else {
    scores.domains.push(domain);
    scores.weights.push(weight);
  }
}

function creditParts(token: string, lex: CompiledLexicon, keywords: DomainKeywords, scores: Scores): void {
  if (!token.includes("/")) return;
  for (const part of token.split("/")) {
    const skill = part.length > 1 ? lex.index.get(part) : undefined;
    const keyword = keywords.phrases.get(part);
    if (keyword !== undefined) credit(scores, keyword, KEYWORD_WEIGHT);
    else if (skill !== undefined) credit(scores, lex.domains[skill]!, WORD_SKILL_WEIGHT);
  }
}
