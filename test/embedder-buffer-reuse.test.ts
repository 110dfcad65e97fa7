import { describe, expect, it } from "vitest";
import { createFakeEmbedder } from "../src/adapters/embedder/fake.js";
import type { Embedder } from "../src/index.js";
import { createMatcher } from "../src/index.js";

/**
 * The matcher keeps the rows an embedder returns (as views of one copy per call): an embedder that writes
 * every answer into one buffer of its own must not change the rows of names it embedded before.
 */
describe("rows kept from an embedder that reuses its output buffer", () => {
  it("score as the rows of an embedder that never does", async () => {
    const fake = createFakeEmbedder(16);
    let buffer = new Float32Array(0);
    const reusing: Embedder = {
      id: fake.id,
      dim: fake.dim,
      async embed(names) {
        const rows = await fake.embed(names);
        if (buffer.length < rows.length) buffer = new Float32Array(rows.length * 2);
        buffer.set(rows);
        return buffer.subarray(0, rows.length);
      },
      close: () => fake.close(),
    };
    const own = createMatcher({ embedder: createFakeEmbedder(16) });
    const shared = createMatcher({ embedder: reusing });
    const level = { value: 3, max: 5 };
    const role = [{ name: "Distributed ledgers", level }];
    const calls = [
      [{ name: "Quantum basket weaving", level }],
      [
        { name: "Underwater welding", level },
        { name: "Competitive yodelling", level },
      ],
      [{ name: "Quantum basket weaving", level }],
    ];
    for (const candidate of calls)
      expect(await shared.match(candidate, role)).toEqual(await own.match(candidate, role));
    await own.close();
    await shared.close();
  });
});
