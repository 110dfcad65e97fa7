/**
 * Writes a deterministic NDJSON file of candidates for the rank benchmarks (data is never committed):
 * `{ "id": "c<N>", "skills": [...] }`, 6–14 skills per line drawn from the lexicon, a fifth of them names the
 * lexicon does not know, levels 1–5 of 5. Also writes a role of 20 required skills beside it.
 *
 *   npx tsx bench/candidates-file.ts [--lines 100000] [--out /tmp/competency-bench/candidates-100k.jsonl]
 */
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import { mulberry32 } from "../src/profiling/mulberry32.js";

export type CandidatesFile = { readonly candidates: string; readonly role: string; readonly lines: number };

const UNKNOWN_WORDS = [
  "zorblax",
  "quantic",
  "frobnication",
  "hyperweave",
  "glimmer",
  "tessellated",
  "vorpal",
];

/** Writes `lines` candidates to `path` and a 20-skill role to `role.json` in the same folder. */
export async function writeCandidatesFile(
  path: string,
  lines: number,
  seed = 20261206,
): Promise<CandidatesFile> {
  const lexicon = loadLexicon();
  const random = mulberry32(seed);
  const pick = () => Math.floor(random() * lexicon.size);
  const name = (): string => {
    if (random() < 0.2) {
      const a = UNKNOWN_WORDS[Math.floor(random() * UNKNOWN_WORDS.length)] as string;
      const b = UNKNOWN_WORDS[Math.floor(random() * UNKNOWN_WORDS.length)] as string;
      return `${a} ${b} ${Math.floor(random() * 1000)}`;
    }
    return lexicon.names[pick()] as string;
  };
  const level = () => ({ value: 1 + Math.floor(random() * 5), max: 5 });
  mkdirSync(dirname(path), { recursive: true });
  const role = join(dirname(path), "role.json");
  const required = Array.from({ length: 20 }, () => ({ name: name(), level: level() }));
  writeFileSync(role, JSON.stringify({ skills: required }));
  const out = createWriteStream(path);
  for (let i = 0; i < lines; i++) {
    const count = 6 + Math.floor(random() * 9);
    const skills = Array.from({ length: count }, () => ({ name: name(), level: level() }));
    if (!out.write(`${JSON.stringify({ id: `c${i}`, skills })}\n`))
      await new Promise<void>((done) => out.once("drain", () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  return { candidates: path, role, lines };
}

const entry = process.argv[1];
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  const arg = (flag: string, fallback: string) => {
    const at = process.argv.indexOf(flag);
    return at < 0 ? fallback : (process.argv[at + 1] as string);
  };
  const lines = Number(arg("--lines", "100000"));
  const file = await writeCandidatesFile(
    resolve(arg("--out", "/tmp/competency-bench/candidates-100k.jsonl")),
    lines,
  );
  process.stdout.write(`${JSON.stringify(file)}\n`);
}
