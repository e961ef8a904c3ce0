import type { HfDailyPaper } from "@paperpulse/schema";
import { type CheerioAPI, load } from "cheerio/slim";
import { ParseError } from "./parse-error.ts";
import { type ListingCard, parseListingCards, selectArticles } from "./parse-listing-cards.ts";
import { parsePageProps } from "./parse-page-props.ts";

export type ParsedListing =
  | {
      /** The DailyPapers component's `data-props`: full items, the same shape as API items. */
      source: "payload";
      /** YYYY-MM-DD of the listing (props.date), null when the page does not say. */
      listingDate: string | null;
      items: HfDailyPaper[];
    }
  | {
      /** The `<article>` cards, read only when the payload is absent: counts, no abstracts or author names. */
      source: "cards";
      listingDate: null;
      items: ListingCard[];
    };

export type ListingItem = ParsedListing["items"][number];

const PAYLOAD_SELECTOR = 'div[data-target="DailyPapers"]';

// htmlparser2 (HTML mode, entities decoded) instead of cheerio's default parse5: several times faster on a
// 220 KB page whose bulk is one huge attribute, and we need no spec-exact tree repair to read it.
const LOAD_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } } as const;

/**
 * A Daily Papers listing page (HTML) → its items. One parse of the page; the payload wins over the cards.
 *
 * A page cut short can never yield a partial list:
 * - the payload attribute comes before the cards, and an unterminated attribute drops its tag, so a cut inside or
 *   before the payload leaves neither payload nor cards: `NO_LISTING`;
 * - a payload that is present is complete JSON (or it is `BAD_PAYLOAD`), whatever follows it;
 * - cards alone are trusted only on a page that ends with `</html>`, else `TRUNCATED`.
 * An empty day (`dailyPapers: []`) is a valid result with no items.
 */
export function parseListingPage(html: string): ParsedListing {
  const $ = load(html, LOAD_OPTIONS);
  const props = $(PAYLOAD_SELECTOR).first().attr("data-props");
  if (props !== undefined) return parsePayload(props);
  return parseCards($, html);
}

function parsePayload(props: string): ParsedListing {
  return { source: "payload", ...parsePageProps(props, "page") };
}

function parseCards($: CheerioAPI, html: string): ParsedListing {
  const complete = endsWithHtmlClose(html);
  const articles = selectArticles($);
  const noListing = () =>
    new ParseError(
      "NO_LISTING",
      `no DailyPapers payload and no paper cards in the page${complete ? "" : " (it does not end with </html>: cut short?)"}`,
    );
  if (articles.length === 0) throw noListing();
  // Checked before reading the cards: the last card of a cut page would otherwise surface as SCHEMA_DRIFT.
  if (!complete) {
    throw new ParseError(
      "TRUNCATED",
      `the page has ${articles.length} cards but no payload and does not end with </html>: papers may be missing`,
    );
  }
  const items = parseListingCards($, articles);
  if (items.length === 0) throw noListing();
  return { source: "cards", listingDate: null, items };
}

// Looks only at the tail: the page itself is parsed once, by cheerio.
function endsWithHtmlClose(html: string): boolean {
  return /<\/html\s*>\s*$/i.test(html.slice(-256));
}
