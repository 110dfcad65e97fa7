/**
 * Model store benchmark: build (only when the store is missing), load time and resident size, embed
 * throughput, and with `--quantisation` the cosine error of int8 (and of float16, for comparison) against
 * the source float32 vectors. Prints one JSON object.
 *
 *   node --expose-gc --import tsx bench/model-load.bench.ts [--loads 15] [--quantisation] [--pairs 1000]
 *
 * Store directory: $COMPETENCY_CACHE_DIR, else the usual cache dir (resolveCacheDir).
 */
import { existsSync, mkdirSync } from "node:fs";
import { homedir, loadavg } from "node:os";
import { join } from "node:path";
import { resolveCacheDir } from "../src/adapters/embedder/resolve-cache-dir.js";
import { buildStore } from "../src/adapters/embedder/word-vectors/build-store.js";
import { createStoreEmbedder } from "../src/adapters/embedder/word-vectors/create-store-embedder.js";
import { storeFileName } from "../src/adapters/embedder/word-vectors/ensure-word-store.js";
import { loadStore, type WordStore } from "../src/adapters/embedder/word-vectors/load-store.js";
import { readWinkVectors } from "../src/adapters/embedder/word-vectors/read-wink-vectors.js";
import { resolveWinkSource } from "../src/adapters/embedder/word-vectors/resolve-wink-source.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc --import tsx bench/model-load.bench.ts");
const collect = (): void => {
  for (let k = 0; k < 3; k++) gc();
};
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};

/** tinybench-style summary of a sample, in the sample's units. */
function summarize(xs: number[]): Record<string, number> {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, s.length - 1));
  const max = s[s.length - 1] as number;
  return { n: s.length, min: s[0] as number, p50: q(0.5), p75: q(0.75), p99: q(0.99), max, mean, sd };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const cacheDir = resolveCacheDir(process.env, homedir());
const source = resolveWinkSource();
const storePath = join(cacheDir, storeFileName(source.sourceVersion));

let buildMs: number | undefined;
if (!existsSync(storePath)) {
  const t = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  await buildStore({ sourcePath: source.sourcePath, storePath, sourceVersion: source.sourceVersion });
  buildMs = performance.now() - t;
}

// First load in this process: RSS delta includes touching fresh pages, the number a CLI run sees.
collect();
const rssBefore = process.memoryUsage().rss;
const firstStart = performance.now();
let sink: WordStore | null = loadStore(storePath);
const firstLoadMs = performance.now() - firstStart;
const rssDeltaBytes = process.memoryUsage().rss - rssBefore;
const storeBytes = sink.bytes;

const loads = arg("--loads", 15);
let checksumSink = 0;
const loadMs: number[] = [];
for (let k = 0; k < loads; k++) {
  sink = null;
  collect();
  const t = performance.now();
  sink = loadStore(storePath);
  loadMs.push(performance.now() - t);
}

// Baseline: allocate and touch the same number of bytes. On VMs where first-touch page faults are slow
// this, not parsing, bounds the load time; the difference is what loadStore itself costs.
const touchMs: number[] = [];
for (let k = 0; k < loads; k++) {
  collect();
  const t = performance.now();
  const bytes = new Uint8Array(storeBytes);
  bytes.fill(1);
  touchMs.push(performance.now() - t);
  checksumSink += bytes[k] as number;
}

// Embed throughput: 1,000 names of 1–3 words drawn deterministically from the vocabulary ranks 100–20,100.
const store = sink as WordStore;
const decoder = new TextDecoder();
const word = (r: number): string =>
  decoder.decode(store.blob.subarray(store.offsets[r] as number, store.offsets[r + 1] as number));
const names: string[] = [];
let seed = 12345;
const next = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed;
};
for (let k = 0; k < 1000; k++) {
  const words = 1 + (next() % 3);
  const parts: string[] = [];
  for (let w = 0; w < words; w++) parts.push(word(100 + (next() % 20_000)));
  names.push(k % 10 === 0 ? `${parts.join(" ")}x` : parts.join(" "));
}
const embedder = createStoreEmbedder(store);
const embedMs: number[] = [];
let checksum = checksumSink;
for (let k = 0; k < 12; k++) {
  const t = performance.now();
  const out = await embedder.embed(names);
  if (k >= 2) embedMs.push(performance.now() - t);
  checksum += out[k] as number;
}

const result: Record<string, unknown> = {
  node: process.version,
  loadavg: loadavg().map(round),
  storePath,
  storeBytes,
  words: store.count,
  buildMs: buildMs === undefined ? null : round(buildMs),
  firstLoad: { ms: round(firstLoadMs), rssDeltaMiB: round(rssDeltaBytes / 2 ** 20) },
  allocTouchSameBytesMs: Object.fromEntries(
    Object.entries(summarize(touchMs)).map(([k, v]) => [k, round(v)]),
  ),
  loadMs: Object.fromEntries(Object.entries(summarize(loadMs)).map(([k, v]) => [k, round(v)])),
  embed1000NamesMs: Object.fromEntries(Object.entries(summarize(embedMs)).map(([k, v]) => [k, round(v)])),
  checksum,
};
if (process.argv.includes("--quantisation")) {
  result.quantisation = await quantisationError(store, source.sourcePath, arg("--pairs", 1000));
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

/** Cosine error vs float32 over random word pairs: int8 store rows, and float16 rounding for comparison. */
async function quantisationError(s: WordStore, sourcePath: string, pairs: number): Promise<unknown> {
  const dim = s.dim;
  const picks = new Int32Array(pairs * 2);
  for (let k = 0; k < picks.length; k++) picks[k] = next() % s.count;
  const wanted = new Map<number, Float32Array>();
  for (const r of picks) wanted.set(r, new Float32Array(dim));
  await readWinkVectors(sourcePath, {
    header() {},
    vector(_key, _len, values) {
      const row = wanted.get(values[dim + 1] as number);
      if (row !== undefined) for (let d = 0; d < dim; d++) row[d] = values[d] as number;
    },
  });
  const f16 = (x: number): number => {
    if (x === 0) return 0;
    const step = 2 ** (Math.floor(Math.log2(Math.abs(x))) - 10);
    return Math.round(x / step) * step;
  };
  const cos = (a: ArrayLike<number>, b: ArrayLike<number>, map: (x: number) => number): number => {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let d = 0; d < dim; d++) {
      const x = map(a[d] as number);
      const y = map(b[d] as number);
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    return ab / Math.sqrt(aa * bb);
  };
  const q8 = (r: number): Float32Array => {
    const out = new Float32Array(dim);
    const q = new Int8Array(dim);
    s.row(r, q);
    for (let d = 0; d < dim; d++) out[d] = (q[d] as number) * (s.scales[r] as number);
    return out;
  };
  const errQ8: number[] = [];
  const errF16: number[] = [];
  for (let k = 0; k < pairs; k++) {
    const a = picks[2 * k] as number;
    const b = picks[2 * k + 1] as number;
    const exact = cos(wanted.get(a) as Float32Array, wanted.get(b) as Float32Array, (x) => x);
    errQ8.push(Math.abs(cos(q8(a), q8(b), (x) => x) - exact));
    errF16.push(Math.abs(cos(wanted.get(a) as Float32Array, wanted.get(b) as Float32Array, f16) - exact));
  }
  const show = (xs: number[]) => Object.fromEntries(Object.entries(summarize(xs)).map(([k, v]) => [k, v]));
  return { pairs, int8AbsCosError: show(errQ8), float16AbsCosError: show(errF16) };
}
