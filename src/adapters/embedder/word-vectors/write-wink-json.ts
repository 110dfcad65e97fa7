import { writeFileSync } from "node:fs";

/**
 * Writes word vectors in the wink-embeddings JSON layout (`words` by rank, `vectors` of
 * `[...dim, l2norm, wordIndex]`), e.g. a small custom `sourcePath` for `createWordVectorEmbedder` or a
 * test fixture. Not for large vocabularies: it builds the document as one string.
 *
 * @param words words in frequency order (rank = index)
 * @param vectors row-major `words.length × dim` components
 * @example writeWinkJson("tiny.json", ["the", "cat"], new Float32Array(200), 100)
 */
export function writeWinkJson(
  path: string,
  words: readonly string[],
  vectors: Float32Array,
  dim: number,
): void {
  const entries = words.map((word, i) => {
    const row = Array.from(vectors.subarray(i * dim, (i + 1) * dim), (x) => Number(x.toFixed(6)));
    const norm = Math.hypot(...row);
    return `${JSON.stringify(word)}:${JSON.stringify([...row, Number(norm.toFixed(8)), i])}`;
  });
  const head = `{"precision":8,"l2NormIndex":${dim},"wordIndex":${dim + 1},"size":${words.length},"dimensions":${dim}`;
  const unk = JSON.stringify([...new Array<number>(dim).fill(0), 0, -1]);
  writeFileSync(
    path,
    `${head},"words":${JSON.stringify(words)},"vectors":{${entries.join(",")}},"unkVector":${unk}}`,
  );
}
