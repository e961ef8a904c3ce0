import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planListings } from "./plan-listings.ts";
import { listDays, listingRange, type Target } from "./targets.ts";

const covered = (targets: Target[]) =>
  new Set(
    targets.flatMap((t) => {
      const range = listingRange(t, "2099-12-31");
      return range ? listDays(range.from, range.to) : "value" in t ? [t.value] : [];
    }),
  );

describe("planListings", () => {
  it("takes whole months for a backfill, weeks for two recent weeks, a lone day as a day", () => {
    expect(planListings(listDays("2025-01-01", "2025-03-31"))).toEqual([
      { kind: "month", value: "2025-01" },
      { kind: "month", value: "2025-02" },
      { kind: "month", value: "2025-03" },
    ]);
    expect(planListings(listDays("2026-11-16", "2026-11-29"))).toEqual([
      { kind: "week", value: "2026-W47" },
      { kind: "week", value: "2026-W48" },
    ]);
    expect(planListings(["2025-03-03"])).toEqual([{ kind: "date", value: "2025-03-03" }]);
    // At 150 papers a day a week takes 8 requests: 5 days stay days.
    expect(planListings(listDays("2026-11-16", "2026-11-20"), 150)).toHaveLength(5);
  });

  it("covers every day asked for, in no more listings than days (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 200 }),
        (offsets, perDay) => {
          const days = offsets.map((n) =>
            new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10),
          );
          const targets = planListings(days, perDay);
          const reached = covered(targets);
          for (const day of days) expect(reached.has(day)).toBe(true);
          expect(targets.length).toBeLessThanOrEqual(days.length);
        },
      ),
    );
  });
});
