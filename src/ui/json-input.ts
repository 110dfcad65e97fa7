/** "Paste JSON" and JSON files chosen for, or dropped on, an editor. */
import { byId } from "./dom.js";
import { loadRequestJson } from "./load-json.js";
import type { MatchRequest } from "./types.js";

type Target = "both" | "candidate" | "required";

/** Makes `zone` accept a dropped file, handing its text to `onText`. */
export function acceptDrop(zone: HTMLElement, onText: (text: string, name: string) => void): void {
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void file.text().then((text) => onText(text, file.name));
  });
}

/** Wires the paste box and both editors' file inputs and drop zones; `onLoad` receives what was read. */
export function setUpJsonInput(onLoad: (request: Partial<MatchRequest>) => void): void {
  const error = byId("json-error");
  const apply = (text: string, target: Target) => {
    const loaded = loadRequestJson(text, target);
    error.textContent = loaded.ok ? "" : loaded.message;
    if (loaded.ok) onLoad(loaded.request);
  };
  byId("load-json").addEventListener("click", () =>
    apply(byId<HTMLTextAreaElement>("json-input").value, "both"),
  );
  const editors: [string, string, Target][] = [
    ["candidate-editor", "cand-file", "candidate"],
    ["required-editor", "req-file", "required"],
  ];
  for (const [zoneId, inputId, target] of editors) {
    const input = byId<HTMLInputElement>(inputId);
    input.addEventListener("change", () => {
      void input.files?.[0]?.text().then((text) => apply(text, target));
    });
    acceptDrop(byId(zoneId), (text) => apply(text, target));
  }
  // A file dropped anywhere else must not make the browser leave the page to show it.
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", (event) => event.preventDefault());
}
