import { access, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { CompetencyError } from "../errors.js";
import { parseDisputed } from "./disputed.js";
import { type CaseFile, type CaseSchema, parseCases } from "./parse-cases.js";
import type { DisputedCase, QualityCase } from "./types.js";

/** File name of the case schema inside the fixture directory. */
export const CASE_SCHEMA_FILE = "case.schema.json";

/** File name of the optional disputed-case list inside the fixture directory (not a case file). */
export const DISPUTED_FILE = "disputed.json";

/** Reads and parses one JSON file, wrapping I/O and syntax failures. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new CompetencyError("FILE_UNREADABLE", path, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new CompetencyError("INVALID_JSON", path, { cause });
  }
}

/**
 * Loads every `*.json` fixture in `dir` (except the schema and `disputed.json`), sorted by file name, and validates it against
 * `dir/case.schema.json` with `parseCases`.
 *
 * @throws CompetencyError FILE_NOT_FOUND, FILE_UNREADABLE, INVALID_JSON or SCHEMA_MISMATCH
 */
export async function loadCases(dir: string): Promise<QualityCase[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (cause) {
    throw new CompetencyError("FILE_NOT_FOUND", dir, { cause });
  }
  const fixtureNames = names
    .filter((n) => n.endsWith(".json") && n !== CASE_SCHEMA_FILE && n !== DISPUTED_FILE)
    .sort();
  const schema = (await readJson(join(dir, CASE_SCHEMA_FILE))) as CaseSchema;
  const files: CaseFile[] = await Promise.all(
    fixtureNames.map(async (name) => ({
      theme: name.slice(0, -".json".length),
      data: await readJson(join(dir, name)),
    })),
  );
  return parseCases(schema, files);
}

/**
 * Loads `dir/disputed.json` (see `parseDisputed`), or returns an empty list when the file does not exist.
 *
 * @throws CompetencyError FILE_UNREADABLE, INVALID_JSON or SCHEMA_MISMATCH
 */
export async function loadDisputed(dir: string): Promise<DisputedCase[]> {
  const path = join(dir, DISPUTED_FILE);
  try {
    await access(path);
  } catch {
    return [];
  }
  return parseDisputed(await readJson(path), path);
}
