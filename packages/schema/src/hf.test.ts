import { describe, expect, it } from "vitest";
import { formatZodIssues, hfApiResponseSchema, hfDailyPaperSchema } from "./hf.ts";

// Synthetic items: the shape of the API, none of its content.
const item = {
  paper: {
    id: "2501.00001",
    title: "A Synthetic Paper",
    authors: [{ name: "Ada Example", hidden: false, user: { user: "ada" } }],
    publishedAt: "2025-01-01T00:00:00.000Z",
    upvotes: 3,
    extraFieldFromTheFuture: { nested: true },
  },
  numComments: 1,
};

describe("hfDailyPaperSchema", () => {
  it("accepts an item and tolerates unknown fields", () => {
    const parsed = hfDailyPaperSchema.parse(item);
    expect(parsed.paper.id).toBe("2501.00001");
    expect(parsed.paper).not.toHaveProperty("extraFieldFromTheFuture");
  });

  it("accepts null for optional fields", () => {
    const parsed = hfDailyPaperSchema.parse({
      ...item,
      paper: { ...item.paper, githubRepo: null, organization: null },
    });
    expect(parsed.paper.githubRepo).toBeNull();
  });

  it("rejects a missing required field with its path", () => {
    const { upvotes: _dropped, ...paper } = item.paper;
    const result = hfApiResponseSchema.safeParse([item, { ...item, paper }]);
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodIssues(result.error)).toMatch(/^\[1\]\.paper\.upvotes: /);
  });

  it("rejects a mistyped field with its path", () => {
    const result = hfDailyPaperSchema.safeParse({ ...item, numComments: "7" });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(formatZodIssues(result.error, ["dailyPapers", 0])).toMatch(/^dailyPapers\[0\]\.numComments: /);
  });

  it("rejects an unparseable date", () => {
    const result = hfDailyPaperSchema.safeParse({
      ...item,
      paper: { ...item.paper, submittedOnDailyAt: "yesterday" },
    });
    expect(result.success).toBe(false);
  });
});
