import { formatZodIssues, type HfDailyPaper, hfApiResponseSchema } from "@paperpulse/schema";
import { ParseError } from "./parse-error.ts";

/**
 * A `GET /api/daily_papers` body → validated items. An empty array is a valid answer (past the last page).
 * Throws ParseError `BAD_JSON` or `SCHEMA_DRIFT` (with the item path, e.g. `[4].paper.id: …`).
 */
export function parseApiResponse(body: string): HfDailyPaper[] {
  let json: unknown;
  try {
    // A UTF-8 BOM is legal in a saved file but not in JSON.parse.
    json = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch (error) {
    throw new ParseError("BAD_JSON", `API response is not JSON (${describeBody(body)})`, { cause: error });
  }
  const result = hfApiResponseSchema.safeParse(json);
  if (!result.success) throw new ParseError("SCHEMA_DRIFT", formatZodIssues(result.error));
  return result.data;
}

// An HTML error page or a proxy message is the usual non-JSON body: its start tells the operator which.
function describeBody(body: string): string {
  if (body.trim() === "") return "empty body";
  const start = body.slice(0, 60).replace(/\s+/g, " ").trim();
  return `starts with ${JSON.stringify(start)}`;
}
