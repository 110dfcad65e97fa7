/**
 * Checks that imports only point inward (STYLE.md § Layout): core imports only core (plus the defaults
 * module and @stdlib numerics); adapters import ports, core and errors; nothing imports service, cli or
 * profiling except themselves and the CLI entry. Exits 1 and lists each violation.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "src");
const IMPORT = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

type Rule = {
  readonly folder: string;
  readonly allowed: (target: string) => boolean;
  readonly packages: (name: string) => boolean;
};

const top = (file: string) => relative(ROOT, file).split("/")[0] ?? "";
const RULES: readonly Rule[] = [
  {
    folder: "core",
    allowed: (t) => t.startsWith("core/") || t === "defaults.ts" || t === "errors.ts",
    packages: (n) => n.startsWith("@stdlib/"),
  },
  {
    folder: "adapters",
    allowed: (t) => !["service", "cli", "profiling", "eval"].includes(t.split("/")[0] ?? ""),
    packages: () => true,
  },
  // Issue 8: the shard scorer, pool, sources and scale-out never import the surfaces that carry them.
  ...["shards", "pool", "sources", "distributed"].map((folder) => ({
    folder,
    allowed: (t: string) => !["service", "cli", "profiling", "eval"].includes(t.split("/")[0] ?? ""),
    packages: () => true,
  })),
];

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (path.endsWith(".ts") && !path.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const violations: string[] = [];
for (const file of walk(ROOT, [])) {
  const rule = RULES.find((r) => top(file) === r.folder);
  if (rule === undefined) continue;
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(IMPORT)) {
    const spec = (m[1] ?? m[2]) as string;
    if (spec.startsWith(".")) {
      const target = relative(ROOT, resolve(dirname(file), spec)).replace(/\.js$/, ".ts");
      if (!rule.allowed(target)) violations.push(`${relative(ROOT, file)} imports ${target}`);
    } else if (!spec.startsWith("node:") || rule.folder === "core") {
      if (!rule.packages(spec)) violations.push(`${relative(ROOT, file)} imports package ${spec}`);
    }
  }
}
if (violations.length > 0) {
  process.stderr.write(`import rule violations:\n${violations.map((v) => `  ${v}`).join("\n")}\n`);
  process.exit(1);
}
process.stdout.write("imports point inward: ok\n");
