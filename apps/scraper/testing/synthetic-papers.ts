import { DAY, HOUR } from "./synthetic-calendar.ts";
import { clamp, normal, percent, pick, type Random, sample, weightedPick } from "./synthetic-random.ts";
import { sharesWord, titleCase } from "./synthetic-text.ts";
import {
  ADJECTIVES,
  BENEFITS,
  CLOSINGS,
  EXTRAS,
  FINDINGS,
  FIRST_NAMES,
  GENERIC_KEYWORDS,
  INITIALS,
  LAST_NAMES,
  NAME_STEMS,
  ORGANIZATIONS,
  STEPS,
  SUMMARY_ENDINGS,
  SUMMARY_VERBS,
  TOPICS,
  type Topic,
} from "./synthetic-vocabulary.ts";

/**
 * The papers of the synthetic archive, composed from the vocabularies: each one's title, abstract, keywords, authors
 * and organisation, and the upvotes and comments it ends up with.
 */

type Organization = {
  name: string;
  fullname: string;
  weight: number;
  focus: string[];
  boost: number;
  people: string[];
};

export type DayPaper = {
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
  /** Abstracts grow by further sentences until they are at least this long (default: as composed). */
  abstractChars?: number | undefined;
};

type Kind = "method" | "benchmark" | "dataset" | "study";

export function makePaper(random: Random, context: PaperContext): DayPaper {
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
    summary: lengthen(
      random,
      composeAbstract(random, kind, { name, task, technique, primary, secondary }),
      { name, task, technique, primary, secondary },
      context.abstractChars ?? 0,
    ),
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

/**
 * Appends sentences until the abstract is at least `chars` long: real abstracts run to about 1,400 characters, and
 * text search and table sizes at scale depend on it. Draws nothing when the abstract is long enough already.
 */
function lengthen(random: Random, abstract: string, parts: Parts, chars: number): string {
  const { name, task, technique, primary } = parts;
  let text = abstract;
  while (text.length < chars) {
    text += ` ${pick(random, [
      `We further find that ${pick(random, FINDINGS)}.`,
      `${name} ${pick(random, STEPS)}, so that ${pick(random, BENEFITS)}.`,
      `Ablations on ${task} show that ${technique} accounts for most of the gain in ${pick(random, primary.metrics)}.`,
      pick(random, CLOSINGS),
    ])}`;
  }
  return text;
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

/**
 * The first `count` organisations: the named ones of the vocabulary, then (past those) organisations composed from
 * the name stems, as many as a years-long history holds. Composed ones draw after the named ones, so the named
 * ones come out the same whatever the count.
 */
export function makeOrganizations(random: Random, count: number): Organization[] {
  const named = makeNamedOrganizations(random, Math.min(count, ORGANIZATIONS.length));
  const composed: Organization[] = [];
  for (let index = named.length; index < count; index++) composed.push(composeOrganization(random, index));
  return [...named, ...composed];
}

const ORG_KINDS = [
  ["-ai", "AI"],
  ["-lab", "Lab"],
  ["labs", "Labs"],
  ["-research", "Research"],
  ["-uni", "University"],
  ["-nlp", "NLP Group"],
  ["-vision", "Vision Lab"],
] as const;

function composeOrganization(random: Random, index: number): Organization {
  const stem = pick(random, NAME_STEMS);
  const [suffix, kind] = pick(random, ORG_KINDS);
  const people: string[] = [];
  const size = 3 + Math.floor(random() * 8);
  while (people.length < size) people.push(personName(random));
  return {
    // The index keeps names unique however many there are.
    name: `${stem.toLowerCase()}${suffix}-${index}`,
    fullname: `${stem} ${kind} ${index}`,
    weight: 1 / (index + 1) ** 0.65,
    focus: sample(
      random,
      TOPICS.map((t) => t.slug),
      2,
    ),
    boost: 0.6 + random() * 1.0,
    people,
  };
}

function makeNamedOrganizations(random: Random, count: number): Organization[] {
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
