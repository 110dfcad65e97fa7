import { describe, expect, it } from "vitest";
import { addNgramVector } from "./add-ngram-vector.js";

const DIM = 100;

function vector(token: string): Float32Array {
  const out = new Float32Array(DIM);
  addNgramVector(token, 1, DIM, out, new Float32Array(DIM));
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < DIM; d++) sum += (a[d] as number) * (b[d] as number);
  return sum;
}

describe("addNgramVector", () => {
  it("adds a unit vector scaled by the weight, including for one-character tokens", () => {
    for (const token of ["a", "c#", "kubectlx", "日本語"])
      expect(Math.sqrt(dot(vector(token), vector(token)))).toBeCloseTo(1, 6);
    const out = Float32Array.from({ length: DIM }, () => 1);
    addNgramVector("go", 0.5, DIM, out, new Float32Array(DIM));
    const v = vector("go");
    for (let d = 0; d < DIM; d++) expect(out[d]).toBeCloseTo(1 + 0.5 * (v[d] as number), 6);
  });

  it("is deterministic: the same token gives the same bits", () => {
    expect(vector("terraformx")).toEqual(vector("terraformx"));
  });

  it("puts tokens that share most n-grams close and unrelated tokens near orthogonal", () => {
    expect(dot(vector("kubectlx"), vector("kubectly"))).toBeGreaterThan(0.6);
    expect(Math.abs(dot(vector("kubectlx"), vector("zzqwv")))).toBeLessThan(0.35);
  });
});
