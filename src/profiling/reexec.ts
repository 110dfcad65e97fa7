import { spawnSync } from "node:child_process";
import type { Writable } from "node:stream";

/**
 * Runs this same CLI command again in a child Node with extra flags or environment (`--expose-gc`, a
 * larger young generation, `LD_PRELOAD`), relaying its output. Returns the child's exit code.
 */
export function reexec(
  args: readonly string[],
  nodeFlags: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  out: { stdout: Writable; stderr: Writable },
): number {
  const script = process.argv[1] as string;
  const child = spawnSync(process.execPath, [...nodeFlags, ...process.execArgv, script, ...args], {
    env: { ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.stdout) out.stdout.write(child.stdout);
  if (child.stderr) out.stderr.write(child.stderr);
  return child.status ?? 3;
}
