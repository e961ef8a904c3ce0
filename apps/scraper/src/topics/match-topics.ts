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

type Role = "term" | "title" | "unless" | "cue";
type Field = "title" | "keyword" | "abstract";

/** One entry of the word index: a phrase starting with that word, or a cue word. */
type Entry = {
  topic: number;
  role: Role;
  /** Keys of the words after the first: stems for terms, cased forms for acronyms. */
  rest: string[];
  cased: boolean;
  /** The last key is a prefix of the word's lower-case form ("robot*"). */
  wildcard: boolean;
  /** Cues only: stems of the announcing words, and how far back they may stand. */
  before?: Set<string>;
  within?: number;
};
type Match = { topic: number; role: Role; start: number; end: number };

type Compiled = {
  slugs: string[];
  minScores: number[];
  /** Stem of a word → phrases starting with it (and cues on it). */
  byStem: Map<string, Entry[]>;
  /** Cased form of a word → acronyms starting with it. */
  byCased: Map<string, Entry[]>;
  /** Cased keys without a capital ("o1"): only they are looked up for lower-case words. */
  lowerCased: Set<string>;
  /** One-word wildcard phrases, and the first letters they start with (a cheap pre-check per word). */
  prefixes: { prefix: string; entry: Entry }[];
  prefixFirst: Set<number>;
  /** First letter and length of every byStem key: most words are skipped without hashing them into the map. */
  stemSignatures: Uint8Array;
};

const signature = (key: string) => ((key.charCodeAt(0) & 0xff) << 6) | Math.min(key.length, 63);

/** Called for each piece of evidence: its topic, weight, field, and the words it spans. */
type Visitor = (topic: number, weight: number, field: Field, match: Match, tokens: Token[]) => void;

/**
 * Compiles a taxonomy once into an index from a word to the phrases starting with it, so matching a paper costs
 * one pass over its words whatever the number of topics. Throws on a malformed taxonomy.
 */
export function createTopicMatcher(taxonomy: readonly TopicDefinition[]): TopicMatcher {
  const compiled = compileTaxonomy(taxonomy);
  const topicCount = compiled.slugs.length;

  /** A title counts once per topic, each keyword once per topic, an abstract once per hit. */
  const visit = (paper: TopicInput, visitor: Visitor) => {
    const counted = new Uint8Array(topicCount);
    const once = (tokens: Token[], field: Field, weight: number) => {
      for (const match of keptMatches(compiled, tokens, field)) {
        if (counted[match.topic] === 0) visitor(match.topic, weight, field, match, tokens);
        counted[match.topic] = 1;
      }
    };
    once(tokenize(paper.title), "title", TITLE_WEIGHT);
    for (const keyword of paper.keywords ?? []) {
      counted.fill(0);
      once(tokenize(keyword), "keyword", 1);
    }
    if (paper.summary) {
      const tokens = tokenize(paper.summary);
      for (const match of keptMatches(compiled, tokens, "abstract"))
        visitor(match.topic, 1, "abstract", match, tokens);
    }
  };

  const scoresOf = (paper: TopicInput): Float64Array => {
    const scores = new Float64Array(topicCount);
    visit(paper, (topic, weight) => {
      scores[topic] = (scores[topic] ?? 0) + weight;
    });
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
      const topics: string[] = [];
      for (let i = 0; i < topicCount; i++) {
        if ((scores[i] ?? 0) >= (compiled.minScores[i] ?? DEFAULT_MIN_SCORE))
          topics.push(compiled.slugs[i] ?? "");
      }
      return topics;
    },
    explain: (paper) => {
      const evidence = new Map<string, string[]>();
      visit(paper, (topic, _weight, field, match, tokens) => {
        const slug = compiled.slugs[topic] ?? "";
        const words = tokens.slice(match.start, match.end).map((token) => token.lower);
        evidence.set(slug, [...(evidence.get(slug) ?? []), `${field}: ${words.join(" ")}`]);
      });
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
    lowerCased: new Set(),
    prefixes: [],
    prefixFirst: new Set(),
    stemSignatures: new Uint8Array(1 << 14),
  };
  taxonomy.forEach((topic, position) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(topic.slug))
      throw new Error(`topic slug ${topic.slug} is not kebab-case`);
    if (compiled.slugs.includes(topic.slug)) throw new Error(`topic slug ${topic.slug} appears twice`);
    compiled.slugs.push(topic.slug);
    compiled.minScores.push(topic.minScore ?? DEFAULT_MIN_SCORE);
    const add = (text: string, role: Role, cased: boolean) => {
      for (const [first, entry] of compilePhrase(text, position, role, cased)) {
        if (entry.wildcard && entry.rest.length === 0) {
          compiled.prefixes.push({ prefix: first, entry });
          compiled.prefixFirst.add(first.charCodeAt(0));
        } else if (cased) {
          pushTo(compiled.byCased, first, entry);
          if (first === first.toLowerCase()) compiled.lowerCased.add(first);
        } else pushTo(compiled.byStem, first, entry);
      }
    };
    for (const term of topic.terms) add(term, "term", false);
    for (const acronym of topic.acronyms ?? []) add(acronym, "term", true);
    for (const term of topic.titleTerms ?? []) add(term, "title", false);
    for (const term of topic.unless ?? []) add(term, "unless", false);
    for (const cue of topic.cues ?? []) {
      const before = new Set(cue.before.map((word) => stemWord(word.toLowerCase())));
      for (const word of cue.words) {
        pushTo(compiled.byStem, stemWord(word.toLowerCase()), {
          topic: position,
          role: "cue",
          rest: [],
          cased: false,
          wildcard: false,
          before,
          within: cue.within ?? DEFAULT_CUE_WINDOW,
        });
      }
    }
  });
  for (const key of compiled.byStem.keys()) compiled.stemSignatures[signature(key)] = 1;
  return compiled;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A phrase and, for a phrase of several words, its closed-up spelling ("multi-view" → "multiview"). */
function compilePhrase(text: string, topic: number, role: Role, cased: boolean): [string, Entry][] {
  const wildcard = text.endsWith("*");
  const tokens = tokenize(wildcard ? text.slice(0, -1) : text);
  if (tokens.length === 0) throw new Error(`empty phrase in the taxonomy: ${JSON.stringify(text)}`);
  const keyOf = (token: Token, last: boolean) =>
    wildcard && last ? token.lower : cased ? token.cased : token.stem;
  const keys = tokens.map((token, i) => keyOf(token, i === tokens.length - 1));
  const phrases: [string, Entry][] = [[keys[0] ?? "", { topic, role, rest: keys.slice(1), cased, wildcard }]];
  if (tokens.length > 1 && !wildcard) {
    const closed = tokenize(tokens.map((token) => (cased ? token.cased : token.lower)).join(""))[0];
    if (closed) phrases.push([keyOf(closed, true), { topic, role, rest: [], cased, wildcard }]);
  }
  return phrases;
}

/**
 * Each topic's hits in one field: non-overlapping phrase matches, minus those inside one of the topic's `unless`
 * phrases; title-only phrases count in titles and keywords, cues in abstracts.
 */
function keptMatches(compiled: Compiled, tokens: Token[], field: Field): Match[] {
  const matches = findMatches(compiled, tokens, field);
  if (matches.length === 0) return matches;
  const kept: Match[] = [];
  const shadows = matches.some((match) => match.role === "unless")
    ? matches.filter((match) => match.role === "unless")
    : undefined;
  let lastEnd: Int32Array | undefined;
  for (const match of matches) {
    if (match.role === "unless" || (match.role === "title" && field === "abstract")) continue;
    if (match.role === "cue") {
      kept.push(match);
      continue;
    }
    lastEnd ??= new Int32Array(compiled.slugs.length);
    if (match.start < (lastEnd[match.topic] ?? 0)) continue;
    if (shadows?.some((s) => s.topic === match.topic && s.start <= match.start && match.end <= s.end))
      continue;
    lastEnd[match.topic] = match.end;
    kept.push(match);
  }
  return kept;
}

/** Every phrase occurrence (and cue), in order of start and, at one start, longest first. */
function findMatches(compiled: Compiled, tokens: Token[], field: Field): Match[] {
  const matches: Match[] = [];
  for (let start = 0; start < tokens.length; start++) {
    const token = tokens[start];
    if (!token) continue;
    const firstAtStart = matches.length;
    const byStem = compiled.stemSignatures[signature(token.stem)]
      ? compiled.byStem.get(token.stem)
      : undefined;
    if (byStem) {
      for (const entry of byStem) {
        if (entry.role === "cue") {
          if (field === "abstract") addCue(matches, entry, tokens, start);
        } else addMatch(matches, entry, tokens, start);
      }
    }
    if (token.cased !== token.lower || compiled.lowerCased.has(token.lower)) {
      const byCased = compiled.byCased.get(token.cased);
      if (byCased) for (const entry of byCased) addMatch(matches, entry, tokens, start);
    }
    if (compiled.prefixFirst.has(token.lower.charCodeAt(0))) {
      for (const { prefix, entry } of compiled.prefixes) {
        if (token.lower.startsWith(prefix))
          matches.push({ topic: entry.topic, role: entry.role, start, end: start + 1 });
      }
    }
    if (matches.length - firstAtStart > 1) {
      const atStart = matches.splice(firstAtStart).sort((a, b) => b.end - a.end);
      matches.push(...atStart);
    }
  }
  return matches;
}

function addMatch(matches: Match[], entry: Entry, tokens: Token[], start: number): void {
  const { rest } = entry;
  for (let k = 0; k < rest.length; k++) {
    const token = tokens[start + k + 1];
    const key = rest[k];
    if (!token || key === undefined || !token.joined) return;
    const same =
      entry.wildcard && k === rest.length - 1
        ? token.lower.startsWith(key)
        : entry.cased
          ? token.cased === key
          : token.stem === key;
    if (!same) return;
  }
  matches.push({ topic: entry.topic, role: entry.role, start, end: start + rest.length + 1 });
}

/** "We introduce X, a new benchmark": an announcing word at most `within` words back, in the same sentence. */
function addCue(matches: Match[], entry: Entry, tokens: Token[], at: number): void {
  const within = entry.within ?? DEFAULT_CUE_WINDOW;
  for (let j = at - 1; j >= 0 && j >= at - within; j--) {
    const previous = tokens[j];
    if (!previous) return;
    if (entry.before?.has(previous.stem)) {
      matches.push({ topic: entry.topic, role: "cue", start: j, end: at + 1 });
      return;
    }
    if (previous.sentenceStart) return;
  }
}
