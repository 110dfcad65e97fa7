import type { EventEmitter } from "node:events";
import { Command, CommanderError } from "commander";
import { VERSION } from "../service/version.js";
import type { CliContext, MatcherFactory } from "./cli-context.js";
import { EXIT_OK, EXIT_USAGE, exitCodeFor, formatErrorLine } from "./exit-code.js";
import type { CliIo } from "./io.js";
import { type LazyCommandModule, registerLazily } from "./lazy-commands.js";

/** Injection points for tests and embedding; production uses the defaults. */
export type CliDeps = {
  /** @default createMatcher from the public API */
  readonly createMatcher?: MatcherFactory;
  /** Source of SIGTERM/SIGINT for `serve`. @default none (bin.ts passes `process`) */
  readonly signals?: EventEmitter;
};

const EXAMPLES = `
Examples:
  $ competency match examples/candidate.json examples/role.json --format table
  $ competency batch examples/pairs.jsonl > results.jsonl
  $ competency rank examples/role.json examples/candidates.jsonl --top 3
  $ competency serve --port 8080
  $ competency memory --help

Exit codes: 0 ok, 1 a check failed, 2 bad usage or input, 3 internal error.
`;

/**
 * The commands, each loaded only when argv names it (help lists the others from these summaries). The
 * terms and descriptions must match the full definitions; test/cli-lazy.test.ts checks that they do.
 */
export function topLevelCommands(
  ctx: CliContext,
  deps: CliDeps,
  argv: readonly string[],
): LazyCommandModule[] {
  return [
    {
      commands: [
        {
          name: "match",
          term: "match [options] <candidate.json> <role.json>",
          description: "score one candidate against one role",
        },
      ],
      register: async (program) => (await import("./commands/match.js")).registerMatchCommand(program, ctx),
    },
    {
      commands: [
        {
          name: "batch",
          term: "batch [options] <pairs.jsonl>",
          description: "score many candidate/role pairs from NDJSON, streaming",
        },
      ],
      register: async (program) => (await import("./commands/batch.js")).registerBatchCommand(program, ctx),
    },
    {
      commands: [
        {
          name: "rank",
          term: "rank [options] <role.json> <candidates.jsonl>",
          description: "rank candidates (NDJSON, streaming) against one role",
        },
      ],
      register: async (program) => (await import("./commands/rank.js")).registerRankCommand(program, ctx),
    },
    {
      commands: [{ name: "serve", term: "serve [options]", description: "run the HTTP service" }],
      register: async (program) =>
        (await import("./commands/serve.js")).registerServeCommand(program, ctx, deps.signals),
    },
    {
      commands: [
        {
          name: "memory",
          term: "memory",
          description: "memory toolkit: baseline, run, compare, check, detect, dashboard (docs/memory.md)",
        },
      ],
      register: async (program) =>
        (await import("./commands/memory.js")).registerMemoryCommands(program, ctx, argv),
    },
  ];
}

/**
 * Runs the CLI on `argv` (arguments after the program name) and resolves to the exit code. Never calls
 * process.exit and never writes anywhere but `io`.
 */
export async function main(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const injected = deps.createMatcher !== undefined;
  const ctx: CliContext = {
    io,
    ...(deps.createMatcher === undefined ? {} : { createMatcher: deps.createMatcher }),
    workerMatcherOptions: injected ? undefined : {},
    exitCode: EXIT_OK,
  };
  try {
    const program = new Command("competency")
      .description("Score how well a candidate's skills match a role's required skills.")
      .version(VERSION, "-V, --version")
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        outputError: (text, write) => write(`error[INVALID_INPUT]: ${text.replace(/^error: /, "")}`),
      })
      .addHelpText("after", EXAMPLES);
    await registerLazily(program, topLevelCommands(ctx, deps, argv), argv);
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
      return quiet ? EXIT_OK : error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.stderr.write(formatErrorLine(error));
    return exitCodeFor(error);
  }
}
