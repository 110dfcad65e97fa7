/**
 * Cold start: fresh processes of the built package (run `npm run build` first), interleaved round by round
 * with a bare `node -e 0`, so load on the machine hits every subject alike. Each process runs under
 * `/usr/bin/time -f "%e %M %U %S"` for its peak RSS and CPU time; wall time is measured around the spawn.
 *
 * Subjects, per round, in this order:
 *   bare       node -e 0
 *   match      node bin/competency.js match cand.json req.json  (100 candidate / 50 required skills, a fifth of
 *              the names unknown to the lexicon, levels drawn from a seeded PRNG)
 *   library    node probe.mjs: import dist/index.js, createMatcher(), one match of the same input, close
 *   help       node bin/competency.js --help
 *
 *   npm run bench:cold -- [--rounds 15] [--out bench/results/cold-start.json]
 *
 * The model store must exist (the warm-up round builds it if not) and is read from the page cache: "cold"
 * means a new process, not an empty disk cache.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import { buildDataset } from "../src/profiling/build-dataset.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TIME = "/usr/bin/time";
const arg = (flag: string, fallback: string): string => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? fallback : (process.argv[at + 1] as string);
};
const ROUNDS = Number(arg("--rounds", "15"));
const OUT = resolve(ROOT, arg("--out", "bench/results/cold-start.json"));

if (!existsSync(join(ROOT, "dist", "cli.js")) || !existsSync(join(ROOT, "dist", "index.js"))) {
  process.stderr.write("bench:cold measures the built package: run `npm run build` first\n");
  process.exit(2);
}
if (!existsSync(TIME)) {
  process.stderr.write(`bench:cold needs ${TIME} (Debian package "time") for peak RSS\n`);
  process.exit(2);
}

// Inputs: the profiling workflow's "large" dataset, every fifth name replaced by one the lexicon lacks.
const dir = mkdtempSync(join(tmpdir(), "competency-cold-"));
const data = buildDataset(loadLexicon(), "large", 100, 50);
const unknown = <T extends { name: string }>(skill: T, i: number): T =>
  i % 5 === 4 ? { ...skill, name: `Zorblax ${["Widget", "Quantic", "Vorpal"][i % 3]} Method ${i}` } : skill;
const candidatePath = join(dir, "candidate.json");
const requiredPath = join(dir, "required.json");
writeFileSync(candidatePath, JSON.stringify(data.candidate.map(unknown)));
writeFileSync(requiredPath, JSON.stringify(data.required.map(unknown)));
const probePath = join(dir, "probe.mjs");
writeFileSync(
  probePath,
  `import { readFileSync } from "node:fs";
import { createMatcher } from ${JSON.stringify(pathToFileURL(join(ROOT, "dist", "index.js")).href)};
const read = (p) => JSON.parse(readFileSync(p, "utf8"));
const matcher = createMatcher();
const result = await matcher.match(read(${JSON.stringify(candidatePath)}), read(${JSON.stringify(requiredPath)}));
await matcher.close();
if (!(result.overallScore >= 0)) process.exit(1);
`,
);

const BIN = join(ROOT, "bin", "competency.js");
const SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  bare: ["-e", "0"],
  match: [BIN, "match", candidatePath, requiredPath],
  library: [probePath],
  help: [BIN, "--help"],
};
type Sample = { wallMs: number; cpuMs: number; maxRssKb: number };

function runOnce(args: readonly string[]): Sample {
  const start = process.hrtime.bigint();
  const child = spawnSync(TIME, ["-f", "%e %M %U %S", process.execPath, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const last = child.stderr.trim().split("\n").pop() ?? "";
  const [, rss, user, sys] = last.split(" ").map(Number) as [number, number, number, number];
  return { wallMs, cpuMs: (user + sys) * 1000, maxRssKb: rss };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const loadBefore = loadavg();
for (const args of Object.values(SUBJECTS)) runOnce(args); // warm-up: model store, page cache, stamp
const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(SUBJECTS).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const [name, args] of Object.entries(SUBJECTS)) samples[name]?.push(runOnce(args));
const loadAfter = loadavg();

const summary = Object.fromEntries(
  Object.entries(samples).map(([name, xs]) => [
    name,
    {
      medianWallMs: Math.round(median(xs.map((x) => x.wallMs)) * 10) / 10,
      medianCpuMs: Math.round(median(xs.map((x) => x.cpuMs))),
      peakRssMb: Math.round((Math.max(...xs.map((x) => x.maxRssKb)) / 1024) * 10) / 10,
      medianRssMb: Math.round((median(xs.map((x) => x.maxRssKb)) / 1024) * 10) / 10,
    },
  ]),
) as Record<string, { medianWallMs: number; medianCpuMs: number; peakRssMb: number; medianRssMb: number }>;
const bare = summary.bare as { medianWallMs: number };
const ratio = (name: string) =>
  Math.round(((summary[name]?.medianWallMs ?? 0) / bare.medianWallMs) * 100) / 100;
const TARGETS = { match: 5, library: 4, help: 2 } as const;
const report = {
  method:
    "fresh processes of the built package, each subject once per round in the order bare, match, library, help; " +
    `${ROUNDS} rounds after one warm-up round; wall time around spawnSync of /usr/bin/time -f '%e %M %U %S' node …; ` +
    "peak RSS and user+sys CPU from /usr/bin/time; model store already built and in the page cache",
  input:
    "100 candidate / 50 required skills (profiling 'large' dataset), every fifth name unknown to the lexicon",
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  },
  loadAverage: {
    before: loadBefore.map((x) => Math.round(x * 100) / 100),
    after: loadAfter.map((x) => Math.round(x * 100) / 100),
  },
  rounds: ROUNDS,
  summary,
  ratioToBareNode: { match: ratio("match"), library: ratio("library"), help: ratio("help") },
  targets: {
    matchRatio: TARGETS.match,
    matchPeakRssMb: 100,
    libraryRatio: TARGETS.library,
    helpRatio: TARGETS.help,
  },
  date: new Date().toISOString(),
};
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

const row = (name: string, label: string, target: string) => {
  const s = summary[name] as { medianWallMs: number; medianCpuMs: number; peakRssMb: number };
  const r = name === "bare" ? "1.00×" : `${ratio(name).toFixed(2)}×`;
  return `| ${label} | ${s.medianWallMs.toFixed(0)} ms | ${r} | ${s.medianCpuMs} ms | ${s.peakRssMb} MB | ${target} |`;
};
process.stdout.write(
  [
    "| cold path | median wall | × bare node | median CPU (user+sys) | peak RSS | target |",
    "|---|---|---|---|---|---|",
    row("bare", "`node -e 0`", "—"),
    row("match", "`competency match` 100/50", "≤ 5×, ≤ 100 MB"),
    row("library", "library: import + first match", "≤ 4×"),
    row("help", "`competency --help`", "≤ 2×"),
    "",
    `${ROUNDS} rounds, load average ${loadBefore.map((x) => x.toFixed(2)).join(" ")} before, ${loadAfter.map((x) => x.toFixed(2)).join(" ")} after; ${report.machine.cpu}, ${report.machine.cores} cores, Node ${process.version}. JSON: ${OUT}`,
    "",
  ].join("\n"),
);
