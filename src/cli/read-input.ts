import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { CompetencyError } from "../errors.js";
import { fileError, where } from "../sources/file-error.js";

/** Default cap on a JSON input file (role, candidate) read whole; `--max-input-bytes` raises it. */
export const MAX_INPUT_BYTES = 16 * 1_048_576;

/**
 * Opens `path` for streaming, or returns stdin for `-`. Missing or unreadable files become
 * FILE_NOT_FOUND / FILE_UNREADABLE with the path in the message and the system error as `cause`;
 * a directory says so.
 */
export async function openInput(path: string, stdin: Readable): Promise<Readable> {
  if (path === "-") return stdin;
  try {
    const handle = await open(path, "r");
    const info = await handle.stat();
    if (info.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    }
    return handle.createReadStream({ encoding: "utf8" });
  } catch (cause) {
    throw fileError(path, cause);
  }
}

/**
 * Reads a whole file (or stdin for `-`) as UTF-8 text, stopping with LIMIT_EXCEEDED as soon as it passes
 * `maxBytes` (so `/dev/zero` fails fast instead of filling memory). A leading BOM is dropped.
 */
export async function readText(path: string, stdin: Readable, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  const stream = await openInput(path, stdin);
  stream.setEncoding("utf8");
  let text = "";
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += Buffer.byteLength(chunk as string);
      if (bytes > maxBytes) {
        stream.destroy();
        throw new CompetencyError(
          "LIMIT_EXCEEDED",
          `${where(path)} is larger than ${maxBytes} bytes; raise the limit with --max-input-bytes`,
        );
      }
      text += chunk as string;
    }
  } catch (cause) {
    if (cause instanceof CompetencyError) throw cause;
    throw fileError(path, cause);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and parses a JSON file (or stdin for `-`); an empty file or bad JSON is INVALID_JSON naming the file. */
export async function readJson(path: string, stdin: Readable, maxBytes = MAX_INPUT_BYTES): Promise<unknown> {
  const text = await readText(path, stdin, maxBytes);
  if (text.trim() === "") throw new CompetencyError("INVALID_JSON", `${where(path)} is empty`);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new CompetencyError("INVALID_JSON", `${where(path)}: ${(cause as Error).message}`, { cause });
  }
}
