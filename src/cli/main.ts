import type { EventEmitter } from "node:events";
import { Command, CommanderError } from "commander";
import { createMatcher } from "../index.js";
import type { MatcherOptions } from "../matcher-types.js";
import { VERSION } from "../service/version.js";
import type { CliContext, MatcherFactory } from "./cli-context.js";
import { registerBatchCommand } from "./commands/batch.js";
import { registerMatchCommand } from "./commands/match.js";
import { registerMemoryCommands } from "./commands/memory.js";
import { registerRankCommand } from "./commands/rank.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerWorkerCommand } from "./commands/worker.js";
import { EXIT_OK, EXIT_USAGE, exitCodeFor, formatErrorLine } from "./exit-code.js";
import type { CliIo } from "./io.js";

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
 * Runs the CLI on `argv` (arguments after the program name) and resolves to the exit code. Never calls
 * process.exit and never writes anywhere but `io`.
 */
export async function main(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const injected = deps.createMatcher !== undefined;
  const ctx: CliContext = {
    io,
    createMatcher: deps.createMatcher ?? ((options: MatcherOptions) => createMatcher(options)),
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
    registerMatchCommand(program, ctx);
    registerBatchCommand(program, ctx);
    registerRankCommand(program, ctx);
    registerServeCommand(program, ctx, deps.signals);
    registerWorkerCommand(program, ctx, deps.signals);
    registerMemoryCommands(program, ctx, argv);
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
