import type { FastifyInstance } from "fastify";

/** Methods registered per route URL, filled by an onRoute hook; the 404 handler uses it to answer 405. */
export type RouteMethods = {
  /** The methods registered on `url`, or undefined if no route has that URL. */
  allowed(url: string): readonly string[] | undefined;
};

/** Records every route's methods as it is registered. Install before any route. */
export function trackRouteMethods(app: FastifyInstance): RouteMethods {
  const table = new Map<string, string[]>();
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const list = table.get(route.url) ?? [];
    for (const m of methods) if (!list.includes(m)) list.push(m);
    table.set(route.url, list);
  });
  return { allowed: (url) => table.get(url) };
}
