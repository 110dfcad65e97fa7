/**
 * Builds data/skills/*.json from the hand-curated sources in scripts/lexicon/*.txt, deterministically.
 * Run: npx tsx scripts/build-lexicon.ts   (exit 1 and a list of issues if the lexicon does not validate)
 *
 * Source format, one skill per line (blank lines and `#` comments ignored; first line `@domain <Domain>`):
 *   Name [= id] [| a: alias, alias] [| i: isA-id, …] [| p: partOf-id, …] [| r: related-id, …]
 *   [| f: false-friend name, …] [| d: Domain]
 * Without `= id` the id is the name in kebab-case ("&" → "and", other symbols dropped): "Deep Learning" →
 * "deep-learning". Give an explicit id when symbols matter (C++ = cpp).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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

function parseSource(text: string, file: string): LexiconFile {
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
function serialize(file: LexiconFile): string {
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

const sources = readdirSync(SOURCE_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort();
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
