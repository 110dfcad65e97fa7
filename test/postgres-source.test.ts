/**
 * The PostgreSQL source (in-process) against the machine's PostgreSQL (127.0.0.1:5432, db `test`), in its
 * own schema, dropped afterwards: same output as ranking the same rows from an NDJSON file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/distributed-harness.js";
import { writeCandidates } from "./helpers/gen-candidates.js";

const URL = "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA = `ctest_pg_${process.pid}`;
const TMP = mkdtempSync(join(tmpdir(), "competency-pg-"));
const client = new pg.Client({ connectionString: URL });

beforeAll(async () => {
  try {
    await client.connect();
  } catch (cause) {
    throw new Error(
      `PostgreSQL is not reachable at ${URL} (${(cause as Error).message}): start PostgreSQL 15 with trust auth and a database "test"`,
    );
  }
  await client.query(`CREATE SCHEMA "${SCHEMA}"`);
  await client.query(`CREATE TABLE "${SCHEMA}".candidates (id text primary key, skills jsonb)`);
  const path = join(TMP, "gen.jsonl");
  await writeCandidates(path, 800, 5, false);
  const rows = readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; skills: unknown });
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await client.query(
      `INSERT INTO "${SCHEMA}".candidates (id, skills) SELECT * FROM unnest($1::text[], $2::jsonb[])`,
      [chunk.map((r) => r.id), chunk.map((r) => JSON.stringify(r.skills))],
    );
  }
  // A bad row: skills is an object, not a list.
  await client.query(`INSERT INTO "${SCHEMA}".candidates VALUES ('c400x', '{"name": "Go"}')`);
});

afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await client.end();
  rmSync(TMP, { recursive: true, force: true });
});

describe("rank --from-postgres", () => {
  it("prints what ranking the same rows from NDJSON prints, and reports the bad row like a bad line", async () => {
    const { rows } = await client.query<{ id: string; skills: string }>(
      `SELECT id, skills::text AS skills FROM "${SCHEMA}".candidates ORDER BY id`,
    );
    const file = join(TMP, "same-rows.jsonl");
    writeFileSync(file, rows.map((r) => `{"id":${JSON.stringify(r.id)},"skills":${r.skills}}\n`).join(""));
    const fromFile = await runCli(["rank", "examples/role.json", file, "--top", "15"]);
    const fromPg = await runCli([
      "rank",
      "examples/role.json",
      "--from-postgres",
      URL,
      "--table",
      `${SCHEMA}.candidates`,
      "--top",
      "15",
    ]);
    expect(fromPg.stdout).toBe(fromFile.stdout);
    expect(fromPg.stderr).toBe(fromFile.stderr);
    expect(fromPg.stderr).toMatch(/^error\[INVALID_INPUT\]: line \d+: /m);
    expect(fromPg.code).toBe(2);
    expect(fromPg.stdout.split("\n").filter(Boolean)).toHaveLength(15);
  });

  it("rejects a table name that is not a plain identifier, before any SQL runs", async () => {
    const got = await runCli([
      "rank",
      "examples/role.json",
      "--from-postgres",
      URL,
      "--table",
      `x"; DROP TABLE y; --`,
      "--top",
      "1",
    ]);
    expect(got.code).toBe(2);
    expect(got.stderr).toMatch(/^error\[INVALID_INPUT\]: .*--table must be/m);
  });
});
