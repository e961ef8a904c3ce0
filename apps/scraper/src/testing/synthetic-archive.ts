import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HfDailyPaper } from "@paperpulse/schema";

/**
 * A made-up but realistic archive of recorded `GET /api/daily_papers` responses, for screenshots, demos and tests
 * that must not carry real paper titles or abstracts. Every title, abstract, organisation, author and user name is
 * composed from the vocabularies below; paper ids use arXiv numbers above 90000, which arXiv has never reached in a
 * month. The same seed always gives the same files, byte for byte, with the same modification times.
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
  /** How many organisations papers come from (default 25, at most 30). */
  organizations?: number;
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
  const orgCount = Math.min(ORGANIZATIONS.length, Math.max(1, options.organizations ?? 25));
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
      dayPapers.push(makePaper(random, { day, noon, progress, orgs, usedIds, usedTitles, submitters }));
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
// Papers

type Organization = {
  name: string;
  fullname: string;
  weight: number;
  focus: string[];
  boost: number;
  people: string[];
};

type DayPaper = {
  id: string;
  title: string;
  summary: string;
  aiSummary: string;
  keywords: string[];
  authors: string[];
  org: Organization | null;
  submitter: string;
  publishedAt: string;
  submittedAt: number;
  finalUpvotes: number;
  finalComments: number;
  /** Hours to about two thirds of the final upvotes. */
  halfLife: number;
  topics: string[];
};

type PaperContext = {
  day: string;
  noon: number;
  progress: number;
  orgs: Organization[];
  usedIds: Set<string>;
  usedTitles: Set<string>;
  submitters: readonly string[];
};

type Kind = "method" | "benchmark" | "dataset" | "study";

function makePaper(random: Random, context: PaperContext): DayPaper {
  const { noon, progress, orgs } = context;
  const org = random() < 0.22 ? null : weightedPick(random, orgs, (o) => o.weight);
  const primary = weightedPick(random, TOPICS, (topic) => {
    const trend = 1 + (topic.trend - 1) * progress;
    return topic.weight * trend * (org?.focus.includes(topic.slug) ? 6 : 1);
  });
  const secondary =
    random() < 0.65 ? (TOPICS.find((t) => t.slug === pick(random, primary.related)) ?? null) : null;
  const kindRoll = random();
  const kind: Kind =
    kindRoll < 0.13 ? "benchmark" : kindRoll < 0.2 ? "dataset" : kindRoll < 0.3 ? "study" : "method";

  let title = "";
  let name = "";
  let task = "";
  let technique = "";
  for (let attempt = 0; attempt < 20; attempt++) {
    task = pick(random, primary.tasks);
    technique = pick(random, (secondary ?? primary).techniques);
    name = methodName(random, kind, primary);
    title = composeTitle(random, kind, { name, task, technique, secondary, primary });
    // "World Models for Embodied Agents with World Models" reads as made up: a task and a technique share no word.
    if (!context.usedTitles.has(title) && !sharesWord(task, technique)) break;
  }
  context.usedTitles.add(title);

  const topics = [primary.slug];
  if (secondary) topics.push(secondary.slug);
  if (kind === "benchmark") topics.push("evaluation");
  if (kind === "dataset") topics.push("datasets");

  const published = noon - (1 + Math.floor(random() * 3)) * DAY - Math.floor(random() * 12) * HOUR;
  const submittedAt = noon - (0.5 + random() * 3.5) * HOUR;
  const id = paperId(random, published, context.usedIds);

  const people = org ? org.people : [];
  const authorCount = 2 + Math.floor(random() ** 1.6 * 11);
  const authors = new Set<string>();
  while (authors.size < authorCount) {
    authors.add(people.length > 0 && random() < 0.6 ? pick(random, people) : personName(random));
  }

  // Heavy-tailed final counts: lognormal, a little higher later in the period and for popular organisations,
  // with an occasional breakout paper.
  const breakout = random() < 0.03 ? 2 + random() * 3 : 1;
  const kindBoost = kind === "benchmark" ? 0.9 : kind === "study" ? 0.8 : 1;
  const log = 1.95 + 0.35 * progress + Math.log(org?.boost ?? 0.8) + 1.0 * normal(random);
  const finalUpvotes = clamp(Math.round(Math.exp(log) * breakout * kindBoost), 1, 900);
  const finalComments = Math.floor(Math.sqrt(finalUpvotes) * random() * 0.9 + (random() < 0.15 ? 1 : 0));
  const halfLife = clamp(Math.exp(Math.log(20) + 0.6 * normal(random)), 5, 96);

  return {
    id,
    title,
    summary: composeAbstract(random, kind, { name, task, technique, primary, secondary }),
    aiSummary: `${name} ${pick(random, SUMMARY_VERBS)} ${task} with ${technique}, ${pick(random, SUMMARY_ENDINGS)}.`,
    keywords: composeKeywords(random, kind, primary, secondary, progress),
    authors: [...authors],
    org,
    submitter:
      random() < 0.55 ? pick(random, context.submitters.slice(0, 4)) : pick(random, context.submitters),
    publishedAt: new Date(published).toISOString(),
    submittedAt,
    finalUpvotes,
    finalComments,
    halfLife,
    topics: [...new Set(topics)],
  };
}

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

/** `YYMM.9NNNN`: arXiv has never numbered a month's papers that high. */
function paperId(random: Random, published: number, used: Set<string>): string {
  const date = new Date(published);
  const prefix = `${String(date.getUTCFullYear() % 100).padStart(2, "0")}${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  for (;;) {
    const id = `${prefix}.9${String(Math.floor(random() * 10_000)).padStart(4, "0")}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function methodName(random: Random, kind: Kind, topic: Topic): string {
  const stem = pick(random, NAME_STEMS);
  if (kind === "benchmark") return `${stem}${pick(random, ["Bench", "Eval", "Arena"])}`;
  if (kind === "dataset") return `${stem}${pick(random, ["Set", "Corpus", "-1M", "Data"])}`;
  const suffix = pick(random, topic.suffixes);
  const version = random() < 0.12 ? `-${pick(random, ["2", "v2", "Pro", "Lite", "X"])}` : "";
  return `${stem}${suffix}${version}`;
}

type Parts = { name: string; task: string; technique: string; primary: Topic; secondary: Topic | null };

function composeTitle(random: Random, kind: Kind, parts: Parts): string {
  const { name, primary, secondary } = parts;
  const task = titleCase(parts.task);
  const technique = titleCase(parts.technique);
  const adjective = pick(random, ADJECTIVES);
  if (kind === "benchmark") {
    return pick(random, [
      `${name}: A Benchmark for ${task}`,
      `${name}: Benchmarking ${technique} on ${adjective} ${task}`,
      `${name}: Evaluating ${adjective} ${task} in the Wild`,
    ]);
  }
  if (kind === "dataset") {
    return pick(random, [
      `${name}: A Large-Scale Dataset for ${task}`,
      `${name}: An Open Dataset and Recipe for ${task}`,
    ]);
  }
  if (kind === "study") {
    return pick(random, [
      `Rethinking ${technique} for ${task}`,
      `Do ${titleCase(primary.subject)} Really Need ${technique}?`,
      `When ${technique} Meets ${task}`,
      `What Matters in ${task}? A Study of ${technique}`,
      `On the Limits of ${technique} for ${task}`,
    ]);
  }
  const other = secondary ? titleCase(pick(random, secondary.tasks)) : null;
  const templates = [
    `${name}: ${adjective} ${task} with ${technique}`,
    `${name}: ${task} via ${technique}`,
    `${technique} for ${adjective} ${task}`,
    `Towards ${adjective} ${task} with ${technique}`,
    `${name}: Scaling ${technique} for ${task}`,
    `${name}: ${adjective} ${task}`,
  ];
  if (other && other !== task) templates.push(`${name}: Unifying ${task} and ${other}`);
  return pick(random, templates);
}

function composeAbstract(random: Random, kind: Kind, parts: Parts): string {
  const { name, task, technique, primary, secondary } = parts;
  const others = [...(secondary?.techniques ?? []), ...primary.techniques].filter((t) => t !== technique);
  const second = others.length > 0 ? pick(random, others) : "a learned verifier";
  const sentences = [`Despite rapid progress in ${primary.area}, ${pick(random, primary.challenges)}.`];
  const scale = pick(random, ["1.2K", "3.4K", "8K", "12K", "25K", "40K", "120K", "1.6M"]);
  if (kind === "benchmark") {
    sentences.push(
      `We introduce ${name}, a benchmark of ${scale} tasks for evaluating ${task}, with a new evaluation protocol and human evaluation of every item.`,
      `We evaluate ${pick(random, ["18", "24", "31", "40"])} open and proprietary models and find that ${pick(random, FINDINGS)}.`,
    );
  } else if (kind === "dataset") {
    sentences.push(
      `We release ${name}, a large-scale dataset of ${scale} examples for ${task}, built with a data curation pipeline that combines ${technique} with careful data filtering.`,
      `Models trained on ${name} improve ${pick(random, primary.metrics)} by ${percent(random)}% over those trained on existing data.`,
    );
  } else if (kind === "study") {
    sentences.push(
      `We present a systematic study of ${technique} for ${task}, covering ${pick(random, ["6", "9", "12", "15"])} model families and several training budgets.`,
      `We find that ${pick(random, FINDINGS)}, and that ${second} closes most of the remaining gap.`,
    );
  } else {
    sentences.push(
      `We introduce ${name}, a ${pick(random, ADJECTIVES).toLowerCase()} framework for ${task} that builds on ${technique}.`,
      pick(random, [
        `The key idea is to pair ${technique} with ${second}, so that ${pick(random, BENEFITS)}.`,
        `${name} first ${pick(random, STEPS)}, then ${pick(random, STEPS)}.`,
        `Unlike prior work, ${name} ${pick(random, STEPS)}, so that ${pick(random, BENEFITS)}.`,
      ]),
      `Across ${pick(random, ["four", "five", "six", "seven", "eight"])} benchmarks, ${name} improves ${pick(random, primary.metrics)} by ${percent(random)}% over strong baselines${pick(random, EXTRAS)}.`,
    );
  }
  if (random() < 0.55) sentences.push(pick(random, CLOSINGS));
  return sentences.join(" ");
}

function composeKeywords(
  random: Random,
  kind: Kind,
  primary: Topic,
  secondary: Topic | null,
  progress: number,
): string[] {
  const keywords = sample(random, primary.keywords, 2 + Math.floor(random() * 3));
  if (secondary) keywords.push(...sample(random, secondary.keywords, 1 + Math.floor(random() * 2)));
  if (kind === "benchmark")
    keywords.push(...sample(random, ["benchmark", "evaluation", "LLM-as-a-judge"], 2));
  if (kind === "dataset") keywords.push(...sample(random, ["dataset", "data curation", "synthetic data"], 2));
  for (const emerging of [...primary.emerging, ...(secondary?.emerging ?? [])]) {
    if (progress >= emerging.from && random() < 0.6) keywords.push(emerging.keyword);
  }
  if (random() < 0.4) keywords.push(pick(random, GENERIC_KEYWORDS));
  return [...new Set(keywords)];
}

function makeOrganizations(random: Random, count: number): Organization[] {
  const slugs = TOPICS.map((t) => t.slug);
  return ORGANIZATIONS.slice(0, count).map(([name, fullname, focus], index) => {
    const chosen = focus.length > 0 ? [...focus] : sample(random, slugs, 2);
    if (chosen.length < 3) chosen.push(pick(random, slugs));
    const people: string[] = [];
    const size = 8 + Math.floor(random() * 10);
    while (people.length < size) people.push(personName(random));
    return {
      name,
      fullname,
      // Zipf-like: a few organisations publish most papers.
      weight: 1 / (index + 1) ** 0.65,
      focus: chosen,
      boost: 0.7 + random() * 1.1 + (index < 5 ? 0.3 : 0),
      people,
    };
  });
}

function personName(random: Random): string {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  return random() < 0.08 ? `${first} ${pick(random, INITIALS)}. ${last}` : `${first} ${last}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Random = () => number;

/** sfc32 seeded through splitmix32: fast, well distributed, and the same sequence on every platform. */
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4_294_967_296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function weightedPick<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  const weights = items.map(weight);
  let roll = random() * weights.reduce((sum, w) => sum + w, 0);
  for (const [i, item] of items.entries()) {
    roll -= weights[i] ?? 0;
    if (roll < 0) return item;
  }
  return pick(random, items);
}

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0)
    out.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return out;
}

function percent(random: Random): string {
  return (2 + random() * 18).toFixed(1);
}

function sharesWord(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((word) => word.length > 3);
  const first = new Set(words(a).map((word) => word.replace(/s$/, "")));
  return words(b).some((word) => first.has(word.replace(/s$/, "")));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `count` weekdays ending at `end` (included when it is a weekday), oldest first. */
function weekdaysEndingAt(end: string, count: number): string[] {
  const days: string[] = [];
  let time = Date.parse(`${end}T00:00:00Z`);
  while (days.length < count) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(time).toISOString().slice(0, 10));
    time -= DAY;
  }
  return days.reverse();
}

const SMALL_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "via",
  "with",
]);

/** "text-to-video generation with LLMs" → "Text-to-Video Generation with LLMs" (acronyms keep their case). */
function titleCase(text: string): string {
  const capitalize = (word: string, first: boolean) =>
    !first && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1);
  return text
    .split(" ")
    .map((word, i) =>
      word
        .split("-")
        .map((part, j) => capitalize(part, i === 0 && j === 0))
        .join("-"),
    )
    .join(" ");
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies. Every task and technique names its topic in words of the taxonomy (apps/scraper/src/topics), so a
// title composed from them is matched to the topic it was made for.

type Topic = {
  slug: string;
  /** Relative frequency at the start of the period, and its multiplier by the end. */
  weight: number;
  trend: number;
  area: string;
  subject: string;
  tasks: string[];
  techniques: string[];
  challenges: string[];
  metrics: string[];
  keywords: string[];
  /** Keywords that appear only from a point of the period on (0 = start, 1 = end): the rising keywords. */
  emerging: { keyword: string; from: number }[];
  suffixes: string[];
  related: string[];
};

const TOPICS: Topic[] = [
  {
    slug: "llm",
    weight: 10,
    trend: 0.75,
    area: "large language models",
    subject: "large language models",
    tasks: [
      "instruction following in large language models",
      "knowledge editing in language models",
      "long-form generation with LLMs",
      "small language model training",
      "LLM self-improvement",
      "factual recall in large language models",
    ],
    techniques: [
      "LLM self-critique",
      "language model uncertainty estimates",
      "LLM-generated curricula",
      "language model self-distillation",
    ],
    challenges: [
      "their answers remain poorly calibrated on long-tail facts",
      "they still follow instructions with many constraints unreliably",
      "adapting them to new knowledge without forgetting remains costly",
    ],
    metrics: ["factual accuracy", "instruction-following accuracy", "win rate"],
    keywords: [
      "large language models",
      "LLMs",
      "instruction tuning",
      "knowledge editing",
      "hallucination",
      "in-context learning",
      "supervised fine-tuning",
      "calibration",
    ],
    emerging: [{ keyword: "self-distillation", from: 0.72 }],
    suffixes: ["LM", "Instruct", "Tune", "Mind"],
    related: ["reasoning", "reinforcement-learning", "efficiency", "safety-alignment", "training", "agents"],
  },
  {
    slug: "multimodal",
    weight: 9,
    trend: 0.9,
    area: "multimodal large language models",
    subject: "multimodal large language models",
    tasks: [
      "multimodal document understanding",
      "visual question answering",
      "fine-grained visual grounding",
      "multi-image understanding in MLLMs",
      "vision-language instruction following",
    ],
    techniques: [
      "vision-language alignment",
      "multimodal chain-of-thought",
      "region-aware vision encoders",
      "visual instruction tuning",
    ],
    challenges: [
      "they often describe objects that are not in the image",
      "fine-grained spatial relations between objects remain hard for them",
    ],
    metrics: ["VQA accuracy", "grounding accuracy", "hallucination rate"],
    keywords: [
      "multimodal large language models",
      "MLLMs",
      "vision-language models",
      "visual question answering",
      "visual grounding",
      "visual tokens",
      "image-text alignment",
    ],
    emerging: [{ keyword: "thinking with images", from: 0.6 }],
    suffixes: ["VL", "Vision", "Lens", "Sight"],
    related: ["reasoning", "efficiency", "vision-perception", "video", "reinforcement-learning"],
  },
  {
    slug: "image-generation",
    weight: 8,
    trend: 0.55,
    area: "text-to-image generation",
    subject: "text-to-image diffusion models",
    tasks: [
      "text-to-image generation",
      "instruction-based image editing",
      "subject-driven generation",
      "high-resolution image synthesis",
      "image restoration",
    ],
    techniques: [
      "rectified flow",
      "diffusion transformers",
      "flow matching",
      "latent diffusion",
      "visual tokenizers",
    ],
    challenges: [
      "generated images still miss fine details of long prompts",
      "sampling remains slow at high resolution",
      "edits often change parts of the image they should keep",
    ],
    metrics: ["FID", "prompt alignment", "human preference win rate"],
    keywords: [
      "diffusion models",
      "text-to-image",
      "flow matching",
      "diffusion transformer",
      "image editing",
      "classifier-free guidance",
      "latent space",
    ],
    emerging: [{ keyword: "unified autoregressive generation", from: 0.65 }],
    suffixes: ["Diff", "Gen", "Paint", "Flow"],
    related: ["video", "efficiency", "multimodal", "3d", "reinforcement-learning"],
  },
  {
    slug: "video",
    weight: 8,
    trend: 1.1,
    area: "video generation",
    subject: "video generation models",
    tasks: [
      "long video generation",
      "text-to-video generation",
      "image-to-video animation",
      "video editing",
      "long video understanding",
      "talking head synthesis",
    ],
    techniques: [
      "causal video diffusion",
      "video diffusion transformers",
      "video motion priors",
      "video tokenizers",
    ],
    challenges: [
      "long clips drift in identity and layout",
      "motion in generated clips is often implausible",
      "processing hour-long videos exceeds the context of current models",
    ],
    metrics: ["FVD", "temporal consistency", "motion smoothness"],
    keywords: [
      "video generation",
      "video diffusion models",
      "temporal consistency",
      "motion control",
      "text-to-video",
      "long video understanding",
      "video editing",
    ],
    emerging: [{ keyword: "autoregressive video diffusion", from: 0.6 }],
    suffixes: ["Motion", "Reel", "Cine", "Frame"],
    related: ["image-generation", "world-models", "multimodal", "efficiency", "3d"],
  },
  {
    slug: "3d",
    weight: 6,
    trend: 1,
    area: "3D reconstruction and generation",
    subject: "3D reconstruction methods",
    tasks: [
      "sparse-view 3D reconstruction",
      "text-to-3D generation",
      "dynamic scene reconstruction",
      "novel view synthesis",
      "mesh generation",
      "4D reconstruction",
    ],
    techniques: [
      "3D Gaussian splatting",
      "feed-forward Gaussian splatting",
      "multi-view diffusion",
      "neural radiance fields",
      "point cloud transformers",
    ],
    challenges: [
      "reconstructions from a few views remain blurry",
      "per-scene optimization takes minutes to hours",
    ],
    metrics: ["PSNR", "Chamfer distance", "LPIPS"],
    keywords: [
      "3D Gaussian Splatting",
      "novel view synthesis",
      "3D reconstruction",
      "NeRF",
      "multi-view consistency",
      "mesh generation",
      "camera pose estimation",
    ],
    emerging: [],
    suffixes: ["Splat", "3D", "Mesh", "Scene"],
    related: ["image-generation", "video", "robotics", "vision-perception"],
  },
  {
    slug: "robotics",
    weight: 5,
    trend: 1.6,
    area: "robot learning",
    subject: "vision-language-action models",
    tasks: [
      "dexterous robot manipulation",
      "humanoid locomotion",
      "vision-language navigation",
      "bimanual robot manipulation",
      "long-horizon robot planning",
    ],
    techniques: [
      "vision-language-action models",
      "sim-to-real transfer",
      "robot teleoperation data",
      "visuomotor policies",
    ],
    challenges: [
      "policies trained in simulation fail on real hardware",
      "collecting robot demonstrations is slow and expensive",
    ],
    metrics: ["task success rate", "real-world success rate"],
    keywords: [
      "vision-language-action models",
      "robot manipulation",
      "embodied AI",
      "imitation learning",
      "sim-to-real",
      "humanoid robots",
      "action chunking",
    ],
    emerging: [{ keyword: "world action models", from: 0.7 }],
    suffixes: ["Bot", "Grasp", "VLA", "Nav"],
    related: ["world-models", "multimodal", "reinforcement-learning", "3d", "autonomous-driving"],
  },
  {
    slug: "autonomous-driving",
    weight: 2,
    trend: 1,
    area: "autonomous driving",
    subject: "autonomous driving systems",
    tasks: [
      "end-to-end autonomous driving",
      "driving scene generation",
      "trajectory planning for autonomous driving",
      "BEV perception for self-driving",
    ],
    techniques: ["driving world models", "BEV representations", "self-driving simulators"],
    challenges: ["rare traffic situations are missing from driving logs"],
    metrics: ["collision rate", "planning error"],
    keywords: ["autonomous driving", "end-to-end driving", "trajectory prediction", "BEV", "motion planning"],
    emerging: [],
    suffixes: ["Drive", "Road"],
    related: ["world-models", "robotics", "3d"],
  },
  {
    slug: "agents",
    weight: 7,
    trend: 2.6,
    area: "LLM agents",
    subject: "LLM agents",
    tasks: [
      "GUI agents",
      "web navigation agents",
      "deep research agents",
      "multi-agent collaboration",
      "tool use in language agents",
      "computer-use agents",
    ],
    techniques: ["agentic memory", "tool calling", "multi-agent debate", "agent workflows"],
    challenges: [
      "agents lose track of their goal over long tasks",
      "errors in early tool calls compound over long trajectories",
    ],
    metrics: ["task completion rate", "success rate"],
    keywords: [
      "LLM agents",
      "GUI agents",
      "tool use",
      "multi-agent systems",
      "web agents",
      "agentic workflows",
      "function calling",
      "long-horizon tasks",
    ],
    emerging: [
      { keyword: "agentic RL", from: 0.62 },
      { keyword: "context engineering", from: 0.75 },
    ],
    suffixes: ["Agent", "Pilot", "Act"],
    related: ["reinforcement-learning", "llm", "code", "retrieval-rag", "reasoning", "multimodal"],
  },
  {
    slug: "reinforcement-learning",
    weight: 6,
    trend: 2,
    area: "reinforcement learning for language models",
    subject: "RL-trained language models",
    tasks: [
      "RL fine-tuning of language models",
      "reinforcement learning with verifiable rewards",
      "policy optimization for long-horizon tasks",
      "offline reinforcement learning",
      "reward modeling",
    ],
    techniques: [
      "group relative policy optimization",
      "process reward models",
      "off-policy correction",
      "reward shaping",
    ],
    challenges: [
      "training collapses when rewards are sparse",
      "policies exploit flaws in learned reward models",
      "exploration shrinks as entropy collapses during training",
    ],
    metrics: ["pass@1", "average reward", "sample efficiency"],
    keywords: [
      "reinforcement learning",
      "GRPO",
      "RLVR",
      "policy optimization",
      "reward model",
      "verifiable rewards",
      "exploration",
      "entropy collapse",
    ],
    emerging: [{ keyword: "on-policy distillation", from: 0.7 }],
    suffixes: ["RL", "PO", "Reward"],
    related: ["reasoning", "llm", "agents", "math", "code"],
  },
  {
    slug: "reasoning",
    weight: 7,
    trend: 1.4,
    area: "large reasoning models",
    subject: "reasoning models",
    tasks: [
      "multi-step reasoning",
      "long chain-of-thought reasoning",
      "test-time scaling",
      "adaptive reasoning in LRMs",
      "efficient reasoning",
    ],
    techniques: [
      "chain-of-thought distillation",
      "self-reflection",
      "test-time compute allocation",
      "latent reasoning",
    ],
    challenges: [
      "models overthink simple questions and waste tokens",
      "long reasoning traces are hard to verify",
    ],
    metrics: ["accuracy", "token efficiency"],
    keywords: [
      "chain-of-thought",
      "test-time scaling",
      "large reasoning models",
      "overthinking",
      "self-reflection",
      "latent reasoning",
    ],
    emerging: [{ keyword: "adaptive thinking budget", from: 0.7 }],
    suffixes: ["Think", "Reason", "R1"],
    related: ["reinforcement-learning", "math", "llm", "multimodal", "efficiency"],
  },
  {
    slug: "code",
    weight: 4,
    trend: 1.3,
    area: "code generation",
    subject: "code LLMs",
    tasks: [
      "repository-level code generation",
      "code repair",
      "text-to-SQL",
      "unit test generation",
      "CUDA kernel generation",
    ],
    techniques: ["execution feedback for code LLMs", "program synthesis", "coding agents"],
    challenges: [
      "generated patches often pass visible tests but break hidden ones",
      "models struggle to navigate large codebases",
    ],
    metrics: ["pass@1", "resolve rate"],
    keywords: [
      "code generation",
      "code LLMs",
      "software engineering",
      "SWE-bench",
      "program repair",
      "unit tests",
    ],
    emerging: [],
    suffixes: ["Coder", "Code", "Patch"],
    related: ["agents", "reinforcement-learning", "evaluation", "llm"],
  },
  {
    slug: "speech-audio",
    weight: 4,
    trend: 1,
    area: "speech and audio generation",
    subject: "speech language models",
    tasks: [
      "text-to-speech synthesis",
      "spoken dialogue modeling",
      "speech recognition",
      "music generation",
      "audio captioning",
      "voice conversion",
    ],
    techniques: ["neural audio codecs", "speech tokenizers", "audio language models"],
    challenges: [
      "synthesized speech still sounds flat over long passages",
      "speech models lag behind text models in reasoning",
    ],
    metrics: ["word error rate", "MOS"],
    keywords: [
      "text-to-speech",
      "speech recognition",
      "audio language models",
      "speech tokenizer",
      "music generation",
      "spoken dialogue",
      "audio codec",
    ],
    emerging: [{ keyword: "full-duplex dialogue", from: 0.6 }],
    suffixes: ["Voice", "Speech", "Audio", "Tune"],
    related: ["llm", "multimodal", "efficiency"],
  },
  {
    slug: "efficiency",
    weight: 5,
    trend: 1,
    area: "efficient inference",
    subject: "efficient LLMs",
    tasks: [
      "efficient LLM inference",
      "KV cache compression",
      "speculative decoding",
      "low-bit quantization",
      "token pruning for vision-language models",
    ],
    techniques: [
      "KV cache eviction",
      "speculative decoding",
      "mixed-precision quantization",
      "structured pruning",
      "sparse attention",
    ],
    challenges: [
      "serving long contexts is bounded by memory footprint",
      "compressed models lose accuracy on hard inputs",
    ],
    metrics: ["throughput", "accuracy at equal memory", "latency"],
    keywords: [
      "KV cache",
      "quantization",
      "speculative decoding",
      "pruning",
      "inference acceleration",
      "LoRA",
      "sparse attention",
      "memory footprint",
    ],
    emerging: [],
    suffixes: ["Quant", "Spec", "Prune", "Cache"],
    related: ["llm", "architectures", "reasoning", "multimodal"],
  },
  {
    slug: "architectures",
    weight: 3,
    trend: 1,
    area: "sequence model architectures",
    subject: "long-context models",
    tasks: [
      "long-context modeling",
      "mixture-of-experts language models",
      "long-sequence modeling with state space models",
      "hybrid architectures",
    ],
    techniques: [
      "mixture of experts",
      "linear attention",
      "RoPE-based length extrapolation",
      "state space models",
    ],
    challenges: ["attention cost grows quadratically with context length"],
    metrics: ["perplexity", "long-context retrieval accuracy"],
    keywords: [
      "mixture of experts",
      "long context",
      "state space models",
      "linear attention",
      "RoPE",
      "expert routing",
    ],
    emerging: [],
    suffixes: ["Former", "MoE", "Mamba"],
    related: ["efficiency", "training", "llm"],
  },
  {
    slug: "training",
    weight: 3,
    trend: 0.9,
    area: "language model pretraining",
    subject: "pretrained models",
    tasks: [
      "LLM pretraining",
      "continual pretraining",
      "data mixture optimization",
      "training stability at scale",
    ],
    techniques: [
      "scaling laws",
      "curriculum pretraining",
      "learning rate schedules",
      "second-order optimizers",
    ],
    challenges: ["pretraining runs diverge unpredictably at scale"],
    metrics: ["downstream accuracy", "compute efficiency"],
    keywords: [
      "pretraining",
      "scaling laws",
      "data mixture",
      "optimizer",
      "training dynamics",
      "mid-training",
    ],
    emerging: [],
    suffixes: ["Scale", "Mix"],
    related: ["llm", "architectures", "datasets"],
  },
  {
    slug: "safety-alignment",
    weight: 4,
    trend: 1,
    area: "LLM safety",
    subject: "aligned language models",
    tasks: [
      "jailbreak defense",
      "safety alignment of LLMs",
      "machine unlearning",
      "red teaming",
      "preference optimization",
      "watermarking generated text",
    ],
    techniques: [
      "direct preference optimization",
      "safety guardrails",
      "adversarial training against jailbreaks",
    ],
    challenges: [
      "aligned models remain vulnerable to simple jailbreaks",
      "safety training makes models refuse harmless requests",
    ],
    metrics: ["attack success rate", "harmlessness", "win rate"],
    keywords: [
      "AI safety",
      "jailbreak",
      "DPO",
      "preference optimization",
      "red teaming",
      "unlearning",
      "reward hacking",
    ],
    emerging: [{ keyword: "sycophancy", from: 0.55 }],
    suffixes: ["Guard", "Shield", "Align"],
    related: ["llm", "reinforcement-learning", "interpretability", "agents"],
  },
  {
    slug: "retrieval-rag",
    weight: 3,
    trend: 0.6,
    area: "retrieval-augmented generation",
    subject: "retrieval-augmented models",
    tasks: [
      "retrieval-augmented generation",
      "dense retrieval",
      "document reranking",
      "multi-hop question answering with retrieval",
    ],
    techniques: ["retrieval-augmented generation", "learned rerankers", "embedding models"],
    challenges: ["retrieved passages are often relevant but insufficient"],
    metrics: ["recall@10", "answer accuracy"],
    keywords: [
      "retrieval-augmented generation",
      "RAG",
      "dense retrieval",
      "reranking",
      "embedding models",
      "query rewriting",
    ],
    emerging: [],
    suffixes: ["RAG", "Retriever", "Search"],
    related: ["agents", "llm", "multimodal"],
  },
  {
    slug: "medical",
    weight: 2,
    trend: 1,
    area: "medical AI",
    subject: "medical foundation models",
    tasks: [
      "radiology report generation",
      "clinical decision support",
      "medical image segmentation",
      "medical question answering",
      "pathology slide analysis",
    ],
    techniques: ["medical foundation models", "clinical retrieval"],
    challenges: ["clinical data are scarce and hard to share"],
    metrics: ["diagnostic accuracy", "clinical F1"],
    keywords: [
      "medical imaging",
      "radiology",
      "clinical reasoning",
      "medical VQA",
      "electronic health records",
      "pathology",
    ],
    emerging: [],
    suffixes: ["Med", "Clinic", "Rad"],
    related: ["multimodal", "reasoning", "vision-perception"],
  },
  {
    slug: "science",
    weight: 2,
    trend: 1,
    area: "AI for science",
    subject: "scientific foundation models",
    tasks: [
      "protein structure generation",
      "molecule design",
      "weather forecasting",
      "single-cell modeling",
      "scientific discovery with LLMs",
    ],
    techniques: ["equivariant molecular transformers", "molecular graphs", "protein structure priors"],
    challenges: ["experimental validation of generated candidates is slow"],
    metrics: ["success rate", "forecast skill"],
    keywords: [
      "protein design",
      "molecular generation",
      "AI for science",
      "scientific discovery",
      "weather forecasting",
    ],
    emerging: [],
    suffixes: ["Fold", "Mol", "Sci"],
    related: ["agents", "graphs", "llm"],
  },
  {
    slug: "math",
    weight: 2,
    trend: 1.1,
    area: "mathematical reasoning",
    subject: "math models",
    tasks: [
      "formal theorem proving",
      "olympiad math problem solving",
      "autoformalization",
      "mathematical reasoning",
    ],
    techniques: ["Lean 4 proof search", "math process supervision"],
    challenges: ["informal proofs generated by models are hard to check"],
    metrics: ["pass@32", "accuracy on competition problems"],
    keywords: [
      "mathematical reasoning",
      "theorem proving",
      "Lean 4",
      "AIME",
      "autoformalization",
      "formal verification",
    ],
    emerging: [],
    suffixes: ["Prover", "Math"],
    related: ["reasoning", "reinforcement-learning", "llm"],
  },
  {
    slug: "interpretability",
    weight: 2,
    trend: 1.2,
    area: "interpretability",
    subject: "language models",
    tasks: [
      "mechanistic interpretability",
      "activation steering",
      "circuit discovery",
      "interpretable reward models",
    ],
    techniques: ["sparse autoencoders", "linear probes", "steering vectors"],
    challenges: ["we still know little about how models represent what they know"],
    metrics: ["faithfulness", "steering success rate"],
    keywords: [
      "interpretability",
      "sparse autoencoders",
      "activation steering",
      "probing",
      "circuits",
      "feature attribution",
    ],
    emerging: [],
    suffixes: ["Lens", "Probe"],
    related: ["llm", "safety-alignment", "reasoning"],
  },
  {
    slug: "world-models",
    weight: 3,
    trend: 2.2,
    area: "world models",
    subject: "video world models",
    tasks: [
      "interactive world simulation",
      "playable game generation",
      "world models for embodied agents",
      "action-conditioned world models",
    ],
    techniques: ["world models", "neural game engines", "interactive video generation"],
    challenges: ["simulated worlds lose consistency when revisited"],
    metrics: ["long-horizon consistency", "action accuracy"],
    keywords: [
      "world models",
      "interactive video",
      "game generation",
      "action-conditioned generation",
      "world simulation",
    ],
    emerging: [{ keyword: "spatial memory", from: 0.6 }],
    suffixes: ["World", "Sim", "Verse"],
    related: ["video", "robotics", "autonomous-driving", "3d"],
  },
  {
    slug: "vision-perception",
    weight: 4,
    trend: 0.6,
    area: "visual perception",
    subject: "vision transformers",
    tasks: [
      "open-vocabulary object detection",
      "video object segmentation",
      "multi-object tracking",
      "document parsing",
      "remote sensing segmentation",
    ],
    techniques: [
      "vision transformers",
      "self-supervised visual representation learning",
      "segmentation foundation models",
    ],
    challenges: ["detectors fail on categories unseen during training"],
    metrics: ["mAP", "mIoU"],
    keywords: [
      "object detection",
      "semantic segmentation",
      "open-vocabulary",
      "OCR",
      "document parsing",
      "vision transformer",
    ],
    emerging: [],
    suffixes: ["Det", "Seg", "Track"],
    related: ["multimodal", "3d", "video"],
  },
  {
    slug: "multilingual",
    weight: 1.5,
    trend: 1,
    area: "multilingual language models",
    subject: "multilingual models",
    tasks: [
      "machine translation for low-resource languages",
      "multilingual instruction tuning",
      "cross-lingual transfer",
    ],
    techniques: ["multilingual data mixing", "cross-lingual alignment"],
    challenges: ["most languages have little training data"],
    metrics: ["chrF", "accuracy across languages"],
    keywords: ["multilingual", "machine translation", "low-resource languages", "cross-lingual transfer"],
    emerging: [],
    suffixes: ["Lingo", "Babel"],
    related: ["llm", "speech-audio", "evaluation"],
  },
  {
    slug: "time-series",
    weight: 1,
    trend: 1,
    area: "time series forecasting",
    subject: "time series models",
    tasks: ["time series forecasting", "zero-shot time series forecasting"],
    techniques: ["time series foundation models", "patch-based time series transformers"],
    challenges: ["forecasters trained on one domain transfer poorly to others"],
    metrics: ["MASE", "CRPS"],
    keywords: ["time series forecasting", "foundation models", "temporal patterns"],
    emerging: [],
    suffixes: ["Cast", "TS"],
    related: ["llm", "science"],
  },
  {
    slug: "graphs",
    weight: 0.8,
    trend: 1,
    area: "graph learning",
    subject: "graph neural networks",
    tasks: ["knowledge graph completion", "graph learning with LLMs"],
    techniques: ["graph neural networks", "graph transformers"],
    challenges: ["graph models struggle with long-range dependencies"],
    metrics: ["MRR", "accuracy"],
    keywords: ["graph neural networks", "knowledge graphs", "link prediction"],
    emerging: [],
    suffixes: ["Graph", "GNN"],
    related: ["llm", "retrieval-rag", "science"],
  },
  {
    slug: "recommendation",
    weight: 0.8,
    trend: 1,
    area: "recommender systems",
    subject: "recommender systems",
    tasks: ["sequential recommendation", "generative recommendation"],
    techniques: ["semantic IDs for recommender systems", "user modeling with LLMs"],
    challenges: ["recommenders overfit to popular items"],
    metrics: ["NDCG@10", "recall@20"],
    keywords: ["recommender systems", "generative recommendation", "semantic IDs", "user modeling"],
    emerging: [],
    suffixes: ["Rec"],
    related: ["llm", "retrieval-rag"],
  },
];

const ADJECTIVES = [
  "Efficient",
  "Scalable",
  "Robust",
  "Controllable",
  "Long-Horizon",
  "Fine-Grained",
  "Consistent",
  "Generalizable",
  "Open-Ended",
  "Lightweight",
  "Zero-Shot",
  "Training-Free",
  "Unified",
  "Faithful",
  "Adaptive",
  "Reliable",
];

const STEPS = [
  "learns a compact latent representation of the input",
  "estimates the difficulty of each example",
  "filters out low-quality training signals",
  "aligns intermediate representations across stages",
  "allocates computation adaptively across inputs",
  "distills a larger teacher into a compact student",
  "uses a lightweight verifier to select among candidates",
  "decomposes each problem into verifiable sub-goals",
  "replays its own failures as training data",
];

const BENEFITS = [
  "errors do not compound over long horizons",
  "the model can recover from early mistakes",
  "training remains stable at scale",
  "cost grows sublinearly with input length",
  "no additional human annotation is needed",
  "a single model covers tasks that previously needed several",
];

const EXTRAS = [
  "",
  "",
  ", while using 3× less compute",
  ", and transfers to unseen domains without further training",
  ", with a model a tenth the size",
  ", at no extra inference cost",
];

const FINDINGS = [
  "even the strongest models fall well short of human performance",
  "gains from scale flatten beyond a moderate budget",
  "most failures come from a few recurring error types",
  "open models trail proprietary ones by a wide margin",
  "simple baselines remain surprisingly competitive",
];

const CLOSINGS = [
  "Code, models and data are publicly available.",
  "We release our code and checkpoints.",
  "Our analysis offers practical guidance for future systems.",
  "Ablations confirm that each component contributes to the gains.",
];

const SUMMARY_VERBS = ["improves", "tackles", "advances", "addresses", "rethinks"];
const SUMMARY_ENDINGS = [
  "outperforming strong baselines across benchmarks",
  "reaching state-of-the-art results at lower cost",
  "with consistent gains in human evaluation",
  "generalizing to unseen settings",
];

const GENERIC_KEYWORDS = ["zero-shot", "generalization", "ablation study", "scalability", "open-source"];

const NAME_STEMS = [
  "Tide",
  "Lumen",
  "Quill",
  "Mosaic",
  "Prism",
  "Drift",
  "Ember",
  "Vista",
  "Cobalt",
  "Marble",
  "Fern",
  "Kite",
  "Loom",
  "Slate",
  "Orchid",
  "Pylon",
  "Ripple",
  "Sable",
  "Tessel",
  "Wren",
  "Juniper",
  "Basalt",
  "Cirrus",
  "Harbor",
  "Lattice",
  "Nimbus",
  "Onyx",
  "Quartz",
  "Sprout",
  "Tundra",
  "Umber",
  "Velvet",
  "Aster",
  "Bramble",
  "Cinder",
  "Dune",
  "Fable",
  "Glint",
  "Hearth",
  "Larch",
];

/** Fictional organisations: [Hugging Face name, full name, topics it focuses on (random when empty)]. */
const ORGANIZATIONS: readonly [string, string, readonly string[]][] = [
  ["northwind-ai", "Northwind AI", ["llm", "reasoning", "reinforcement-learning"]],
  ["QuillmoorLabs", "Quillmoor Labs", ["video", "image-generation", "world-models"]],
  ["fernhollow", "Fernhollow Institute", ["multimodal", "vision-perception"]],
  ["kettlebrook-u", "Kettlebrook University", []],
  ["brambleworth", "Brambleworth AI", ["agents", "code", "llm"]],
  ["ashgrove-tech", "Ashgrove Institute of Technology", []],
  ["marrowgate", "Marrowgate Research", ["efficiency", "architectures"]],
  ["tidewell-ai", "Tidewell AI", ["speech-audio", "multimodal"]],
  ["copperfen", "Copperfen Labs", ["3d", "image-generation"]],
  ["gullwing-robotics", "Gullwing Robotics", ["robotics", "world-models"]],
  ["saltreach", "Saltreach AI", ["safety-alignment", "interpretability"]],
  ["larkspire-lab", "Larkspire Lab", []],
  ["driftmere", "Driftmere AI", ["agents", "retrieval-rag"]],
  ["hollowpine", "Hollowpine Research", []],
  ["westmarch-poly", "Westmarch Polytechnic", []],
  ["cinderfall", "Cinderfall Labs", ["video", "3d"]],
  ["pebblecrest-ai", "Pebblecrest AI", ["code", "reinforcement-learning"]],
  ["thistledown", "Thistledown Research", ["medical", "science"]],
  ["EastmereUniversity", "Eastmere University", []],
  ["vellichor-ai", "Vellichor AI", ["math", "reasoning"]],
  ["orrinvale", "Orrinvale Institute", []],
  ["sunmoth-lab", "Sunmoth Lab", ["image-generation"]],
  ["ironbarque", "Ironbarque Systems", ["autonomous-driving", "robotics"]],
  ["lowtide-nlp", "Lowtide NLP Group", ["llm", "multilingual"]],
  ["mistfell-uni", "Mistfell University", []],
  ["ribbonwood", "Ribbonwood AI", []],
  ["starlingford", "Starlingford College", []],
  ["quietcove", "Quietcove Labs", ["training", "architectures"]],
  ["hazelrun", "Hazelrun Research", []],
  ["oakhaven-vision", "Oakhaven Vision Lab", ["vision-perception", "3d"]],
];

const SUBMITTERS = [
  "paperfinch",
  "arxiv-heron",
  "dailylumen",
  "mkovari",
  "t-ashdown",
  "ines-rvl",
  "sunjoon-p",
  "kavya-m",
  "oleander",
  "pvantreek",
  "hollis-q",
  "nadia-ferro",
];

const FIRST_NAMES = [
  "Mira",
  "Tobias",
  "Ines",
  "Sunjoon",
  "Kavya",
  "Lior",
  "Amara",
  "Henrik",
  "Yuna",
  "Mateo",
  "Zofia",
  "Idris",
  "Leilani",
  "Ravi",
  "Selin",
  "Oskar",
  "Anaya",
  "Jun",
  "Elif",
  "Bruno",
  "Nadia",
  "Tariq",
  "Freya",
  "Kenji",
  "Ayla",
  "Dario",
  "Hana",
  "Emeka",
  "Signe",
  "Rafael",
  "Meilin",
  "Arjun",
  "Noor",
  "Viktor",
  "Thandiwe",
  "Lucia",
  "Haruto",
  "Yara",
  "Milan",
  "Xiaoling",
  "Pedro",
  "Ingrid",
  "Wen",
  "Farah",
  "Anton",
  "Sakura",
  "Kofi",
  "Isla",
];

const LAST_NAMES = [
  "Kovari",
  "Ashdown",
  "Ravel",
  "Thornbury",
  "Marchetti",
  "Lindqvist",
  "Okonkwo",
  "Vantreek",
  "Haldane",
  "Iwasaki",
  "Delacroix",
  "Brennholt",
  "Castellan",
  "Moravec",
  "Quennell",
  "Sandoval",
  "Tavernier",
  "Wexley",
  "Yilmazer",
  "Zhou-Ferrand",
  "Abernath",
  "Bellweather",
  "Corvino",
  "Dunmore",
  "Everly",
  "Falconer",
  "Grisewood",
  "Hollander",
  "Ishikura",
  "Jadeport",
  "Kestrell",
  "Lowmoor",
  "Mendelsohn",
  "Nakashiro",
  "Oyelaran",
  "Pemberton",
  "Quayle",
  "Rosenthorn",
  "Sorensby",
  "Tamsworth",
  "Ulvaeus",
  "Varga-Lind",
  "Whitlock",
  "Xanthos",
  "Yardley",
  "Zelenko",
  "Ferreira-Moss",
  "Okabe",
  "Linwood",
  "Castelnau",
];

const INITIALS = ["A", "B", "C", "D", "E", "J", "K", "L", "M", "R", "S", "T"];
