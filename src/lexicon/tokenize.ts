import { plainWords } from "../core/text/plain-words.js";

/**
 * A word unit: letters/digits, optionally a leading dot (`.net`), inner `.` or `'` joins (`node.js`, `asp.net`,
 * `3.5`), and trailing `+`/`#` (`c++`, `c#`, `f#`).
 */
const UNIT = /\.?[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*[+#]*/gu;
/** Short plain units that `/` or `&` glue into one token: `ci/cd`, `tcp/ip`, `ui/ux`, `r&d`, `p&l`. */
const SHORT_PLAIN = /^[\p{L}\p{N}]{1,3}$/u;
const SINGLE_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Splits a normalised skill name (see `normalizeName`) into word tokens, in order.
 *
 * Rules, stable because the embedder and domain classification depend on them:
 * - Tokens are runs of letters and digits. Inner `.` and `'` stay (`node.js`, `asp.net`, `3.5`), a leading
 *   dot stays (`.net`), and trailing `+`/`#` stay (`c++`, `c#`, `f#`). A trailing dot is dropped (`etc.`).
 * - `/` and `&` join two plain units of at most 3 characters each (`ci/cd`, `tcp/ip`, `pl/sql`, `r&d`);
 *   longer or symbol-bearing sides split (`sales/marketing` → 2 tokens, `c/c++` → `c`, `c++`).
 * - `-` joins when one side is a single character (`e-commerce`, `t-sql`, `objective-c`, `k-means`);
 *   otherwise it splits (`front-end` → `front`, `end`).
 * - Everything else (spaces, punctuation, brackets) separates tokens and is dropped.
 *
 * Not a hot-path kernel: it allocates the result array and strings.
 *
 * @example tokenize("ci/cd with node.js and c++") // ["ci/cd", "with", "node.js", "and", "c++"]
 */
export function tokenize(norm: string): string[] {
  const plain = plainWords(norm);
  if (plain !== null) return plain;
  const tokens: string[] = [];
  let prevEnd = -1;
  let prev = "";
  for (const match of norm.matchAll(UNIT)) {
    const unit = match[0];
    const start = match.index;
    const separator = prevEnd < 0 ? "" : norm.slice(prevEnd, start);
    if (prevEnd >= 0 && joins(prev, separator, unit)) {
      prev = prev + separator + unit;
      tokens[tokens.length - 1] = prev;
    } else {
      tokens.push(unit);
      prev = unit;
    }
    prevEnd = start + unit.length;
  }
  return tokens;
}

function joins(left: string, separator: string, right: string): boolean {
  if (separator === "/" || separator === "&") return SHORT_PLAIN.test(left) && SHORT_PLAIN.test(right);
  if (separator === "-") return SINGLE_CHAR.test(left) || SINGLE_CHAR.test(right);
  return false;
}
