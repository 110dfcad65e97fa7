import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import type { Matcher, MatcherOptions } from "../src/matcher-types.js";

const LINES = 100_000;

/** Counts pairs as the matcher scores them, so the test can see how far the reader runs ahead. */
function countingFactory(counter: { scored: number }) {
  return (options: MatcherOptions): Matcher => {
    const inner = createMatcher({ ...options, embedder: createFakeEmbedder(8) });
    return {
      ...inner,
      match: inner.match.bind(inner),
      async rank(candidates, required, opts) {
        const ranked = await inner.rank(candidates, required, opts);
        counter.scored += candidates.length;
        return ranked;
      },
      ready: inner.ready.bind(inner),
      close: inner.close.bind(inner),
      cacheStats: inner.cacheStats.bind(inner),
      get isReady() {
        return inner.isReady;
      },
      async matchBatch(pairs, opts) {
        const results = await inner.matchBatch(pairs, opts);
        counter.scored += pairs.length;
        return results;
      },
    };
  };
}

/** 100,000 NDJSON lines produced lazily; records the largest gap between lines produced and lines scored. */
function source(
  counter: { scored: number; produced: number; maxAhead: number },
  line: (k: number) => string,
): Readable {
  return Readable.from(
    (function* () {
      for (let k = 0; k < LINES; k++) {
        counter.produced++;
        counter.maxAhead = Math.max(counter.maxAhead, counter.produced - counter.scored);
        yield `${line(k)}\n`;
      }
    })(),
  );
}

/** A slow consumer; `stats.maxBuffered` is the most output ever waiting in it, in bytes. */
function sink(onLine: (line: string) => void, stats = { maxBuffered: 0 }): Writable {
  let rest = "";
  return new Writable({
    highWaterMark: 1024,
    write(chunk, _enc, done) {
      stats.maxBuffered = Math.max(stats.maxBuffered, this.writableLength);
      const parts = (rest + String(chunk)).split("\n");
      rest = parts.pop() ?? "";
      for (const part of parts) onLine(part);
      setImmediate(done); // a slow consumer: write() returns false and the command must wait for drain
    },
  });
}

describe("streaming 100,000 lines", () => {
  it("rank reads no further ahead than its bounded window", async () => {
    const counter = { scored: 0, produced: 0, maxAhead: 0 };
    const stdin = source(counter, (k) =>
      JSON.stringify({
        id: `c${k}`,
        skills: [{ name: k % 7 === 0 ? "Rust" : "Go", level: { value: (k % 5) + 1, max: 5 } }],
      }),
    );
    const lines: string[] = [];
    const io: CliIo = {
      stdin,
      stdout: sink((l) => lines.push(l)),
      stderr: sink(() => {}),
      env: {},
      isTTY: false,
    };
    const role = new URL("../examples/role.json", import.meta.url).pathname;
    const code = await main(["rank", role, "-", "--top", "5"], io, {
      createMatcher: countingFactory(counter),
    });
    await new Promise((resolve) => io.stdout.end(resolve)); // let the slow sink take the buffered lines
    expect(code).toBe(0);
    expect(counter.scored).toBe(LINES);
    expect(lines).toHaveLength(5);
    // readline buffers ≤ 1,024 lines, plus the chunk being filled and the chunks in flight (256 each).
    expect(counter.maxAhead).toBeLessThan(4_000);
  });

  it("batch keeps input order and waits for a slow stdout", async () => {
    const counter = { scored: 0, produced: 0, maxAhead: 0 };
    const pair = (k: number) =>
      JSON.stringify({
        id: `p${k}`,
        candidate: [{ name: "Go", level: { value: (k % 5) + 1, max: 5 } }],
        required: [{ name: "Go", level: { value: 3, max: 5 } }],
      });
    let seen = 0;
    let ordered = true;
    const stats = { maxBuffered: 0 };
    const io: CliIo = {
      stdin: source(counter, pair),
      stdout: sink((l) => {
        if (!l.startsWith(`{"id":"p${seen}",`)) ordered = false;
        seen++;
      }, stats),
      stderr: sink(() => {}),
      env: {},
      isTTY: false,
    };
    const code = await main(["batch", "-"], io, { createMatcher: countingFactory(counter) });
    await new Promise((resolve) => io.stdout.end(resolve));
    expect(code).toBe(0);
    expect(seen).toBe(LINES);
    expect(ordered).toBe(true);
    expect(counter.maxAhead).toBeLessThan(4_000);
    // Without waiting for drain, ~100 MB of results would pile up here; with it, about one chunk's worth.
    expect(stats.maxBuffered).toBeLessThan(4 * 1024 * 1024);
  });
});
