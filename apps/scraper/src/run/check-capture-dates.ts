import type { Capture } from "@paperpulse/db";
import { ParseError } from "../parse/index.ts";

/** Hugging Face's daily papers began in May 2023: an earlier daily date is a broken or foreign record. */
export const EARLIEST_DAILY_DATE = "2023-05-01";

/**
 * Refuses a capture whose papers would be filed under an impossible day: after tomorrow (UTC; a listing is never
 * ahead of the world by more than its time zone) or before the daily papers began. The whole page fails, naming the
 * field, as a parse error does: stored and drawn, one such date would stretch every chart to 2099.
 */
export function checkCaptureDates(capture: Capture, now = new Date()): void {
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const check = (date: string, field: string) => {
    if (date > tomorrow) {
      throw new ParseError("BAD_DATE", `${field} ${date} is after tomorrow (${tomorrow}, UTC)`);
    }
    if (date < EARLIEST_DAILY_DATE) {
      throw new ParseError(
        "BAD_DATE",
        `${field} ${date} is before the daily papers began (${EARLIEST_DAILY_DATE})`,
      );
    }
  };
  if (capture.listingDate !== null) check(capture.listingDate, "listing date");
  capture.papers.forEach((paper, index) => {
    if (paper.dailyDate !== null) check(paper.dailyDate, `papers[${index}] (${paper.id}) submittedOnDailyAt`);
  });
}
