/**
 * Placeholder words a form or a careless user fills in: single tokens that are real words but name no skill.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "none",
  "null",
  "misc",
  "test",
  "todo",
  "temp",
  "other",
  "others",
  "various",
  "placeholder",
  "unknown",
  "lorem",
  "ipsum",
  "sample",
  "example",
  "dummy",
  "blah",
  "stuff",
  "things",
  "skill",
  "skills",
  "general",
  "etc",
]);

/** Keyboard rows, for spotting mash that starts along a row ("asdf", "qwerty", "zxcv", "hjkl"). */
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"] as const;

function isVowel(ch: number): boolean {
  // a e i o u y
  return ch === 97 || ch === 101 || ch === 105 || ch === 111 || ch === 117 || ch === 121;
}

/** True when `norm` starts with three keys in a row of one keyboard row, left to right ("asd…", "qwe…"). */
function startsWithKeyboardRun(norm: string): boolean {
  const head = norm.slice(0, 3);
  for (const row of ROWS) if (row.includes(head)) return true;
  return false;
}

/**
 * True when a normalised single token reads like a real word: letters only (accented ones too: "sauté"), at least four of them, a
 * vowel, no letter three times in a row, not keyboard mash along a row ("asdf", "qwerty") and not a
 * placeholder ("none", "misc", "test", "tbd" is too short). Made-up words that look like words ("zukamor")
 * pass: without the vocabulary a name cannot be told apart from a rare real word ("Horology").
 */
export function isWordLikeToken(norm: string): boolean {
  if (norm.length < 4) return false;
  let vowel = false;
  for (let k = 0; k < norm.length; k++) {
    const ch = norm.charCodeAt(k);
    if (ch < 97 || (ch > 122 && ch <= 127)) return false;
    if (isVowel(ch)) vowel = true;
    if (k >= 2 && ch === norm.charCodeAt(k - 1) && ch === norm.charCodeAt(k - 2)) return false;
  }
  return vowel && !startsWithKeyboardRun(norm) && !PLACEHOLDERS.has(norm);
}

/**
 * True when a normalised name reads like a phrase of words: no digit, and at least two words of three or more
 * letters ("wills and trusts", "steel erection welding"), or a single token that reads like a real word
 * (`isWordLikeToken`: "horology", "stenography"). Numbered and code-like names ("skill 916", "a0"), keyboard
 * mash ("asdf", "qwerty") and placeholders ("tbd", "none") are not. Allocates nothing for multi-word names.
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
  return words >= 2 || isWordLikeToken(norm);
}
