import { Readable, Writable } from "node:stream";
import { Command, Help } from "commander";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../src/cli/cli-context.js";
import { memoryCommands } from "../src/cli/commands/memory.js";
import type { CliIo } from "../src/cli/io.js";
import { commandNameIn, type LazyCommandModule, registerLazily } from "../src/cli/lazy-commands.js";
import { main, topLevelCommands } from "../src/cli/main.js";

const io: CliIo = {
  stdin: Readable.from([]),
  stdout: new Writable({ write: (_c, _e, done) => done() }),
  stderr: new Writable({ write: (_c, _e, done) => done() }),
  env: {},
  isTTY: false,
};
const ctx: CliContext = { io, workerMatcherOptions: undefined, exitCode: 0 };

/** The help a parent prints when every module is loaded (what the CLI printed before it loaded lazily). */
async function fullHelp(name: string, modules: readonly LazyCommandModule[]): Promise<string> {
  const parent = new Command(name);
  for (const module of modules) await module.register(parent);
  return parent.helpInformation();
}

async function lazyHelp(name: string, modules: readonly LazyCommandModule[]): Promise<string> {
  const parent = new Command(name);
  await registerLazily(parent, modules, []);
  return parent.helpInformation();
}

const tables: [string, readonly LazyCommandModule[]][] = [
  ["competency", topLevelCommands(ctx, {}, [])],
  ["memory", memoryCommands(ctx, [])],
];

describe("lazily loaded commands", () => {
  it.each(tables)(
    "%s: each summary matches the full definition's help term and description",
    async (_, modules) => {
      const help = new Help();
      for (const module of modules) {
        const parent = new Command("parent");
        await module.register(parent);
        const loaded = parent.commands.map((c) => ({
          name: c.name(),
          term: help.subcommandTerm(c),
          description: c.description(),
        }));
        expect(loaded).toEqual(module.commands);
      }
    },
  );

  it.each(tables)(
    "%s: the help list from summaries equals the one from the loaded modules",
    async (name, modules) => {
      expect(await lazyHelp(name, modules)).toBe(await fullHelp(name, modules));
    },
  );

  it("loads only the module argv names, and stubs the rest", async () => {
    const loaded: string[] = [];
    const modules: LazyCommandModule[] = ["a", "b"].map((name) => ({
      commands: [{ name, term: `${name} <x>`, description: `the ${name} command` }],
      register: async (parent) => {
        loaded.push(name);
        parent.command(name).argument("<x>").description(`the ${name} command`);
      },
    }));
    const parent = new Command("p");
    await registerLazily(parent, modules, ["b", "x"]);
    expect(loaded).toEqual(["b"]);
    expect(parent.commands.map((c) => c.name())).toEqual(["a", "b"]);
    expect(parent.helpInformation()).toContain("a <x>");
  });

  it("finds the command name after options and after help", () => {
    expect(commandNameIn(["match", "a.json", "b.json"])).toBe("match");
    expect(commandNameIn(["--help"])).toBeUndefined();
    expect(commandNameIn(["-V"])).toBeUndefined();
    expect(commandNameIn(["help", "rank"])).toBe("rank");
    expect(commandNameIn(["help"])).toBeUndefined();
  });

  it("shows a lazily loaded command's own help through `help <command>`", async () => {
    const chunks: string[] = [];
    const stdout = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const code = await main(["help", "match"], { ...io, stdout });
    expect(code).toBe(0);
    expect(chunks.join("")).toContain("--strategy <name>");
  });

  it("still rejects an unknown command with exit 2", async () => {
    expect(await main(["matchh"], io)).toBe(2);
  });
});
