/** C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and other invisible format characters. */
const NON_PRINTABLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]/g;

/**
 * Replaces every character that could move the cursor, recolour or retitle a terminal, reorder a line or
 * hide itself with a visible `\u{XXXX}` escape. Printable text (any script, emoji) passes unchanged.
 * Lone surrogates are escaped too; valid pairs are kept.
 *
 * @example escapeNonPrintable("a\u001b[2Jb") // "a\\u{1B}[2Jb"
 */
export function escapeNonPrintable(text: string): string {
  return text.replace(NON_PRINTABLE, (ch, offset: number, whole: string) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = whole.charCodeAt(offset + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return ch;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      const prev = whole.charCodeAt(offset - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) return ch;
    }
    return `\\u{${code.toString(16).toUpperCase()}}`;
  });
}
