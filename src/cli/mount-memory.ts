import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { CliIo } from "./io.js";

type MemoryModule = { registerMemoryCommands?: (program: Command, io: CliIo) => void | Promise<void> };

/** Under tsx/vitest the sources are .ts; built code is .js. */
const EXT = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const MEMORY_URL = new URL(`./commands/memory${EXT}`, import.meta.url);

/** Mounts `competency memory …` from commands/memory (another owner's module) when that file exists. */
export async function mountMemoryCommands(program: Command, io: CliIo): Promise<void> {
  if (!existsSync(fileURLToPath(MEMORY_URL))) return;
  const mod = (await import(MEMORY_URL.href)) as MemoryModule;
  await mod.registerMemoryCommands?.(program, io);
}
