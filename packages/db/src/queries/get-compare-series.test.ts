import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import type { CapturedPaper } from "../write/capture.ts";
import { getCompareSeries } from "./get-compare-series.ts";

const org = (name: string) => ({ name, fullname: null, avatar: null });
const paper = (id: string, dailyDate: string, upvotes: number, extra: Partial<CapturedPaper> = {}) =>
  capturedPaper(id, upvotes, { dailyDate, ...extra });

// September: no paper names an organisation (as before Hugging Face named them). October: two of lab-a, one of
// lab-b, one of another lab, one unnamed. November: one of lab-b.
const papers = [
  paper("2509.00001", "2025-09-10", 40, { topics: ["llm"] }),
  paper("2509.00002", "2025-09-11", 2, { topics: ["video"] }),
  paper("2510.00001", "2025-10-01", 10, { organization: org("lab-a"), topics: ["llm", "video"] }),
  paper("2510.00002", "2025-10-02", 5, { organization: org("lab-a"), topics: ["llm"] }),
  paper("2510.00003", "2025-10-03", 7, { organization: org("lab-b"), topics: ["video"] }),
  paper("2510.00004", "2025-10-04", 1, { organization: org("lab-c") }),
  paper("2510.00005", "2025-10-05", 3),
  paper("2511.00001", "2025-11-01", 8, { organization: org("lab-b"), topics: ["llm"] }),
];

describeEachDatabase("compare series", (getDb) => {
  beforeAll(() =>
    storeFresh(getDb(), [{ capturedAt: new Date("2025-11-02T00:00:00Z"), listingDate: null, papers }]),
  );

  it("draws each organisation apart, with shares of the papers naming one", async () => {
    const series = await getCompareSeries(
      getDb(),
      { orgs: ["lab-b", "lab-a"] },
      { by: "org", granularity: "month" },
    );
    expect(series.keys).toEqual(["lab-b", "lab-a"]);
    expect(series.periods).toEqual([
      { period: "2025-09-01", papers: 2, base: 0 },
      { period: "2025-10-01", papers: 5, base: 4 },
      { period: "2025-11-01", papers: 1, base: 1 },
    ]);
    expect(series.rows.map((r) => [r.period, r.key, r.papers, r.upvotes, r.share])).toEqual([
      // Before organisations were named: no share, not a zero share.
      ["2025-09-01", "lab-b", 0, 0, null],
      ["2025-09-01", "lab-a", 0, 0, null],
      ["2025-10-01", "lab-b", 1, 7, 0.25],
      ["2025-10-01", "lab-a", 2, 15, 0.5],
      ["2025-11-01", "lab-b", 1, 8, 1],
      ["2025-11-01", "lab-a", 0, 0, 0],
    ]);
  });

  it("applies the other filters to the series and their base alike", async () => {
    const series = await getCompareSeries(
      getDb(),
      { orgs: ["lab-a", "lab-b"], topics: ["video"], from: "2025-10-01" },
      { by: "org", granularity: "month" },
    );
    // October's video papers: 2510.00001 (lab-a) and 2510.00003 (lab-b), both naming an organisation.
    expect(series.periods).toEqual([{ period: "2025-10-01", papers: 2, base: 2 }]);
    expect(series.rows.map((r) => [r.key, r.papers, r.share])).toEqual([
      ["lab-a", 1, 0.5],
      ["lab-b", 1, 0.5],
    ]);
  });

  it("compares topics over every paper, an organisation filter narrowing both", async () => {
    const all = await getCompareSeries(
      getDb(),
      { orgs: [], topics: ["video", "llm"] },
      { by: "topic", granularity: "month" },
    );
    expect(all.periods.map((p) => [p.period, p.papers, p.base])).toEqual([
      ["2025-09-01", 2, 2],
      ["2025-10-01", 5, 5],
      ["2025-11-01", 1, 1],
    ]);
    expect(all.rows.map((r) => [r.period, r.key, r.papers, r.upvotes, r.share])).toEqual([
      ["2025-09-01", "video", 1, 2, 0.5],
      ["2025-09-01", "llm", 1, 40, 0.5],
      ["2025-10-01", "video", 2, 17, 0.4],
      ["2025-10-01", "llm", 2, 15, 0.4],
      ["2025-11-01", "video", 0, 0, 0],
      ["2025-11-01", "llm", 1, 8, 1],
    ]);
    const ofLabA = await getCompareSeries(
      getDb(),
      { orgs: ["lab-a"], topics: ["llm"] },
      { by: "topic", granularity: "month" },
    );
    expect(ofLabA.rows.map((r) => [r.period, r.papers, r.share])).toEqual([["2025-10-01", 2, 1]]);
  });

  it("answers an empty selection with the periods and no rows", async () => {
    const none = await getCompareSeries(getDb(), { orgs: [] }, { by: "org", granularity: "week" });
    expect(none.rows).toEqual([]);
    expect(none.periods.length).toBeGreaterThan(0);
  });
});
