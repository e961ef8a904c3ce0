import type { CapturedPaper } from "@paperpulse/db";
import { formatZodIssues, hfPagePropsSchema } from "@paperpulse/schema";
import { normalizeDailyPapers, normalizeListing } from "../normalize/index.ts";
import { formatUtcDay } from "../parse/format-utc-day.ts";
import { ParseError, parseApiResponse, parseListingPage } from "../parse/index.ts";

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
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ParseError("BAD_JSON", "file is not JSON", { cause: error });
  }
  const result = hfPagePropsSchema.safeParse(json);
  if (!result.success) {
    throw new ParseError(
      "SCHEMA_DRIFT",
      `not an /api/daily_papers array nor a listing's {dailyPapers: [...]}: ${formatZodIssues(result.error)}`,
    );
  }
  return {
    papers: normalizeDailyPapers(result.data.dailyPapers),
    listingDate: formatUtcDay(result.data.date),
  };
}
