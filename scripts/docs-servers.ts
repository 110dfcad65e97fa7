/**
 * The real `competency serve` processes that docs/http.md's curl examples run against. A block's
 * `<!-- docs-check: server KEY=VALUE … -->` comment names the environment its server starts with; each
 * distinct comment gets its own fresh server (so a rate-limit or metrics example sees only its own
 * requests), started on a free port the first time a block needs it and stopped by PID at the end.
 */
import { type ChildProcess, spawn } from "node:child_process";

export type ServerLauncher = { command: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string };

export class DocServers {
  readonly #launcher: ServerLauncher;
  readonly #running = new Map<string, { child: ChildProcess; port: number }>();

  constructor(launcher: ServerLauncher) {
    this.#launcher = launcher;
  }

  /** The port of the server for `directive` (an empty string is the default server), started on first use. */
  async port(directive: string): Promise<number> {
    const known = this.#running.get(directive);
    if (known !== undefined) return known.port;
    const env: NodeJS.ProcessEnv = { ...this.#launcher.env };
    for (const token of directive.split(/\s+/)) {
      const kv = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(token);
      if (kv !== null) env[kv[1] as string] = kv[2];
    }
    const child = spawn(this.#launcher.command, [...this.#launcher.args, "serve", "--port", "0"], {
      cwd: this.#launcher.cwd,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const port = await listeningPort(child, directive);
    this.#running.set(directive, { child, port });
    await waitReady(port);
    return port;
  }

  /** Stops every server this instance started (SIGTERM, then SIGKILL after 5 s). */
  async close(): Promise<void> {
    const stops = [...this.#running.values()].map(
      ({ child }) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(kill);
            done();
          });
          child.kill("SIGTERM");
        }),
    );
    this.#running.clear();
    await Promise.all(stops);
  }
}

/** Reads the port from the server's "listening on http://host:port" line; fails with its stderr otherwise. */
function listeningPort(child: ChildProcess, directive: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => fail("did not start listening within 120 s"), 120_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`docs server (${directive || "default"}) ${why}:\n${stderr}`));
    };
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr += chunk;
      const m = /listening on http:\/\/[^:\s]+:(\d+)/.exec(stderr);
      if (m !== null) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => fail(`exited with ${code}`));
  });
}

/** Waits until /readyz answers 200, so no example races the model load. Probes are not rate limited. */
async function waitReady(port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docs server on port ${port} was not ready within 120 s`);
}
