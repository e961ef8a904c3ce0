import type { CapturedPaper } from "@paperpulse/db";
import { normalizeDailyPapers, normalizeListing } from "../normalize/index.ts";
import { parseApiResponse, parseListingPage, parsePageProps } from "../parse/index.ts";

/** page: listing HTML; api: a `/api/daily_papers` array; props: a listing's DailyPapers props saved as JSON. */
export type BodyKind = "page" | "api" | "props";

export type ParsedBody = { papers: CapturedPaper[]; listingDate: string | null };

/** A recorded file's kind: .html is a listing page; JSON is an API array, or a listing's props when an object. */
export function detectBodyKind(name: string, text: string): BodyKind {
  if (/\.html?$/i.test(name)) return "page";
  return text.trimStart().startsWith("{") ? "props" : "api";
}

/** Turns a fetched or recorded body into normalised papers; throws ParseError when it cannot, never a partial list. */
export function parseBody(kind: BodyKind, body: string): ParsedBody {
  switch (kind) {
    case "api":
      return { papers: normalizeDailyPapers(parseApiResponse(body)), listingDate: null };
    case "props":
      return parseProps(body);
    case "page": {
      const listing = parseListingPage(body);
      return { papers: normalizeListing(listing), listingDate: listing.listingDate };
    }
  }
}

function parseProps(body: string): ParsedBody {
  const { items, listingDate } = parsePageProps(body, "file");
  return { papers: normalizeDailyPapers(items), listingDate };
}
