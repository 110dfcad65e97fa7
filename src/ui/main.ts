/**
 * The playground page: skill editors pre-filled with the bundled example, Match with a forest plot, rank of
 * a dropped file, permalinks and copy-as-JSON/curl. Plain DOM, no framework; esbuild bundles this module.
 */
import candidateExample from "../../examples/candidate.json" with { type: "json" };
import roleExample from "../../examples/role.json" with { type: "json" };
import type { Strategy } from "../core/types.js";
import { postJson } from "./api.js";
import { setUpAuthPrompt } from "./auth-prompt.js";
import { copyText } from "./copy-text.js";
import { byId, h } from "./dom.js";
import { setUpJsonInput } from "./json-input.js";
import { decodePermalink, encodePermalink } from "./permalink.js";
import { setUpRank } from "./rank-view.js";
import { renderResult } from "./result-view.js";
import { asCurl, asJson, requestBody } from "./share-text.js";
import { createSkillEditor } from "./skill-editor.js";
import { type MatchRequest, type PageResult, STRATEGIES } from "./types.js";
import { type Issue, summarizeIssues, validateMatchRequest } from "./validate-request.js";

const EXAMPLE: MatchRequest = {
  candidateSkills: candidateExample.skills,
  requiredSkills: roleExample.skills,
  strategy: "default",
};
const needsKey =
  document.querySelector('meta[name="competency-auth"]')?.getAttribute("content") === "required";

const form = byId<HTMLFormElement>("match-form");
const strategy = byId<HTMLSelectElement>("strategy");
const results = byId("results");
const status = byId("match-status");
const formErrors = byId("form-errors");
let permalinkTimer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;
let finished = 0;

/** Ends a Match attempt in `state`; `data-run` counts attempts so a waiter can tell this one from the last. */
function finish(state: "done" | "error" | "invalid"): void {
  results.dataset.state = state;
  results.dataset.run = String(++finished);
}

const candidate = createSkillEditor(byId("candidate-editor"), "candidate", onEdit);
const required = createSkillEditor(byId("required-editor"), "required", onEdit);

function currentRequest(): MatchRequest {
  const value = strategy.value as Strategy;
  return {
    candidateSkills: candidate.read().map((s) => ({ name: s.name, level: s.level })),
    requiredSkills: required.read(),
    strategy: STRATEGIES.includes(value) ? value : "default",
  };
}

function load(request: Partial<MatchRequest>): void {
  if (request.candidateSkills !== undefined) candidate.load(request.candidateSkills);
  if (request.requiredSkills !== undefined) required.load(request.requiredSkills);
  if (request.strategy !== undefined) strategy.value = request.strategy;
  clearIssues();
}

function onEdit(): void {
  clearTimeout(permalinkTimer);
  permalinkTimer = setTimeout(() => history.replaceState(null, "", encodePermalink(currentRequest())), 200);
}

function clearIssues(): void {
  candidate.clearIssues();
  required.clearIssues();
  formErrors.replaceChildren();
  formErrors.hidden = true;
}

/** Marks each issue on its field and lists them all; focus goes to the first bad field. */
function showIssues(code: string, issues: readonly Issue[]): void {
  const inCandidate = candidate.showIssues(issues);
  const inRequired = required.showIssues(issues);
  formErrors.replaceChildren(
    h("p", {}, h("strong", {}, code), `: ${summarizeIssues(issues)}`),
    h(
      "ul",
      {},
      ...issues.map((issue) => h("li", { "data-code": issue.code }, `${issue.code}: ${issue.message}`)),
    ),
  );
  formErrors.hidden = false;
  (inCandidate ?? inRequired ?? formErrors).focus();
}

async function match(): Promise<void> {
  performance.clearMarks("match:start");
  performance.mark("match:start");
  const mine = ++sequence;
  clearIssues();
  const request = currentRequest();
  const issues = validateMatchRequest(request);
  if (issues.length > 0) {
    status.textContent = "Not sent: fix the marked fields.";
    showIssues("INVALID_INPUT", issues);
    finish("invalid");
    return;
  }
  clearTimeout(permalinkTimer);
  history.replaceState(null, "", encodePermalink(request));
  results.dataset.state = "loading";
  results.setAttribute("aria-busy", "true");
  status.textContent = "Scoring…";
  const outcome = await postJson<PageResult>("/v1/match", requestBody(request));
  if (mine !== sequence) return; // a newer Match superseded this one
  results.removeAttribute("aria-busy");
  if (!outcome.ok) {
    status.textContent = `${outcome.error.code}: ${outcome.error.message}`;
    if (outcome.error.issues !== undefined && outcome.error.issues.length > 0) {
      showIssues(outcome.error.code, outcome.error.issues as Issue[]);
    }
    if (outcome.status === 401) byId("api-key").focus();
    finish("error");
    return;
  }
  renderResult(outcome.value, request);
  performance.mark("match:plotted");
  performance.measure("match:click-to-plot", "match:start", "match:plotted");
  status.textContent = `Scored ${request.requiredSkills.length} required skills.`;
  finish("done");
  // After the next frame has been produced: the plot is on screen.
  const run = results.dataset.run;
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark("match:painted");
      performance.measure("match:click-to-paint", "match:start", "match:painted");
      if (run !== undefined) results.dataset.painted = run;
    }, 0),
  );
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void match();
});
byId("reset-example").addEventListener("click", () => {
  load(EXAMPLE);
  onEdit();
});
byId("copy-link").addEventListener("click", () =>
  copyText(location.origin + location.pathname + encodePermalink(currentRequest()), "The link"),
);
byId("copy-json").addEventListener("click", () => copyText(asJson(currentRequest()), "The request JSON"));
byId("copy-curl").addEventListener("click", () =>
  copyText(asCurl(currentRequest(), location.origin, needsKey), "The curl command"),
);
window.addEventListener("hashchange", () => {
  const linked = decodePermalink(location.hash);
  if (linked === null) return;
  load(linked);
  void match();
});

strategy.addEventListener("change", onEdit);
setUpAuthPrompt(needsKey);
setUpJsonInput((request) => {
  load(request);
  onEdit();
  status.textContent = "Loaded. Press Match to score.";
});
setUpRank({
  role: () => {
    clearIssues();
    const request = currentRequest();
    const issues = validateMatchRequest(request).filter((i) => i.path[0] !== "candidateSkills");
    if (issues.length > 0) {
      showIssues("INVALID_INPUT", issues);
      return null;
    }
    return { requiredSkills: request.requiredSkills, strategy: request.strategy };
  },
});
const linked = decodePermalink(location.hash);
load(linked ?? EXAMPLE);
document.body.dataset.ready = "true";
performance.mark("playground:interactive");
if (linked !== null) void match();
