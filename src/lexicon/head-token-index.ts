/** Tokens this short are read as abbreviations, which do not form noun compounds among themselves. */
const MAX_ABBREVIATION_LENGTH = 3;
/** Prepositions that end a head phrase: the head of "bachelor of science" is "bachelor". */
export const PREPOSITIONS: ReadonlySet<string> = new Set(["of", "for", "in", "on", "with", "to", "at", "by"]);
/** Coordinations have no single head: "sales and marketing" is two skills, weighted alike. */
export const COORDINATIONS: ReadonlySet<string> = new Set(["and", "&", "or", "/"]);
/**
 * Generic trailing nouns that are never the head of a skill name: "communication skills" is about
 * communication, "python experience" about Python.
 */
export const FILLERS: ReadonlySet<string> = new Set([
  "skill",
  "skills",
  "experience",
  "knowledge",
  "proficiency",
  "expertise",
  "ability",
  "abilities",
  "competency",
  "competence",
  "basics",
  "fundamentals",
]);

/**
 * Light activity nouns: they leave the meaning to the word before them ("FORKLIFT operation", "ELECTRICAL
 * work", "MACHINE operator"). The head-disagreement guard (`nameHead`) never takes one as a head; the
 * embedder still pools them as ordinary words.
 */
export const LIGHT_NOUNS: ReadonlySet<string> = new Set([
  "operation",
  "operations",
  "operating",
  "operator",
  "handling",
  "use",
  "usage",
  "work",
  "techniques",
  "technique",
  "procedures",
  "practice",
  "practices",
]);

/**
 * Index of the head word of a multi-word skill name, or -1 when there is none: a single content word, a
 * coordination ("sales and marketing"), or a prepositional phrase ("theory of computation", whose topic
 * is not its grammatical head). English noun compounds put the head last ("criminal LAW", "mechanical
 * ENGINEERING"), skipping generic fillers ("COMMUNICATION skills"); a run of short abbreviations ("ci cd")
 * has none.
 *
 * @param tokens `tokenize` output of a normalised name
 * @param end tokens at or after this index are ignored (a trailing parenthetical such as "(PLCs)")
 * @example headTokenIndex(["criminal", "law"], 2) // 1
 */
export function headTokenIndex(tokens: readonly string[], end: number): number {
  let head = -1;
  let content = 0;
  let longest = 0;
  for (let k = 0; k < end; k++) {
    const t = tokens[k] ?? "";
    if (COORDINATIONS.has(t) || PREPOSITIONS.has(t)) return -1;
    if (FILLERS.has(t)) continue;
    content++;
    head = k;
    if (t.length > longest) longest = t.length;
  }
  // A run of abbreviations ("ci cd", "tcp ip") is a list, not a noun compound.
  return content >= 2 && longest > MAX_ABBREVIATION_LENGTH ? head : -1;
}
