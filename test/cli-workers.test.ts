import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("rank reports duplicates and bad lines across chunks exactly as in-process", async () => {
    // 1,200 lines: several chunks per worker. Ids repeat across chunks (a later copy scores best), and some
    // lines do not parse or validate: the workers parse, this thread checks ids in input order.
    const names = ["TypeScript", "React", "SQL", "Cooking", "Python", "Docker", "Go", "Kubernetes"];
    const lines: string[] = [];
    for (let k = 0; k < 1200; k++) {
      if (k % 97 === 5) lines.push("{not json");
      else if (k % 89 === 7) lines.push(JSON.stringify({ id: `c${k}`, skills: [] }));
      else {
        const id = k % 50 === 49 && k > 301 ? `c${k - 301}` : `c${k}`;
        const skills = [0, 1, 2].map((j) => ({
          name: names[(k + 3 * j) % names.length],
          level: { value: k % 50 === 49 ? 5 : 1 + ((k + j) % 5), max: 5 },
        }));
        lines.push(JSON.stringify({ id, skills }));
      }
    }
    const path = join(mkdtempSync(join(tmpdir(), "competency-workers-")), "candidates.jsonl");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const args = ["rank", "examples/role.json", path, "--top", "25"];
    const inline = await run([...args, "--workers", "0"]);
    const pooled = await run([...args, "--workers", "2"]);
    expect(inline.code).toBe(2);
    expect(pooled.code).toBe(2);
    expect(pooled.stdout).toBe(inline.stdout);
    expect(pooled.stderr).toBe(inline.stderr);
    expect(inline.stderr).toContain("duplicate id");
    expect(inline.stdout.trim().split("\n")).toHaveLength(25);
  });
});
