import cliProgress from "cli-progress";
import type { ProgressEvent } from "../matcher-types.js";
import type { CliIo } from "./io.js";

/** A progress display; every method is a no-op when stderr is not a terminal. */
export type Progress = { update(done: number, total?: number): void; stop(): void };

const NOOP: Progress = Object.freeze({ update() {}, stop() {} });

/** Creates a progress bar on stderr when it is a TTY. `total` undefined shows a running count of `unit`s only. */
export function createProgress(io: CliIo, label: string, total?: number, unit = ""): Progress {
  if (!io.isTTY) return NOOP;
  const format =
    total === undefined
      ? `${label} {value} {unit}`
      : `${label} [{bar}] {percentage}% | {value}/{total} {unit} | eta {eta_formatted}`;
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr, format, hideCursor: false, clearOnComplete: false, etaBuffer: 50, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0, { unit });
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * Turns MatcherOptions.onProgress events (building the model store on first run) into a bar on a TTY,
 * or one line per task otherwise.
 */
export function progressListener(io: CliIo): (event: ProgressEvent) => void {
  const bars = new Map<string, Progress>();
  return (event) => {
    if (!io.isTTY) {
      if (event.phase === "start") {
        // A rebuild (corrupt or stale store) is not a first run; only the first build says so.
        const when = /rebuild/i.test(event.task) ? "" : " (first run only)";
        io.stderr.write(`competency: ${event.task}${when}…\n`);
      }
      return;
    }
    let bar = bars.get(event.task);
    if (bar === undefined) {
      bar = createProgress(io, event.task, event.total);
      bars.set(event.task, bar);
    }
    bar.update(event.done, event.total);
    if (event.phase === "end") {
      bar.stop();
      bars.delete(event.task);
    }
  };
}
