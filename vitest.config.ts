import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["test/setup/fail-on-console.ts"],
    // The known memory shapes are measured before the suite starts, alone (see the file).
    globalSetup: ["test/setup/measure-known-shapes.ts"],
    // Memory-budget tests call gc(); the real model loads once per worker.
    pool: "forks",
    poolOptions: { forks: { execArgv: ["--expose-gc"] } },
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
