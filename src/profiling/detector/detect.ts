import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CompetencyError } from "../../errors.js";
import { detectFile } from "./detect-file.js";
import type { Finding } from "./rule-types.js";
import { RULES } from "./rules.js";

/** An allow-list entry: findings of `rule` (or any rule) in files under `path` are accepted, with a reason. */
export type AllowEntry = { readonly path: string; readonly rule?: string; readonly reason: string };

export type DetectOutcome = {
  readonly findings: readonly Finding[];
  readonly allowed: readonly Finding[];
  readonly files: number;
  /** Paths that held no TypeScript file to check (a typo, or a non-TypeScript file). */
  readonly warnings: readonly string[];
};

function collect(path: string, out: string[]): void {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new CompetencyError("FILE_NOT_FOUND", path, { cause });
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort())
      if (name !== "node_modules" && name !== "dist") collect(join(path, name), out);
  } else if (path.endsWith(".ts") && !path.endsWith(".d.ts") && !path.endsWith(".test.ts")) out.push(path);
}

/**
 * Runs every rule over the TypeScript files under `paths` (tests and declarations skipped) and splits the
 * findings into those the allow-list accepts and the rest. Paths in findings are relative to `cwd`.
 */
export function detect(paths: readonly string[], allow: readonly AllowEntry[], cwd: string): DetectOutcome {
  const files: string[] = [];
  const warnings: string[] = [];
  for (const p of paths) {
    const before = files.length;
    collect(p, files);
    if (files.length === before) warnings.push(`${p}: no TypeScript files to check`);
  }
  const findings: Finding[] = [];
  const allowed: Finding[] = [];
  for (const file of files) {
    const rel = relative(cwd, file);
    for (const f of detectFile(rel, readFileSync(file, "utf8"), RULES)) {
      const ok = allow.some((a) => rel.startsWith(a.path) && (a.rule === undefined || a.rule === f.rule));
      (ok ? allowed : findings).push(f);
    }
  }
  return { findings, allowed, files: files.length, warnings };
}
