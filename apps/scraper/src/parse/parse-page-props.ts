import { formatZodIssues, type HfDailyPaper, hfPagePropsSchema } from "@paperpulse/schema";
import { formatUtcDay } from "./format-utc-day.ts";
import { ParseError } from "./parse-error.ts";

export type PageProps = {
  /** YYYY-MM-DD of the listing (props.date), null when the props do not say. */
  listingDate: string | null;
  /** Full items, the same shape as API items. */
  items: HfDailyPaper[];
};

// The page's props sit in an attribute; a recorded file holds them alone, where they could also be an API array.
const errors = {
  page: {
    badJson: (text: string, cause: unknown) =>
      new ParseError("BAD_PAYLOAD", `the DailyPapers data-props is not JSON (${text.length} chars)`, {
        cause,
      }),
    drift: (issues: string) => new ParseError("SCHEMA_DRIFT", issues),
  },
  file: {
    badJson: (_text: string, cause: unknown) => new ParseError("BAD_JSON", "file is not JSON", { cause }),
    drift: (issues: string) =>
      new ParseError(
        "SCHEMA_DRIFT",
        `not an /api/daily_papers array nor a listing's {dailyPapers: [...]}: ${issues}`,
      ),
  },
} as const;

/**
 * A listing's DailyPapers props, as JSON text → its date and items: from a page's `data-props` or from a file
 * that saved them. Throws ParseError, never returns a partial list.
 */
export function parsePageProps(text: string, from: keyof typeof errors): PageProps {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw errors[from].badJson(text, error);
  }
  const result = hfPagePropsSchema.safeParse(json);
  if (!result.success) throw errors[from].drift(formatZodIssues(result.error));
  return { listingDate: formatUtcDay(result.data.date), items: result.data.dailyPapers };
}
