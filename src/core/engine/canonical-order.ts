/**
 * Indices of a side sorted by normalised name, level ratio, `tie` (weights, must-have) and finally the raw
 * name. Both engines sum and break ties in this order, so permuting the input changes no bit of the output
 * (SPEC property 5).
 */
export function canonicalOrder(
  norms: readonly string[],
  names: readonly string[],
  ratios: Float64Array,
  tie?: Float64Array,
): Int32Array {
  const n = norms.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const na = norms[a] as string;
    const nb = norms[b] as string;
    if (na !== nb) return na < nb ? -1 : 1;
    const d = (ratios[a] as number) - (ratios[b] as number);
    if (d !== 0) return d;
    const t = tie === undefined ? 0 : (tie[a] as number) - (tie[b] as number);
    if (t !== 0) return t;
    const ra = names[a] as string;
    const rb = names[b] as string;
    return ra === rb ? 0 : ra < rb ? -1 : 1;
  });
  return order;
}
