import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HfDailyPaper } from "@paperpulse/schema";
import { HOUR, MINUTE, weekdaysEndingAt } from "./synthetic-calendar.ts";
import { type DayPaper, makeOrganizations, makePaper } from "./synthetic-papers.ts";
import { clamp, createRandom } from "./synthetic-random.ts";
import { compare } from "./synthetic-text.ts";
import { SUBMITTERS } from "./synthetic-vocabulary.ts";

/**
 * A made-up but realistic archive of recorded `GET /api/daily_papers` responses, for screenshots, demos and tests
 * that must not carry real paper titles or abstracts. Every title, abstract, organisation, author and user name is
 * composed from the vocabularies of synthetic-vocabulary.ts; paper ids use arXiv numbers above 90000, which arXiv
 * has never reached in a month. The same seed always gives the same files, byte for byte, with the same modification
 * times.
 *
 * Each weekday's listing is captured several times (by default 2, 6 and 12 hours and 1, 2, 3, 5, 7, 10 and 14 days
 * after noon UTC of that day), with upvotes and comments growing along a saturating curve, so every paper has a
 * time series.
 */
export type SyntheticArchiveOptions = {
  /** PRNG seed (default 20260601). */
  seed?: number;
  /** Last listing date, YYYY-MM-DD (default 2026-10-30); earlier days are the weekdays before it. */
  end?: string;
  /** Number of weekday listings (default 120). */
  days?: number;
  /** Fewest and most papers a day (default 8 and 20). */
  papersPerDay?: readonly [number, number];
  /** How many organisations papers come from (default 25; past the 30 named ones, more are composed). */
  organizations?: number;
  /** Abstracts are lengthened to at least this many characters (default: as composed, about 500). */
  abstractChars?: number;
  /** Capture times, in hours after noon UTC of the listing date (default 2, 6, 12 h, 1, 2, 3, 5, 7, 10, 14 days). */
  captureHours?: readonly number[];
  /** Captures after this time are not written (default: none left out, every day is captured to the end). */
  until?: Date;
};

/** One paper of the archive as of its last capture. */
export type SyntheticPaper = {
  id: string;
  title: string;
  dailyDate: string;
  /** Organisation name (its slug), or null. */
  organization: string | null;
  upvotes: number;
  comments: number;
  /** How many files the paper appears in. */
  captures: number;
  /** The topics the title was composed for (taxonomy slugs): the primary one first. */
  intendedTopics: string[];
};

export type SyntheticCapture = {
  /** `api_daily_papers_YYYY-MM-DD_<n>.json` */
  name: string;
  listingDate: string;
  capturedAt: Date;
  items: HfDailyPaper[];
};

export type SyntheticArchive = {
  /** Absolute or relative paths of the files written, in capture order. */
  files: string[];
  captures: SyntheticCapture[];
  papers: SyntheticPaper[];
  days: string[];
};

/** Builds the archive in memory: one entry per capture, in time order. */
export function buildSyntheticArchive(
  options: SyntheticArchiveOptions = {},
): Omit<SyntheticArchive, "files"> {
  const seed = options.seed ?? 20260601;
  const end = options.end ?? "2026-10-30";
  const dayCount = options.days ?? 120;
  const [minPerDay, maxPerDay] = options.papersPerDay ?? [8, 20];
  const orgCount = Math.max(1, options.organizations ?? 25);
  const captureHours = [...(options.captureHours ?? [2, 6, 12, 24, 48, 72, 120, 168, 240, 336])].sort(
    (a, b) => a - b,
  );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end) || Number.isNaN(Date.parse(`${end}T00:00:00Z`)))
    throw new Error(`end must be a date (YYYY-MM-DD), got ${end}`);
  if (dayCount < 1 || minPerDay < 1 || maxPerDay < minPerDay || captureHours.length === 0)
    throw new Error("days, papersPerDay and captureHours must be positive");

  const random = createRandom(seed);
  const days = weekdaysEndingAt(end, dayCount);
  const orgs = makeOrganizations(random, orgCount);
  const usedIds = new Set<string>();
  const usedTitles = new Set<string>();
  const submitters = SUBMITTERS;
  const captures: SyntheticCapture[] = [];
  const papers: SyntheticPaper[] = [];
  const lastCaptureEnd = Date.parse(`${end}T12:00:00Z`) + (captureHours.at(-1) ?? 0) * HOUR + HOUR;
  const until = options.until?.getTime() ?? lastCaptureEnd;

  days.forEach((day, dayIndex) => {
    const progress = days.length === 1 ? 1 : dayIndex / (days.length - 1);
    const noon = Date.parse(`${day}T12:00:00Z`);
    const weekday = new Date(noon).getUTCDay();
    const busy = 0.3 + 0.35 * progress + (weekday === 1 ? 0.15 : 0) + 0.3 * (random() - 0.5);
    const count = clamp(Math.round(minPerDay + (maxPerDay - minPerDay) * busy), minPerDay, maxPerDay);
    const dayPapers: DayPaper[] = [];
    for (let i = 0; i < count; i++) {
      dayPapers.push(
        makePaper(random, {
          day,
          noon,
          progress,
          orgs,
          usedIds,
          usedTitles,
          submitters,
          abstractChars: options.abstractChars,
        }),
      );
    }
    // The capture minute varies from day to day like a real cron job's.
    const times = captureHours
      .map(
        (hours) =>
          noon + hours * HOUR + Math.floor(random() * 40) * MINUTE + Math.floor(random() * 60) * 1000,
      )
      .filter((time) => time <= until);
    times.forEach((time, index) => {
      const items = dayPapers
        .map((paper) => ({ paper, ...countsAt(paper, time) }))
        .sort((a, b) => b.upvotes - a.upvotes || compare(a.paper.id, b.paper.id))
        .map(({ paper, upvotes, comments }) => toItem(paper, upvotes, comments));
      captures.push({
        name: `api_daily_papers_${day}_${index + 1}.json`,
        listingDate: day,
        capturedAt: new Date(time),
        items,
      });
    });
    const last = times.at(-1);
    if (last === undefined) return; // not captured yet
    for (const paper of dayPapers) {
      const counts = countsAt(paper, last);
      papers.push({
        id: paper.id,
        title: paper.title,
        dailyDate: day,
        organization: paper.org?.name ?? null,
        upvotes: counts.upvotes,
        comments: counts.comments,
        captures: times.length,
        intendedTopics: paper.topics,
      });
    }
  });
  captures.sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime() || compare(a.name, b.name));
  return { captures, papers, days };
}

/**
 * Writes the archive into `dir` (created if missing): one compact JSON array per capture, named
 * `api_daily_papers_YYYY-MM-DD_<n>.json`, its modification time set to the capture time so that
 * `pnpm scrape import dir` dates each capture right.
 */
export function writeSyntheticArchive(dir: string, options: SyntheticArchiveOptions = {}): SyntheticArchive {
  const archive = buildSyntheticArchive(options);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const capture of archive.captures) {
    const path = join(dir, capture.name);
    writeFileSync(path, `${JSON.stringify(capture.items)}\n`);
    utimesSync(path, capture.capturedAt, capture.capturedAt);
    files.push(path);
  }
  return { ...archive, files };
}

// ---------------------------------------------------------------------------------------------------------------
// Captures

/** Upvotes and comments at a time: a saturating curve that reaches the final counts two weeks after submission. */
function countsAt(paper: DayPaper, time: number): { upvotes: number; comments: number } {
  const hours = Math.max(0, (time - paper.submittedAt) / HOUR);
  const settled = 14 * 24;
  const grown = (h: number, halfLife: number) => {
    const curve = (x: number) => 1 - Math.exp(-((x / halfLife) ** 0.85));
    const share = 0.94 * (curve(h) / curve(settled)) + 0.06 * Math.min(1, h / settled);
    return Math.min(1, share);
  };
  return {
    upvotes: Math.max(1, Math.round(paper.finalUpvotes * grown(hours, paper.halfLife))),
    comments: Math.floor(paper.finalComments * grown(hours, paper.halfLife * 1.8) + 1e-9),
  };
}

function toItem(paper: DayPaper, upvotes: number, comments: number): HfDailyPaper {
  return {
    paper: {
      id: paper.id,
      title: paper.title,
      summary: paper.summary,
      authors: paper.authors.map((name) => ({ name, hidden: false })),
      publishedAt: paper.publishedAt,
      submittedOnDailyAt: new Date(paper.submittedAt).toISOString(),
      upvotes,
      ai_summary: paper.aiSummary,
      ai_keywords: paper.keywords,
      ...(paper.org ? { organization: { name: paper.org.name, fullname: paper.org.fullname } } : {}),
    },
    numComments: comments,
    submittedBy: { name: paper.submitter, fullname: paper.submitter },
    isAuthorParticipating: comments > 0,
  };
}
