import { describe, expect, it } from "vitest";
import { CompetencyError } from "../errors.js";
import { optionsFromEnv } from "./options-from-env.js";

describe("optionsFromEnv", () => {
  it("returns only the cache dir from HOME when nothing else is set", () => {
    expect(optionsFromEnv({ HOME: "/home/ada" })).toEqual({
      service: {},
      matcher: { cacheDir: "/home/ada/.cache/competency-api" },
    });
  });

  it("returns no options for an empty environment", () => {
    expect(optionsFromEnv({})).toEqual({ service: {}, matcher: {} });
  });

  it("reads PORT, HOST, the API key, rate limit, log level, workers and engine", () => {
    const options = optionsFromEnv({
      PORT: "9090",
      HOST: " 0.0.0.0 ",
      COMPETENCY_API_KEY: "s3cret",
      COMPETENCY_RATE_LIMIT: "0",
      COMPETENCY_LOG_LEVEL: "warn",
      COMPETENCY_WORKERS: "2",
      COMPETENCY_ENGINE: "reference",
    });
    expect(options).toEqual({
      service: {
        port: 9090,
        host: "0.0.0.0",
        apiKey: "s3cret",
        rateLimitMax: 0,
        logLevel: "warn",
        workers: 2,
      },
      matcher: { engine: "reference" },
      workers: 2,
    });
  });

  it("reads COMPETENCY_UI: 0 turns the playground off, 1 on, anything else is refused", () => {
    expect(optionsFromEnv({ COMPETENCY_UI: "0" }).service).toEqual({ ui: false });
    expect(optionsFromEnv({ COMPETENCY_UI: "1" }).service).toEqual({ ui: true });
    expect(() => optionsFromEnv({ COMPETENCY_UI: "off" })).toThrow(/COMPETENCY_UI must be 0 or 1; got "off"/);
  });

  it("prefers COMPETENCY_CACHE_DIR over XDG_CACHE_HOME over HOME", () => {
    expect(
      optionsFromEnv({ COMPETENCY_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x", HOME: "/h" }).matcher.cacheDir,
    ).toBe("/c");
    expect(optionsFromEnv({ XDG_CACHE_HOME: "/x/", HOME: "/h" }).matcher.cacheDir).toBe("/x/competency-api");
  });

  it("treats empty variables as unset", () => {
    expect(optionsFromEnv({ PORT: "", COMPETENCY_API_KEY: "  ", HOST: "" })).toEqual({
      service: {},
      matcher: {},
    });
  });

  it("rejects every malformed variable at once, naming each and quoting its value", () => {
    let error: unknown;
    try {
      optionsFromEnv({
        PORT: "80a",
        COMPETENCY_WORKERS: "-1",
        COMPETENCY_LOG_LEVEL: "loud",
        COMPETENCY_ENGINE: "fast",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompetencyError);
    const issues = (error as CompetencyError).issues;
    expect((error as CompetencyError).code).toBe("INVALID_CONFIG");
    expect(issues.map((i) => i.path.join("."))).toEqual([
      "env.PORT",
      "env.COMPETENCY_LOG_LEVEL",
      "env.COMPETENCY_WORKERS",
      "env.COMPETENCY_ENGINE",
    ]);
    expect(issues[0]?.message).toContain('"80a"');
  });

  it("rejects a port above 65535", () => {
    expect(() => optionsFromEnv({ PORT: "70000" })).toThrow(/PORT must be an integer in \[0, 65535\]/);
  });

  it("does not read process.env", () => {
    const env = Object.freeze({ PORT: "1234" });
    expect(optionsFromEnv(env).service.port).toBe(1234);
  });

  it("reads COMPETENCY_TRUST_PROXY as a boolean, a hop count or an address list, and COMPETENCY_MAX_COST", () => {
    expect(optionsFromEnv({ COMPETENCY_TRUST_PROXY: "true" }).service.trustProxy).toBe(true);
    expect(optionsFromEnv({ COMPETENCY_TRUST_PROXY: "2" }).service.trustProxy).toBe(2);
    expect(optionsFromEnv({ COMPETENCY_TRUST_PROXY: "10.0.0.0/8" }).service.trustProxy).toBe("10.0.0.0/8");
    expect(optionsFromEnv({ COMPETENCY_MAX_COST: "5000" }).service.maxCostPerRequest).toBe(5000);
  });
});
