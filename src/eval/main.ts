import { realpathSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CompetencyError, createMatcher } from "../index.js";
import { formatSetReports } from "./format-report.js";
import { hideCases } from "./hide-cases.js";
import { loadCases, loadDisputed } from "./load-cases.js";
import { runEvalSet } from "./run-eval-set.js";
import { DEFAULT_WORST_COUNT } from "./summarize-eval.js";
import type { EvalSetReport } from "./types.js";

/** Output streams of the eval entry point, injectable for tests. */
export type EvalIo = {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
};

/** Fixture directory, resolved from the package root (works from src/eval and dist/eval alike). */
export const QUALITY_FIXTURES_DIR = fileURLToPath(new URL("../../test/fixtures/quality/", import.meta.url));

/**
 * Held-out fixture directory: cases written blind, before any scoring run, and never tuned on. Reported
 * separately from the tuned set; its `disputed.json` lists cases taken out of the score, with reasons.
 */
export const HELDOUT_FIXTURES_DIR = fileURLToPath(
  new URL("../../test/fixtures/quality-heldout/", import.meta.url),
);

/** The fixture sets `npm run eval` reports, in order: the tuned set, then the held-out set. */
export const EVAL_SETS = [
  { name: "tuned", dir: "test/fixtures/quality", path: QUALITY_FIXTURES_DIR },
  { name: "held-out", dir: "test/fixtures/quality-heldout", path: HELDOUT_FIXTURES_DIR, blind: true },
] as const;

const USAGE =
  "usage: npm run eval [-- --json] [--worst N] [--set tuned|held-out] [--reveal-held-out]\n" +
  "  The held-out set prints aggregates and counts only, unless --reveal-held-out (which ends its use as held out).\n";

type EvalArgs = {
  readonly json: boolean;
  readonly worst: number;
  /** Only this set (by name); undefined = every set. */
  readonly set: string | undefined;
  readonly revealHeldOut: boolean;
};

function parseArgs(argv: readonly string[]): EvalArgs | string {
  let json = false;
  let worst = DEFAULT_WORST_COUNT;
  let set: string | undefined;
  let revealHeldOut = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--worst") {
      const n = Number(argv[i + 1]);
      if (!Number.isInteger(n) || n < 0)
        return `--worst needs a non-negative integer; got ${JSON.stringify(argv[i + 1])}`;
      worst = n;
      i += 1;
    } else if (arg === "--set") {
      set = argv[i + 1];
      if (!EVAL_SETS.some((s) => s.name === set))
        return `--set needs one of ${EVAL_SETS.map((s) => s.name).join(", ")}; got ${JSON.stringify(set)}`;
      i += 1;
    } else if (arg === "--reveal-held-out") revealHeldOut = true;
    else return `unknown argument ${JSON.stringify(arg)}`;
  }
  return { json, worst, set, revealHeldOut };
}

/**
 * `npm run eval`: loads the judged cases of each set in `EVAL_SETS`, scores them with the default matcher and
 * model, and prints each set's per-theme table, its false friends above the real skill and its disputed
 * cases (or `{ sets: EvalSetReport[] }` as JSON with `--json`).
 *
 * @returns the exit code: 0 done, 2 usage error, 3 any other error
 */
export async function main(argv: readonly string[], io: EvalIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.stderr.write(`error[INVALID_INPUT]: ${args}\n${USAGE}`);
    return 2;
  }
  const matcher = createMatcher();
  try {
    const sets: EvalSetReport[] = [];
    for (const set of EVAL_SETS) {
      if (args.set !== undefined && args.set !== set.name) continue;
      const [cases, disputed] = await Promise.all([loadCases(set.path), loadDisputed(set.path)]);
      const report = await runEvalSet(
        matcher,
        { name: set.name, dir: set.dir, cases, disputed },
        { worstCount: args.worst },
      );
      sets.push("blind" in set && set.blind && !args.revealHeldOut ? hideCases(report) : report);
    }
    io.stdout.write(args.json ? `${JSON.stringify({ sets }, null, 2)}\n` : formatSetReports(sets));
    return 0;
  } catch (error) {
    const code = error instanceof CompetencyError ? error.code : "INTERNAL";
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`error[${code}]: ${message}\n`);
    return 3;
  } finally {
    await matcher.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  process.exitCode = await main(process.argv.slice(2), process);
}
