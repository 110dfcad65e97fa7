/**
 * Builds data/skills/*.json from the hand-curated sources in scripts/lexicon/*.txt, deterministically.
 * Run: npx tsx scripts/build-lexicon.ts   (exit 1 and a list of issues if the lexicon does not validate)
 *
 * The two must never drift (test/lexicon-sources.test.ts rebuilds every JSON file from its source). After
 * editing data/skills/*.json directly, bring the sources back in line, keeping their `#` comments:
 *      npx tsx scripts/build-lexicon.ts --from-json
 *
 * Source format, one skill per line (blank lines and `#` comments ignored; first line `@domain <Domain>`):
 *   Name [= id] [| a: alias, alias] [| i: isA-id, …] [| p: partOf-id, …] [| r: related-id, …]
 *   [| f: false-friend name, …] [| d: Domain]
 * Without `= id` the id is the name in kebab-case ("&" → "and", other symbols dropped): "Deep Learning" →
 * "deep-learning". Give an explicit id when symbols matter (C++ = cpp).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LexiconEntry, LexiconFile } from "../src/core/lexicon/types.js";
import type { Domain } from "../src/core/types.js";
import { validateLexicon } from "../src/lexicon/validate-lexicon.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_DIR = join(ROOT, "scripts", "lexicon");
const OUT_DIR = join(ROOT, "data", "skills");
const LINE_WIDTH = 110;
const FIELDS = { a: "aliases", i: "isA", p: "partOf", r: "related", f: "falseFriends" } as const;

function kebab(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function parseLine(line: string, where: string): LexiconEntry {
  const [head = "", ...parts] = line.split(" | ").map((s) => s.trim());
  const [name = "", explicitId] = head.split(" = ").map((s) => s.trim());
  const entry: Record<string, unknown> = { id: explicitId ?? kebab(name), name };
  for (const part of parts) {
    const match = /^([aiprfd]): (.*)$/.exec(part);
    if (match === null) throw new Error(`${where}: cannot parse field "${part}"`);
    const [, key = "", value = ""] = match;
    if (key === "d") entry.domain = value;
    else entry[FIELDS[key as keyof typeof FIELDS]] = value.split(",").map((s) => s.trim());
  }
  return entry as LexiconEntry;
}

export function parseSource(text: string, file: string): LexiconFile {
  let domain: Domain | undefined;
  const skills: LexiconEntry[] = [];
  text.split("\n").forEach((raw, n) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("# ")) return;
    if (line.startsWith("@domain ")) domain = line.slice(8).trim() as Domain;
    else skills.push(parseLine(line, `${file}:${n + 1}`));
  });
  if (domain === undefined) throw new Error(`${file}: missing @domain line`);
  return { domain, skills };
}

/** JSON laid out the way `biome format` leaves it: objects expanded, string arrays inline when they fit. */
export function serialize(file: LexiconFile): string {
  const str = (s: string): string => JSON.stringify(s);
  const lines = ["{", `  "domain": ${str(file.domain)},`, '  "skills": ['];
  file.skills.forEach((skill, s) => {
    const entries = Object.entries(skill);
    const fields = entries.map(([key, value], f) => {
      if (!Array.isArray(value)) return `      ${str(key)}: ${str(String(value))}`;
      const inline = `      ${str(key)}: [${value.map((v: string) => str(v)).join(", ")}]`;
      const comma = f < entries.length - 1 ? 1 : 0;
      if (inline.length + comma <= LINE_WIDTH) return inline;
      return `      ${str(key)}: [\n${value.map((v: string) => `        ${str(v)}`).join(",\n")}\n      ]`;
    });
    lines.push(`    {\n${fields.join(",\n")}\n    }${s < file.skills.length - 1 ? "," : ""}`);
  });
  lines.push("  ]", "}", "");
  return lines.join("\n");
}

/** One source line for an entry: fields in the entry's own key order, so that the JSON rebuilds identically. */
function sourceLine(entry: LexiconEntry): string {
  const fields = entry as unknown as Record<string, unknown>;
  const head = kebab(entry.name) === entry.id ? entry.name : `${entry.name} = ${entry.id}`;
  const parts = [head];
  for (const [key, value] of Object.entries(fields)) {
    if (key === "id" || key === "name") continue;
    if (key === "domain") parts.push(`d: ${String(value)}`);
    else {
      const letter = Object.entries(FIELDS).find(([, field]) => field === key)?.[0];
      if (letter === undefined) throw new Error(`${entry.id}: field "${key}" has no source notation`);
      parts.push(`${letter}: ${(value as string[]).join(", ")}`);
    }
  }
  return parts.join(" | ");
}

/**
 * The source text for a lexicon file. `previous` (the old source) lends its `#` comment lines to the entries
 * they preceded, so that the reasoning written beside an entry survives a rebuild from JSON.
 */
export function formatSource(file: LexiconFile, previous = ""): string {
  const comments = new Map<string, string[]>();
  let pending: string[] = [];
  for (const raw of previous.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#")) pending.push(line);
    else if (line !== "" && !line.startsWith("@domain ")) {
      comments.set(parseLine(line, "previous source").id, pending);
      pending = [];
    }
  }
  const out = [`@domain ${file.domain}`];
  for (const entry of file.skills) out.push(...(comments.get(entry.id) ?? []), sourceLine(entry));
  return `${out.join("\n")}\n`;
}

function sourceFiles(): string[] {
  return readdirSync(SOURCE_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

/** Rewrites scripts/lexicon/*.txt from data/skills/*.json (after the JSON was edited by hand). */
function sourcesFromJson(): void {
  const names = readdirSync(OUT_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  for (const name of names) {
    const file = JSON.parse(readFileSync(join(OUT_DIR, name), "utf8")) as LexiconFile;
    const path = join(SOURCE_DIR, name.replace(/\.json$/, ".txt"));
    const previous = existsSync(path) ? readFileSync(path, "utf8") : "";
    writeFileSync(path, formatSource(file, previous));
  }
  console.log(`wrote ${names.length} sources`);
}

function build(): void {
  const sources = sourceFiles();
  const files = sources.map((f) => parseSource(readFileSync(join(SOURCE_DIR, f), "utf8"), f));
  const issues = validateLexicon(files);
  if (issues.length > 0) {
    for (const issue of issues) console.error(`${issue.path.join(".")}: ${issue.code}: ${issue.message}`);
    process.exit(1);
  }
  files.forEach((file, k) => {
    writeFileSync(join(OUT_DIR, `${sources[k]?.replace(/\.txt$/, "")}.json`), serialize(file));
  });
  const total = files.reduce((n, f) => n + f.skills.length, 0);
  console.log(`wrote ${files.length} files, ${total} skills`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--from-json")) sourcesFromJson();
  else build();
}
