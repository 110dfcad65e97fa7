import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../src/profiling/mulberry32.js";
import { runCli } from "./helpers/run-cli.js";

/**
 * `rank` over a file is read and parsed on a second thread (when the machine has a second core), over
 * stdin on the main thread: the same input must give the same output, errors and exit code either way,
 * over several chunks (RANK_CHUNK_LINES is 2048) and through every rare path of a chunk: bad JSON, bad
 * skills, blank lines, CRLF, a BOM, ids used twice (one of them among a chunk's best, so that the chunk
 * is ranked again without it).
 */
const DIR = mkdtempSync(join(tmpdir(), "competency-reader-thread-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const NAMES = [
  "TypeScript",
  "React",
  "Node.js",
  "PostgreSQL",
  "Docker",
  "AWS",
  "Java",
  "Figma",
  "Go",
  "Rust",
];
const PREFIXES = ["", "", "", "Advanced ", "Applied ", "Modern "];

function candidateLines(count: number): string[] {
  const random = mulberry32(20261207);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const skills = Array.from({ length: 1 + Math.floor(random() * 8) }, () => ({
      name: `${pick(PREFIXES)}${pick(NAMES)}`,
      level: { value: 1 + Math.floor(random() * 5), max: 5 },
    }));
    lines.push(JSON.stringify({ id: `c${k}`, skills }));
  }
  // The best candidate there can be, twice: once early, once in the last chunk (a duplicate among its best).
  const best = (id: string) =>
    JSON.stringify({ id, skills: NAMES.map((name) => ({ name, level: { value: 5, max: 5 } })) });
  lines[10] = best("star");
  lines[count - 5] = best("star");
  lines[3000] = best("star2");
  lines[3001] = lines[2999] as string; // an ordinary duplicate, next to a line it does not beat
  lines[50] = '{"id": "broken", "skills": [';
  lines[2100] = JSON.stringify({ id: "bad-level", skills: [{ name: "Go", level: { value: 9, max: 5 } }] });
  lines[4000] = JSON.stringify({ id: "blank-name", skills: [{ name: "  ", level: { value: 1, max: 5 } }] });
  lines[4100] = JSON.stringify({ skills: [{ name: "Rust", level: { value: 2, max: 5 } }] }); // no id
  lines[4200] = "";
  lines[4201] = "   ";
  lines[4300] = JSON.stringify({ id: "padded", skills: [{ name: " Docker ", level: { value: 4, max: 5 } }] });
  return lines;
}

describe("rank over a file, read and parsed on a second thread", () => {
  const lines = candidateLines(5000);
  // CRLF in the middle, a BOM in front: the reader thread splits as the main thread does.
  const text = `\uFEFF${lines.slice(0, 2500).join("\n")}\r\n${lines.slice(2500).join("\r\n")}\n`;
  const path = join(DIR, "candidates.jsonl");
  writeFileSync(path, text);

  for (const flags of [
    ["--top", "25"],
    ["--top", "3", "--full"],
    ["--strategy", "conservative"],
  ])
    it(`gives what the main thread gives over stdin: ${flags.join(" ")}`, async () => {
      const threaded = await runCli(["rank", "examples/role.json", path, ...flags]);
      const inline = await runCli(["rank", "examples/role.json", "-", ...flags], { stdin: text });
      expect(threaded.stderr).toBe(inline.stderr);
      expect(threaded.stdout).toBe(inline.stdout);
      expect(threaded.code).toBe(inline.code);
      expect(threaded.code).toBe(2); // bad lines were reported
      expect(threaded.stderr).toContain("line 51:");
      expect(threaded.stderr).toMatch(/line 4996: id: .*star/);
      expect(threaded.stdout.length).toBeGreaterThan(0);
    });

  // With workers, a file goes to them as the bytes of whole lines, which they split: the same output again,
  // with lone `\r` line ends too (each one a line, as readline counts).
  for (const [name, body] of [
    ["CRLF", text],
    ["lone \\r", text.replace(/\r\n/g, "\r")],
  ] as const)
    it(`gives what the main thread gives over stdin with --workers 2 (${name})`, async () => {
      const file = join(DIR, `bytes-${name.length}.jsonl`);
      writeFileSync(file, body);
      const flags = ["--top", "25", "--workers", "2"];
      const pooled = await runCli(["rank", "examples/role.json", file, ...flags]);
      const inline = await runCli(["rank", "examples/role.json", "-", ...flags], { stdin: body });
      expect(pooled).toEqual(inline);
      expect(pooled.code).toBe(2);
      expect(pooled.stderr).toMatch(/line 4996: id: .*star/);
    });

  it("reads a named pipe on the main thread (opened once), with the same output as the file", async () => {
    const fifo = join(DIR, "candidates.fifo");
    execFileSync("mkfifo", [fifo]);
    const writer = createWriteStream(fifo);
    writer.end(text);
    const piped = await runCli(["rank", "examples/role.json", fifo, "--top", "25"]);
    const fromFile = await runCli(["rank", "examples/role.json", path, "--top", "25"]);
    expect(piped).toEqual(fromFile);
  });

  it("runs on a machine with a second core, where the reader thread is used", () => {
    // On one core the comparison above still holds, but both sides run on the main thread.
    expect(availableParallelism()).toBeGreaterThan(1);
  });

  it("reports a file that cannot be read before scoring anything", async () => {
    const { code, stderr, stdout } = await runCli(["rank", "examples/role.json", join(DIR, "missing.jsonl")]);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/FILE_NOT_FOUND/);
    expect(code).not.toBe(0);
  });
});
