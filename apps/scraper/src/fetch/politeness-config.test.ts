import { describe, expect, it } from "vitest";
import { parseScraperEnv } from "../config/env.ts";
import { UsageError } from "../usage-error.ts";
import { loadPolitenessConfig } from "./politeness-config.ts";

const load = (variables: Record<string, string>) => loadPolitenessConfig(parseScraperEnv(variables));

describe("loadPolitenessConfig", () => {
  it("defaults safely below Hugging Face's anonymous limits (100 page loads, 500 API calls per 5 minutes)", () => {
    expect(load({})).toEqual({
      pageLoads: 60,
      apiCalls: 300,
      timeoutMs: 20_000,
      maxBytes: 10 * 1024 * 1024,
      attempts: 3,
      maxWaitMs: 120_000,
    });
  });

  it("reads every limit from the environment, in the variable's unit", () => {
    expect(
      load({
        PAPERPULSE_PAGE_LOADS_PER_5MIN: "30",
        PAPERPULSE_API_CALLS_PER_5MIN: "100",
        PAPERPULSE_TIMEOUT_SECONDS: "5",
        PAPERPULSE_MAX_RESPONSE_MB: "2",
        PAPERPULSE_ATTEMPTS: "1",
        PAPERPULSE_MAX_WAIT_SECONDS: "0",
      }),
    ).toEqual({
      pageLoads: 30,
      apiCalls: 100,
      timeoutMs: 5_000,
      maxBytes: 2 * 1024 * 1024,
      attempts: 1,
      maxWaitMs: 0,
    });
  });

  it.each([
    ["PAPERPULSE_PAGE_LOADS_PER_5MIN", "101", /from 1 to 100 \(Hugging Face allows 100\), got "101"/],
    [
      "PAPERPULSE_API_CALLS_PER_5MIN",
      "0",
      /PAPERPULSE_API_CALLS_PER_5MIN must be a whole number from 1 to 500/,
    ],
    ["PAPERPULSE_TIMEOUT_SECONDS", "2.5", /PAPERPULSE_TIMEOUT_SECONDS/],
    ["PAPERPULSE_MAX_RESPONSE_MB", "lots", /PAPERPULSE_MAX_RESPONSE_MB/],
    ["PAPERPULSE_ATTEMPTS", "-1", /PAPERPULSE_ATTEMPTS/],
  ])("refuses %s=%s, naming the variable and its range", (variable, value, reason) => {
    expect(() => load({ [variable]: value })).toThrow(UsageError);
    expect(() => load({ [variable]: value })).toThrow(reason);
  });
});
