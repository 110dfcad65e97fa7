import type pg from "pg";
import { CompetencyError } from "../errors.js";
import type { Line } from "./read-lines.js";

const IDENT = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/**
 * Validates `schema.table` or `table` and returns it quoted for SQL. Names are never pasted: each part must
 * be a plain identifier, and is then double-quoted (case kept).
 */
export function quoteTableName(name: string): string {
  const parts = name.split(".");
  if (parts.length > 2 || !parts.every((p) => IDENT.test(p)))
    throw new CompetencyError(
      "INVALID_INPUT",
      `--table must be table or schema.table of letters, digits and _, got ${JSON.stringify(name)}`,
    );
  return parts.map((p) => `"${p}"`).join(".");
}

/**
 * Streams the rows of a table `(id text primary key, skills jsonb)` in id order with a server-side cursor,
 * as NDJSON-shaped lines (`{"id":…,"skills":…}`) numbered by row (1-based), in chunks of `chunkSize`.
 * Each line then goes through the same parser and scorer as a file line, so a bad row is reported and
 * skipped exactly like a bad NDJSON line.
 */
export async function* readPostgresLines(
  url: string,
  table: string,
  chunkSize: number,
): AsyncGenerator<Line[]> {
  const quoted = quoteTableName(table);
  const { default: pgModule } = await import("pg");
  const { default: Cursor } = await import("pg-cursor");
  const client: pg.Client = new pgModule.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (cause) {
    throw new CompetencyError(
      "FILE_UNREADABLE",
      `PostgreSQL at ${url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@")} (${(cause as Error).message})`,
      { cause },
    );
  }
  try {
    const cursor = client.query(new Cursor(`SELECT id, skills::text AS skills FROM ${quoted} ORDER BY id`));
    let lineNo = 0;
    try {
      for (;;) {
        const rows = (await cursor.read(chunkSize)) as { id: string | null; skills: string | null }[];
        if (rows.length === 0) break;
        const lines: Line[] = [];
        for (const row of rows) {
          lineNo++;
          lines.push({ lineNo, text: `{"id":${JSON.stringify(row.id)},"skills":${row.skills ?? "null"}}` });
        }
        yield lines;
      }
    } catch (cause) {
      throw new CompetencyError("FILE_UNREADABLE", `table ${quoted}: ${(cause as Error).message}`, { cause });
    } finally {
      await cursor.close();
    }
  } finally {
    await client.end();
  }
}
