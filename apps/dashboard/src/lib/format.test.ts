import { describe, expect, it } from "vitest";
import { formatDay, formatDayTick, hfPaperUrl, safeHttpUrl } from "./format";

describe("format", () => {
  it("formats daily dates without a time zone shift", () => {
    expect(formatDay("2026-07-31")).toBe("Jul 31, 2026");
    expect(formatDayTick("2026-01-01", false)).toBe("Jan 1");
    expect(formatDayTick("2026-01-01", true)).toBe("Jan 2026");
  });

  it("builds paper links that stay on huggingface.co", () => {
    expect(hfPaperUrl("2407.21783")).toBe("https://huggingface.co/papers/2407.21783");
    expect(hfPaperUrl("../../evil?x=1")).toBe("https://huggingface.co/papers/..%2F..%2Fevil%3Fx%3D1");
  });

  it("accepts only http(s) links", () => {
    expect(safeHttpUrl("https://github.com/a/b")).toBe("https://github.com/a/b");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,x")).toBeNull();
    expect(safeHttpUrl("not a url")).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});
