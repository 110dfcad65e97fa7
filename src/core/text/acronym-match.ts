import { dropLevelSuffix } from "./drop-level-suffix.js";
import { dropPossessive } from "./drop-possessive.js";
import { plainWords } from "./plain-words.js";

/** Words that acronyms skip: "GD&T" = Geometric Dimensioning and Tolerancing, "OSHA" = Occupational Safety and Health Administration. */
const SKIPPED: ReadonlySet<string> = new Set(["and", "of", "the", "for", "in", "on", "to", "a", "an"]);
/** Generic trailing words that are not part of an expansion ("customer service skills" is not CSS). */
const FILLERS: ReadonlySet<string> = new Set(["skill", "skills", "experience", "knowledge", "proficiency"]);
/** An acronym has at least this many letters: two-letter ones (AR, AI, PR) are too ambiguous to expand. */
const MIN_ACRONYM = 3;
const MAX_ACRONYM = 8;
/** A word joined by symbols up to this long stays whole, as a possible acronym ("p&id", "ap/ar"). */
const MAX_SYMBOL_WORD = 6;
const PARENTHETICAL = /\(([^)]*)\)/g;
const WORD_SPLIT = /[^\p{L}\p{N}&/.]+/u;
const SYMBOLS = /[&/.]/g;

/** Words of a name without its parenthetical, symbols inside words kept for `compact`. */
function words(text: string): string[] {
  const plain = plainWords(text);
  if (plain !== null) return plain;
  const out: string[] = [];
  for (const w of text.split(WORD_SPLIT)) if (w.length > 0) out.push(w);
  return out;
}

/**
 * True when `word` holds one of SYMBOLS (`&`, `/`, `.`). Most words hold none, and then the regular
 * expressions that drop or split on them would only copy the word (a regex pass and a string or array per
 * word of every new name).
 */
function hasSymbol(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const ch = word.charCodeAt(k);
    if (ch === 38 || ch === 47 || ch === 46) return true;
  }
  return false;
}

/** A word as a possible acronym: symbols dropped ("gd&t" → "gdt", "ap/ar" → "apar"). */
function compact(word: string): string {
  return hasSymbol(word) ? word.replace(SYMBOLS, "") : word;
}

function isContentWord(w: string): boolean {
  return w.length > 0 && !SKIPPED.has(w) && !FILLERS.has(w);
}

/** Content words of a name: skipped words and fillers dropped; long words joined by symbols split. */
function expansion(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    // "p&id", "gd&t", "ap/ar" stay whole (possible acronyms); "sales/marketing" splits.
    if (w.length <= MAX_SYMBOL_WORD || !hasSymbol(w)) {
      if (isContentWord(w)) out.push(w);
    } else for (const part of w.split(SYMBOLS)) if (isContentWord(part)) out.push(part);
  }
  return out;
}

/** "controllers" ~ "controller": a trailing plural s on words longer than three letters is ignored. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length > 3 && a.endsWith("s") && a.slice(0, -1) === b) return true;
  return b.length > 3 && b.endsWith("s") && b.slice(0, -1) === a;
}

/** True when `short` (compacted) spells the initials of `long[from..to)`, allowing a trailing plural s. */
function spells(short: string, long: readonly string[], from: number, to: number): boolean {
  const n = to - from;
  if (n < MIN_ACRONYM) return false;
  const letters = short.length === n + 1 && short.endsWith("s") ? short.slice(0, n) : short;
  if (letters.length !== n) return false;
  for (let k = 0; k < n; k++) if (long[from + k]![0] !== letters[k]) return false;
  return true;
}

/**
 * Aligns two word lists: every word of `a` is the same word as one of `b` or an acronym of consecutive
 * words of `b` (and vice versa), with at least one acronym used.
 */
function aligns(a: readonly string[], b: readonly string[]): boolean {
  // reach[i][j]: a[0..i) aligns with b[0..j); `used` tracks whether an acronym was needed (bit 1).
  const rows = a.length + 1;
  const cols = b.length + 1;
  const reach = new Uint8Array(rows * cols);
  reach[0] = 1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const here = reach[i * cols + j]!;
      if (here === 0) continue;
      if (i < a.length && j < b.length && sameWord(a[i]!, b[j]!)) reach[(i + 1) * cols + j + 1]! |= here;
      if (i < a.length) {
        const s = compact(a[i]!);
        if (s.length >= MIN_ACRONYM && s.length <= MAX_ACRONYM)
          for (let k = MIN_ACRONYM; j + k <= b.length && k <= s.length; k++)
            if (spells(s, b, j, j + k)) reach[(i + 1) * cols + j + k]! |= 3;
      }
      if (j < b.length) {
        const s = compact(b[j]!);
        if (s.length >= MIN_ACRONYM && s.length <= MAX_ACRONYM)
          for (let k = MIN_ACRONYM; i + k <= a.length && k <= s.length; k++)
            if (spells(s, a, i, i + k)) reach[(i + k) * cols + j + 1]! |= 3;
      }
    }
  }
  return reach[rows * cols - 1] === 3;
}

/** One reading of a name: its words, and the length of its shortest word that could be an acronym. */
export type AcronymForm = {
  readonly words: readonly string[];
  /**
   * Fewest letters of a word that could be an acronym (3 to 8 once symbols are dropped), or Infinity. Such a
   * word spells as many words of the other name as it has letters (one fewer with a plural s), so a pair
   * where neither side has a word short enough for the other's length cannot align: a cheap first test.
   */
  readonly shortest: number;
  /** First character of the first word ("" for no words). */
  readonly lead: string;
  /** First character of the first word when that word could be an acronym (3 to 8 letters compacted), else null. */
  readonly acronymLead: string | null;
};

/** The readings of a name (see `acronymForms`). */
export type AcronymForms = readonly AcronymForm[];

function form(words: string[]): AcronymForm {
  let shortest = Number.POSITIVE_INFINITY;
  let acronymLead: string | null = null;
  for (let k = 0; k < words.length; k++) {
    const c = compact(words[k]!);
    const n = c.length;
    if (n >= MIN_ACRONYM && n <= MAX_ACRONYM) {
      if (n < shortest) shortest = n;
      if (k === 0) acronymLead = c[0]!;
    }
  }
  const lead = words.length > 0 ? (words[0]![0] ?? "") : "";
  return { words, shortest, lead, acronymLead };
}

/**
 * False when two forms cannot align because their first words cannot: an alignment starts with the same
 * word on both sides (same first character, plurals aside) or with one side's first word spelling the
 * other's first words (its first letter is the first letter of the other's first word). Most pairs of
 * unrelated names fail here, before `aligns` allocates its table and compacts every word it reaches.
 */
function leadsMayAlign(x: AcronymForm, y: AcronymForm): boolean {
  return x.lead === y.lead || x.acronymLead === y.lead || y.acronymLead === x.lead;
}

/**
 * The forms a name can be read as by the acronym rule: without its parenthetical, its stem without a level
 * suffix, and the parenthetical alone. The first form's words are the name's `contentWords`. Allocates: read
 * once per name, then compare with `formsAlign`.
 */
export function acronymForms(norm: string): AcronymForm[] {
  const inner: string[] = [];
  // Most names have neither a possessive nor a parenthetical: no regex pass for them.
  const plain = dropPossessive(norm);
  const outer = plain.includes("(")
    ? plain.replace(PARENTHETICAL, (_, content: string) => {
        inner.push(content);
        return " ";
      })
    : plain;
  const out = [form(expansion(words(outer)))];
  // "emt-b" is also read as "emt"; "hvac/r" keeps its own reading too (the r spells "refrigeration").
  const stem = dropLevelSuffix(norm);
  if (stem !== norm) out.push(form([stem]));
  for (const text of inner) {
    const w = expansion(words(text));
    if (w.length > 0) out.push(form(w));
  }
  return out;
}

/**
 * True when one normalised name abbreviates the other by initials, in either direction, word by word:
 * "plc" = "programmable logic controllers", "cnc machining" = "computer numerical control machining",
 * "gd&t" = "geometric dimensioning and tolerancing", "ap/ar" = "accounts payable accounts receivable",
 * "programmable-logic controllers (plcs)" = "plc". A general rule for abbreviations no lexicon lists;
 * acronyms need three letters (two-letter ones are ambiguous). Allocates; call once per distinct pair.
 *
 * @example acronymMatch("emt", "emergency medical technician") // true
 */
export function acronymMatch(a: string, b: string): boolean {
  return a !== b && formsAlign(acronymForms(a), acronymForms(b));
}

/** `acronymMatch` over forms read once per name (`acronymForms`), for two different names. */
export function formsAlign(fa: AcronymForms, fb: AcronymForms): boolean {
  for (const fx of fa) {
    const x = fx.words;
    if (x.length === 0) continue;
    for (const fy of fb) {
      const y = fy.words;
      if (y.length === 0 || (x.length === 1 && y.length === 1)) continue;
      if (fx.shortest > y.length + 1 && fy.shortest > x.length + 1) continue;
      if (leadsMayAlign(fx, fy) && aligns(x, y)) return true;
    }
  }
  return false;
}

/**
 * Content words of a name as the acronym rule reads them: without its parenthetical and possessives, with
 * "and", "of", "the" and fillers dropped. Allocates.
 *
 * @example contentWords("heating, ventilation and air conditioning") // ["heating", "ventilation", "air", "conditioning"]
 */
export function contentWords(norm: string): string[] {
  return expansion(words(dropPossessive(norm).replace(PARENTHETICAL, " ")));
}
