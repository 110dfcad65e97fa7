import { Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createRouteLatency } from "./route-latency.js";
import { LATENCY_BUCKETS_SECONDS } from "./service-defaults.js";

/** The same two metrics on prom-client's own Histogram and Counter, as the service had them before. */
function reference(registry: Registry) {
  const labelNames = ["method", "route", "status_code"] as const;
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Request latency by method, route and status",
    labelNames,
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers: [registry],
  });
  const requests = new Counter({
    name: "http_requests_total",
    help: "Requests by method, route and status",
    labelNames,
    registers: [registry],
  });
  return (method: string, route: string, status: number, seconds: number) => {
    const labels = { method, route, status_code: String(status) };
    latency.observe(labels, seconds);
    requests.inc(labels);
  };
}

describe("createRouteLatency", () => {
  it("exposes the same text and JSON as prom-client's Histogram and Counter for the same observations", async () => {
    const [a, b] = [new Registry(), new Registry()];
    const old = reference(a);
    const mine = createRouteLatency(b, LATENCY_BUCKETS_SECONDS);
    expect(await b.metrics()).toBe(await a.metrics());
    const seconds = [0, 0.0005, 0.0004999, 0.0011, 0.003, 0.01, 0.7, 9.99, 10, 11, 42];
    const routes = ["/v1/match", "/healthz", "unmatched", 'odd"route\\'];
    let k = 0;
    for (const s of seconds)
      for (const route of routes)
        for (const [method, status] of [
          ["POST", 200],
          ["GET", 404],
          ["POST", 429],
        ] as const) {
          const t = s * (1 + (k++ % 3) * 1e-3);
          old(method, route, status, t);
          mine.observe(method, route, status, t);
        }
    expect(await b.metrics()).toBe(await a.metrics());
    expect(await b.getMetricsAsJSON()).toEqual(await a.getMetricsAsJSON());
  });
});
