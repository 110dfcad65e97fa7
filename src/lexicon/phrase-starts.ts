// Derived once per immutable table (the lexicon's index, the domain keywords) and memoised by the table
// object, like find-skill's keys by skill.
const STARTS = new WeakMap<ReadonlyMap<string, unknown>, ReadonlySet<string>>();

/**
 * The first words of the multi-word keys of `phrases` ("machine" for "machine learning"). A phrase of
 * tokens can be a key only if its first token is one of them, so a scan for known phrases in a name of
 * unknown words ("zorblax quantic 953") skips building and looking up every longer phrase. Built on first
 * use per table (one pass over its keys).
 */
export function phraseStarts(phrases: ReadonlyMap<string, unknown>): ReadonlySet<string> {
  let starts = STARTS.get(phrases);
  if (starts === undefined) {
    const built = new Set<string>();
    for (const key of phrases.keys()) {
      const space = key.indexOf(" ");
      if (space >= 0) built.add(key.substring(0, space));
    }
    starts = built;
    STARTS.set(phrases, starts);
  }
  return starts;
}
