import { describe, expect, it } from "vitest";
import { createRolePairScores } from "./role-pair-scores.js";

describe("createRolePairScores", () => {
  it("keeps every entry of 20,000 candidates' names at ten levels without starting over", () => {
    // About one entry per distinct (name, level) of a call: 12,000 names at ten levels is 120,000 entries,
    // each listing a few of a 20-skill role's pairs, as `npm run bench:rank` brings at ten levels.
    const nr = 20;
    const table = createRolePairScores(nr);
    const scores = new Float64Array(nr);
    const generation = table.generation;
    const entries: number[] = [];
    for (let row = 0; row < 12_000; row++) {
      for (let shape = 0; shape < 10; shape++) {
        table.reserve(1);
        for (let i = 0; i < nr; i++) scores[i] = (i + row + shape) % 5 === 0 ? 0.5 + i / 100 : 0.01;
        entries.push(table.add(row, shape, scores, 0, 0.1));
      }
    }
    expect(table.generation).toBe(generation);
    for (let row = 0; row < 12_000; row += 997) {
      for (let shape = 0; shape < 10; shape++) {
        const e = table.find(row, shape);
        expect(e).toBe(entries[row * 10 + shape]);
        const m = table.listed[e]!;
        expect(m).toBe(4);
        for (let j = 0; j < m; j++) {
          const i = table.listed[e + 1 + 2 * j]!;
          expect((i + row + shape) % 5).toBe(0);
          expect(table.listed[e + 2 + 2 * j]!).toBeGreaterThanOrEqual(0.5 + i / 100);
        }
      }
    }
  });
});
