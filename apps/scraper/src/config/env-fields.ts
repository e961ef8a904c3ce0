import { Cron } from "croner";
import { z } from "zod";

// Field types shared by the environment schemas of both apps. Messages follow the variable's name ("X must be …")
// and quote the value only where it holds no secret.

/** Unset and empty (or blank) mean the same thing: `PORT= pnpm start` should not fail validation. */
export const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

/** A whole number within a range, in the variable's own unit; `why` explains a bound that is not ours. */
export function wholeNumber(min: number, max: number, why?: string) {
  return z.string().transform((raw, context) => {
    const value = raw.trim();
    const number = Number(value);
    if (/^\d+$/.test(value) && number >= min && number <= max) return number;
    const range = `a whole number from ${min} to ${max}${why ? ` (${why})` : ""}`;
    context.addIssue({ code: "custom", message: `must be ${range}, got ${JSON.stringify(value)}` });
    return z.NEVER;
  });
}

/** One of a few words, any case; the message lists them. */
export function oneOf<const T extends readonly string[]>(words: T, listed: string) {
  return z.string().transform((raw, context) => {
    const value = raw.trim().toLowerCase();
    if ((words as readonly string[]).includes(value)) return value as T[number];
    context.addIssue({ code: "custom", message: `must be ${listed}, got ${JSON.stringify(raw)}` });
    return z.NEVER;
  });
}

/** A cron expression (UTC, as croner reads it), or `off` (any case): null. */
export function cronOrOff() {
  return z.string().transform((raw, context): string | null => {
    const cron = raw.trim();
    if (cron.toLowerCase() === "off") return null;
    try {
      new Cron(cron, { paused: true, timezone: "UTC" }).stop();
      return cron;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      context.addIssue({
        code: "custom",
        message: `is not a cron expression (${JSON.stringify(cron)}): ${reason}`,
      });
      return z.NEVER;
    }
  });
}
