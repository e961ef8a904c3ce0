import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.ts";
import { parseScraperEnv, readScraperEnv } from "./env.ts";
import { EnvError } from "./env-error.ts";

const defaults = {
  PAPERPULSE_DATA_DIR: "./.data",
  HF_BASE_URL: "https://huggingface.co",
  PAPERPULSE_ALLOW_PRIVATE_HOSTS: false,
  PAPERPULSE_PAGE_LOADS_PER_5MIN: 60,
  PAPERPULSE_API_CALLS_PER_5MIN: 300,
  PAPERPULSE_TIMEOUT_SECONDS: 20,
  PAPERPULSE_MAX_RESPONSE_MB: 10,
  PAPERPULSE_ATTEMPTS: 3,
  PAPERPULSE_MAX_WAIT_SECONDS: 120,
  PAPERPULSE_SCHEDULE: true,
  PAPERPULSE_SCHEDULE_REFRESH: "7 * * * *",
  PAPERPULSE_SCHEDULE_DAILY: "35 0 * * *",
  PAPERPULSE_SCHEDULE_TRENDING: null,
  PAPERPULSE_REFRESH_DAYS: 14,
  PAPERPULSE_SCHEDULE_SOURCE: "api",
};

// Each whole-number variable with its range, as README's environment table documents it.
const ranges = [
  ["PAPERPULSE_PAGE_LOADS_PER_5MIN", 1, 100],
  ["PAPERPULSE_API_CALLS_PER_5MIN", 1, 500],
  ["PAPERPULSE_TIMEOUT_SECONDS", 1, 300],
  ["PAPERPULSE_MAX_RESPONSE_MB", 1, 200],
  ["PAPERPULSE_ATTEMPTS", 1, 10],
  ["PAPERPULSE_MAX_WAIT_SECONDS", 0, 3600],
  ["PAPERPULSE_REFRESH_DAYS", 1, 60],
] as const;

describe("parseScraperEnv", () => {
  it("applies the documented defaults, empty or blank meaning unset", () => {
    expect(parseScraperEnv({})).toEqual(defaults);
    const blank = Object.fromEntries(
      [...Object.keys(defaults), "DATABASE_URL", "PAPERPULSE_RAW_DIR", "PAPERPULSE_LOG"].map((name) => [
        name,
        " ",
      ]),
    );
    expect(parseScraperEnv(blank)).toEqual(defaults);
  });

  it("reads every variable in its own unit", () => {
    expect(
      parseScraperEnv({
        DATABASE_URL: " postgres://reader@db:5432/paperpulse ",
        PAPERPULSE_DATA_DIR: "/srv/data",
        PAPERPULSE_RAW_DIR: "/srv/raw",
        HF_BASE_URL: "http://127.0.0.1:9000",
        PAPERPULSE_ALLOW_PRIVATE_HOSTS: "1",
        PAPERPULSE_CHROMIUM_PATH: "/opt/chrome",
        PAPERPULSE_LOG: "JSON",
        PAPERPULSE_ATTEMPTS: " 5 ",
        PAPERPULSE_SCHEDULE: "OFF",
        PAPERPULSE_SCHEDULE_DAILY: "off",
        PAPERPULSE_SCHEDULE_TRENDING: " 15 * * * * ",
        PAPERPULSE_SCHEDULE_SOURCE: "page",
      }),
    ).toEqual({
      ...defaults,
      DATABASE_URL: "postgres://reader@db:5432/paperpulse",
      PAPERPULSE_DATA_DIR: "/srv/data",
      PAPERPULSE_RAW_DIR: "/srv/raw",
      HF_BASE_URL: "http://127.0.0.1:9000",
      PAPERPULSE_ALLOW_PRIVATE_HOSTS: true,
      PAPERPULSE_CHROMIUM_PATH: "/opt/chrome",
      PAPERPULSE_LOG: "json",
      PAPERPULSE_ATTEMPTS: 5,
      PAPERPULSE_SCHEDULE: false,
      PAPERPULSE_SCHEDULE_DAILY: null,
      PAPERPULSE_SCHEDULE_TRENDING: "15 * * * *",
      PAPERPULSE_SCHEDULE_SOURCE: "page",
    });
    // Anything but off leaves scheduling on, as before.
    expect(parseScraperEnv({ PAPERPULSE_SCHEDULE: "yes" }).PAPERPULSE_SCHEDULE).toBe(true);
  });

  it.each([
    [
      "PAPERPULSE_PAGE_LOADS_PER_5MIN",
      "abc",
      'must be a whole number from 1 to 100 (Hugging Face allows 100), got "abc"',
    ],
    [
      "PAPERPULSE_API_CALLS_PER_5MIN",
      "501",
      'must be a whole number from 1 to 500 (Hugging Face allows 500), got "501"',
    ],
    ["PAPERPULSE_TIMEOUT_SECONDS", "2.5", 'must be a whole number from 1 to 300, got "2.5"'],
    ["PAPERPULSE_MAX_RESPONSE_MB", "lots", 'must be a whole number from 1 to 200, got "lots"'],
    ["PAPERPULSE_ATTEMPTS", "-1", 'must be a whole number from 1 to 10, got "-1"'],
    ["PAPERPULSE_MAX_WAIT_SECONDS", "1e3", 'must be a whole number from 0 to 3600, got "1e3"'],
    ["PAPERPULSE_REFRESH_DAYS", "90", 'must be a whole number from 1 to 60, got "90"'],
    ["PAPERPULSE_SCHEDULE_SOURCE", "rss", 'must be api or page, got "rss"'],
    ["PAPERPULSE_SCHEDULE_REFRESH", "every hour", 'is not a cron expression ("every hour")'],
    ["PAPERPULSE_SCHEDULE_DAILY", "61 * * * *", 'is not a cron expression ("61 * * * *")'],
    ["PAPERPULSE_SCHEDULE_TRENDING", "hourly", 'is not a cron expression ("hourly")'],
    ["PAPERPULSE_LOG", "loud", 'must be "json" or "off", got "loud"'],
    [
      "PAPERPULSE_ALLOW_PRIVATE_HOSTS",
      "yes",
      'must be 1 (allow loopback and private addresses) or 0, got "yes"',
    ],
    ["HF_BASE_URL", "file:///etc/passwd", "must be an http:// or https:// URL"],
    ["DATABASE_URL", "mysql://user@db/paperpulse", "must be a postgres:// or postgresql:// URL"],
  ])("refuses %s=%j as bad usage, naming the variable and what it expects", (name, value, expected) => {
    expect(() => parseScraperEnv({ [name]: value })).toThrow(UsageError);
    expect(() => parseScraperEnv({ [name]: value })).toThrow(`${name} ${expected}`);
  });

  it("names every bad variable at once, and never echoes a database URL (it may hold a password)", () => {
    try {
      parseScraperEnv({ DATABASE_URL: "mysql://user:s3cret@db/x", PAPERPULSE_ATTEMPTS: "0" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).issues).toHaveLength(2);
      expect((error as Error).message).toMatch(/DATABASE_URL .*; PAPERPULSE_ATTEMPTS must be/);
      expect((error as Error).message).not.toContain("s3cret");
    }
  });

  it("accepts every whole number in a variable's range and refuses every one outside it", () => {
    for (const [name, min, max] of ranges) {
      fc.assert(
        fc.property(fc.integer({ min, max }), (value) => {
          expect(parseScraperEnv({ [name]: String(value) })[name]).toBe(value);
        }),
        { numRuns: 50 },
      );
      const outside = fc.oneof(fc.integer({ max: min - 1 }), fc.integer({ min: max + 1 }));
      fc.assert(
        fc.property(outside, (value) => {
          expect(() => parseScraperEnv({ [name]: String(value) })).toThrow(`${name} must be a whole number`);
        }),
        { numRuns: 50 },
      );
    }
  });
});

describe("readScraperEnv", () => {
  it("parses the process's variables once and keeps them", () => {
    const first = readScraperEnv({ PAPERPULSE_ATTEMPTS: "4" });
    expect(first.PAPERPULSE_ATTEMPTS).toBe(4);
    expect(readScraperEnv({ PAPERPULSE_ATTEMPTS: "7" })).toBe(first);
  });
});
