import { type Command, Help } from "commander";

/** How a command appears in its parent's help list, without loading the module that defines it. */
export type CommandSummary = {
  readonly name: string;
  /** The help list's term, e.g. `match [options] <candidate.json> <role.json>` (checked by a test). */
  readonly term: string;
  readonly description: string;
};

/** One module of commands: the summaries of the commands it registers, and how to load and register them. */
export type LazyCommandModule = {
  readonly commands: readonly CommandSummary[];
  readonly register: (parent: Command) => Promise<void>;
};

/** Help-list terms of stub commands; every other command gets commander's own term. */
const STUB_TERMS = new WeakMap<Command, string>();
const DEFAULT_HELP = new Help();

/** Gives `parent` (and the subcommands created after this call) help terms that know about stubs. */
export function useStubTerms(parent: Command): void {
  parent.configureHelp({
    subcommandTerm: (cmd: Command) => STUB_TERMS.get(cmd) ?? DEFAULT_HELP.subcommandTerm(cmd),
  });
}

/**
 * The command `argv` names: the first argument that is not an option, or the one after `help`. Options of
 * `parent` never take a value, so an option's value cannot be mistaken for a command name.
 */
export function commandNameIn(argv: readonly string[]): string | undefined {
  const first = argv.find((arg) => !arg.startsWith("-"));
  if (first !== "help") return first;
  return argv.slice(argv.indexOf("help") + 1).find((arg) => !arg.startsWith("-"));
}

/**
 * Registers, in table order, the full definition of the module whose command `argv` names and a help stub
 * (name, term, description; no options, no action) for every other command. So `competency match` loads
 * the matcher but never the HTTP service or the TypeScript compiler, and `competency --help` loads none.
 */
export async function registerLazily(
  parent: Command,
  modules: readonly LazyCommandModule[],
  argv: readonly string[],
): Promise<void> {
  useStubTerms(parent);
  const wanted = commandNameIn(argv);
  for (const module of modules) {
    if (module.commands.some((c) => c.name === wanted)) {
      await module.register(parent);
      continue;
    }
    for (const summary of module.commands) {
      const stub = parent.command(summary.name).description(summary.description);
      STUB_TERMS.set(stub, summary.term);
    }
  }
}
