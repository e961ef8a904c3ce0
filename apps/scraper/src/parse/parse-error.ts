/**
 * Why a body could not be turned into listing items. Callers record `code` on the scraped page and fail it as a
 * whole: a parser never returns a partial list.
 *
 * - `NO_LISTING`: neither the DailyPapers payload nor any paper card is in the page (wrong page, or cut short
 *   before the payload).
 * - `TRUNCATED`: the page has cards but no payload and does not end with `</html>`; the cards of a cut page would
 *   silently lose papers.
 * - `BAD_PAYLOAD`: the DailyPapers `data-props` attribute is not JSON.
 * - `BAD_JSON`: an API body is not JSON.
 * - `SCHEMA_DRIFT`: the data is there but not in the shape we know; the message names the field path.
 * - `BAD_DATE`: a daily or listing date no real listing has (after tomorrow, or before the daily papers began);
 *   the message names the field.
 */
export type ParseErrorCode =
  | "NO_LISTING"
  | "TRUNCATED"
  | "BAD_PAYLOAD"
  | "BAD_JSON"
  | "SCHEMA_DRIFT"
  | "BAD_DATE";

export class ParseError extends Error {
  override readonly name = "ParseError";
  readonly code: ParseErrorCode;

  constructor(code: ParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
