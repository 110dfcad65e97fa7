import { arch, cpus, loadavg, platform, totalmem } from "node:os";
import type { EnvInfo } from "./results-types.js";

/** The machine a run measured: Node/V8 versions, OS, CPU, memory and load at the time. */
export function collectEnv(): EnvInfo {
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: platform(),
    arch: arch(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryBytes: totalmem(),
    loadavg: loadavg(),
  };
}
