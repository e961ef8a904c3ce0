import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { casedOf, hashString, hashTokens, JOINED, lowerOf, SENTENCE_START, stemOf } from "./hashed-tokens.ts";
import { tokenize } from "./tokenize.ts";

// Letters of both cases, digits, the gaps that matter, and a few characters outside ASCII (ligature, sharp s,
// dotted capital I whose lower case is longer, CJK).
const alphabet = [..."aAbBeEiIsSuUyYzZ019 -.;,:()'", "é", "ß", "İ", "ﬁ", "中", "\u2013", "\n"];

describe("hashTokens", () => {
  it("reads the same words, forms and gaps as tokenize", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        const expected = tokenize(text);
        const hashed = hashTokens(text);
        expect(hashed.count).toBe(expected.length);
        expected.forEach((token, i) => {
          expect([lowerOf(hashed, i), stemOf(hashed, i), casedOf(hashed, i)]).toEqual([
            token.lower,
            token.stem,
            token.cased,
          ]);
          expect([hashed.lowerHash[i], hashed.stemHash[i], hashed.casedHash[i]]).toEqual([
            hashString(token.lower),
            hashString(token.stem),
            hashString(token.cased),
          ]);
          expect([
            Boolean((hashed.flags[i] ?? 0) & JOINED),
            Boolean((hashed.flags[i] ?? 0) & SENTENCE_START),
          ]).toEqual([token.joined, token.sentenceStart]);
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ["policies", "policy"],
    ["processes", "process"],
    ["caches", "cach"],
    ["LLMs", "llm"],
    ["Gaussians", "gaussian"],
    ["analysis", "analysis"],
    ["3DGS", "3dgs"],
  ])("stems %s as %s", (word, stem) => {
    const hashed = hashTokens(word);
    expect(stemOf(hashed, 0)).toBe(stem);
    expect(hashed.stemHash[0]).toBe(hashString(stem));
  });
});
