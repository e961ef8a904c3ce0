import { existsSync, readFileSync } from "node:fs";
import { hfFixture } from "@paperpulse/db/testing";
import * as cheerio from "cheerio";
import { parseListingPage } from "../src/parse/index.ts";
import type { BenchModule } from "./bench-module.ts";

const PAGE = "papers_page_date_2024-08-01.html";
// parseListingPage does more than the baseline (zod validation) and must still be this much faster.
const GOAL_RATIO = 3;
const ROUNDS = 8;
const BLOCK_MS = 400;

/**
 * parseListingPage on the real 2024 page (220 KB, most of it one escaped data-props attribute) against the naive
 * way: cheerio.load with its default parser (parse5), then JSON.parse of the same attribute.
 *
 * The two run in alternating blocks (ROUNDS × BLOCK_MS each) rather than one long stretch after the other: a busy
 * machine then slows both alike. Blocks rather than single alternating runs, so each mostly pays for its own
 * garbage collection (parse5 leaves much more garbage behind).
 */
async function run(): Promise<boolean> {
  const path = hfFixture(PAGE);
  if (!existsSync(path)) {
    console.error(`\n!!! CANNOT RUN: the real page ${path} is absent (see fixtures/hf/SOURCES.md)\n`);
    return false;
  }
  const html = readFileSync(path, "utf8");

  const tasks = {
    "baseline: cheerio.load (parse5) + JSON.parse": () => {
      const props = cheerio.load(html)('div[data-target="DailyPapers"]').attr("data-props");
      return (JSON.parse(props ?? "null") as { dailyPapers: unknown[] }).dailyPapers.length;
    },
    "parseListingPage (htmlparser2 + JSON.parse + zod)": () => parseListingPage(html).items.length,
  };
  const [baseline, candidate] = Object.values(tasks);
  if (!baseline || !candidate) throw new Error("two tasks expected");
  // Both must read the same 13 papers, or the comparison means nothing.
  if (baseline() !== 13 || candidate() !== 13) {
    console.error("the two paths do not both read 13 papers");
    return false;
  }

  const samples: [number[], number[]] = [[], []];
  const runBlock = (task: () => number, times: number[] | null) => {
    const blockStart = performance.now();
    while (performance.now() - blockStart < BLOCK_MS) {
      const start = performance.now();
      task();
      times?.push(performance.now() - start);
    }
  };
  runBlock(baseline, null); // warm-up: JIT and caches, not measured
  runBlock(candidate, null);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on the other's leftover garbage.
    const order = round % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const index of order) runBlock(index === 0 ? baseline : candidate, samples[index]);
  }

  const names = Object.keys(tasks);
  const medians = samples.map((times, index) => {
    const median = percentile(times, 0.5);
    console.log(
      `${names[index]?.padEnd(52)} median ${median.toFixed(2).padStart(6)} ms` +
        `  (p25 ${percentile(times, 0.25).toFixed(2)}, p75 ${percentile(times, 0.75).toFixed(2)} ms, ${times.length} runs)`,
    );
    return median;
  });
  const ratio = (medians[0] ?? Number.NaN) / (medians[1] ?? Number.NaN);
  const met = ratio >= GOAL_RATIO;
  // Printed, not asserted: a busy machine moves the ratio, and a benchmark is no test.
  console.log(`ratio of medians ${ratio.toFixed(2)}x (goal >= ${GOAL_RATIO}x): ${met ? "met" : "MISSED"}`);
  return true;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export const parseBench: BenchModule = { name: "parse", run };
