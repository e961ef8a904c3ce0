import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import { getOrgCoverage } from "./get-org-coverage.ts";

// Three days: before organisations were named (two papers without), then one paper with and one without.
const lab = { name: "coverage-lab", fullname: null, avatar: null };
const papers = [
  capturedPaper("2509.00001", 5, { dailyDate: "2025-09-30", title: "Diffusion before" }),
  capturedPaper("2510.00001", 5, { dailyDate: "2025-10-01" }),
  capturedPaper("2510.00301", 5, { dailyDate: "2025-10-03", organization: lab, title: "Diffusion named" }),
  capturedPaper("2510.00302", 1, { dailyDate: "2025-10-03" }),
];

describeEachDatabase("organisation coverage", (getDb) => {
  beforeAll(async () =>
    storeFresh(getDb(), [{ capturedAt: new Date("2025-10-04T00:00:00Z"), listingDate: null, papers }]),
  );

  it("finds the first day naming an organisation and counts the matching papers naming none", async () => {
    expect(await getOrgCoverage(getDb(), { orgs: [] })).toEqual({
      namedSince: "2025-10-03",
      papers: 4,
      unnamed: 3,
    });
    // The organisation filter itself is left out of the counts: they say what it cannot match.
    expect(await getOrgCoverage(getDb(), { orgs: ["coverage-lab"], from: "2025-10-02" })).toEqual({
      namedSince: "2025-10-03",
      papers: 2,
      unnamed: 1,
    });
    // Other filters count from the papers themselves.
    expect(await getOrgCoverage(getDb(), { orgs: [], q: "diffusion" })).toEqual({
      namedSince: "2025-10-03",
      papers: 2,
      unnamed: 1,
    });
    expect(await getOrgCoverage(getDb(), { orgs: [], minUpvotes: 2, to: "2025-10-01" })).toMatchObject({
      papers: 2,
      unnamed: 2,
    });
  });
});
