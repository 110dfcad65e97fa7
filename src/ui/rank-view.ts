/**
 * Rank: a dropped NDJSON or CSV file of candidates, scored against the required skills in the editor through
 * POST /v1/rank in chunks (so a file of thousands of lines shows progress), merged into one ranking.
 */
import type { RankEntry } from "../matcher-types.js";
import { MAX_COST_PER_REQUEST } from "../service/service-defaults.js";
import { postJson } from "./api.js";
import { byId, fmt, h } from "./dom.js";
import { acceptDrop } from "./json-input.js";
import { type ParsedCandidate, parseCandidates } from "./parse-candidates.js";
import type { RequiredInput } from "./types.js";
import { type Issue, validateCandidates } from "./validate-request.js";

/** At most this many candidates per request, so progress moves on files of thousands of lines. */
const CHUNK = 250;
/** And at most this many characters of candidates per request: well under the 1 MiB body limit. */
const CHUNK_CHARS = 600_000;
/** And at most the service's default scoring budget (candidate skills × required skills) per request. */
const CHUNK_COST = MAX_COST_PER_REQUEST;
/** Requests in flight at once. */
const PARALLEL = 2;
const SHOWN = 100;
const MAX_ERRORS_SHOWN = 20;

type Ranked = {
  readonly id: string;
  readonly order: number;
  readonly score: number;
  readonly lower: number;
  readonly upper: number;
  readonly gaps: string;
};

export type RankInputs = {
  /** The required skills and strategy, validated; null when the editor has errors (already shown). */
  readonly role: () => { requiredSkills: RequiredInput[]; strategy: string } | null;
};

/** [start, end) of each request's candidates. */
function chunkBounds(candidates: readonly ParsedCandidate[], requiredCount: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let chars = 0;
  let cost = 0;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i] as ParsedCandidate;
    const size = JSON.stringify(candidate).length;
    const pairs = (Array.isArray(candidate.skills) ? candidate.skills.length : 1) * requiredCount;
    if (i > start && (i - start >= CHUNK || chars + size > CHUNK_CHARS || cost + pairs > CHUNK_COST)) {
      out.push([start, i]);
      start = i;
      chars = 0;
      cost = 0;
    }
    chars += size;
    cost += pairs;
  }
  if (start < candidates.length) out.push([start, candidates.length]);
  return out;
}

function showErrors(issues: readonly Issue[], lines: readonly number[]): void {
  const box = byId("rank-errors");
  const shown = issues.slice(0, MAX_ERRORS_SHOWN).map((issue) => {
    const index = issue.path[0] === "candidates" ? issue.path[1] : undefined;
    const line = typeof index === "number" ? lines[index] : undefined;
    return h("li", {}, line === undefined ? issue.message : `line ${line}: ${issue.message}`);
  });
  box.replaceChildren(
    h("p", {}, `${issues.length} problem${issues.length === 1 ? "" : "s"} in the file; nothing was sent.`),
    h("ul", {}, ...shown),
  );
  if (issues.length > MAX_ERRORS_SHOWN)
    box.append(h("p", {}, `… and ${issues.length - MAX_ERRORS_SHOWN} more`));
  box.hidden = false;
}

function renderTable(ranked: readonly Ranked[]): void {
  byId("rank-body").replaceChildren(
    ...ranked
      .slice(0, SHOWN)
      .map((r, k) =>
        h(
          "tr",
          {},
          h("td", {}, String(k + 1)),
          h("th", { scope: "row" }, r.id),
          h("td", {}, fmt(r.score, 3)),
          h("td", {}, `${fmt(r.lower)} – ${fmt(r.upper)}`),
          h("td", {}, r.gaps === "" ? "none" : r.gaps),
        ),
      ),
  );
  byId("rank-table").hidden = false;
  byId("rank-caption").textContent =
    ranked.length > SHOWN
      ? `Top ${SHOWN} of ${ranked.length} candidates`
      : `${ranked.length} candidates, best first`;
}

/** Wires the file input, the drop zone and the stop button. */
export function setUpRank(inputs: RankInputs): void {
  const file = byId<HTMLInputElement>("rank-file");
  const zone = byId("rank-drop");
  const status = byId("rank-status");
  const progress = byId<HTMLProgressElement>("rank-progress");
  const stop = byId<HTMLButtonElement>("rank-stop");
  let controller: AbortController | null = null;

  async function run(text: string, name: string): Promise<void> {
    controller?.abort();
    byId("rank-errors").hidden = true;
    byId("rank-table").hidden = true;
    const role = inputs.role();
    if (role === null) {
      status.textContent = "Fix the required skills above first; nothing was sent.";
      return;
    }
    const parsed = parseCandidates(text);
    const issues = [...parsed.issues, ...validateCandidates(parsed.candidates)];
    if (parsed.candidates.length === 0 && issues.length === 0) {
      issues.push({
        code: "empty",
        path: ["candidates"],
        message: "candidates: the file holds no candidates",
      });
    }
    if (issues.length > 0) {
      status.textContent = `${name}: not sent.`;
      showErrors(issues, parsed.lines);
      return;
    }
    const total = parsed.candidates.length;
    const ranked: Ranked[] = [];
    const own = new AbortController();
    controller = own;
    progress.max = total;
    progress.value = 0;
    progress.hidden = false;
    stop.hidden = false;
    status.textContent = `${name} (${parsed.format}): scoring ${total} candidates…`;
    const chunks = chunkBounds(parsed.candidates, role.requiredSkills.length);
    let next = 0;
    let done = 0;
    let failure: string | null = null;
    const worker = async (): Promise<void> => {
      while (failure === null && next < chunks.length) {
        const [start, end] = chunks[next++] as [number, number];
        const chunk = parsed.candidates.slice(start, end) as {
          id: string;
          skills: ParsedCandidate["skills"];
        }[];
        const outcome = await postJson<{ ranking: RankEntry[] }>(
          "/v1/rank",
          { requiredSkills: role.requiredSkills, candidates: chunk, strategy: role.strategy },
          own.signal,
        );
        if (!outcome.ok) {
          failure = `${outcome.error.code}: ${outcome.error.message}`;
          return;
        }
        for (const entry of outcome.value.ranking) {
          const order = start + chunk.findIndex((c) => c.id === entry.id);
          ranked.push({
            id: entry.id,
            order,
            score: entry.overallScore,
            lower: entry.result.overallInterval.lower,
            upper: entry.result.overallInterval.upper,
            gaps: entry.result.gaps
              .slice(0, 3)
              .map((g) => g.skillName)
              .join(", "),
          });
        }
        done += chunk.length;
        progress.value = done;
        status.textContent = `${name}: ${done} of ${total} candidates scored`;
      }
    };
    try {
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
      failure = "stopped";
    } finally {
      stop.hidden = true;
      if (controller === own) controller = null;
    }
    if (failure !== null) {
      status.textContent = `${name}: ${failure} (${done} of ${total} scored before it ended)`;
      return;
    }
    ranked.sort((a, b) => b.score - a.score || a.order - b.order);
    renderTable(ranked);
    status.textContent = `${name}: ranked ${total} candidates.`;
  }

  async function fromFile(f: File | undefined): Promise<void> {
    if (f === undefined) return;
    try {
      await run(await f.text(), f.name);
    } catch (error) {
      status.textContent = `${f.name}: could not be ranked: ${String(error)}`;
    }
  }

  file.addEventListener("change", () => void fromFile(file.files?.[0]));
  stop.addEventListener("click", () => controller?.abort());
  acceptDrop(zone, (text, name) => {
    run(text, name).catch((error: unknown) => {
      status.textContent = `${name}: could not be ranked: ${String(error)}`;
    });
  });
}
