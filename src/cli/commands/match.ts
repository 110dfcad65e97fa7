import { type Command, Option } from "commander";
import type { RequiredSkill, Skill, Strategy } from "../../core/types.js";
import { CompetencyError } from "../../errors.js";
import type { CliContext } from "../cli-context.js";
import { formatExplanations, formatTable } from "../format-table.js";
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

type MatchFlags = { strategy: Strategy; format: "json" | "table"; explain?: true };

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
    .addHelpText("after", EXAMPLES)
    .action(async (candidatePath: string, rolePath: string, flags: MatchFlags) => {
      if (candidatePath === "-" && rolePath === "-") {
        throw new CompetencyError("INVALID_INPUT", "only one of the two inputs can be - (stdin)");
      }
      const candidate = await readJson(candidatePath, ctx.io.stdin);
      const role = await readJson(rolePath, ctx.io.stdin);
      await withMatcher(ctx, async (matcher) => {
        // The matcher validates both values itself, including the { "skills": [...] } form.
        const result = await matcher.match(candidate as readonly Skill[], role as readonly RequiredSkill[], {
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
