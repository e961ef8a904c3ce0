import type { CapturedPaper } from "@paperpulse/db";
import { describe, expect, it } from "vitest";
import { ParseError } from "../parse/index.ts";
import { checkCaptureDates } from "./check-capture-dates.ts";

const now = new Date("2026-12-04T23:30:00Z");
const paper = (id: string, dailyDate: string | null) => ({ id, dailyDate }) as CapturedPaper;
const capture = (listingDate: string | null, papers: CapturedPaper[]) => ({
  capturedAt: now,
  listingDate,
  papers,
});

describe("checkCaptureDates", () => {
  it("takes dates from May 2023 to tomorrow (UTC)", () => {
    expect(() => checkCaptureDates(capture("2023-05-01", [paper("a", "2026-12-05")]), now)).not.toThrow();
    expect(() => checkCaptureDates(capture(null, [paper("a", null)]), now)).not.toThrow();
  });

  it("refuses a later or earlier date with BAD_DATE, naming the field", () => {
    const refused = (value: Parameters<typeof checkCaptureDates>[0]) => {
      try {
        checkCaptureDates(value, now);
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
        return { code: (error as ParseError).code, message: (error as Error).message };
      }
      throw new Error("accepted");
    };
    expect(refused(capture("2026-12-06", []))).toEqual({
      code: "BAD_DATE",
      message: "listing date 2026-12-06 is after tomorrow (2026-12-05, UTC)",
    });
    expect(refused(capture("2026-12-01", [paper("a", "2026-12-01"), paper("b", "2023-04-30")])).message).toBe(
      "papers[1] (b) submittedOnDailyAt 2023-04-30 is before the daily papers began (2023-05-01)",
    );
  });
});
