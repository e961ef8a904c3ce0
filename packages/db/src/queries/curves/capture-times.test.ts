import { beforeAll, describe, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../../testing/index.ts";
import { findCaptureGaps } from "./capture-times.ts";
import { getPaperCurves } from "./get-paper-curves.ts";
import { hasEnoughCaptures, reachOf } from "./reach.ts";

const featured = Date.UTC(2025, 9, 10);
const at = (hours: number) => new Date(featured + hours * 3_600_000);

describe("findCaptureGaps", () => {
  it("calls a pause a gap only when it is well beyond the usual one", () => {
    const hourly = [1, 2, 3, 4, 12, 13, 14].map(at);
    expect(findCaptureGaps(hourly, new Date(featured))).toEqual([{ fromHours: 4, toHours: 12 }]);
    // A daily scrape: days between captures are its rhythm.
    expect(findCaptureGaps([0, 24, 48, 72].map(at), new Date(featured))).toEqual([]);
    // Two pauses of under three hours are never gaps, whatever their ratio.
    expect(findCaptureGaps([0, 0.1, 0.2, 2.5].map(at), new Date(featured))).toEqual([]);
    expect(findCaptureGaps([0, 30].map(at), new Date(featured))).toEqual([]);
  });
});

describe("hasEnoughCaptures and reachOf", () => {
  it("needs three captures spanning a day", () => {
    expect(hasEnoughCaptures([0, 1, 24].map(at))).toBe(true);
    expect(hasEnoughCaptures([0, 24].map(at))).toBe(false);
    expect(hasEnoughCaptures([0, 1, 23].map(at))).toBe(false);
  });

  it("says when the first capture already held the share", () => {
    const points = [
      { hours: 30, upvotes: 8 },
      { hours: 40, upvotes: 10 },
    ];
    expect(reachOf(points, 0.5)).toEqual({ hours: 30, byFirstCapture: true });
    expect(reachOf(points, 0.9)).toEqual({ hours: 40, byFirstCapture: false });
    expect(reachOf([{ hours: 1, upvotes: 0 }], 0.5)).toBeNull();
  });
});

// A paper captured every hour through its daily listing, whose upvotes changed twice: change-only snapshots keep
// three rows, but each capture saw it. Then nobody captured it for a day, then twice more.
const steady = (upvotes: number) => capturedPaper("2510.30001", upvotes, { dailyDate: "2025-10-10" });
const hourly = Array.from({ length: 27 }, (_, i) => i + 6);
const upvotesAt = (hour: number) => (hour < 8 ? 4 : hour < 20 ? 10 : 12);
// Seen three times in two hours by a listing of another day: not enough to tell its pace.
const brief = capturedPaper("2510.30002", 7, { dailyDate: "2025-10-11" });

describeEachDatabase("paper curves from captures", (getDb) => {
  beforeAll(async () => {
    const captures = [...hourly, 56, 57].map((hour) => ({
      capturedAt: at(hour),
      listingDate: "2025-10-10",
      papers: [steady(upvotesAt(hour))],
    }));
    const briefCaptures = [30, 31, 32].map((hour) => ({
      capturedAt: at(hour),
      listingDate: "2025-10-11",
      papers: [brief],
    }));
    await storeFresh(
      getDb(),
      [...captures, ...briefCaptures].sort((a, b) => +a.capturedAt - +b.capturedAt),
    );
  });

  it("counts every capture of the paper's day, not only the snapshots that changed", async () => {
    const curves = await getPaperCurves(getDb(), "2510.30001");
    expect(curves.featuredAt?.toISOString()).toBe("2025-10-10T00:00:00.000Z");
    expect(curves.points.filter((p) => !p.confirmed).map((p) => [p.hours, p.upvotes])).toEqual([
      [6, 4],
      [8, 10],
      [20, 12],
    ]);
    expect(curves.captures).toEqual({ count: 29, spanHours: 51 });
    expect(curves.gaps).toEqual([{ fromHours: 32, toHours: 56 }]);
    expect(curves.enoughCaptures).toBe(true);
    // Half of 12 was first seen at hour 8, 90% (10.8) at hour 20.
    expect(curves.hoursTo50).toEqual({ hours: 8, byFirstCapture: false });
    expect(curves.hoursTo90).toEqual({ hours: 20, byFirstCapture: false });
  });

  it("says nothing of the pace with too few captures", async () => {
    const curves = await getPaperCurves(getDb(), "2510.30002");
    expect(curves.captures).toEqual({ count: 3, spanHours: 2 });
    expect(curves.enoughCaptures).toBe(false);
    expect(curves.hoursTo50).toBeNull();
    // Hours since it was featured, at the start of 2025-10-11: it was first captured six hours later.
    expect(curves.points[0]?.hours).toBe(6);
  });
});
