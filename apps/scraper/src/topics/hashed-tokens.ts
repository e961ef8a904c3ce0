import { casedKey, isSoftGap, NON_ASCII_WORD, stemWord } from "./tokenize.ts";

/**
 * The words of a text as the matcher reads them: the same words, forms and gaps as `tokenize`, but as numbers. Each
 * word's stem, cased form and lower-case form are hashed while it is scanned, so looking a word up costs no string:
 * only words whose hash is in the index are turned into strings, to confirm the match. On the archive this made
 * matching a third faster than string tokens (which `tokenize` still makes for the taxonomy's phrases).
 */
export type HashedTokens = {
  /** The NFKC-normalised text the offsets point into. */
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  stemHash: Int32Array;
  casedHash: Int32Array;
  lowerHash: Int32Array;
  /** JOINED, SENTENCE_START, PLAIN (lower-case ASCII letters and digits: lower, stem input and cased are the text). */
  flags: Uint8Array;
  /** Words with a character outside ASCII, computed as strings: rare, and their case rules are Unicode's. */
  exotic: Map<number, { lower: string; stem: string; cased: string }>;
};

export const JOINED = 1;
export const SENTENCE_START = 2;
const PLAIN = 4;

const OFFSET = 0x811c9dc5 | 0;
const mix = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);
// Stored hashes keep 30 bits: small integers stay unboxed in V8, as map keys too.
const SMALL = 0x3fffffff;

/** The hash the scanner computes for a word form, for building the index from strings. */
export function hashString(text: string): number {
  let hash = OFFSET;
  for (let i = 0; i < text.length; i++) hash = mix(hash, text.charCodeAt(i));
  return hash & SMALL;
}

let scratch: HashedTokens | undefined;

/**
 * Hashes the words of a text. The result lives in a buffer shared by every call (typed arrays cost more to
 * allocate than the words to hash): read it before hashing the next text.
 */
export function hashTokens(input: string): HashedTokens {
  const text = input.normalize("NFKC");
  const capacity = (text.length >> 1) + 1;
  if (!scratch || scratch.start.length < capacity) {
    const size = Math.max(capacity, 2048);
    scratch = {
      text,
      count: 0,
      start: new Int32Array(size),
      end: new Int32Array(size),
      stemHash: new Int32Array(size),
      casedHash: new Int32Array(size),
      lowerHash: new Int32Array(size),
      flags: new Uint8Array(size),
      exotic: new Map(),
    };
  }
  const tokens = scratch;
  tokens.text = text;
  tokens.count = 0;
  if (tokens.exotic.size > 0) tokens.exotic.clear();
  let start = -1;
  let soft = false;
  let stop = false;
  // Per word: the hash of its lower-case form, whether it has a digit, capitals (one past its first character),
  // or a character outside ASCII. Stems and cased forms are hashed at the word's end, from the text.
  let hash = OFFSET;
  let digit = false;
  let capitals = 0;
  let capitalsPastFirst = 0;
  let exotic = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) {
        start = i;
        hash = OFFSET;
        digit = exotic = false;
        capitals = capitalsPastFirst = 0;
      }
      hash = mix(hash, code);
      if (code <= 57) digit = true;
      continue;
    }
    if ((code >= 65 && code <= 90) || (code >= 128 && NON_ASCII_WORD.test(text.charAt(i)))) {
      if (start < 0) {
        start = i;
        hash = OFFSET;
        digit = exotic = false;
        capitals = capitalsPastFirst = 0;
      }
      if (code >= 128) exotic = true;
      else {
        hash = mix(hash, code + 32);
        capitals++;
        if (i > start) capitalsPastFirst++;
      }
      continue;
    }
    if (start >= 0) {
      const n = tokens.count++;
      tokens.start[n] = start;
      tokens.end[n] = i;
      let flags = (soft && n > 0 ? JOINED : 0) | (stop ? SENTENCE_START : 0);
      if (exotic) {
        const word = text.slice(start, i);
        const lower = word.toLowerCase();
        const forms = { lower, stem: stemWord(lower), cased: casedKey(word, lower) };
        tokens.exotic.set(n, forms);
        tokens.lowerHash[n] = hashString(forms.lower);
        tokens.stemHash[n] = hashString(forms.stem);
        tokens.casedHash[n] = hashString(forms.cased);
      } else {
        const lowerHash = hash & SMALL;
        if (capitals === 0) flags |= PLAIN;
        tokens.lowerHash[n] = lowerHash;
        tokens.stemHash[n] = digit ? lowerHash : stemHashOf(text, start, i, hash);
        if (capitals === 0) tokens.casedHash[n] = lowerHash;
        else {
          // casedKey: an "s" after a word with a capital past its first letter is a plural and goes.
          const plural = i - start >= 3 && text.charCodeAt(i - 1) === 115 && capitalsPastFirst > 0;
          tokens.casedHash[n] = hashRange(text, start, plural ? i - 1 : i, false) & SMALL;
        }
      }
      tokens.flags[n] = flags;
      start = -1;
      soft = true;
      stop = false;
    }
    if (code === 46 || code === 59 || code === 33 || code === 63) stop = true;
    if (!isSoftGap(code)) soft = false;
  }
  return tokens;
}

/** The (unmasked) hash of text[from, to), lower-cased (ASCII) or as written. */
function hashRange(text: string, from: number, to: number, lower: boolean): number {
  let hash = OFFSET;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    hash = mix(hash, lower && code >= 65 && code <= 90 ? code + 32 : code);
  }
  return hash;
}

const lowerAt = (text: string, i: number) => text.charCodeAt(i) | 0x20;

/** stemWord's rules on a lower-case ASCII word without digits, as a hash (see stemWord for the rules). */
function stemHashOf(text: string, from: number, to: number, wholeHash: number): number {
  const n = to - from;
  const c1 = lowerAt(text, to - 1);
  if (n <= 3 || (c1 !== 115 && c1 !== 101)) return wholeHash & SMALL;
  if (c1 === 101) return hashRange(text, from, to - 1, true) & SMALL; // -e
  const c2 = lowerAt(text, to - 2);
  const c3 = lowerAt(text, to - 3);
  if (c3 === 105 && c2 === 101) return mix(hashRange(text, from, to - 3, true), 121) & SMALL; // -ies → -y
  if (c2 === 115 || c2 === 117 || c2 === 105) return wholeHash & SMALL; // -ss, -us, -is
  if (c2 === 101) return hashRange(text, from, to - 2, true) & SMALL; // -es (and -sses → -ss)
  return hashRange(text, from, to - 1, true) & SMALL; // -s
}

/** The lower-case form of token `i`, as a string (for confirming a match and for explanations). */
export function lowerOf(tokens: HashedTokens, i: number): string {
  const exotic = tokens.exotic.get(i);
  if (exotic) return exotic.lower;
  const word = tokens.text.slice(tokens.start[i], tokens.end[i]);
  return (tokens.flags[i] ?? 0) & PLAIN ? word : word.toLowerCase();
}

export function stemOf(tokens: HashedTokens, i: number): string {
  return tokens.exotic.get(i)?.stem ?? stemWord(lowerOf(tokens, i));
}

export function casedOf(tokens: HashedTokens, i: number): string {
  const exotic = tokens.exotic.get(i);
  if (exotic) return exotic.cased;
  const word = tokens.text.slice(tokens.start[i], tokens.end[i]);
  return (tokens.flags[i] ?? 0) & PLAIN ? word : casedKey(word, word.toLowerCase());
}
