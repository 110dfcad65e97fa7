/**
 * Calls to the service from the page. The API key, when the service needs one, lives in this module's
 * memory, or in sessionStorage (this tab only) when the person asks for that; never in localStorage.
 */
import type { ApiError } from "./types.js";

const KEY_ITEM = "competency-api-key";

export type ApiOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly error: ApiError };

let apiKey: string | undefined;

/** Sets the key; `remember` keeps it in sessionStorage for this tab, otherwise it is dropped from there. */
export function setApiKey(key: string, remember: boolean): void {
  apiKey = key === "" ? undefined : key;
  try {
    if (remember && apiKey !== undefined) sessionStorage.setItem(KEY_ITEM, apiKey);
    else sessionStorage.removeItem(KEY_ITEM);
  } catch {
    // Storage can be disabled; the key then lives in memory only, which is the safe default anyway.
  }
}

/** The key kept for this tab, if any. */
export function storedApiKey(): string | undefined {
  try {
    return sessionStorage.getItem(KEY_ITEM) ?? undefined;
  } catch {
    return undefined;
  }
}

/** POSTs JSON and returns the parsed body or the service's error, never throwing for HTTP errors. */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<ApiOutcome<T>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return {
      ok: false,
      status: 0,
      error: { code: "NETWORK", message: `the service did not answer: ${String(error)}` },
    };
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (response.ok) return { ok: true, value: parsed as T };
  const error = (parsed as { error?: ApiError } | undefined)?.error ?? {
    code: `HTTP_${response.status}`,
    message: text.slice(0, 200),
  };
  return { ok: false, status: response.status, error };
}
