/**
 * True when a normalised name reads like a phrase of words: no digit, and at least two words of three or more
 * letters ("wills and trusts", "steel erection welding"). Numbered and code-like names ("skill 916", "a0"),
 * single tokens (keyboard mash such as "asdf", placeholders such as "tbd") are not. Allocates nothing.
 */
export function isWordLike(norm: string): boolean {
  let words = 0;
  let run = 0;
  for (let k = 0; k <= norm.length; k++) {
    const ch = k < norm.length ? norm.charCodeAt(k) : 32;
    if (ch >= 48 && ch <= 57) return false;
    const letter = (ch >= 97 && ch <= 122) || ch > 127;
    if (letter) run++;
    else {
      if (run >= 3) words++;
      run = 0;
    }
  }
  return words >= 2;
}
