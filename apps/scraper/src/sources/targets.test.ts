import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.ts";
import {
  apiPath,
  countDays,
  isoWeekOf,
  isTrendingUrl,
  listDays,
  parseDateArg,
  parseWeekArg,
} from "./targets.ts";

describe("targets", () => {
  it("rejects impossible dates and weeks with the reason", () => {
    expect(() => parseDateArg("2024-02-30")).toThrow(UsageError);
    expect(() => parseDateArg("2024-2-3")).toThrow(/YYYY-MM-DD/);
    expect(() => parseDateArg("2024-99-01")).toThrow(UsageError);
    expect(parseDateArg("2024-02-29")).toBe("2024-02-29");
    expect(() => parseWeekArg("2025-W53")).toThrow(/ISO week/);
    expect(parseWeekArg("2026-W53")).toBe("2026-W53");
  });

  it("tells the trending listing's URLs, page and API, from the others", () => {
    expect(isTrendingUrl("https://huggingface.co/papers/trending")).toBe(true);
    expect(isTrendingUrl(`https://huggingface.co${apiPath({ kind: "trending" }, 0)}`)).toBe(true);
    expect(isTrendingUrl(`https://huggingface.co${apiPath({ kind: "date", value: "2025-01-02" }, 0)}`)).toBe(
      false,
    );
    expect(isTrendingUrl("https://huggingface.co/papers/date/2025-01-02")).toBe(false);
  });

  it("computes ISO weeks across year boundaries", () => {
    expect(isoWeekOf(new Date("2024-12-30T12:00:00Z"))).toBe("2025-W01");
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekOf(new Date("2026-11-29T12:00:00Z"))).toBe("2026-W48");
  });

  it("lists the days of a range, both ends included", () => {
    expect(listDays("2024-02-28", "2024-03-01")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(() => listDays("2024-03-01", "2024-02-28")).toThrow(/before its start/);
    expect(
      countDays([
        { kind: "date", value: "2024-02-28" },
        { kind: "week", value: "2024-W09" },
        { kind: "month", value: "2024-02" },
        { kind: "month", value: "2023-02" },
        { kind: "trending" },
      ]),
    ).toBe(1 + 7 + 29 + 28);
  });

  it("builds paged API paths", () => {
    expect(apiPath({ kind: "date", value: "2026-07-31" }, 2)).toBe(
      "/api/daily_papers?date=2026-07-31&p=2&limit=100",
    );
  });
});
