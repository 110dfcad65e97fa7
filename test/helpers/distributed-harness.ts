import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { Redis } from "ioredis";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
export const REDIS_URL = "redis://127.0.0.1:6379";

/** Fails (never skips) with what to start when the machine's Redis is not there. */
export async function requireRedis(url = REDIS_URL): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (cause) {
    throw new Error(
      `Redis is not reachable at ${url} (${(cause as Error).message}): start it with \`redis-server --daemonize yes\` before the distributed tests`,
    );
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under `prefix:`. */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url);
  try {
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length > 0) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}

export type SpawnedWorker = {
  readonly proc: ChildProcess;
  readonly pid: number;
  stderr(): string;
  exited: Promise<number | null>;
};

/** Starts a real `competency worker` process (from sources, through tsx) and waits until it is ready. */
export async function spawnWorker(url: string, prefix: string, extra: string[] = []): Promise<SpawnedWorker> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/bin.ts", "worker", "--redis", url, "--prefix", prefix, ...extra],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
  let err = "";
  const exited = new Promise<number | null>((done) => proc.once("exit", (code) => done(code)));
  await new Promise<void>((ready, fail) => {
    proc.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes("ready")) ready();
    });
    exited.then((code) => fail(new Error(`worker exited with ${code} before ready: ${err}`)));
  });
  return { proc, pid: proc.pid as number, stderr: () => err, exited };
}

/** Ends a worker by its PID. */
export async function stopWorker(
  worker: SpawnedWorker,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<number | null> {
  if (worker.proc.exitCode === null && worker.proc.signalCode === null) process.kill(worker.pid, signal);
  return worker.exited;
}

/** Runs the CLI in this process with captured output. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = "";
  let stderr = "";
  out.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  err.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const io: CliIo = { stdin: Readable.from([]), stdout: out, stderr: err, env: process.env, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  return typeof address === "object" && address !== null ? address.port : 0;
}

/** Polls `check` every 50 ms until it returns true, or throws after `limitMs` with `what`. */
export async function until(what: string, check: () => Promise<boolean>, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
