import { createHash } from "node:crypto";
import type pg from "pg";
import { CompetencyError } from "../errors.js";
import { type LineChunks, sliceChunks } from "./ndjson-ranges.js";
import { connectPostgres, quoteTableName, rowToLine } from "./postgres-lines.js";
import type { Line } from "./read-lines.js";

/** One shard of a table: the rows with `after < id <= upTo` (`after` null: from the first id), in id order. */
export type KeyRange = {
  readonly index: number;
  /** Exclusive lower bound; null for the first range. */
  readonly after: string | null;
  /** Inclusive upper bound: the last id of the range. */
  readonly upTo: string;
  /** Row number (1-based, in id order) of the range's first row: its line number in-process. */
  readonly firstLineNo: number;
  readonly lines: number;
  /** SHA-256 of the range's ids (each JSON-encoded and followed by `\n`). */
  readonly sha256: string;
};

/** The split of a table into key ranges, and the identity of its ids. */
export type KeysetPlan = {
  readonly ranges: readonly KeyRange[];
  readonly lines: number;
  /** SHA-256 of the row count and the ranges' checksums. */
  readonly sha256: string;
};

const PLAN_FETCH_ROWS = 10_000;

function hashIds(): { add(id: string): void; digest(): string } {
  const hash = createHash("sha256");
  return { add: (id) => hash.update(`${JSON.stringify(id)}\n`), digest: () => hash.digest("hex") };
}

/**
 * Reads only the ids of `table` in order (server-side cursor) and cuts a range every `linesPerRange` ids,
 * never between two equal ids, so that a range query returns exactly the planned rows. A null id is an
 * error: keyset ranges cannot reach it (the table must have `id text primary key`).
 */
export async function planKeyRanges(url: string, table: string, linesPerRange: number): Promise<KeysetPlan> {
  const quoted = quoteTableName(table);
  const { default: Cursor } = await import("pg-cursor");
  const client = await connectPostgres(url);
  const ranges: KeyRange[] = [];
  let ids = hashIds();
  let after: string | null = null;
  let last: string | null = null;
  let inRange = 0;
  let lineNo = 1;
  const close = (): void => {
    ranges.push({
      index: ranges.length,
      after,
      upTo: last as string,
      firstLineNo: lineNo,
      lines: inRange,
      sha256: ids.digest(),
    });
    after = last;
    lineNo += inRange;
    inRange = 0;
    ids = hashIds();
  };
  try {
    const cursor = client.query(new Cursor(`SELECT id FROM ${quoted} ORDER BY id`, [], { rowMode: "array" }));
    try {
      for (;;) {
        const rows = (await cursor.read(PLAN_FETCH_ROWS)) as [string | null][];
        if (rows.length === 0) break;
        for (const [id] of rows) {
          if (typeof id !== "string")
            throw new CompetencyError(
              "INVALID_INPUT",
              `table ${quoted}: an id is ${id === null ? "null" : typeof id}; --redis needs id text primary key`,
            );
          if (inRange >= linesPerRange && id !== last) close();
          ids.add(id);
          last = id;
          inRange++;
        }
      }
    } catch (cause) {
      if (cause instanceof CompetencyError) throw cause;
      throw new CompetencyError("FILE_UNREADABLE", `table ${quoted}: ${(cause as Error).message}`, { cause });
    } finally {
      await cursor.close().catch(() => {});
    }
  } finally {
    await client.end();
  }
  if (inRange > 0) close();
  const identity = createHash("sha256").update(String(lineNo - 1));
  for (const r of ranges) identity.update(`\n${r.sha256}`);
  return { ranges, lines: lineNo - 1, sha256: identity.digest("hex") };
}

/**
 * Reads one key range with `client` (`WHERE id > $1 AND id <= $2 ORDER BY id`), checks its row count and
 * the checksum of its ids against the plan (a table changed since planning is INPUT_CHANGED), and returns
 * its rows as lines numbered as the in-process reader numbers them.
 */
export async function readKeyRange(
  client: pg.Client,
  table: string,
  range: Omit<KeyRange, "index">,
): Promise<LineChunks> {
  const quoted = quoteTableName(table);
  const where = range.after === null ? "id <= $1" : "id > $1 AND id <= $2";
  const params = range.after === null ? [range.upTo] : [range.after, range.upTo];
  let rows: { id: string | null; skills: string | null }[];
  try {
    const result = await client.query<{ id: string | null; skills: string | null }>(
      `SELECT id, skills::text AS skills FROM ${quoted} WHERE ${where} ORDER BY id`,
      params,
    );
    rows = result.rows;
  } catch (cause) {
    throw new CompetencyError("FILE_UNREADABLE", `table ${quoted}: ${(cause as Error).message}`, { cause });
  }
  const ids = hashIds();
  const lines: Line[] = [];
  for (const row of rows) {
    ids.add(row.id as string);
    lines.push(rowToLine(row, range.firstLineNo + lines.length));
  }
  const actual = ids.digest();
  if (rows.length !== range.lines || actual !== range.sha256)
    throw new CompetencyError(
      "INPUT_CHANGED",
      `table ${quoted} ids (${JSON.stringify(range.after)}, ${JSON.stringify(range.upTo)}]: ${rows.length} rows, sha256 ${actual.slice(0, 12)}… ≠ planned ${range.lines} rows, ${range.sha256.slice(0, 12)}…`,
    );
  return { physicalLines: rows.length, chunks: (size) => sliceChunks(lines, size) };
}
