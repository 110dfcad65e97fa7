import { createServer, type Server } from "node:http";
import { Counter, Gauge, Registry } from "prom-client";

const RATE_WINDOW_MS = 60_000;

/** Prometheus metrics of a worker: shards done, failed and retried, candidates and candidates/s. */
export function createWorkerMetrics(now: () => number) {
  const registry = new Registry();
  const done = new Counter({
    name: "competency_shards_done_total",
    help: "shards completed",
    registers: [registry],
  });
  const failed = new Counter({
    name: "competency_shards_failed_total",
    help: "shard attempts that failed with no attempt left",
    registers: [registry],
  });
  const retried = new Counter({
    name: "competency_shards_retried_total",
    help: "shard attempts that failed and will be retried",
    registers: [registry],
  });
  const candidates = new Counter({
    name: "competency_candidates_total",
    help: "candidate lines scored",
    registers: [registry],
  });
  const recent: { at: number; lines: number }[] = [];
  new Gauge({
    name: "competency_candidates_per_second",
    help: "candidate lines scored per second over the last minute",
    registers: [registry],
    collect() {
      const cutoff = now() - RATE_WINDOW_MS;
      while (recent.length > 0 && (recent[0] as { at: number }).at < cutoff) recent.shift();
      this.set(recent.reduce((n, r) => n + r.lines, 0) / (RATE_WINDOW_MS / 1000));
    },
  });
  return {
    registry,
    shardDone(lines: number) {
      done.inc();
      candidates.inc(lines);
      recent.push({ at: now(), lines });
    },
    shardFailed(final: boolean) {
      (final ? failed : retried).inc();
    },
    /** Serves GET /metrics on `port` (0 = any free port); resolves to the server once listening. */
    listen(port: number, host: string): Promise<Server> {
      const server = createServer((req, res) => {
        if (req.url !== "/metrics") {
          res.writeHead(404).end();
          return;
        }
        registry.metrics().then(
          (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
      });
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve(server));
      });
    },
  };
}
