import { stemWord, type Token, tokenize } from "./tokenize.ts";
import type { TopicDefinition } from "./topic-definition.ts";

/** The text a paper's topics are computed from: exactly what the store keeps on the papers row. */
export type TopicInput = {
  title: string;
  summary: string | null;
  /** Raw `ai_keywords` (Hugging Face adds them from 2025-03 on); null or empty before. */
  keywords: readonly string[] | null;
};

export type TopicMatcher = {
  /** The taxonomy's slugs in taxonomy order. */
  slugs: string[];
  /** The slugs of the topics the paper is about, in taxonomy order. */
  match: (paper: TopicInput) => string[];
  /** Every topic's score, for tuning and tests. */
  score: (paper: TopicInput) => Map<string, number>;
  /** What counted for each topic ("title: language model", "keyword: reinforcement learning", …), for tuning. */
  explain: (paper: TopicInput) => Map<string, string[]>;
};

const TITLE_WEIGHT = 3;
const DEFAULT_MIN_SCORE = 2;
const DEFAULT_CUE_WINDOW = 12;

type Role = "term" | "title" | "unless";
type Phrase = {
  topic: number;
  role: Role;
  /** Keys compared token by token: stems for terms, cased forms for acronyms. */
  keys: string[];
  cased: boolean;
  /** The last key is a prefix of the word's lower-case form ("robot*"). */
  wildcard: boolean;
};
type Match = { topic: number; role: Role; start: number; end: number };
type Cue = { topic: number; before: Set<string>; within: number };
type Field = "title" | "keyword" | "abstract";
/** `text` is filled only when explaining: joining words for every hit would cost more than the matching. */
type Hit = { topic: number; field: Field; text: string };

type Compiled = {
  slugs: string[];
  minScores: number[];
  /** First key → phrases: stems for case-insensitive phrases, cased forms for acronyms. */
  byStem: Map<string, Phrase[]>;
  byCased: Map<string, Phrase[]>;
  /** One-word wildcard phrases, tried against every word. */
  prefixes: Phrase[];
  /** Stem of a cue's word → the cues looking back from it. */
  cues: Map<string, Cue[]>;
};

/**
 * Compiles a taxonomy once into an index from a word to the phrases starting with it, so matching a paper costs
 * one pass over its words whatever the number of topics. Throws on a malformed taxonomy.
 */
export function createTopicMatcher(taxonomy: readonly TopicDefinition[]): TopicMatcher {
  const compiled = compileTaxonomy(taxonomy);
  const topicCount = compiled.slugs.length;

  /** Every hit of a paper: a title counts once per topic, each keyword once per topic, an abstract per hit. */
  const collect = (paper: TopicInput, onHit: (weight: number, hit: Hit) => void, withText: boolean) => {
    const counted = new Uint8Array(topicCount);
    for (const hit of fieldHits(compiled, paper.title, "title", withText)) {
      if (counted[hit.topic] === 0) onHit(TITLE_WEIGHT, hit);
      counted[hit.topic] = 1;
    }
    for (const keyword of paper.keywords ?? []) {
      counted.fill(0);
      for (const hit of fieldHits(compiled, keyword, "keyword", withText)) {
        if (counted[hit.topic] === 0) onHit(1, hit);
        counted[hit.topic] = 1;
      }
    }
    if (paper.summary) {
      for (const hit of fieldHits(compiled, paper.summary, "abstract", withText)) onHit(1, hit);
    }
  };

  const scoresOf = (paper: TopicInput): Float64Array => {
    const scores = new Float64Array(topicCount);
    collect(
      paper,
      (weight, hit) => {
        scores[hit.topic] = (scores[hit.topic] ?? 0) + weight;
      },
      false,
    );
    return scores;
  };

  return {
    slugs: [...compiled.slugs],
    score: (paper) => {
      const scores = scoresOf(paper);
      return new Map(compiled.slugs.map((slug, i) => [slug, scores[i] ?? 0]));
    },
    match: (paper) => {
      const scores = scoresOf(paper);
      return compiled.slugs.filter(
        (_, i) => (scores[i] ?? 0) >= (compiled.minScores[i] ?? DEFAULT_MIN_SCORE),
      );
    },
    explain: (paper) => {
      const evidence = new Map<string, string[]>();
      collect(
        paper,
        (_weight, hit) => {
          const slug = compiled.slugs[hit.topic] ?? "";
          evidence.set(slug, [...(evidence.get(slug) ?? []), `${hit.field}: ${hit.text}`]);
        },
        true,
      );
      return evidence;
    },
  };
}

function compileTaxonomy(taxonomy: readonly TopicDefinition[]): Compiled {
  const compiled: Compiled = {
    slugs: [],
    minScores: [],
    byStem: new Map(),
    byCased: new Map(),
    prefixes: [],
    cues: new Map(),
  };
  taxonomy.forEach((topic, position) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(topic.slug))
      throw new Error(`topic slug ${topic.slug} is not kebab-case`);
    if (compiled.slugs.includes(topic.slug)) throw new Error(`topic slug ${topic.slug} appears twice`);
    compiled.slugs.push(topic.slug);
    compiled.minScores.push(topic.minScore ?? DEFAULT_MIN_SCORE);
    const add = (text: string, role: Role, cased: boolean) => {
      for (const phrase of compilePhrase(text, position, role, cased)) {
        const [first] = phrase.keys;
        if (first === undefined) continue;
        if (phrase.wildcard && phrase.keys.length === 1) compiled.prefixes.push(phrase);
        else pushTo(cased ? compiled.byCased : compiled.byStem, first, phrase);
      }
    };
    for (const term of topic.terms) add(term, "term", false);
    for (const acronym of topic.acronyms ?? []) add(acronym, "term", true);
    for (const term of topic.titleTerms ?? []) add(term, "title", false);
    for (const term of topic.unless ?? []) add(term, "unless", false);
    for (const cue of topic.cues ?? []) {
      const before = new Set(cue.before.map((word) => stemWord(word.toLowerCase())));
      for (const word of cue.words) {
        pushTo(compiled.cues, stemWord(word.toLowerCase()), {
          topic: position,
          before,
          within: cue.within ?? DEFAULT_CUE_WINDOW,
        });
      }
    }
  });
  return compiled;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A phrase and, for a phrase of several words, its closed-up spelling ("multi-view" → "multiview"). */
function compilePhrase(text: string, topic: number, role: Role, cased: boolean): Phrase[] {
  const wildcard = text.endsWith("*");
  const tokens = tokenize(wildcard ? text.slice(0, -1) : text);
  if (tokens.length === 0) throw new Error(`empty phrase in the taxonomy: ${JSON.stringify(text)}`);
  const keyOf = (token: Token, last: boolean) =>
    wildcard && last ? token.lower : cased ? token.cased : token.stem;
  const keys = tokens.map((token, i) => keyOf(token, i === tokens.length - 1));
  const phrases: Phrase[] = [{ topic, role, keys, cased, wildcard }];
  if (tokens.length > 1 && !wildcard) {
    const closed = tokenize(tokens.map((token) => (cased ? token.cased : token.lower)).join(""))[0];
    if (closed) phrases.push({ topic, role, keys: [keyOf(closed, true)], cased, wildcard });
  }
  return phrases;
}

/**
 * Each topic's hits in one field: non-overlapping phrase matches, minus those inside one of the topic's `unless`
 * phrases; title-only phrases count in titles and keywords, cues in abstracts.
 */
function fieldHits(compiled: Compiled, text: string, field: Field, withText: boolean): Hit[] {
  const tokens = tokenize(text);
  const matches = findMatches(compiled, tokens);
  const hits: Hit[] = [];
  const shadows = matches.some((match) => match.role === "unless")
    ? matches.filter((match) => match.role === "unless")
    : undefined;
  const lastEnd = new Int32Array(compiled.slugs.length);
  for (const match of matches) {
    if (match.role === "unless" || (match.role === "title" && field === "abstract")) continue;
    if (match.start < (lastEnd[match.topic] ?? 0)) continue;
    if (shadows?.some((s) => s.topic === match.topic && s.start <= match.start && match.end <= s.end))
      continue;
    lastEnd[match.topic] = match.end;
    const words = withText ? tokens.slice(match.start, match.end).map((token) => token.lower) : [];
    hits.push({ topic: match.topic, field, text: words.join(" ") });
  }
  if (field === "abstract" && compiled.cues.size > 0) hits.push(...cueHits(compiled, tokens, withText));
  return hits;
}

/** "We introduce X, a new benchmark": a cue word with one of its `before` words shortly before, same sentence. */
function cueHits(compiled: Compiled, tokens: Token[], withText: boolean): Hit[] {
  const hits: Hit[] = [];
  tokens.forEach((token, i) => {
    const cues = compiled.cues.get(token.stem);
    if (!cues) return;
    for (const cue of cues) {
      for (let j = i - 1; j >= 0 && j >= i - cue.within; j--) {
        const previous = tokens[j];
        if (!previous) break;
        if (cue.before.has(previous.stem)) {
          const words = withText ? tokens.slice(j, i + 1).map((t) => t.lower) : [];
          hits.push({ topic: cue.topic, field: "abstract", text: words.join(" ") });
          break;
        }
        if (previous.sentenceStart) break;
      }
    }
  });
  return hits;
}

/** Every phrase occurrence, in order of start and, at one start, longest first. */
function findMatches(compiled: Compiled, tokens: Token[]): Match[] {
  const matches: Match[] = [];
  for (let start = 0; start < tokens.length; start++) {
    const token = tokens[start];
    if (!token) continue;
    const firstAtStart = matches.length;
    const byStem = compiled.byStem.get(token.stem);
    if (byStem) for (const phrase of byStem) addMatch(matches, phrase, tokens, start);
    const byCased = compiled.byCased.get(token.cased);
    if (byCased) for (const phrase of byCased) addMatch(matches, phrase, tokens, start);
    for (const phrase of compiled.prefixes) {
      const prefix = phrase.keys[0];
      if (prefix !== undefined && token.lower.startsWith(prefix)) {
        matches.push({ topic: phrase.topic, role: phrase.role, start, end: start + 1 });
      }
    }
    if (matches.length - firstAtStart > 1) {
      const atStart = matches.splice(firstAtStart).sort((a, b) => b.end - a.end);
      matches.push(...atStart);
    }
  }
  return matches;
}

function addMatch(matches: Match[], phrase: Phrase, tokens: Token[], start: number): void {
  const { keys } = phrase;
  for (let k = 1; k < keys.length; k++) {
    const token = tokens[start + k];
    const key = keys[k];
    if (!token || key === undefined || !token.joined) return;
    const last = k === keys.length - 1;
    const same =
      phrase.wildcard && last
        ? token.lower.startsWith(key)
        : phrase.cased
          ? token.cased === key
          : token.stem === key;
    if (!same) return;
  }
  matches.push({ topic: phrase.topic, role: phrase.role, start, end: start + keys.length });
}
