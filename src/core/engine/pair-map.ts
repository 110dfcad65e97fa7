/** Builds the opt-in `required name → candidate name → value` map from a row-major n_req × n_cand matrix. */
export function pairMap(
  requiredNames: readonly string[],
  candidateNames: readonly string[],
  values: Float64Array,
): Record<string, Record<string, number>> {
  const nc = candidateNames.length;
  const out: Record<string, Record<string, number>> = Object.create(null);
  for (let i = 0; i < requiredNames.length; i++) {
    const row: Record<string, number> = out[requiredNames[i]!] ?? Object.create(null);
    for (let j = 0; j < nc; j++) row[candidateNames[j]!] = values[i * nc + j]!;
    out[requiredNames[i]!] = row;
  }
  return out;
}
