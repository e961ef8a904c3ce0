import { z } from "zod";

/** Longest group or organisation name accepted: Hugging Face's own organisation names are far shorter. */
export const orgNameMaxLength = 100;

/**
 * A group's name, or an organisation name put in a group: trimmed, not empty, of a reasonable length, and free of
 * control and invisible characters, which would make two names that read the same differ.
 */
export const orgNameSchema = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(orgNameMaxLength, { error: `must be at most ${orgNameMaxLength} characters long` })
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, { error: "must not contain control or invisible characters" });
