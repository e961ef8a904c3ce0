import {
  casedOf,
  type HashedTokens,
  hashString,
  hashTokens,
  JOINED,
  lowerOf,
  SENTENCE_START,
  stemOf,
} from "./hashed-tokens.ts";
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
  /** The first word's key (stem for terms, cased form for acronyms, prefix for wildcards), to confirm a hash hit. */
  first: string;
  /** Keys of the words after the first, and their hashes. */
  rest: string[];
  restHashes: number[];
  cased: boolean;
  /** The last key is a prefix of the word's lower-case form ("robot*"). */
  wildcard: boolean;
  /** Cues only: stems of the announcing words (and their hashes), and how far back they may stand. */
  before?: Set<string>;
  beforeHashes?: Set<number>;
  within?: number;
};
type Match = { topic: number; role: Role; start: number; end: number };

type Compiled = {
  slugs: string[];
  minScores: number[];
  /** Hash of a word's stem → phrases starting with it (and cues on it). */
  byStem: Map<number, Entry[]>;
  /** Hash of a word's cased form → acronyms starting with it. */
  byCased: Map<number, Entry[]>;
  /** Hashes of cased keys without a capital ("o1"): only they are looked up for lower-case words. */
  lowerCased: Set<number>;
  /** One-word wildcard phrases, and the first letters they start with (a cheap pre-check per word). */
  prefixes: Entry[];
  prefixFirst: Uint8Array;
  /** One bit per low 16 bits of every byStem hash: nearly every word of an abstract is skipped on it alone. */
  stemBits: Uint8Array;
};

/** Called for each piece of evidence: its topic, weight, field, and the words it spans. */
type Visitor = (topic: number, weight: number, field: Field, match: Match, tokens: HashedTokens) => void;

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
    const once = (tokens: HashedTokens, field: Field, weight: number) => {
      for (const match of keptMatches(compiled, tokens, field)) {
        if (counted[match.topic] === 0) visitor(match.topic, weight, field, match, tokens);
        counted[match.topic] = 1;
      }
    };
    once(hashTokens(paper.title), "title", TITLE_WEIGHT);
    for (const keyword of paper.keywords ?? []) {
      counted.fill(0);
      once(hashTokens(keyword), "keyword", 1);
    }
    if (paper.summary) {
      const tokens = hashTokens(paper.summary);
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
        const words: string[] = [];
        for (let i = match.start; i < match.end; i++) words.push(lowerOf(tokens, i));
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
    prefixFirst: new Uint8Array(128),
    stemBits: new Uint8Array(1 << 13),
  };
  taxonomy.forEach((topic, position) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(topic.slug))
      throw new Error(`topic slug ${topic.slug} is not kebab-case`);
    if (compiled.slugs.includes(topic.slug)) throw new Error(`topic slug ${topic.slug} appears twice`);
    compiled.slugs.push(topic.slug);
    compiled.minScores.push(topic.minScore ?? DEFAULT_MIN_SCORE);
    const add = (text: string, role: Role, cased: boolean) => {
      for (const entry of compilePhrase(text, position, role, cased)) {
        if (entry.wildcard && entry.rest.length === 0) {
          compiled.prefixes.push(entry);
          compiled.prefixFirst[entry.first.charCodeAt(0) & 0x7f] = 1;
        } else if (cased) {
          pushTo(compiled.byCased, hashString(entry.first), entry);
          if (entry.first === entry.first.toLowerCase()) compiled.lowerCased.add(hashString(entry.first));
        } else pushTo(compiled.byStem, hashString(entry.first), entry);
      }
    };
    for (const term of topic.terms) add(term, "term", false);
    for (const acronym of topic.acronyms ?? []) add(acronym, "term", true);
    for (const term of topic.titleTerms ?? []) add(term, "title", false);
    for (const term of topic.unless ?? []) add(term, "unless", false);
    for (const cue of topic.cues ?? []) {
      const before = new Set(cue.before.map((word) => stemWord(word.toLowerCase())));
      for (const word of cue.words) {
        const first = stemWord(word.toLowerCase());
        pushTo(compiled.byStem, hashString(first), {
          topic: position,
          role: "cue",
          first,
          rest: [],
          restHashes: [],
          cased: false,
          wildcard: false,
          before,
          beforeHashes: new Set([...before].map(hashString)),
          within: cue.within ?? DEFAULT_CUE_WINDOW,
        });
      }
    }
  });
  for (const hash of compiled.byStem.keys()) setBit(compiled.stemBits, hash);
  return compiled;
}

const setBit = (bits: Uint8Array, hash: number) => {
  bits[(hash >>> 3) & 0x1fff] = (bits[(hash >>> 3) & 0x1fff] ?? 0) | (1 << (hash & 7));
};
const hasBit = (bits: Uint8Array, hash: number) =>
  ((bits[(hash >>> 3) & 0x1fff] ?? 0) & (1 << (hash & 7))) !== 0;

function pushTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A phrase and, for a phrase of several words, its closed-up spelling ("multi-view" → "multiview"). */
function compilePhrase(text: string, topic: number, role: Role, cased: boolean): Entry[] {
  const wildcard = text.endsWith("*");
  const tokens = tokenize(wildcard ? text.slice(0, -1) : text);
  if (tokens.length === 0) throw new Error(`empty phrase in the taxonomy: ${JSON.stringify(text)}`);
  const keyOf = (token: Token, last: boolean) =>
    wildcard && last ? token.lower : cased ? token.cased : token.stem;
  const entry = (keys: string[]): Entry => ({
    topic,
    role,
    first: keys[0] ?? "",
    rest: keys.slice(1),
    restHashes: keys.slice(1).map(hashString),
    cased,
    wildcard,
  });
  const entries = [entry(tokens.map((token, i) => keyOf(token, i === tokens.length - 1)))];
  if (tokens.length > 1 && !wildcard) {
    const closed = tokenize(tokens.map((token) => (cased ? token.cased : token.lower)).join(""))[0];
    if (closed) entries.push(entry([keyOf(closed, true)]));
  }
  return entries;
}

/**
 * Each topic's hits in one field: non-overlapping phrase matches, minus those inside one of the topic's `unless`
 * phrases; title-only phrases count in titles and keywords, cues in abstracts.
 */
function keptMatches(compiled: Compiled, tokens: HashedTokens, field: Field): Match[] {
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

/**
 * Every phrase occurrence (and cue), in order of start and, at one start, longest first. Words are compared by
 * hash; a word whose hash is in the index is then compared as a string, so a hash collision never counts.
 */
function findMatches(compiled: Compiled, tokens: HashedTokens, field: Field): Match[] {
  const matches: Match[] = [];
  for (let start = 0; start < tokens.count; start++) {
    const firstAtStart = matches.length;
    const stemHash = tokens.stemHash[start] ?? 0;
    const byStem = hasBit(compiled.stemBits, stemHash) ? compiled.byStem.get(stemHash) : undefined;
    if (byStem) {
      const stem = stemOf(tokens, start);
      for (const entry of byStem) {
        if (entry.first !== stem) continue;
        if (entry.role === "cue") {
          if (field === "abstract") addCue(matches, entry, tokens, start);
        } else addMatch(matches, entry, tokens, start);
      }
    }
    const casedHash = tokens.casedHash[start] ?? 0;
    if (casedHash !== tokens.lowerHash[start] || compiled.lowerCased.has(casedHash)) {
      const byCased = compiled.byCased.get(casedHash);
      if (byCased) {
        const cased = casedOf(tokens, start);
        for (const entry of byCased) if (entry.first === cased) addMatch(matches, entry, tokens, start);
      }
    }
    if (compiled.prefixes.length > 0) {
      const code = tokens.text.charCodeAt(tokens.start[start] ?? 0) | 0x20;
      if (compiled.prefixFirst[code & 0x7f] === 1) {
        const lower = lowerOf(tokens, start);
        for (const entry of compiled.prefixes) {
          if (lower.startsWith(entry.first))
            matches.push({ topic: entry.topic, role: entry.role, start, end: start + 1 });
        }
      }
    }
    if (matches.length - firstAtStart > 1) {
      const atStart = matches.splice(firstAtStart).sort((a, b) => b.end - a.end);
      matches.push(...atStart);
    }
  }
  return matches;
}

function addMatch(matches: Match[], entry: Entry, tokens: HashedTokens, start: number): void {
  const { rest, restHashes } = entry;
  for (let k = 0; k < rest.length; k++) {
    const i = start + k + 1;
    if (i >= tokens.count || !((tokens.flags[i] ?? 0) & JOINED)) return;
    const key = rest[k] ?? "";
    let same: boolean;
    if (entry.wildcard && k === rest.length - 1) same = lowerOf(tokens, i).startsWith(key);
    else if (entry.cased) same = tokens.casedHash[i] === restHashes[k] && casedOf(tokens, i) === key;
    else same = tokens.stemHash[i] === restHashes[k] && stemOf(tokens, i) === key;
    if (!same) return;
  }
  matches.push({ topic: entry.topic, role: entry.role, start, end: start + rest.length + 1 });
}

/** "We introduce X, a new benchmark": an announcing word at most `within` words back, in the same sentence. */
function addCue(matches: Match[], entry: Entry, tokens: HashedTokens, at: number): void {
  const within = entry.within ?? DEFAULT_CUE_WINDOW;
  for (let j = at - 1; j >= 0 && j >= at - within; j--) {
    if (entry.beforeHashes?.has(tokens.stemHash[j] ?? 0) && entry.before?.has(stemOf(tokens, j))) {
      matches.push({ topic: entry.topic, role: "cue", start: j, end: at + 1 });
      return;
    }
    if ((tokens.flags[j] ?? 0) & SENTENCE_START) return;
  }
}
