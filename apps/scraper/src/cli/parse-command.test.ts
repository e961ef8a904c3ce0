import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScraperEnv } from "../config/env.ts";
import { listDays, listingRange } from "../sources/targets.ts";
import { UsageError } from "../usage-error.ts";
import { parseCommand } from "./parse-command.ts";

const now = new Date("2026-11-29T12:00:00Z");
const parse = (...argv: string[]) =>
  parseCommand(argv, parseScraperEnv({ PAPERPULSE_DATA_DIR: "/tmp/pp" }), now).command;

describe("parseCommand", () => {
  it.each([
    [["frob"], /unknown command "frob"/],
    [["day", "2024-13-01"], /YYYY-MM-DD/],
    [["day", "2024-01-01", "2024-01-02"], /at most 1 argument/],
    [["import"], /at least one PATH/],
    [["week", "2025-W60"], /ISO week/],
    [["month", "2025-13"], /YYYY-MM/],
    [["range", "2024-01-05", "2024-01-01"], /before its start/],
    [["range", "2024-01-05"], /FROM and TO/],
    [["day", "--source", "rss"], /--source must be page or api/],
    [["day", "--max-requests", "-1"], /--max-requests/],
    [["day", "--max-requests", "1e3"], /--max-requests/],
    [["import", "x.json", "--captured-at", "yesterday"], /--captured-at/],
    [["backfill"], /--from/],
    [["backfill", "--from", "2023-01-01"], /before Daily Papers began/],
    [["gaps", "--from", "2024-02-30"], /--from/],
    [["reparse", "--run", "abc"], /--run/],
    [["day", "--frobnicate"], /Unknown option/],
    [["refresh", "--days", "0"], /--days must be a whole number from 1 to 60/],
    [["refresh", "--days", "7.5"], /--days/],
    [["refresh", "2026-11-01"], /at most 0 argument/],
    [["restore"], /restore needs the backup FILE/],
    [["restore", "a.dump", "b.dump"], /restore needs the backup FILE/],
    [["backup", "a.dump", "b.dump"], /at most 1 argument/],
    [["orgs"], /orgs needs list, group or ungroup/],
    [["orgs", "merge"], /unknown orgs command "merge"/],
    [["orgs", "list", "extra"], /orgs list takes no arguments/],
    [["orgs", "group", "ByteDance"], /at least one organisation NAME/],
    [["orgs", "ungroup"], /orgs ungroup needs a GROUP/],
    [["orgs", "group", " ", "x"], /GROUP " " must not be empty/],
    [["orgs", "group", "G", "a\u0000b"], /NAME "a\\u0000b" must not contain control or invisible characters/],
    [["orgs", "ungroup", "G".repeat(101)], /must be at most 100 characters long/],
  ])("refuses %j with a one-line reason", (argv, reason) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(reason);
  });

  it("reads the organisation group commands, names trimmed", () => {
    expect(parse("orgs", "list")).toEqual({ name: "orgs", action: "list" });
    expect(parse("orgs", "group", " ByteDance ", "ByteDance-Seed", "bytedance-research")).toEqual({
      name: "orgs",
      action: "group",
      group: "ByteDance",
      names: ["ByteDance-Seed", "bytedance-research"],
    });
    expect(parse("orgs", "ungroup", "Meta")).toEqual({
      name: "orgs",
      action: "ungroup",
      group: "Meta",
      names: [],
    });
  });

  it("reads backup and restore, files resolved from the working directory", () => {
    expect(parse("backup")).toEqual({ name: "backup", file: undefined, force: false, logical: false });
    expect(parse("backup", "b.dump", "--force", "--logical")).toEqual({
      name: "backup",
      file: resolve("b.dump"),
      force: true,
      logical: true,
    });
    expect(parse("restore", "b.dump", "--force")).toEqual({
      name: "restore",
      file: resolve("b.dump"),
      force: true,
    });
  });

  it("fills defaults: today, this week and month, yesterday for backfill", () => {
    expect(parse("day")).toMatchObject({
      name: "scrape",
      targets: [{ kind: "date", value: "2026-11-29" }],
      source: "page",
    });
    expect(parse("week")).toMatchObject({ targets: [{ kind: "week", value: "2026-W48" }] });
    expect(parse("month", "--source", "api")).toMatchObject({
      targets: [{ kind: "month", value: "2026-11" }],
      source: "api",
    });
    expect(parse("backfill", "--from", "2026-11-01")).toMatchObject({
      name: "backfill",
      from: "2026-11-01",
      to: "2026-11-28",
      source: "api",
      maxRequests: 28 * 2 + 10,
    });
    expect(parse("day", "--record", "/tmp/raw", "--render")).toMatchObject({
      raw: { dir: "/tmp/raw", recordAll: true },
      render: "always",
    });
    expect(parse("day")).toMatchObject({ raw: { dir: "/tmp/pp/raw", recordAll: false }, render: "auto" });
    // An empty variable means unset, as it does for the database folder.
    const empty = { PAPERPULSE_DATA_DIR: "", PAPERPULSE_RAW_DIR: " " };
    expect(parseCommand(["day"], parseScraperEnv(empty), now).command).toMatchObject({
      raw: { dir: resolve(".data/raw") },
    });
  });

  it("plans refresh like the scheduled job: today back through the configured days, through its source", () => {
    expect(parse("refresh")).toMatchObject({ name: "scrape", label: "refresh 14 days", source: "api" });
    const days = (command: ReturnType<typeof parse>) =>
      command.name === "scrape" ? command.targets.map((t) => ("value" in t ? t.value : t.kind)) : [];
    // Through the API, whole weeks where they take fewer requests than their days: the same 15 days covered.
    const planned = parse("refresh");
    const covered = new Set(
      planned.name === "scrape"
        ? planned.targets.flatMap((t) => {
            const range = listingRange(t, "2026-11-29");
            return range ? listDays(range.from, range.to) : "value" in t ? [t.value] : [];
          })
        : [],
    );
    expect(listDays("2026-11-15", "2026-11-29").every((day) => covered.has(day))).toBe(true);
    expect(days(planned).length).toBeLessThan(15);
    expect(days(parse("refresh", "--source", "page"))).toHaveLength(15);
    expect(days(parse("refresh", "--days", "2", "--source", "page"))).toEqual([
      "2026-11-29",
      "2026-11-28",
      "2026-11-27",
    ]);
    expect(parse("refresh", "--source", "page")).toMatchObject({ source: "page" });
    const env = { PAPERPULSE_REFRESH_DAYS: "3", PAPERPULSE_SCHEDULE_SOURCE: "page" };
    expect(parseCommand(["refresh"], parseScraperEnv(env), now).command).toMatchObject({
      label: "refresh 3 days",
      source: "page",
    });
    expect(() => parseScraperEnv({ PAPERPULSE_REFRESH_DAYS: "90" })).toThrow(/PAPERPULSE_REFRESH_DAYS/);
  });

  it("gives every command that fetches the environment's limits, private hosts and browser", () => {
    const env = parseScraperEnv({ PAPERPULSE_ATTEMPTS: "5", PAPERPULSE_ALLOW_PRIVATE_HOSTS: "1" });
    for (const argv of [["day"], ["refresh"], ["backfill", "--from", "2026-11-01"], ["schedule"]]) {
      expect(parseCommand(argv, env, now).command, argv.join(" ")).toMatchObject({
        settings: { limits: { attempts: 5 }, allowPrivateHosts: true, chromiumPath: "/usr/bin/chromium" },
      });
    }
  });

  it("reads the JSON flag even from a failing command line", () => {
    expect(parseCommand(["runs", "--json"], parseScraperEnv({}), now)).toMatchObject({
      json: true,
      command: { name: "runs", limit: 20 },
    });
  });
});
