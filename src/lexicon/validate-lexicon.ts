import { DOMAINS } from "../core/lexicon/domains.js";
import type { LexiconEntry, LexiconFile } from "../core/lexicon/types.js";
import { normalizeName } from "../core/text/normalize-name.js";
import type { Issue, IssueCode } from "../errors.js";
import { findIsACycles } from "./find-is-a-cycles.js";

/** IssueCode has no dedicated codes for these; the message says which problem it is. */
const DUPLICATE: IssueCode = "too_many";
const DANGLING: IssueCode = "unknown_value";
const CYCLE: IssueCode = "out_of_range";

const EDGE_FIELDS = ["isA", "partOf", "related"] as const;
const LIST_FIELDS = ["aliases", "isA", "partOf", "related", "falseFriends"] as const;

type Path = readonly (string | number)[];

/**
 * Checks lexicon files for everything `compileLexicon` relies on and returns every problem found (empty when
 * valid): missing or blank ids and names, unknown domains, duplicate ids, a name or alias that maps to two
 * different skills, is-a/part-of/related edges to unknown ids, a false friend naming the skill itself, and
 * cycles in is-a ∪ part-of. Paths are `[domain, skillIndex, field, itemIndex?]`. Pure; never throws.
 */
export function validateLexicon(files: readonly LexiconFile[]): Issue[] {
  const issues: Issue[] = [];
  const add = (code: IssueCode, path: Path, message: string): void => {
    issues.push({ code, path, message });
  };
  const entries: { entry: LexiconEntry; path: Path }[] = [];
  const idAt = new Map<string, Path>();
  const keyOwner = new Map<string, string>();

  files.forEach((file, f) => {
    const domain = typeof file?.domain === "string" ? file.domain : `file ${f}`;
    if (!DOMAINS.has(file?.domain))
      add("unknown_value", [domain, "domain"], `unknown domain ${JSON.stringify(file?.domain)}`);
    if (!Array.isArray(file?.skills)) {
      add("invalid_type", [domain, "skills"], "skills must be an array");
      return;
    }
    file.skills.forEach((entry, i) => {
      const path: Path = [domain, i];
      if (!checkShape(entry, path, add)) return;
      entries.push({ entry, path });
      const seen = idAt.get(entry.id);
      if (seen !== undefined)
        add(DUPLICATE, [...path, "id"], `duplicate id "${entry.id}" (also at ${seen.join(".")})`);
      else idAt.set(entry.id, path);
      const keys = [entry.name, ...(entry.aliases ?? [])];
      keys.forEach((raw, k) => {
        const key = normalizeName(raw);
        const owner = keyOwner.get(key);
        const field: Path = k === 0 ? [...path, "name"] : [...path, "aliases", k - 1];
        if (owner !== undefined && owner !== entry.id) {
          add(DUPLICATE, field, `"${raw}" already names skill "${owner}", so it would map to two skills`);
        } else keyOwner.set(key, entry.id);
      });
    });
  });

  for (const { entry, path } of entries) {
    for (const field of EDGE_FIELDS) {
      (entry[field] ?? []).forEach((target, k) => {
        if (!idAt.has(target)) add(DANGLING, [...path, field, k], `${field} edge to unknown id "${target}"`);
        else if (target === entry.id) add(CYCLE, [...path, field, k], `"${entry.id}" has an edge to itself`);
      });
    }
    (entry.falseFriends ?? []).forEach((name, k) => {
      if (keyOwner.get(normalizeName(name)) === entry.id) {
        add(
          "unknown_value",
          [...path, "falseFriends", k],
          `false friend "${name}" names "${entry.id}" itself`,
        );
      }
    });
  }

  for (const id of findIsACycles(
    entries.map((e) => e.entry),
    idAt,
  )) {
    add(CYCLE, [...(idAt.get(id) ?? []), "isA"], `is-a/part-of cycle through "${id}"`);
  }
  return issues;
}

function checkShape(
  entry: LexiconEntry,
  path: Path,
  add: (c: IssueCode, p: Path, m: string) => void,
): boolean {
  if (typeof entry !== "object" || entry === null) {
    add("invalid_type", path, "skill must be an object");
    return false;
  }
  let ok = true;
  for (const field of ["id", "name"] as const) {
    const value: unknown = entry[field];
    if (typeof value !== "string") {
      add("invalid_type", [...path, field], `${field} must be a string, got ${JSON.stringify(value)}`);
      ok = false;
    } else if (value.trim() === "") {
      add(
        value === "" ? "empty" : "blank",
        [...path, field],
        `${field} must not be empty, got ${JSON.stringify(value)}`,
      );
      ok = false;
    }
  }
  if (entry.domain !== undefined && !DOMAINS.has(entry.domain)) {
    add("unknown_value", [...path, "domain"], `unknown domain ${JSON.stringify(entry.domain)}`);
  }
  for (const field of LIST_FIELDS) {
    const list: unknown = entry[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      add("invalid_type", [...path, field], `${field} must be an array of strings`);
      ok = false;
      continue;
    }
    list.forEach((item: unknown, k) => {
      if (typeof item !== "string" || item.trim() === "") {
        add(
          typeof item === "string" ? "blank" : "invalid_type",
          [...path, field, k],
          `${field} item must be a non-blank string, got ${JSON.stringify(item)}`,
        );
        ok = false;
      }
    });
  }
  return ok;
}
