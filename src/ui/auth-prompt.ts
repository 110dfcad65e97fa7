/** The API key field, shown only when the service requires a key (the page's `competency-auth` meta tag). */
import { setApiKey, storedApiKey } from "./api.js";
import { byId } from "./dom.js";

export function setUpAuthPrompt(needsKey: boolean): void {
  if (!needsKey) return;
  byId("auth").hidden = false;
  const key = byId<HTMLInputElement>("api-key");
  const remember = byId<HTMLInputElement>("remember-key");
  const kept = storedApiKey();
  if (kept !== undefined) {
    key.value = kept;
    remember.checked = true;
    setApiKey(kept, true);
  }
  const update = () => setApiKey(key.value.trim(), remember.checked);
  key.addEventListener("input", update);
  remember.addEventListener("change", update);
}
