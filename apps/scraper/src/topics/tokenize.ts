/** A word of a title, abstract, keyword or taxonomy phrase, with the forms the matcher compares. */
export type Token = {
  /** Lower-case, as written: wildcard phrases ("robot*") compare their prefix against it. */
  lower: string;
  /** Lower-case and reduced to a crude stem, so that plurals match: "policies" → "policy", "images" → "imag". */
  stem: string;
  /** Case kept, a plural "s" after a capital dropped: "LLMs" → "LLM", so acronyms match case-sensitively. */
  cased: string;
  /** Only spaces and hyphens separate it from the token before: a phrase may continue across the gap. */
  joined: boolean;
  /** A full stop, semicolon, question or exclamation mark stands between it and the token before. */
  sentenceStart: boolean;
};

/**
 * Splits text into tokens of letters and digits: "URL" is one token and never contains "RL"; "GPT-4o" is two,
 * "GPT" and "4o". NFKC first, so ligatures and full-width letters compare like plain ones. Hand-rolled rather than
 * a regular expression: every stored paper's title, abstract and keywords go through it.
 */
export function tokenize(text: string): Token[] {
  const normalized = text.normalize("NFKC");
  const tokens: Token[] = [];
  let start = -1;
  let soft = false;
  let stop = false;
  // Most words are plain lower-case ASCII: toLowerCase costs more than the rest of a word's tokenizing.
  let plain = true;
  for (let i = 0; i <= normalized.length; i++) {
    const code = i < normalized.length ? normalized.charCodeAt(i) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if ((code >= 65 && code <= 90) || (code >= 128 && NON_ASCII_WORD.test(normalized.charAt(i)))) {
      if (start < 0) start = i;
      plain = false;
      continue;
    }
    if (start >= 0) {
      const word = normalized.slice(start, i);
      const lower = plain ? word : word.toLowerCase();
      tokens.push({
        lower,
        stem: stemWord(lower),
        cased: plain ? word : casedKey(word, lower),
        joined: soft && tokens.length > 0,
        sentenceStart: stop,
      });
      start = -1;
      plain = true;
      soft = true;
      stop = false;
    }
    // "." between digits ("2.5") or letters ("e.g.") is no sentence end, but the cue window it cuts is short.
    if (code === 46 || code === 59 || code === 33 || code === 63) stop = true;
    // Only spaces and hyphens (of any kind) keep a phrase going; any other character ends it.
    if (!isSoftGap(code)) soft = false;
  }
  return tokens;
}

/** Whether a character between two words keeps a phrase going: spaces and hyphens of any kind. */
export function isSoftGap(code: number): boolean {
  return (
    code === 32 ||
    code === 45 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 160 ||
    (code >= 0x2010 && code <= 0x2014) ||
    code === 0x2212
  );
}

export const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * A deliberately crude stemmer: both sides of a comparison go through it, so it only has to map a singular and its
 * plural to the same key ("cache"/"caches" → "cach", "patch"/"patches" → "patch", "process"/"processes" →
 * "process"), and leave words in -ss, -us, -is alone ("loss", "corpus", "analysis").
 */
export function stemWord(word: string): string {
  const n = word.length;
  if (n <= 3) return word;
  const last = word.charCodeAt(n - 1);
  if (last !== 115 /* s */ && last !== 101 /* e */) return word;
  if (hasDigit(word)) return word;
  if (last === 101) return word.slice(0, -1);
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("es")) return word.slice(0, -2);
  return word.slice(0, -1);
}

// A loop, not /\d/.test: a regular expression run on a slice of a long string costs time in the whole string's
// length, and tokens are slices of whole abstracts.
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** The form acronyms are compared in: case kept, the plural "s" of "LLMs", "DiTs" or "SAEs" dropped. */
export function casedKey(word: string, lower: string): string {
  if (word === lower) return lower;
  // "LLMs", "DiTs", "SAEs": a lower-case "s" after a word holding a capital beyond its first letter is a plural.
  if (word.length >= 3 && word.endsWith("s") && word.slice(1, -1) !== lower.slice(1, -1))
    return word.slice(0, -1);
  return word;
}
