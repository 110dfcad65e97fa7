import type { Command } from "commander";
import type { CliIo } from "./io.js";

type MemoryModule = { registerMemoryCommands?: (program: Command, io: CliIo) => void | Promise<void> };

/** The memory toolkit lives in commands/memory.ts (another owner); mounted when it is present. */
const MEMORY_MODULE = "./commands/memory.js";

/** Mounts `competency memory …` if the module exists; any other import failure is a real error. */
export async function mountMemoryCommands(program: Command, io: CliIo): Promise<void> {
  let mod: MemoryModule;
  try {
    mod = (await import(MEMORY_MODULE)) as MemoryModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes("commands/memory");
    if (missing || /Cannot find module|Failed to load url/.test(String((error as Error).message))) return;
    throw error;
  }
  await mod.registerMemoryCommands?.(program, io);
}
