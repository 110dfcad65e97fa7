/**
 * `npm run bench:rank`: rank throughput as a ratio to reading the input.
 *
 * Part 1 (library, one process): 20,000 NDJSON lines of { id, skills: 10 } against a 20-skill role. Each
 * round times `JSON.parse` of every line, then `matcher.rank(parsed, role, { topK: 10 })` of objects parsed
 * from the same lines, alternating which goes first, with a full gc() before each timed step; ROUNDS rounds
 * after WARMUP untimed ones. The ratio is
 * parse time / rank time per round (≥ 1 means ranking is at least as fast as parsing); we report its median.
 *
 * Part 2 (CLI, fresh processes): `competency rank role.json candidates.jsonl --top 10` over 100,000 lines vs
 * a bare `node` that reads the same file line by line and `JSON.parse`s each line, interleaved, CLI_RUNS each,
 * over the bench's lines and over lines whose names are all lexicon names (`knownNames`). With /usr/bin/time
 * each CLI run's CPU time (all threads) is recorded too: on C cores no schedule beats CPU / C, the bound
 * `cliCpuOverCoresOverReadParse` states against reading + parsing. `rank --stats` gives each thread's busy and
 * idle time and the busiest thread (`threads.boundBy`): "reader" when the scoring thread waits for the
 * thread that reads, parses and validates, "main" when scoring is the bound. Skipped with RANK_BENCH_CLI=0. Inputs are
 * generated into a temp directory at run time and removed.
 *
 * Names: 80 % lexicon names, 20 % made-up names the lexicon does not know (they go through the embedding).
 * Prints one JSON document. Options: ROUNDS (default 9), CLI_RUNS (default 3), RANK_BENCH_CLI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import { createMatcher, type RequiredSkill, type Skill } from "../src/index.js";
import { mulberry32 } from "../src/profiling/mulberry32.js";

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const WARMUP = 3;
const CLI_RUNS = Number(process.env.CLI_RUNS ?? 3);
const LIB_LINES = 20_000;
const CLI_LINES = 100_000;
const SKILLS = 10;
const REQUIRED = 20;
const UNKNOWN = ["Advanced", "Applied", "Modern", "Practical", "Enterprise", "Cloud", "Remote", "Agile"];

const lexicon = loadLexicon();
const random = mulberry32(20261206);
function skillName(unknownShare: number): string {
  const known = lexicon.names[Math.floor(random() * lexicon.size)] as string;
  if (random() >= unknownShare) return known;
  return `${UNKNOWN[Math.floor(random() * UNKNOWN.length)]} ${known}`;
}
function skills(n: number, unknownShare: number): Skill[] {
  return Array.from({ length: n }, () => ({
    name: skillName(unknownShare),
    level: { value: 1 + Math.floor(random() * 5), max: 5 },
  }));
}
function ndjson(lines: number, firstId = 0, unknownShare = 0.2): string[] {
  return Array.from({ length: lines }, (_, k) =>
    JSON.stringify({ id: `c${firstId + k}`, skills: skills(SKILLS, unknownShare) }),
  );
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const role = Array.from({ length: REQUIRED }, () => ({
  name: lexicon.names[Math.floor(random() * lexicon.size)] as string,
  level: { value: 1 + Math.floor(random() * 5), max: 5 },
})) as RequiredSkill[];
const lines = ndjson(LIB_LINES);
const bytes = lines.reduce((n, l) => n + l.length + 1, 0);

let sink = 0;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc (npm run bench:rank)");
/** Process CPU time in ms (user + system, all threads): steadier than wall time on a loaded machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
type Timing = { ms: number; cpu: number };
async function timed(fn: () => unknown): Promise<Timing> {
  const c = cpuMs();
  const t = performance.now();
  await fn();
  return { ms: performance.now() - t, cpu: cpuMs() - c };
}
function parseAll(): { id: string; skills: Skill[] }[] {
  const parsed = new Array<{ id: string; skills: Skill[] }>(lines.length);
  for (let k = 0; k < lines.length; k++) parsed[k] = JSON.parse(lines[k] as string);
  return parsed;
}

const matcher = createMatcher();
await matcher.ready();
const parseMs: number[] = [];
const rankMs: number[] = [];
const ratios: number[] = [];
const cpuRatios: number[] = [];
const loadBefore = loadavg();
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const parsed = parseAll();
  const parse = () => {
    sink += parseAll().length;
  };
  const rank = async () => {
    sink += (await matcher.rank(parsed, role, { topK: 10 }))[0]?.overallScore ?? 0;
  };
  // Alternate the order, with a full GC before each timed step, so neither pays for the other's garbage.
  gc();
  const first = await timed(round % 2 === 0 ? parse : rank);
  gc();
  const second = await timed(round % 2 === 0 ? rank : parse);
  const [p, r] = round % 2 === 0 ? [first, second] : [second, first];
  if (round < WARMUP) continue;
  parseMs.push(p.ms);
  rankMs.push(r.ms);
  ratios.push(p.ms / r.ms);
  cpuRatios.push(p.cpu / r.cpu);
}
const library = {
  subject: `rank ${LIB_LINES} candidates × ${SKILLS} skills vs ${REQUIRED} required, topK 10, vs JSON.parse of the same lines`,
  inputBytes: bytes,
  rounds: ROUNDS,
  warmupRounds: WARMUP,
  parseMsMedian: median(parseMs),
  rankMsMedian: median(rankMs),
  rankCandidatesPerSec: Math.round(LIB_LINES / (median(rankMs) / 1000)),
  ratioMedian: median(ratios),
  ratioMin: Math.min(...ratios),
  ratioMax: Math.max(...ratios),
  cpuTimeRatioMedian: median(cpuRatios),
  target: "ratio ≥ 1.0",
  loadavgBefore: loadBefore,
  loadavgAfter: loadavg(),
};
await matcher.close();

let cli: Record<string, unknown> = { skipped: true };
if (process.env.RANK_BENCH_CLI !== "0") {
  const dir = mkdtempSync(join(tmpdir(), "rank-bench-"));
  try {
    const rolePath = join(dir, "role.json");
    writeFileSync(rolePath, JSON.stringify(role));
    const mixedPath = join(dir, "candidates.jsonl");
    writeFileSync(mixedPath, `${[...lines, ...ndjson(CLI_LINES - LIB_LINES, LIB_LINES)].join("\n")}\n`);
    // The same kind of lines with every name a lexicon name: no name's one-time work, the steady state.
    const knownPath = join(dir, "known.jsonl");
    writeFileSync(knownPath, `${ndjson(CLI_LINES, 0, 0).join("\n")}\n`);
    const bin = join(process.cwd(), "bin", "competency.js");
    const parseScript = `
      const { createReadStream } = require("node:fs");
      const { createInterface } = require("node:readline");
      let n = 0;
      const rl = createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity });
      rl.on("line", (l) => { if (l) n += JSON.parse(l).skills.length; });
      rl.on("close", () => process.stdout.write(String(n)));`;
    // Wall time, and CPU time (user + system, every thread) from /usr/bin/time where it exists.
    const hasTime = spawnSync("/usr/bin/time", ["-f", "%U", "true"]).status === 0;
    type Run = Timing & {
      stats?: { threads: { thread: string; busyMs: number; idleMs: number }[]; bound: string };
    };
    const time = (args: string[]): Run => {
      const t = performance.now();
      const run = hasTime
        ? spawnSync("/usr/bin/time", ["-f", "cpu %U %S", process.execPath, ...args], {
            encoding: "utf8",
            maxBuffer: 1 << 26,
          })
        : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
      const ms = performance.now() - t;
      if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
      const m = /cpu (\S+) (\S+)\s*$/.exec(run.stderr);
      // `rank --stats` prints one JSON line on stderr: each thread's busy and idle time.
      const stats = /^\{"stats":.*$/m.exec(run.stderr);
      return {
        ms,
        cpu: m === null ? Number.NaN : (Number(m[1]) + Number(m[2])) * 1000,
        ...(stats === null ? {} : { stats: JSON.parse(stats[0]).stats }),
      };
    };
    const cores = cpus().length;
    const cliOver = (path: string) => {
      const cliRuns: Run[] = [];
      const readRuns: Run[] = [];
      for (let k = 0; k < CLI_RUNS; k++) {
        readRuns.push(time(["-e", parseScript, path]));
        cliRuns.push(time([bin, "rank", rolePath, path, "--top", "10", "--stats"]));
      }
      // Busy and idle time of each thread (median over the runs), and the busiest thread of each run: the
      // one the others wait for. "reader" bound means the run goes as fast as the file is read and parsed.
      const threadUse = (thread: string, field: "busyMs" | "idleMs") =>
        median(cliRuns.map((r) => r.stats?.threads.find((t) => t.thread === thread)?.[field] ?? Number.NaN));
      const cliMs = median(cliRuns.map((r) => r.ms));
      const cliCpuMs = median(cliRuns.map((r) => r.cpu));
      const readParseMs = median(readRuns.map((r) => r.ms));
      return {
        cliMsMedian: cliMs,
        readParseMsMedian: readParseMs,
        cliOverReadParse: cliMs / readParseMs,
        // Work of every thread: on `cores` cores no schedule finishes before cliCpuMs / cores.
        cliCpuMsMedian: cliCpuMs,
        cliCpuOverCoresOverReadParse: cliCpuMs / cores / readParseMs,
        threads: {
          mainBusyMsMedian: threadUse("main", "busyMs"),
          mainIdleMsMedian: threadUse("main", "idleMs"),
          readerBusyMsMedian: threadUse("reader", "busyMs"),
          readerIdleMsMedian: threadUse("reader", "idleMs"),
          boundBy: cliRuns.map((r) => r.stats?.bound),
        },
        cliMs: cliRuns.map((r) => r.ms),
        readMs: readRuns.map((r) => r.ms),
      };
    };
    const nodeMs: number[] = [];
    for (let k = 0; k < CLI_RUNS; k++) nodeMs.push(time(["-e", "0"]).ms);
    const cliLoad = loadavg();
    const mixed = cliOver(mixedPath);
    const known = cliOver(knownPath);
    cli = {
      subject: `competency rank over ${CLI_LINES} lines --top 10 vs node reading + JSON.parse of the same file`,
      runs: CLI_RUNS,
      bareNodeMsMedian: median(nodeMs),
      ...mixed,
      knownNames: {
        subject: "the same, every name a lexicon name (no new name's one-time work)",
        ...known,
      },
      loadavgBefore: cliLoad,
      loadavgAfter: loadavg(),
      git: execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.stdout.write(
  `${JSON.stringify(
    {
      machine: { node: process.version, cpu: cpus()[0]?.model, cores: cpus().length },
      library,
      cli,
      sink,
    },
    null,
    2,
  )}\n`,
);
