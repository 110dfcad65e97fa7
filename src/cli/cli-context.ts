import type { Matcher, MatcherOptions } from "../matcher-types.js";
import type { CliIo } from "./io.js";

/** Builds a matcher; tests inject one over the fake embedder. */
export type MatcherFactory = (options: MatcherOptions) => Matcher;

/** What every command receives: the process window, the matcher factory and the exit code it sets. */
export type CliContext = {
  readonly io: CliIo;
  /** Injected by tests; absent in production, where commands use the library's createMatcher. */
  readonly createMatcher?: MatcherFactory;
  /** Options for worker threads that build their own matcher; absent when the factory is injected. */
  readonly workerMatcherOptions: MatcherOptions | undefined;
  exitCode: number;
};
