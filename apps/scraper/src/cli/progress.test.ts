import { describe, expect, it } from "vitest";
import type { Progress } from "../run/summary.ts";
import { createProgressDisplay } from "./progress.ts";

function terminal(isTTY = true) {
  const written: string[] = [];
  return {
    stream: { isTTY, columns: 120, write: (chunk: string) => written.push(chunk) > 0 },
    written,
    /** The line last drawn, without the carriage return and the erase sequence. */
    last: () => (written.at(-1) ?? "").replace("\r\x1b[2K", ""),
  };
}

const at = (done: number, total: number | null, label = `day ${done + 1}`): Progress => ({
  done,
  total,
  label,
  items: done * 20,
  newPapers: done * 5,
});

describe("the progress display", () => {
  it("stays silent when output is not a terminal", () => {
    const term = terminal(false);
    expect(createProgressDisplay(term.stream, () => 0).listener).toBeUndefined();
  });

  it("shows position, counts and an ETA from the pace so far, redrawn at most five times a second", () => {
    const term = terminal();
    let now = 0;
    const { listener, clear } = createProgressDisplay(term.stream, () => now);
    now = 500;
    listener?.(at(0, 10));
    expect(term.written).toEqual([]); // a short run prints nothing

    now = 6_000; // 2 of 10 days in 6 s: 3 s a day, 8 days to go
    listener?.(at(2, 10, "day 2024-01-03"));
    expect(term.last()).toBe("3/10 day 2024-01-03 — 40 items, 10 new papers — ETA 24 s");

    now = 6_100;
    listener?.(at(3, 10));
    expect(term.written).toHaveLength(1);

    now = 150_000; // 5 of 10 in 150 s: 150 s to go
    listener?.(at(5, 10));
    expect(term.last()).toMatch(/^6\/10 .* — ETA 3 min$/);

    now = 160_000; // no total (a streamed archive): a count, no ETA
    listener?.(at(7, null, "member.json"));
    expect(term.last()).toBe("8 member.json — 140 items, 35 new papers");

    clear();
    expect(term.written.at(-1)).toBe("\r\x1b[2K");
  });

  it("clears nothing when it never drew", () => {
    const term = terminal();
    createProgressDisplay(term.stream, () => 0).clear();
    expect(term.written).toEqual([]);
  });
});
