/**
 * Unique map keys for a list of names: a name's first occurrence keeps its text, later ones become
 * `name#2`, `name#3`, … (skipping any key already taken), so duplicate names lose no entry.
 *
 * @example uniqueKeys(["React", "Go", "React"]) // ["React", "Go", "React#2"]
 */
export function uniqueKeys(names: readonly string[]): string[] {
  const taken = new Set<string>(names);
  const seen = new Set<string>();
  const out = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!seen.has(name)) {
      seen.add(name);
      out[i] = name;
      continue;
    }
    let n = 2;
    while (taken.has(`${name}#${n}`)) n++;
    const key = `${name}#${n}`;
    taken.add(key);
    out[i] = key;
  }
  return out;
}

/**
 * Builds the opt-in `required name → candidate name → value` map from a row-major n_req × n_cand matrix.
 * Repeated names on either side are keyed by uniqueKeys, so every pair appears once.
 */
export function pairMap(
  requiredNames: readonly string[],
  candidateNames: readonly string[],
  values: Float64Array,
): Record<string, Record<string, number>> {
  const nc = candidateNames.length;
  const rowKeys = uniqueKeys(requiredNames);
  const colKeys = uniqueKeys(candidateNames);
  const out: Record<string, Record<string, number>> = Object.create(null);
  for (let i = 0; i < rowKeys.length; i++) {
    const row: Record<string, number> = Object.create(null);
    for (let j = 0; j < nc; j++) row[colKeys[j]!] = values[i * nc + j]!;
    out[rowKeys[i]!] = row;
  }
  return out;
}
