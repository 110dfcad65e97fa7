import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalOrder } from "./canonical-order.js";

/** The order as a stable sort of the indices by (norm, ratio, tie, name): what the engines rely on. */
function sortedIndices(norms: string[], names: string[], ratios: number[], tie?: number[]): number[] {
  const key = (i: number) => [norms[i]!, ratios[i]!, tie?.[i] ?? 0, names[i]!] as const;
  return [...norms.keys()].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    for (let k = 0; k < 4; k++) if (x[k] !== y[k]) return x[k]! < y[k]! ? -1 : 1;
    return 0;
  });
}

describe("canonicalOrder", () => {
  it("is a stable sort by normalised name, ratio, tie and raw name, duplicates included", () => {
    // Few distinct values so that ties on every key, and whole duplicates, are common.
    const side = fc.array(
      fc.record({
        norm: fc.constantFrom("a", "b", "c"),
        name: fc.constantFrom("A", "a", "B"),
        ratio: fc.constantFrom(0, 0.4, 1),
        tie: fc.constantFrom(0, 1, 2.5),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(side, fc.boolean(), (skills, withTie) => {
        const norms = skills.map((s) => s.norm);
        const names = skills.map((s) => s.name);
        const ratios = skills.map((s) => s.ratio);
        const tie = withTie ? skills.map((s) => s.tie) : undefined;
        const got = canonicalOrder(
          norms,
          names,
          Float64Array.from(ratios),
          tie === undefined ? undefined : Float64Array.from(tie),
        );
        expect([...got]).toEqual(sortedIndices(norms, names, ratios, tie));
      }),
    );
  });
});
