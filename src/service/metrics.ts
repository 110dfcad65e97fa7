import { monitorEventLoopDelay } from "node:perf_hooks";
import { Gauge, Registry } from "prom-client";
import type { Matcher } from "../matcher-types.js";
import { createRouteLatency } from "./route-latency.js";
import { LATENCY_BUCKETS_SECONDS } from "./service-defaults.js";

/** Metrics of one app instance, on its own Registry (no global default registry). */
export type ServiceMetrics = {
  readonly registry: Registry;
  /** Records one finished request. `route` is the route pattern, never the raw URL. */
  observe(method: string, route: string, status: number, seconds: number): void;
  close(): void;
};

/**
 * Request latency per route, heap, RSS, event-loop lag and the matcher's embedding cache counters.
 * Gauges read their values at scrape time, so nothing runs between scrapes except the loop-delay monitor.
 */
export function createMetrics(matcher: Matcher): ServiceMetrics {
  const registry = new Registry();
  const latency = createRouteLatency(registry, LATENCY_BUCKETS_SECONDS);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  new Gauge({
    name: "nodejs_eventloop_lag_seconds",
    help: "Event-loop delay since the last scrape, by quantile",
    labelNames: ["quantile"] as const,
    registers: [registry],
    collect() {
      this.set({ quantile: "0.5" }, loop.percentile(50) / 1e9);
      this.set({ quantile: "0.99" }, loop.percentile(99) / 1e9);
      this.set({ quantile: "max" }, loop.max / 1e9);
      loop.reset();
    },
  });
  new Gauge({
    name: "nodejs_heap_bytes",
    help: "V8 heap and process memory in bytes",
    labelNames: ["kind"] as const,
    registers: [registry],
    collect() {
      const m = process.memoryUsage();
      this.set({ kind: "heap_used" }, m.heapUsed);
      this.set({ kind: "heap_total" }, m.heapTotal);
      this.set({ kind: "external" }, m.external);
      this.set({ kind: "array_buffers" }, m.arrayBuffers);
      this.set({ kind: "rss" }, m.rss);
    },
  });
  new Gauge({
    name: "competency_embedding_cache",
    help: "Embedding cache hits, misses and size since start",
    labelNames: ["kind"] as const,
    registers: [registry],
    collect() {
      const s = matcher.cacheStats();
      this.set({ kind: "hits" }, s.hits);
      this.set({ kind: "misses" }, s.misses);
      this.set({ kind: "size" }, s.size);
    },
  });
  new Gauge({
    name: "competency_model_ready",
    help: "1 once the embedding model is loaded",
    registers: [registry],
    collect() {
      this.set(matcher.isReady ? 1 : 0);
    },
  });
  return {
    registry,
    observe: latency.observe,
    close() {
      loop.disable();
    },
  };
}
