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

/** A row as the NDJSON-shaped line the parser reads (the same text in-process and on a worker). */
export function rowToLine(row: { id: string | null; skills: string | null }, lineNo: number): Line {
  return { lineNo, text: `{"id":${JSON.stringify(row.id)},"skills":${row.skills ?? "null"}}` };
}

/** Connects a client, turning a failure into FILE_UNREADABLE with the URL's password masked. */
export async function connectPostgres(url: string): Promise<pg.Client> {
  const { default: pgModule } = await import("pg");
  const client: pg.Client = new pgModule.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => {});
    throw new CompetencyError(
      "FILE_UNREADABLE",
      `PostgreSQL at ${redactPostgresUrl(url)} (${(cause as Error).message})`,
      { cause },
    );
  }
  return client;
}

/** The URL without its password (userinfo or `password=` parameter), for messages and for job data. */
export function redactPostgresUrl(url: string, mask = "***"): string {
  return url
    .replace(/\/\/([^:@/]*):[^@/]*@/, mask === "" ? "//$1@" : `//$1:${mask}@`)
    .replace(/([?&])password=[^&]*(&?)/gi, (_m, lead: string, tail: string) =>
      mask === "" ? (tail === "" ? "" : lead) : `${lead}password=${mask}${tail}`,
    );
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
  const { default: Cursor } = await import("pg-cursor");
  const client = await connectPostgres(url);
  try {
    const cursor = client.query(new Cursor(`SELECT id, skills::text AS skills FROM ${quoted} ORDER BY id`));
    let lineNo = 0;
    try {
      for (;;) {
        const rows = (await cursor.read(chunkSize)) as { id: string | null; skills: string | null }[];
        if (rows.length === 0) break;
        const lines: Line[] = [];
        for (const row of rows) lines.push(rowToLine(row, ++lineNo));
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
