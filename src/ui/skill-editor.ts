/**
 * An editable table of skills: name, level value and max, plus weight and must-have for required skills.
 * Every input has its own label; errors sit next to their field and are tied to it with aria-describedby.
 */
import { h } from "./dom.js";
import type { RequiredInput, SkillInput } from "./types.js";
import type { Issue } from "./validate-request.js";

export type EditorKind = "candidate" | "required";
type Field = "name" | "value" | "max" | "weight" | "must";

export type SkillEditor = {
  read(): RequiredInput[];
  load(skills: readonly RequiredInput[]): void;
  /** Shows issues whose path starts at this editor's list; returns the first field it marked. */
  showIssues(issues: readonly Issue[]): HTMLElement | null;
  clearIssues(): void;
};

function fieldOfPath(rest: readonly (string | number)[]): Field {
  const [first, second] = rest;
  if (first === "level") return second === "max" ? "max" : "value";
  if (first === "weight") return "weight";
  if (first === "mustHave") return "must";
  return "name";
}

function readNumber(input: HTMLInputElement): number | undefined {
  if (input.validity.badInput) return Number.NaN;
  return input.value.trim() === "" ? undefined : Number(input.value);
}

/**
 * Builds the editor inside `fieldset` (which holds the legend). `onChange` fires on every edit, so the
 * permalink follows the inputs.
 */
export function createSkillEditor(
  fieldset: HTMLElement,
  kind: EditorKind,
  onChange: () => void,
): SkillEditor {
  const prefix = kind === "candidate" ? "cand" : "req";
  const noun = kind === "candidate" ? "Candidate skill" : "Required skill";
  const side = kind === "candidate" ? "candidateSkills" : "requiredSkills";
  const required = kind === "required";
  const body = h("tbody");
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Skill"),
    h("th", { scope: "col" }, "Level"),
    h("th", { scope: "col" }, "Max"),
    required && h("th", { scope: "col" }, "Weight"),
    required && h("th", { scope: "col" }, "Must-have"),
    h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Remove")),
  );
  const listError = h("p", { class: "field-error", id: `${prefix}-list-error` });
  const add = h("button", { type: "button", class: "secondary" }, `Add ${noun.toLowerCase()}`);
  fieldset.append(h("table", { class: "skills" }, h("thead", {}, head), body), listError, add);

  let rows: RequiredInput[] = [];

  const id = (row: number, field: Field) => `${prefix}-${row}-${field}`;

  function cell(row: number, field: Field, label: string, input: HTMLInputElement): HTMLTableCellElement {
    input.id = id(row, field);
    input.addEventListener("input", () => {
      clearField(input);
      onChange();
    });
    return h(
      "td",
      { class: `col-${field}` },
      h("label", { for: input.id, class: "sr-only" }, `${noun} ${row + 1} ${label}`),
      input,
      h("span", { class: "field-error", id: `${input.id}-error` }),
    );
  }

  function numberInput(value: number | undefined, step: string): HTMLInputElement {
    return h("input", {
      type: "number",
      step,
      inputmode: "decimal",
      value: value === undefined || Number.isNaN(value) ? "" : String(value),
    });
  }

  function renderRow(skill: RequiredInput, row: number): HTMLTableRowElement {
    const tr = h(
      "tr",
      {},
      cell(
        row,
        "name",
        "name",
        h("input", { type: "text", value: skill.name, autocomplete: "off", spellcheck: false }),
      ),
      cell(row, "value", "level value", numberInput(skill.level.value, "any")),
      cell(row, "max", "level max", numberInput(skill.level.max, "any")),
    );
    if (required) {
      tr.append(cell(row, "weight", "weight", numberInput(skill.weight, "any")));
      const must = h("input", { type: "checkbox" });
      must.checked = skill.mustHave === true;
      tr.append(cell(row, "must", "must-have", must));
    }
    const remove = h(
      "button",
      { type: "button", class: "remove", "aria-label": `Remove ${noun.toLowerCase()} ${row + 1}` },
      "×",
    );
    remove.addEventListener("click", () => {
      rows = read();
      rows.splice(row, 1);
      render();
      onChange();
      const next = document.getElementById(id(Math.min(row, rows.length - 1), "name"));
      (next ?? add).focus();
    });
    tr.append(h("td", { class: "col-remove" }, remove));
    return tr;
  }

  function render(): void {
    body.replaceChildren(...rows.map(renderRow));
    listError.textContent = "";
  }

  function input(row: number, field: Field): HTMLInputElement | null {
    return document.getElementById(id(row, field)) as HTMLInputElement | null;
  }

  function read(): RequiredInput[] {
    const out: RequiredInput[] = [];
    for (let row = 0; row < body.rows.length; row++) {
      const level: SkillInput["level"] = {};
      const value = readNumber(input(row, "value") as HTMLInputElement);
      const max = readNumber(input(row, "max") as HTMLInputElement);
      if (value !== undefined) level.value = value;
      if (max !== undefined) level.max = max;
      const skill: RequiredInput = { name: (input(row, "name") as HTMLInputElement).value, level };
      if (required) {
        const weight = readNumber(input(row, "weight") as HTMLInputElement);
        if (weight !== undefined) skill.weight = weight;
        if ((input(row, "must") as HTMLInputElement).checked) skill.mustHave = true;
      }
      out.push(skill);
    }
    return out;
  }

  function clearField(el: HTMLInputElement): void {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
    const error = document.getElementById(`${el.id}-error`);
    if (error !== null) error.textContent = "";
  }

  function clearIssues(): void {
    for (const el of fieldset.querySelectorAll<HTMLInputElement>("input[aria-invalid]")) clearField(el);
    listError.textContent = "";
  }

  function showIssues(issues: readonly Issue[]): HTMLElement | null {
    let first: HTMLElement | null = null;
    for (const issue of issues) {
      if (issue.path[0] !== side) continue;
      const row = issue.path[issue.path[1] === "skills" ? 2 : 1];
      const target = typeof row === "number" ? input(row, fieldOfPath(issue.path.slice(2))) : null;
      if (target === null) {
        listError.textContent = issue.message;
        first ??= add;
        continue;
      }
      const error = document.getElementById(`${target.id}-error`) as HTMLElement;
      error.textContent = error.textContent === "" ? issue.message : `${error.textContent}; ${issue.message}`;
      target.setAttribute("aria-invalid", "true");
      target.setAttribute("aria-describedby", error.id);
      first ??= target;
    }
    return first;
  }

  add.addEventListener("click", () => {
    rows = read();
    rows.push({ name: "", level: { value: 3, max: 5 } });
    render();
    onChange();
    input(rows.length - 1, "name")?.focus();
  });

  return {
    read,
    load(skills) {
      rows = skills.map((s) => ({ ...s, level: { ...s.level } }));
      render();
    },
    showIssues,
    clearIssues,
  };
}
