import { Counter, Histogram, type Registry } from "prom-client";

type LabelName = "method" | "route" | "status_code";
type Labels = Record<LabelName, string>;
/** One method × route × status: non-cumulative bucket counts (the last slot is above every bound). */
type Series = { readonly labels: Labels; readonly counts: Float64Array; sum: number; count: number };
type Value = { labels: Record<string, string | number>; value: number; metricName?: string };

/** Request latency and count per method, route and status, kept in one table. */
export type RouteLatency = {
  /** Records one finished request. `route` is the route pattern, never the raw URL. */
  observe(method: string, route: string, status: number, seconds: number): void;
};

/**
 * `http_request_duration_seconds` (histogram) and `http_requests_total` (counter) on `registry`, in
 * prom-client's exposition, from one table updated by one Map lookup per request. prom-client's own
 * observe and inc each build, check and hash a label object per call (~2 µs per small match together,
 * bench/http-cpu.ts); here that work happens once per series, and the text is built at scrape time.
 */
export function createRouteLatency(registry: Registry, buckets: readonly number[]): RouteLatency {
  const bounds = [...buckets];
  const table = new Map<string, Series>();
  const latencyName = "http_request_duration_seconds";
  /** prom-client's shape: `le` as the own label, the series' labels as shared ones (placed after `le`). */
  const histogramValues = () => {
    const values: (Value & { sharedLabels: Labels; exemplar: null | undefined })[] = [];
    const pair = (labels: Value["labels"], value: number, suffix: string, shared: Labels) =>
      values.push({
        labels,
        sharedLabels: shared,
        value,
        metricName: `${latencyName}_${suffix}`,
        exemplar: suffix === "bucket" ? null : undefined,
      });
    for (const s of table.values()) {
      let acc = 0;
      for (let k = 0; k < bounds.length; k++) {
        acc += s.counts[k] as number;
        pair({ le: bounds[k] as number }, acc, "bucket", s.labels);
      }
      pair({ le: "+Inf" }, s.count, "bucket", s.labels);
      pair({}, s.sum, "sum", s.labels);
      pair({}, s.count, "count", s.labels);
    }
    return values;
  };
  const latencyHelp = "Request latency by method, route and status";
  const countName = "http_requests_total";
  const countHelp = "Requests by method, route and status";
  // prom-client's declared return types list a `collect` its own get() does not return: hence the casts.
  class LatencyHistogram extends Histogram<LabelName> {
    /** What the registry formats for /metrics. */
    async getForPromString() {
      return { name: latencyName, help: latencyHelp, type: "histogram", values: histogramValues() };
    }
    override async get(): ReturnType<Histogram<LabelName>["get"]> {
      const values = histogramValues().map(({ sharedLabels, labels, ...rest }) => ({
        ...rest,
        labels: { ...labels, ...sharedLabels },
      }));
      const metric = { name: latencyName, help: latencyHelp, type: "histogram", values, aggregator: "sum" };
      return metric as unknown as Awaited<ReturnType<Histogram<LabelName>["get"]>>;
    }
  }
  class RequestCounter extends Counter<LabelName> {
    override async get(): ReturnType<Counter<LabelName>["get"]> {
      const values = [...table.values()].map((s) => ({ value: s.count, labels: s.labels }));
      const metric = { help: countHelp, name: countName, type: "counter", values, aggregator: "sum" };
      return metric as unknown as Awaited<ReturnType<Counter<LabelName>["get"]>>;
    }
  }
  new LatencyHistogram({
    name: latencyName,
    help: latencyHelp,
    labelNames: ["method", "route", "status_code"],
    buckets: bounds,
    registers: [registry],
  });
  new RequestCounter({
    name: countName,
    help: countHelp,
    labelNames: ["method", "route", "status_code"],
    registers: [registry],
  });
  return {
    observe(method, route, status, seconds) {
      const key = `${method} ${status} ${route}`;
      let s = table.get(key);
      if (s === undefined) {
        const labels = { method, route, status_code: String(status) };
        s = { labels, counts: new Float64Array(bounds.length + 1), sum: 0, count: 0 };
        table.set(key, s);
      }
      let k = 0;
      while (k < bounds.length && seconds > (bounds[k] as number)) k++;
      (s.counts as Float64Array)[k] = ((s.counts as Float64Array)[k] as number) + 1;
      s.sum += seconds;
      s.count++;
    },
  };
}
