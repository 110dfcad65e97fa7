import { z } from "zod";
import { MAX_NAME_LENGTH, MAX_SKILLS_PER_SIDE } from "../../defaults.js";

/** `0 <= value <= max`, `max >= 1`, both finite (zod 4 numbers reject ±Infinity). */
export const LevelSchema = z
  .object({
    value: z.number().min(0).describe("proficiency on the skill's own scale"),
    max: z.number().min(1).describe("top of the scale, e.g. 5 or 10"),
  })
  .refine((level) => level.value <= level.max, {
    path: ["value"],
    error: (issue) => {
      const level = issue.input as { value: number; max: number };
      return `level.value ${level.value} exceeds level.max ${level.max}`;
    },
  })
  .meta({ title: "Level", example: { value: 4, max: 5 } });

const NameSchema = z
  .string()
  .trim()
  .min(1, "name must not be blank")
  .max(MAX_NAME_LENGTH, `name must be at most ${MAX_NAME_LENGTH} characters`);

export const SkillSchema = z
  .object({ name: NameSchema, level: LevelSchema })
  .meta({ title: "Skill", example: { name: "React", level: { value: 4, max: 5 } } });

export const RequiredSkillSchema = z
  .object({
    name: NameSchema,
    level: LevelSchema,
    weight: z.number().positive().exactOptional().describe("share of the overall score; default 1"),
    mustHave: z.boolean().exactOptional().describe("a score below 0.5 caps the overall score"),
  })
  .meta({
    title: "RequiredSkill",
    example: { name: "TypeScript", level: { value: 3, max: 5 }, mustHave: true },
  });

export const SkillListSchema = z.array(SkillSchema).min(1).max(MAX_SKILLS_PER_SIDE);
export const RequiredListSchema = z.array(RequiredSkillSchema).min(1).max(MAX_SKILLS_PER_SIDE);

export const StrategySchema = z
  .enum(["default", "conservative", "aggressive"])
  .describe('scoring strategy; default "default"');
export const IncludeSchema = z
  .array(z.enum(["similarities", "pairwise"]))
  .max(2)
  .describe("extra O(n·m) maps to include in each result");
