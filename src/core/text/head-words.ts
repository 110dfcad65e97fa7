/**
 * The words of a multi-word skill name that has a grammatical head ("traffic ENGINEERING"), computed once per
 * distinct name by the matcher (`nameHead`). Names without a head (one word, "sales and marketing",
 * "theory of computation") have none (`null`), and the head-disagreement guard never applies to them.
 */
export type HeadWords = {
  /** The head word, normalised ("engineering"). */
  readonly head: string;
  /** Every content word of the name, head included, fillers ("skills") left out. */
  readonly words: readonly string[];
  /**
   * A coordination of headed phrases ("industrial DESIGN and PROTOTYPING") has one head per conjunct
   * (`head` is the first); a shared word is then a modifier only when it heads no conjunct. Absent otherwise.
   */
  readonly heads?: readonly string[];
};

/** Shortest shared prefix that makes two heads one word ("engineer"/"engineering", "nurse"/"nursing"). */
const MIN_STEM = 4;

/** True when two head words are forms of one word: equal, or sharing a prefix of MIN_STEM letters or more. */
export function sameHead(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k >= MIN_STEM && k >= n - 1;
}

/**
 * True when two headed names share a word but not their head: "TRAFFIC engineering" and "TRAFFIC
 * acquisition", "real ESTATE sales" and "ESTATE planning". Such a match rests on a modifier alone, which
 * says little about which skill a name is. Allocates nothing.
 *
 * @example sharesOnlyModifier(traffic("engineering"), traffic("acquisition")) // true
 */
export function sharesOnlyModifier(a: HeadWords | null, b: HeadWords | null): boolean {
  if (a === null || b === null || sameHead(a.head, b.head)) return false;
  if (a.heads !== undefined || b.heads !== undefined) {
    const ha = a.heads ?? [a.head];
    const hb = b.heads ?? [b.head];
    for (const x of ha) for (const y of hb) if (sameHead(x, y)) return false;
  }
  for (let x = 0; x < a.words.length; x++) {
    const w = a.words[x]!;
    if (a.heads?.includes(w) === true) continue;
    for (let y = 0; y < b.words.length; y++)
      if (b.words[y] === w && b.heads?.includes(w) !== true) return true;
  }
  return false;
}
