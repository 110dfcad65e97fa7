import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { CompetencyError } from "../../errors.js";
import { type AllowEntry, detect } from "../../profiling/detector/detect.js";
import type { CliContext } from "../cli-context.js";
import { EXIT_CHECK_FAILED } from "../exit-code.js";

function readAllowList(path: string, required: boolean): AllowEntry[] {
  if (!existsSync(path)) {
    if (required) throw new CompetencyError("FILE_NOT_FOUND", path);
    return [];
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new CompetencyError("INVALID_JSON", `${path}: ${(cause as Error).message}`, { cause });
  }
  const allow = (value as { allow?: unknown } | null)?.allow;
  if (
    !Array.isArray(allow) ||
    !allow.every((a) => typeof a?.path === "string" && typeof a?.reason === "string")
  ) {
    throw new CompetencyError(
      "SCHEMA_MISMATCH",
      `${path}: expected { "allow": [{ "path", "rule"?, "reason" }] }`,
    );
  }
  return allow as AllowEntry[];
}

/** `memory detect [paths…]`: static allocation anti-patterns; exit 1 on findings the allow-list does not accept. */
export function registerDetectCommand(memory: Command, ctx: CliContext): void {
  memory
    .command("detect")
    .description("find allocation anti-patterns in TypeScript sources (TypeScript compiler API)")
    .argument("[paths...]", "files or directories", ["src"])
    .option("--json", "print { findings: [...] } as JSON")
    .option("--allow <file>", "allow-list of accepted findings", ".memory-allowlist.json")
    .addHelpText(
      "after",
      "\nRules: push-with-known-size, nested-number-array, map-chain, copy-in-loop, allocation-in-loop,\n       string-concat-in-loop, json-clone, collection-per-call, collection-in-loop.\nA file that does not parse is an input error (exit 2); a path with no TypeScript files gets a warning.\n\nExamples:\n  $ competency memory detect src/core\n  $ competency memory detect src --json > findings.json\n",
    )
    .action((paths: string[], flags: { json?: true; allow: string }, command: Command) => {
      const explicit = command.getOptionValueSource("allow") === "cli";
      const outcome = detect(paths, readAllowList(flags.allow, explicit), process.cwd());
      for (const w of outcome.warnings) ctx.io.stderr.write(`warning: ${w}\n`);
      if (flags.json === true) {
        ctx.io.stdout.write(
          `${JSON.stringify({ findings: outcome.findings, allowed: outcome.allowed.length, files: outcome.files }, null, 2)}\n`,
        );
      } else {
        for (const f of outcome.findings)
          ctx.io.stdout.write(`${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}\n`);
        ctx.io.stdout.write(
          `${outcome.findings.length} finding(s) in ${outcome.files} file(s); ${outcome.allowed.length} allowed by ${flags.allow}\n`,
        );
      }
      if (outcome.findings.length > 0) ctx.exitCode = EXIT_CHECK_FAILED;
    });
}
