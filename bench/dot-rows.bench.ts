/**
 * dotRows against one `dot` call per row, the pass role evidence makes over a new candidate name (its
 * cosine with each required name, dim 100). Inputs are built outside the timed region, both subjects run
 * interleaved sample by sample, every sum is consumed, and the report gives min and median per size.
 *
 *   node --expose-gc --import tsx bench/dot-rows.bench.ts [--samples 15]
 */
import { loadavg } from "node:os";
import { dot } from "../src/core/vector/dot.js";
import { dotRows } from "../src/core/vector/dot-rows.js";

const at = process.argv.indexOf("--samples");
const SAMPLES = at < 0 ? 15 : Number(process.argv[at + 1]);
const DIM = 100;
const CANDIDATES = 20_000;

function rowsOf(count: number, seed: number): Float32Array[] {
  let h = seed;
  const next = (): number => {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    return (h >>> 0) / 0xffffffff - 0.5;
  };
  return Array.from({ length: count }, () => Float32Array.from({ length: DIM }, next));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
let sink = 0;
process.stdout.write(
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}, ${SAMPLES} samples, dim ${DIM}\n`,
);
for (const required of [1, 5, 20, 50]) {
  const candidates = rowsOf(CANDIDATES, 0x9e3779b9);
  const rows = rowsOf(required, 0x85ebca77);
  const out = new Float64Array(required);
  const separate: number[] = [];
  const together: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    let t = performance.now();
    for (const x of candidates)
      for (let i = 0; i < required; i++) sink += dot(DIM, x, 0, rows[i] as Float32Array, 0);
    separate.push(performance.now() - t);
    t = performance.now();
    for (const x of candidates) {
      dotRows(DIM, x, rows, required, out);
      for (let i = 0; i < required; i++) sink += out[i] as number;
    }
    together.push(performance.now() - t);
  }
  const ns = (ms: number): string => ((ms * 1e6) / (CANDIDATES * required)).toFixed(1);
  process.stdout.write(
    `${String(required).padStart(3)} rows: dot ${ns(Math.min(...separate))}/${ns(median(separate))} ns, ` +
      `dotRows ${ns(Math.min(...together))}/${ns(median(together))} ns per product (min/median)\n`,
  );
}
process.stdout.write(`(sink ${sink.toFixed(3)})\n`);
