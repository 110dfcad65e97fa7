const SPACE = 32;

/**
 * The words of `s` when it holds nothing but lowercase ASCII letters, digits and spaces (most normalised skill
 * names): its runs of non-spaces, in order. Null for any other string, which the caller reads with its own
 * regular expression. For such a string every tokenizer here splits at spaces and nowhere else, so this is
 * their answer without a Unicode regular expression: a ranking reads each new name several times (its
 * tokens, its head, its acronym forms, its embedding). Allocates the words only.
 *
 * @example plainWords("advanced  python 3") // ["advanced", "python", "3"]
 * @example plainWords("c++") // null
 */
export function plainWords(s: string): string[] | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === SPACE || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return null;
  }
  const words: string[] = [];
  let start = 0;
  while (start < s.length) {
    const space = s.indexOf(" ", start);
    const end = space < 0 ? s.length : space;
    if (end > start) words.push(s.substring(start, end));
    start = end + 1;
  }
  return words;
}
