/**
 * Headless Chromium from npm alone: `@sparticuz/chromium` ships the binary brotli-packed in its tarball and
 * `playwright-core` drives it. No system browser, no download.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Browser, chromium } from "playwright-core";

const require = createRequire(import.meta.url);

/** Where the inflated browser lives: one directory per package version, shared by every test process. */
function browserDir(): string {
  // The package does not export its package.json; its entry sits two levels below the package root.
  const entry = require.resolve("@sparticuz/chromium");
  const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  return join(tmpdir(), `competency-chromium-${pkg.version}`);
}

/**
 * Inflates the binary once. The package inflates into `os.tmpdir()` and trusts any `chromium` file already
 * there, so a concurrent reader could see a half-written binary. We inflate in a child whose TMPDIR is a
 * private staging directory, then publish it with one atomic rename; a loser of the race drops its copy.
 */
function ensureInflated(): string {
  const dir = browserDir();
  const binary = join(dir, "chromium");
  if (existsSync(binary)) return binary;
  mkdirSync(dirname(dir), { recursive: true });
  const staging = mkdtempSync(`${dir}.staging-`);
  try {
    execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const m = await import("@sparticuz/chromium"); await m.default.executablePath();',
      ],
      { env: { ...process.env, TMPDIR: staging }, cwd: process.cwd(), stdio: ["ignore", "ignore", "pipe"] },
    );
    // The package's fonts.conf names /tmp/fonts; ours names the fonts it actually unpacked.
    writeFileSync(
      join(staging, "fonts", "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, "fonts", "fonts")}</dir>\n  <cachedir>${join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(binary)) throw error;
    }
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/** Flags from the package, minus the ones that only make sense on AWS Lambda or that Playwright sets itself. */
async function launchArgs(): Promise<string[]> {
  const { default: packaged } = await import("@sparticuz/chromium");
  const dropped = new Set([
    "--single-process",
    "--no-zygote",
    "--headless='shell'",
    "--disable-web-security",
  ]);
  const args = packaged.args.filter((arg) => !dropped.has(arg));
  // Our closed network refuses Chromium's background connections; do not make them.
  return [
    ...args,
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ];
}

/** Launches headless Chromium from the npm package. The caller closes the browser. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = ensureInflated();
  const dir = dirname(executablePath);
  return chromium.launch({
    executablePath,
    headless: true,
    args: await launchArgs(),
    env: { ...process.env, FONTCONFIG_PATH: join(dir, "fonts"), HOME: dir },
  });
}
