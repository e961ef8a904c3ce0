import { describe, expect, it } from "vitest";
import { parseScraperEnv } from "../config/env.ts";
import { UsageError } from "../usage-error.ts";
import { planJob } from "./plan-job.ts";
import { expectedFreshnessMs, listNextRuns, loadScheduleConfig } from "./schedule-config.ts";

const load = (variables: Record<string, string>) => loadScheduleConfig(parseScraperEnv(variables));

describe("schedule configuration", () => {
  it("defaults to an hourly refresh of 14 days and a daily final capture, through the API", () => {
    const config = load({});
    expect(config).toMatchObject({ enabled: true, refreshDays: 14, source: "api" });
    expect(config.jobs.map((j) => j.name)).toEqual(["refresh", "daily"]);
    const [refresh, daily] = listNextRuns(config, 2, new Date("2026-11-29T10:00:00Z"));
    expect(refresh?.next.map((d) => d.toISOString())).toEqual([
      "2026-11-29T10:07:00.000Z",
      "2026-11-29T11:07:00.000Z",
    ]);
    expect(daily?.next[0]?.toISOString()).toBe("2026-11-30T00:35:00.000Z");
    // Stale after two missed hourly runs plus slack.
    expect(expectedFreshnessMs(config, new Date("2026-11-29T10:00:00Z"))).toBe(2 * 3_600_000 + 600_000);
  });

  it("turns off, drops single jobs, and takes cron expressions from the environment", () => {
    expect(load({ PAPERPULSE_SCHEDULE: "off" }).enabled).toBe(false);
    const config = load({
      PAPERPULSE_SCHEDULE_DAILY: "off",
      PAPERPULSE_SCHEDULE_REFRESH: "*/20 * * * *",
    });
    expect(config.jobs).toEqual([{ name: "refresh", cron: "*/20 * * * *" }]);
    // The trending listing only when asked for.
    const trending = load({ PAPERPULSE_SCHEDULE_TRENDING: "15 * * * *" });
    expect(trending.jobs.map((j) => j.name)).toEqual(["refresh", "daily", "trending"]);
    expect(planJob("trending", trending, new Date())).toEqual([{ kind: "trending" }]);
    expect(() => load({ PAPERPULSE_SCHEDULE_TRENDING: "hourly" })).toThrow(/PAPERPULSE_SCHEDULE_TRENDING/);
    expect(expectedFreshnessMs(load({ PAPERPULSE_SCHEDULE: "off" }))).toBeNull();
  });

  it("rejects a bad cron expression or setting, naming the variable", () => {
    expect(() => load({ PAPERPULSE_SCHEDULE_REFRESH: "every hour" })).toThrow(UsageError);
    expect(() => load({ PAPERPULSE_SCHEDULE_REFRESH: "every hour" })).toThrow(/PAPERPULSE_SCHEDULE_REFRESH/);
    expect(() => load({ PAPERPULSE_REFRESH_DAYS: "0" })).toThrow(/PAPERPULSE_REFRESH_DAYS/);
    expect(() => load({ PAPERPULSE_SCHEDULE_SOURCE: "rss" })).toThrow(/PAPERPULSE_SCHEDULE_SOURCE/);
  });

  it("plans the refresh from today back and the daily capture of yesterday, its week and month", () => {
    const config = load({ PAPERPULSE_REFRESH_DAYS: "2" });
    const now = new Date("2026-12-01T00:35:00Z");
    expect(planJob("refresh", config, now)).toEqual([
      { kind: "date", value: "2026-12-01" },
      { kind: "date", value: "2026-11-30" },
      { kind: "date", value: "2026-11-29" },
    ]);
    expect(planJob("daily", config, now)).toEqual([
      { kind: "date", value: "2026-11-30" },
      { kind: "week", value: "2026-W49" },
      { kind: "month", value: "2026-11" },
    ]);
  });
});
