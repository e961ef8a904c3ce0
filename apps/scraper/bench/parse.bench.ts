import { existsSync, readFileSync } from "node:fs";
import { hfFixture } from "@paperpulse/db/testing";
import * as cheerio from "cheerio";
import { Bench } from "tinybench";
import { parseListingPage } from "../src/parse/index.ts";
import type { BenchModule } from "./bench-module.ts";

const PAGE = "papers_page_date_2024-08-01.html";
// parseListingPage does more than the baseline (zod validation) and must still be this much faster.
const GOAL_RATIO = 3;

/**
 * parseListingPage on the real 2024 page (220 KB, most of it one escaped data-props attribute) against the naive
 * way: cheerio.load with its default parser (parse5), then JSON.parse of the same attribute.
 */
async function run(): Promise<boolean> {
  const path = hfFixture(PAGE);
  if (!existsSync(path)) {
    console.error(`\n!!! CANNOT RUN: the real page ${path} is absent (see fixtures/hf/SOURCES.md)\n`);
    return false;
  }
  const html = readFileSync(path, "utf8");

  const baseline = () => {
    const props = cheerio.load(html)('div[data-target="DailyPapers"]').attr("data-props");
    return (JSON.parse(props ?? "null") as { dailyPapers: unknown[] }).dailyPapers.length;
  };
  const candidate = () => parseListingPage(html).items.length;
  // Both must read the same 13 papers, or the comparison means nothing.
  if (baseline() !== 13 || candidate() !== 13) {
    console.error("the two paths do not both read 13 papers");
    return false;
  }

  const bench = new Bench({ time: 3000, warmupTime: 1000 });
  bench.add("baseline: cheerio.load (parse5) + JSON.parse", baseline);
  bench.add("parseListingPage (htmlparser2 + JSON.parse + zod)", candidate);
  await bench.run();

  const medians = bench.tasks.map((task) => {
    const result = task.result;
    if (!("latency" in result)) throw new Error(`${task.name}: ${result.state}`);
    console.log(
      `${task.name.padEnd(52)} median ${result.latency.p50.toFixed(2).padStart(6)} ms` +
        `  (p75 ${result.latency.p75.toFixed(2)} ms, ${result.latency.samplesCount} runs)`,
    );
    return result.latency.p50;
  });
  const [baselineMs = Number.NaN, candidateMs = Number.NaN] = medians;
  const ratio = baselineMs / candidateMs;
  const met = ratio >= GOAL_RATIO;
  console.log(`ratio ${ratio.toFixed(2)}x (goal >= ${GOAL_RATIO}x): ${met ? "met" : "MISSED"}`);
  return met;
}

export const parseBench: BenchModule = { name: "parse", run };
