import { isForbiddenNameCode } from "../core/text/forbidden-name-char.js";

/** Invisible or layout-changing characters beyond the forbidden set: soft hyphen, zero-width, separators, BOM. */
function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x61c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffb)
  );
}

/**
 * Replaces every character that could move the cursor, recolour or retitle a terminal, reorder a line or
 * hide itself with a visible `\u{XXXX}` escape. Printable text (any script, emoji) passes unchanged; lone
 * surrogates are escaped, valid pairs kept.
 *
 * @example escapeNonPrintable("a\u001b[2Jb") // "a\\u{1B}[2Jb"
 */
export function escapeNonPrintable(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const code = text.charCodeAt(i);
    let bad = isForbiddenNameCode(code) || isInvisible(code);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) bad = true;
    if (!bad) continue;
    out += `${text.slice(from, i)}\\u{${code.toString(16).toUpperCase()}}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
