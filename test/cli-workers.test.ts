import { readFileSync } from "node:fs";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

/** Runs the CLI exactly as the binary does (real default model, no injected matcher). */
async function run(argv: string[]) {
  const chunks: string[] = [];
  const errors: string[] = [];
  const collect = (into: string[]) =>
    new Writable({
      write(chunk, _enc, done) {
        into.push(String(chunk));
        done();
      },
    });
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: collect(chunks),
    stderr: collect(errors),
    env: process.env,
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout: chunks.join(""), stderr: errors.join("") };
}

describe("batch and rank on worker threads (real default model)", () => {
  it("batch gives identical NDJSON with 0 and 2 workers", async () => {
    const inline = await run(["batch", "examples/pairs.jsonl", "--workers", "0"]);
    const pooled = await run(["batch", "examples/pairs.jsonl", "--workers", "2"]);
    expect(inline.code).toBe(0);
    expect(pooled.code).toBe(0);
    expect(pooled.stdout).toBe(inline.stdout);
    expect(pooled.stdout.trim().split("\n")).toHaveLength(
      readFileSync("examples/pairs.jsonl", "utf8").trim().split("\n").length,
    );
  });

  it("rank gives identical output with 0 and 2 workers", async () => {
    const inline = await run([
      "rank",
      "examples/role.json",
      "examples/candidates.jsonl",
      "--workers",
      "0",
      "--top",
      "5",
    ]);
    const pooled = await run([
      "rank",
      "examples/role.json",
      "examples/candidates.jsonl",
      "--workers",
      "2",
      "--top",
      "5",
    ]);
    expect(inline.code).toBe(0);
    expect(pooled.stdout).toBe(inline.stdout);
  });
});
