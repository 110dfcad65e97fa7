/**
 * Peak RSS of the built CLI's `rank` over 100,000 NDJSON lines, on the main thread and with worker threads
 * (issue 9 § Threads that share: `--workers 2` ≤ 300 MB). The input is generated in /tmp by
 * bench/candidates-file.ts and never committed. Each run is one fresh process under `/usr/bin/time -v`.
 *
 *   npx tsx bench/rank-workers-memory.bench.ts [--lines 100000] [--workers 0,2] [--out bench/results/rank-workers-memory.json]
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCandidatesFile } from "./candidates-file.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (flag: string, fallback: string): string => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? fallback : (process.argv[at + 1] as string);
};
const LINES = Number(arg("--lines", "100000"));
const WORKERS = arg("--workers", "0,2").split(",").map(Number);
const OUT = resolve(ROOT, arg("--out", "bench/results/rank-workers-memory.json"));

const path = `/tmp/competency-bench/candidates-${LINES}.jsonl`;
const file = existsSync(path)
  ? { candidates: path, role: join(dirname(path), "role.json"), lines: LINES }
  : await writeCandidatesFile(path, LINES);

const runs = WORKERS.map((workers) => {
  const load = loadavg()[0] as number;
  const child = spawnSync(
    "/usr/bin/time",
    [
      "-v",
      process.execPath,
      join(ROOT, "bin", "competency.js"),
      "rank",
      file.role,
      file.candidates,
      "--workers",
      String(workers),
      "--top",
      "10",
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0)
    throw new Error(`rank --workers ${workers} exited ${child.status}: ${child.stderr}`);
  const field = (name: string): string => new RegExp(`${name}: (.*)`).exec(child.stderr)?.[1]?.trim() ?? "";
  const run = {
    workers,
    // /usr/bin/time reports KiB: both units, since "300 MB" reads either way.
    peakRssMiB: Math.round(Number(field("Maximum resident set size \\(kbytes\\)")) / 102.4) / 10,
    peakRssMB: Math.round(Number(field("Maximum resident set size \\(kbytes\\)")) * 0.01024) / 10,
    wall: field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)"),
    cpuSeconds:
      Math.round(
        (Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)"))) * 10,
      ) / 10,
    loadAverage1mBefore: Math.round(load * 100) / 100,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
  return run;
});
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      method:
        "built CLI, `rank <role> <candidates> --workers N --top 10`, one fresh process per N under /usr/bin/time -v; " +
        `${LINES} generated lines (bench/candidates-file.ts: 6–14 skills each, a fifth unknown to the lexicon)`,
      machine: { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version },
      target: "--workers 2 peak RSS ≤ 300 MB (decimal, 286.1 MiB; the stricter reading)",
      runs,
      date: new Date().toISOString(),
    },
    null,
    2,
  )}\n`,
);
