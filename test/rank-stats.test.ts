import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type RankStats, rankStats } from "../src/cli/thread-use.js";
import { runCli } from "./helpers/run-cli.js";

/**
 * `rank --stats` prints, after the ranking, one JSON line on stderr: how many lines were read, the wall
 * time, how long each thread of the run was busy and idle, and the busiest thread, which bounds the run.
 * It adds that line and changes nothing else.
 */
const DIR = mkdtempSync(join(tmpdir(), "competency-rank-stats-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const NAMES = ["TypeScript", "React", "Advanced Go", "PostgreSQL", "Applied Docker", "Figma"];
const lines = Array.from({ length: 3000 }, (_, k) =>
  JSON.stringify({
    id: `c${k}`,
    skills: NAMES.slice(k % 3, (k % 3) + 3).map((name, i) => ({
      name,
      level: { value: 1 + ((k + i) % 5), max: 5 },
    })),
  }),
);
lines[7] = "";
lines[8] = "{not json";
const text = `${lines.join("\n")}\n`;
const path = join(DIR, "candidates.jsonl");
writeFileSync(path, text);

/** The stats line (the last line of stderr) and the rest of stderr. */
function splitStats(stderr: string): { stats: RankStats; rest: string } {
  const cut = stderr.trimEnd().lastIndexOf("\n") + 1;
  const { stats } = JSON.parse(stderr.slice(cut)) as { stats: RankStats };
  return { stats, rest: stderr.slice(0, cut) };
}

function expectConsistent(stats: RankStats, threads: readonly string[]): void {
  expect(stats.lines).toBe(2999); // the blank line is not a candidate line; the bad one is
  expect(stats.threads.map((t) => t.thread)).toEqual(threads);
  for (const t of stats.threads) {
    expect(t.busyMs).toBeGreaterThanOrEqual(0);
    expect(t.idleMs).toBeGreaterThanOrEqual(0);
    expect(t.work.length).toBeGreaterThan(0);
    // Each thread lives within the run (a reading is rounded to the millisecond).
    expect(t.busyMs + t.idleMs).toBeLessThanOrEqual(stats.wallMs + 2);
  }
  const busiest = Math.max(...stats.threads.map((t) => t.busyMs));
  expect(stats.threads.find((t) => t.thread === stats.bound)?.busyMs).toBe(busiest);
}

describe("rank --stats", () => {
  it("over a file: the main thread scores, the reader thread reads, parses and validates", async () => {
    const plain = await runCli(["rank", "examples/role.json", path, "--top", "5"]);
    const withStats = await runCli(["rank", "examples/role.json", path, "--top", "5", "--stats"]);
    const { stats, rest } = splitStats(withStats.stderr);
    expect(withStats.stdout).toBe(plain.stdout);
    expect(rest).toBe(plain.stderr);
    expect(withStats.code).toBe(plain.code);
    expectConsistent(stats, ["main", "reader"]);
    expect(stats.threads[1]!.work).toBe("reads, parses and validates");
  });

  it("over stdin: one thread does everything", async () => {
    const { stderr, code } = await runCli(["rank", "examples/role.json", "-", "--stats"], { stdin: text });
    const { stats } = splitStats(stderr);
    expect(code).toBe(2); // the bad line
    expectConsistent(stats, ["main"]);
    expect(stats.bound).toBe("main");
    expect(stats.threads[0]!.work).toBe("reads, parses, validates and scores");
  });

  it("with worker threads: each worker's use, read before the pool ends", async () => {
    const args = ["rank", "examples/role.json", path, "--top", "5", "--workers", "2"];
    const plain = await runCli(args, { injected: false });
    const withStats = await runCli([...args, "--stats"], { injected: false });
    const { stats, rest } = splitStats(withStats.stderr);
    expect(withStats.stdout).toBe(plain.stdout);
    expect(rest).toBe(plain.stderr);
    expectConsistent(stats, ["main", "worker 1", "worker 2"]);
    expect(stats.threads.slice(1).reduce((n, t) => n + t.busyMs, 0)).toBeGreaterThan(0);
  }, 60_000);
});

it("rank --stats with --redis is a usage error, before anything is queued", async () => {
  const { code, stdout, stderr } = await runCli([
    "rank",
    "examples/role.json",
    path,
    "--top",
    "5",
    "--redis",
    "redis://127.0.0.1:1",
    "--stats",
  ]);
  expect(code).toBe(2);
  expect(stdout).toBe("");
  expect(stderr).toMatch(/^error\[INVALID_INPUT\]: .*--stats measures the threads of this process/);
});

describe("rankStats", () => {
  it("names the busiest thread as the bound, the first one on a tie", () => {
    const t = (thread: string, busyMs: number) => ({ thread, work: "w", busyMs, idleMs: 0 });
    expect(rankStats(10, 5.4, [t("main", 3), t("reader", 4)])).toEqual({
      lines: 10,
      wallMs: 5,
      threads: [t("main", 3), t("reader", 4)],
      bound: "reader",
    });
    expect(rankStats(1, 1, [t("main", 2), t("reader", 2)]).bound).toBe("main");
  });
});
