import type { HeadWords } from "../core/text/head-words.js";
import { FILLERS, headTokenIndex } from "./head-token-index.js";
import { tokenize } from "./tokenize.js";

/** A parenthetical aside ("(PLCs)") is never part of a name's head phrase. */
const PARENTHETICAL = /\([^)]*\)/g;

/**
 * Words that never decide which skill a name is, for the head-disagreement guard: a credential names the
 * skill it certifies ("forklift CERTIFICATION" is forklift operation, "rn LICENSE" is nursing), and a light
 * activity noun leaves the meaning to its modifier ("forklift OPERATION", "forklift OPERATOR"). Left out,
 * such a name has no head of its own and is never guarded.
 */
const LIGHT: ReadonlySet<string> = new Set([
  "license",
  "licence",
  "licensed",
  "licensure",
  "certification",
  "certificate",
  "certified",
  "cert",
  "credential",
  "permit",
  "card",
  "registration",
  "endorsement",
  "qualification",
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
 * Head and content words of a normalised skill name, LIGHT words left out, or null when it has no head (see
 * `headTokenIndex`: one content word, a coordination, a prepositional phrase, a run of abbreviations). Reads the name as the
 * word-vector embedder does, parenthetical left out. Allocates; call once per distinct name.
 *
 * @example nameHead("traffic engineering") // { head: "engineering", words: ["traffic", "engineering"] }
 */
export function nameHead(norm: string): HeadWords | null {
  const all = tokenize(norm.includes("(") ? norm.replace(PARENTHETICAL, " ") : norm);
  const tokens = all.filter((t) => !LIGHT.has(t));
  const head = headTokenIndex(tokens, tokens.length);
  if (head < 0) return null;
  const words: string[] = [];
  for (const t of tokens) if (!FILLERS.has(t) && !words.includes(t)) words.push(t);
  return { head: tokens[head]!, words };
}
