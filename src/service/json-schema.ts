import { z } from "zod";

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, for route `schema` docs. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    reused: "inline",
  }) as Record<string, unknown>;
  return rest;
}

/** Same, for response bodies (output side of transforms). */
export function jsonSchemaOfOutput(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
    reused: "inline",
  }) as Record<string, unknown>;
  return rest;
}
