import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { CompetencyError } from "../errors.js";

/**
 * Opens `path` for streaming, or returns stdin for `-`. Missing or unreadable files become
 * FILE_NOT_FOUND / FILE_UNREADABLE with the path in the message and the system error as `cause`.
 */
export async function openInput(path: string, stdin: Readable): Promise<Readable> {
  if (path === "-") return stdin;
  try {
    const handle = await open(path, "r");
    return handle.createReadStream({ encoding: "utf8" });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CompetencyError("FILE_NOT_FOUND", JSON.stringify(path), { cause });
    throw new CompetencyError("FILE_UNREADABLE", `${JSON.stringify(path)} (${code ?? "unknown error"})`, {
      cause,
    });
  }
}

/** Reads a whole file (or stdin for `-`) as UTF-8 text. */
export async function readText(path: string, stdin: Readable): Promise<string> {
  const stream = await openInput(path, stdin);
  stream.setEncoding("utf8");
  let text = "";
  try {
    for await (const chunk of stream) text += chunk as string;
  } catch (cause) {
    throw new CompetencyError("FILE_UNREADABLE", JSON.stringify(path), { cause });
  }
  return text;
}

/** Reads and parses a JSON file (or stdin for `-`); bad JSON is INVALID_JSON naming the file. */
export async function readJson(path: string, stdin: Readable): Promise<unknown> {
  const text = await readText(path, stdin);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const where = path === "-" ? "stdin" : JSON.stringify(path);
    throw new CompetencyError("INVALID_JSON", `${where}: ${(cause as Error).message}`, { cause });
  }
}
