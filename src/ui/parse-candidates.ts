/**
 * Candidates from a dropped file: NDJSON (`{ "id", "skills" }` per line, as `competency rank` reads) or CSV
 * (one row per candidate: the id, then skills as `name:value/max`, one per cell or several split by `;`).
 * Parsing only shapes the data; validate-request.ts checks it with the service's rules.
 */
import type { Issue } from "../errors.js";

export type ParsedCandidate = { id: unknown; skills: unknown };
export type ParsedFile = {
  readonly candidates: ParsedCandidate[];
  /** 1-based line of each candidate in the file, for messages. */
  readonly lines: number[];
  /** Problems that stop a line from becoming a candidate at all (bad JSON, no skills column). */
  readonly issues: Issue[];
};

const SKILL_CELL = /^(.+):\s*([^:/]*)\/\s*([^:/]*)$/;

/** `"NDJSON"` when the first non-blank character opens an object, else `"CSV"`. */
export function detectFormat(text: string): "NDJSON" | "CSV" {
  return /^\s*\{/.test(text) ? "NDJSON" : "CSV";
}

function parseNdjson(text: string): ParsedFile {
  const out: ParsedFile = { candidates: [], lines: [], issues: [] };
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const line = (rows[i] as string).trim();
    if (line === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      out.issues.push({
        code: "invalid_type",
        path: ["line", i + 1],
        message: `line ${i + 1}: not valid JSON: ${(error as Error).message}`,
      });
      continue;
    }
    const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
    out.candidates.push({ id: record.id ?? `line ${i + 1}`, skills: record.skills ?? value });
    out.lines.push(i + 1);
  }
  return out;
}

/** RFC 4180 fields: commas separate, double quotes wrap, `""` inside quotes is a quote. */
export function splitCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A skill cell `name:value/max`; the value and max stay raw when they are not numbers, so validation says so. */
function parseSkillCell(cell: string): unknown {
  const m = SKILL_CELL.exec(cell.trim());
  if (m === null) return cell;
  const number = (raw: string): unknown =>
    raw.trim() === "" || Number.isNaN(Number(raw)) ? raw : Number(raw);
  return {
    name: (m[1] as string).trim(),
    level: { value: number(m[2] as string), max: number(m[3] as string) },
  };
}

function parseCsv(text: string): ParsedFile {
  const out: ParsedFile = { candidates: [], lines: [], issues: [] };
  const rows = splitCsvRows(text);
  for (let i = 0; i < rows.length; i++) {
    const cells = (rows[i] as string[]).map((c) => c.trim());
    if (cells.every((c) => c === "")) continue;
    const skillCells = cells
      .slice(1)
      .flatMap((c) => c.split(";").map((s) => s.trim()))
      .filter((c) => c !== "");
    // A header row: no cell after the id looks like a skill.
    if (out.candidates.length === 0 && !skillCells.some((c) => SKILL_CELL.test(c))) continue;
    out.candidates.push({ id: cells[0], skills: skillCells.map(parseSkillCell) });
    out.lines.push(i + 1);
  }
  return out;
}

/** Parses a candidates file in either format. */
export function parseCandidates(text: string): ParsedFile & { readonly format: "NDJSON" | "CSV" } {
  const format = detectFormat(text);
  return { format, ...(format === "NDJSON" ? parseNdjson(text) : parseCsv(text)) };
}
