import { describe, expect, it } from "vitest";
import { holdsRisingDay, stillRisingFrom } from "./still-rising";

describe("still rising", () => {
  it("starts 13 days before the newest day, so that the newest 14 days are marked", () => {
    expect(stillRisingFrom("2025-03-10")).toBe("2025-02-25");
  });

  it("marks every period holding one of those days", () => {
    const from = "2025-02-25";
    expect(holdsRisingDay("2025-02-24", "day", from)).toBe(false);
    expect(holdsRisingDay("2025-02-25", "day", from)).toBe(true);
    // The week of Monday 2025-02-24 runs to 2025-03-02; the one before ends on 2025-02-23.
    expect(holdsRisingDay("2025-02-24", "week", from)).toBe(true);
    expect(holdsRisingDay("2025-02-17", "week", from)).toBe(false);
    expect(holdsRisingDay("2025-02-01", "month", from)).toBe(true);
    expect(holdsRisingDay("2025-01-01", "month", from)).toBe(false);
  });
});
