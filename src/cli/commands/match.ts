import { type Command, Option } from "commander";
import type { RequiredSkill, Strategy } from "../../core/types.js";
import { CompetencyError } from "../../errors.js";
import { throwIssues } from "../../validate/throw-issues.js";
import { type Validated, validateSkillFile } from "../../validate/validate-request.js";
import type { CliContext } from "../cli-context.js";
import { formatExplanations, formatTable } from "../format-table.js";
import { maxInputBytesOption } from "../max-input-bytes-option.js";
import { readJson } from "../read-input.js";
import { writeText } from "../stream/write-text.js";
import { withMatcher } from "../with-matcher.js";

const EXAMPLES = `
Each file holds a JSON array of skills or { "skills": [...] }; a skill is
{ "name": "TypeScript", "level": { "value": 4, "max": 5 } } and a required skill may add
"weight" (> 0) and "mustHave" (boolean). Pass - to read one of them from stdin.

Examples:
  $ competency match examples/candidate.json examples/role.json
  $ competency match examples/candidate.json examples/role.json --format table --explain
  $ competency match --strategy conservative - examples/role.json < candidate.json
`;

const skillsOf = (v: Validated<readonly RequiredSkill[]>): readonly RequiredSkill[] => (v.ok ? v.value : []);

type MatchFlags = { strategy: Strategy; format: "json" | "table"; explain?: true; maxInputBytes: number };

/** `competency match <candidate.json> <role.json>`: prints the result JSON (or a table) on stdout. */
export function registerMatchCommand(program: Command, ctx: CliContext): void {
  program
    .command("match")
    .description("score one candidate against one role")
    .argument("<candidate.json>", "candidate skills (file or - for stdin)")
    .argument("<role.json>", "required skills (file or - for stdin)")
    .addOption(
      new Option("--strategy <name>", "scoring strategy")
        .choices(["default", "conservative", "aggressive"])
        .default("default"),
    )
    .addOption(new Option("--format <format>", "output format").choices(["json", "table"]).default("json"))
    .option("--explain", "print a one-line explanation per required skill")
    .addOption(maxInputBytesOption())
    .addHelpText("after", EXAMPLES)
    .action(async (candidatePath: string, rolePath: string, flags: MatchFlags) => {
      if (candidatePath === "-" && rolePath === "-") {
        throw new CompetencyError("INVALID_INPUT", "only one of the two inputs can be - (stdin)");
      }
      const label = (what: string, path: string) => `${what} ${path === "-" ? "(stdin)" : path}`;
      // The shared validator, strict as over HTTP: unknown and prototype keys, controls in names, weights.
      const candidate = validateSkillFile(
        await readJson(candidatePath, ctx.io.stdin, flags.maxInputBytes),
        label("candidate", candidatePath),
        false,
      );
      const role = validateSkillFile(
        await readJson(rolePath, ctx.io.stdin, flags.maxInputBytes),
        label("role", rolePath),
        true,
      );
      throwIssues([...(candidate.ok ? [] : candidate.issues), ...(role.ok ? [] : role.issues)]);
      await withMatcher(ctx, async (matcher) => {
        const result = await matcher.match(skillsOf(candidate), skillsOf(role), {
          strategy: flags.strategy,
        });
        if (flags.format === "table") {
          await writeText(ctx.io.stdout, formatTable(result, flags.explain === true));
          return;
        }
        await writeText(ctx.io.stdout, `${JSON.stringify(result, null, 2)}\n`);
        if (flags.explain === true) await writeText(ctx.io.stderr, formatExplanations(result));
      });
    });
}
