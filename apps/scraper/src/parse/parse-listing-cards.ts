import type { CheerioAPI } from "cheerio/slim";
import type { AnyNode, Element, Text } from "domhandler";
import { collapseWhitespace } from "./collapse-whitespace.ts";
import { ParseError } from "./parse-error.ts";

/** What a listing card shows: counts only, no abstract, no author names, no organisation. */
export type ListingCard = {
  id: string;
  title: string;
  upvotes: number;
  comments: number;
  /** The card's "N authors" text. */
  authorCount: number;
  /** The "Submitted by" user name, when the card shows one. */
  submittedBy: string | null;
};

const PAPER_HREF = /^(?:https?:\/\/[^/]+)?\/papers\/([^/?#]+)(?:[?#]|$)/;
const COUNT = /^\d[\d,]*$/;
// The "·" separator sits in its own element in the 2024 layout; tolerate it inside the text node too.
const AUTHORS_TEXT = /^[\s·•]*(\d[\d,]*)\s+authors?\s*$/i;
const SUBMITTED_BY = /^\s*Submitted by\b/i;

/** The `<article>` elements of a listing page (cards of papers and anything else the page puts in articles). */
export function selectArticles($: CheerioAPI): Element[] {
  return $("article").toArray();
}

/**
 * Reads paper cards (articles with an `h3 > a[href="/papers/ID"]` title). A paper card that lacks one of its
 * counts is SCHEMA_DRIFT, not a card with a guessed zero: a wrong count would enter the upvote time series.
 */
export function parseListingCards($: CheerioAPI, articles: readonly Element[]): ListingCard[] {
  const cards: ListingCard[] = [];
  for (const article of articles) {
    const $card = $(article);
    const link = $card.find('h3 > a[href*="/papers/"]').first();
    const id = PAPER_HREF.exec(link.attr("href") ?? "")?.[1];
    if (id === undefined) continue;
    const at = `cards[${cards.length}]`;
    const texts = collectTextNodes(article);
    cards.push({
      id,
      title: collapseWhitespace(link.text()),
      upvotes: readVotes($, $card.find(".leading-none").toArray(), `${at}.upvotes`, id),
      comments: readComments($, $card.find("a").toArray(), id, `${at}.comments`),
      authorCount: readAuthorCount(texts, `${at}.authorCount`, id),
      submittedBy: readSubmittedBy($, texts),
    });
  }
  return cards;
}

// The vote box is the `.leading-none` element holding only a number; the "Submitted by" badge shares the class.
function readVotes($: CheerioAPI, candidates: Element[], at: string, id: string): number {
  for (const element of candidates) {
    const text = collapseWhitespace($(element).text());
    if (COUNT.test(text)) return parseCount(text);
  }
  throw new ParseError("SCHEMA_DRIFT", `${at}: no vote count in the card of ${id}`);
}

function readComments($: CheerioAPI, anchors: Element[], id: string, at: string): number {
  const href = `/papers/${id}#community`;
  const anchor = anchors.find((a) => a.attribs.href === href || a.attribs.href?.endsWith(href));
  const text = anchor ? collapseWhitespace($(anchor).text()) : "";
  if (!COUNT.test(text)) {
    throw new ParseError("SCHEMA_DRIFT", `${at}: no comment count (a[href="${href}"]) in the card of ${id}`);
  }
  return parseCount(text);
}

function readAuthorCount(texts: Text[], at: string, id: string): number {
  for (const node of texts) {
    const match = AUTHORS_TEXT.exec(node.data);
    if (match?.[1] !== undefined) return parseCount(match[1]);
  }
  throw new ParseError("SCHEMA_DRIFT", `${at}: no "N authors" text in the card of ${id}`);
}

// "Submitted by <img> name": the badge's text after the label, whatever elements the name is wrapped in.
function readSubmittedBy($: CheerioAPI, texts: Text[]): string | null {
  const label = texts.find((node) => SUBMITTED_BY.test(node.data));
  if (!label?.parent) return null;
  const name = collapseWhitespace($(label.parent).text()).replace(SUBMITTED_BY, "").trim();
  return name === "" ? null : name;
}

// Text nodes in document order (an HTML comment is not one, so it cannot fake a count).
function collectTextNodes(root: Element): Text[] {
  const out: Text[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType === 3) out.push(node);
    else if ("children" in node) stack.push(...[...node.children].reverse());
  }
  return out;
}

function parseCount(text: string): number {
  return Number.parseInt(text.replaceAll(",", ""), 10);
}
