/**
 * Swagger UI at /docs in real headless Chromium against a real server: it renders every operation under the
 * service's Content-Security-Policy with no console error and no request off the host.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher } from "../src/index.js";
import { SWAGGER_UI_CSP } from "../src/service/routes/docs.js";
import { type ServerHandle, startServer } from "../src/service/server.js";
import { resolveServiceOptions } from "../src/service/service-options.js";
import { launchBrowser } from "./helpers/launch-browser.js";

let handle: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  handle = await startServer({
    matcher: createMatcher(),
    options: resolveServiceOptions({ port: 0, logLevel: "silent", rateLimitMax: 0 }),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

describe("Swagger UI under the CSP", () => {
  it("renders every documented operation with no console error and nothing loaded off the host", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const offHost: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith(handle.url) && !r.url().startsWith("data:")) offHost.push(r.url());
    });
    const response = await page.goto(`${handle.url}/docs/static/index.html`, { waitUntil: "networkidle" });
    expect(response?.headers()["content-security-policy"]).toBe(SWAGGER_UI_CSP);
    expect(SWAGGER_UI_CSP).not.toMatch(/script-src[^;]*unsafe/);
    await page.locator(".opblock").first().waitFor();
    const documented = (await (await fetch(`${handle.url}/openapi.json`)).json()) as { paths: object };
    let operations = 0;
    for (const path of Object.values(documented.paths as Record<string, object>))
      operations += Object.keys(path).length;
    expect(await page.locator(".opblock").count()).toBe(operations);
    expect(problems).toEqual([]);
    expect(offHost).toEqual([]);
    await page.close();
  });
});
