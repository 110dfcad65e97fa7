import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { CompetencyError } from "../../errors.js";
import { type Asset, loadPlaygroundAssets, type PlaygroundAssets } from "../playground/playground-assets.js";

/**
 * The page may load scripts, styles and data only from this origin: no inline script, no eval, no CDN, no
 * framing. The favicon is an empty data: URL so the browser asks for nothing else.
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

let loading: Promise<PlaygroundAssets> | undefined;

/** Built once per process, on the first request for the page (tests that never open it never pay). */
function assets(): Promise<PlaygroundAssets> {
  if (loading === undefined) {
    loading = loadPlaygroundAssets();
    loading.catch(() => {
      loading = undefined; // retry on the next request rather than caching a failure
    });
  }
  return loading;
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset, cache: string): FastifyReply {
  reply
    .header("content-type", asset.type)
    .header("cache-control", cache)
    .header("etag", asset.etag)
    .header("vary", "accept-encoding")
    .header("content-security-policy", PLAYGROUND_CSP)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "no-referrer");
  // No Cross-Origin-Opener-Policy: in Chromium it swaps the tab's process on navigation, which cost
  // ~200 ms of the first load here (docs/playground.md); framing is already refused by frame-ancestors.
  if (request.headers["if-none-match"] === asset.etag) return reply.code(304).send();
  const accepted = String(request.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepted)) return reply.header("content-encoding", "br").send(asset.br);
  if (/\bgzip\b/.test(accepted)) return reply.header("content-encoding", "gzip").send(asset.gzip);
  return reply.send(asset.identity);
}

export type PlaygroundRouteOptions = {
  /** The service requires an API key: the page then asks for one. */
  readonly needsKey: boolean;
};

/** GET / (the playground page) and GET /ui/<hashed file> (its script and stylesheet). */
export function registerPlaygroundRoutes(app: FastifyInstance, options: PlaygroundRouteOptions): void {
  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    const { page } = await assets();
    return send(request, reply, page(options.needsKey), "no-cache");
  });
  app.get<{ Params: { file: string } }>("/ui/:file", { schema: { hide: true } }, async (request, reply) => {
    const file = (await assets()).files.get(request.params.file);
    if (file === undefined) throw new CompetencyError("NOT_FOUND", `GET ${request.url}`);
    return send(request, reply, file, "public, max-age=31536000, immutable");
  });
}
