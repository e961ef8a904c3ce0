import { acronymExpansions, phraseSynonyms, wordVariants } from "./keyword-synonyms.ts";

/**
 * Normalises one `ai_keywords` entry into the fine-grained keyword stored for a paper, so that spellings of one
 * idea count together: "Large Language Models (LLMs)", "LLMs" and "large language model" all become
 * "large language model"; "Chain-of-Thought" and "chain of thought" become "chain of thought"; "Multi-modal
 * reasoning" becomes "multimodal reasoning". Returns null for an empty or overlong entry.
 *
 * Rules, in order: drop a parenthesised aside; split into words at spaces and hyphens; drop an acronym's plural
 * "s" ("LLMs" → "LLM", "DiTs" → "DiT"); lower-case every word but all-capital ones ("GPT", "3D", "R1"), so that
 * "LoRA" and "Lora" count together; expand the reviewed acronyms and spelling variants; close up
 * hyphenated prefixes ("multi-agent" → "multiagent"); turn other hyphens between words into spaces, except next to
 * a digit ("GPT-4o", "MATH-500"); make the head noun singular ("diffusion models" → "diffusion model", "mixtures of
 * experts" → "mixture of experts"); then apply whole-keyword synonyms.
 */
export function normalizeKeyword(raw: string): string | null {
  const cached = keywordCache.get(raw);
  if (cached !== undefined) return cached;
  if (keywordCache.size >= KEYWORD_CACHE_LIMIT) keywordCache.clear();
  const keyword = normalizeUncached(raw);
  keywordCache.set(raw, keyword);
  return keyword;
}

// The same keywords recur across papers and every re-capture of a paper: normalising each distinct one once pays.
const KEYWORD_CACHE_LIMIT = 50_000;
const keywordCache = new Map<string, string | null>();

function normalizeUncached(raw: string): string | null {
  const words = normalizeWords(raw);
  if (words === null) return null;
  const phrase = render(words);
  return phraseSynonymsNormalized().get(phrase.toLowerCase()) ?? phrase;
}

/** Every entry normalised, blanks and repeats dropped, first occurrence first. */
export function normalizeKeywords(raws: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const raw of raws ?? []) {
    const keyword = normalizeKeyword(raw);
    if (keyword !== null) seen.add(keyword);
  }
  return [...seen];
}

const MAX_LENGTH = 120;
/** Prefixes written closed up as often as hyphenated or spaced ("multimodal", "pretraining", "reranking"). */
const CLOSED_PREFIXES = new Set([
  "multi",
  "pre",
  "auto",
  "bi",
  "co",
  "non",
  "re",
  "semi",
  "sub",
  "mid",
  "inter",
  "intra",
]);
/** Words after which the head noun has already been seen: "mixtures of experts" → "mixture of experts". */
const PREPOSITIONS = new Set([
  "of",
  "for",
  "with",
  "in",
  "on",
  "from",
  "via",
  "by",
  "under",
  "across",
  "without",
  "over",
]);

type Word = {
  text: string /** Separator before it: a space, a hyphen, or nothing (closed up). */;
  before: " " | "-" | "";
};

// Lower-case words separated by single spaces or hyphens: half the keywords, and nothing to clean in them.
const SIMPLE = /^[a-z]+(?:[ -][a-z]+)*$/;

function normalizeWords(raw: string, expand = true): Word[] | null {
  if (SIMPLE.test(raw) && raw.length <= MAX_LENGTH) return splitWords(raw, expand);
  let text = raw.normalize("NFKC").replace(/[\u2010-\u2015\u2212]/g, "-");
  // "Large Language Models (LLMs)": the aside repeats the keyword; "(LLM) agents" keeps its words.
  const withoutAside = text.replace(/\s*\([^()]*\)\s*/g, " ");
  text = /[\p{L}\p{N}]/u.test(withoutAside) ? withoutAside : text.replace(/[()]/g, " ");
  text = text
    .replace(/\s+/g, " ")
    .replace(/^[\s"'`“”‘’.,;:!?-]+|[\s"'`“”‘’.,;:!?-]+$/g, "")
    .trim();
  if (text === "" || text.length > MAX_LENGTH) return null;
  return splitWords(text, expand);
}

function splitWords(text: string, expand: boolean): Word[] | null {
  const words: Word[] = [];
  for (const match of text.matchAll(/([ -]*)([^ -]+)/g)) {
    const separator = match[1] ?? "";
    const word = match[2] ?? "";
    const before =
      words.length === 0 ? "" : separator.includes(" ") ? " " : separator.includes("-") ? "-" : " ";
    for (const [i, part] of expandWord(caseWord(word), expand).entries()) {
      words.push({ text: part.text, before: i === 0 ? before : part.before });
    }
  }
  if (words.length === 0) return null;
  closeUpAndSpace(words);
  singularizeHead(words);
  return words;
}

/** An acronym's plural "s" goes; all-capital words keep their case, every other word is lower-cased. */
function caseWord(raw: string): string {
  const lower = raw.toLowerCase();
  if (raw === lower) return raw;
  // "LLMs", "GANs", "DiTs", "NeRFs": a lower-case s right after a capital, in a word with a capital past its start.
  const word =
    raw.length >= 3 && /\p{Lu}s$/u.test(raw) && /\p{Lu}/u.test(raw.slice(1, -1)) ? raw.slice(0, -1) : raw;
  const allCapitals = /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word) && word.length >= 2;
  return allCapitals ? word : word.toLowerCase();
}

// Maps, not the objects themselves: a keyword such as "constructor" must not find Object.prototype's.
const ACRONYMS = new Map(Object.entries(acronymExpansions));
const VARIANTS = new Map(Object.entries(wordVariants));

function expandWord(word: string, expand: boolean): Word[] {
  const key = word.toLowerCase();
  const replacement = (expand ? ACRONYMS.get(key) : undefined) ?? VARIANTS.get(key);
  if (replacement === undefined) return [{ text: word, before: "" }];
  return normalizeWords(replacement, false) ?? [{ text: word, before: "" }];
}

function startsLowerCase(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

function closeUpAndSpace(words: Word[]): void {
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    const previous = words[i - 1];
    if (!word || !previous || word.before === "") continue;
    if (CLOSED_PREFIXES.has(previous.text) && startsLowerCase(word.text)) word.before = "";
    // A hyphen stays next to a word with a digit ("GPT-4o", "DeepSeek-R1", "Qwen2.5-VL") and becomes a space
    // between words.
    else if (word.before === "-" && !/\d/.test(previous.text) && !/\d/.test(word.text)) word.before = " ";
  }
}

function singularizeHead(words: Word[]): void {
  let head = words.length - 1;
  const preposition = words.findIndex(
    (word, i) => i > 0 && word.before === " " && PREPOSITIONS.has(word.text),
  );
  if (preposition > 0) head = preposition - 1;
  const word = words[head];
  if (word) word.text = singularize(word.text);
}

const INVARIANT = new Set([
  "news",
  "series",
  "species",
  "means",
  "bias",
  "alias",
  "atlas",
  "canvas",
  "lens",
  "chaos",
  "ethos",
  "physics",
  "mathematics",
  "robotics",
  "dynamics",
  "semantics",
  "graphics",
  "statistics",
  "ethics",
  "linguistics",
  "kinematics",
  "analytics",
  "economics",
  "optics",
  "mechanics",
  "logistics",
  "genomics",
  "proteomics",
  "informatics",
  "pragmatics",
  "acoustics",
  "electronics",
  "phonetics",
  "aesthetics",
  "thermodynamics",
  "haptics",
  "photonics",
  "forensics",
  "athletics",
  "diagnostics",
  "data",
  "media",
  "metadata",
  "gas",
  "plus",
  "class",
]);

const IRREGULAR = new Map<string, string>(
  Object.entries({
    analyses: "analysis",
    hypotheses: "hypothesis",
    theses: "thesis",
    syntheses: "synthesis",
    biases: "bias",
    aliases: "alias",
    lenses: "lens",
    statuses: "status",
    corpora: "corpus",
    criteria: "criterion",
    phenomena: "phenomenon",
    matrices: "matrix",
    vertices: "vertex",
    indices: "index",
    appendices: "appendix",
    axes: "axis",
    caches: "cache",
    niches: "niche",
    children: "child",
    mice: "mouse",
    movies: "movie",
    cookies: "cookie",
    schemata: "schema",
  }),
);

/** Simple English plurals of a lower-case word: "policies" → "policy", "patches" → "patch", "models" → "model". */
export function singularize(word: string): string {
  if (word.length <= 3 || !(/^[a-z]+$/.test(word) || /^\p{Ll}+$/u.test(word)) || INVARIANT.has(word))
    return word;
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sses|shes|ches|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

function render(words: Word[]): string {
  return words.map((word, i) => (i === 0 ? word.text : `${word.before}${word.text}`)).join("");
}

let synonymCache: Map<string, string> | undefined;

/** The synonyms table with keys and values in normalised form, built once. */
function phraseSynonymsNormalized(): Map<string, string> {
  if (synonymCache) return synonymCache;
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(phraseSynonyms)) {
    const key = normalizeWords(from);
    const value = normalizeWords(to);
    if (key && value) map.set(render(key).toLowerCase(), render(value));
  }
  synonymCache = map;
  return map;
}
