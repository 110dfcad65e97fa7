import { createMatcher } from "../matcher.js";
import type { Matcher, MatcherOptions } from "../matcher-types.js";
import type { CliContext, MatcherFactory } from "./cli-context.js";
import { optionsFromEnv } from "./options-from-env.js";
import { progressListener } from "./progress.js";

/** Creates a matcher from the environment (cache dir, engine) with model-store progress on stderr, runs `fn`, closes it. */
export async function withMatcher<T>(ctx: CliContext, fn: (matcher: Matcher) => Promise<T>): Promise<T> {
  const env = optionsFromEnv(ctx.io.env);
  const matcher = matcherFactory(ctx)({ ...env.matcher, onProgress: progressListener(ctx.io) });
  try {
    return await fn(matcher);
  } finally {
    await matcher.close();
  }
}

/** The injected factory, else the library's own. */
export function matcherFactory(ctx: CliContext): MatcherFactory {
  return ctx.createMatcher ?? ((options: MatcherOptions) => createMatcher(options));
}
