/** Paper ids are short (2407.21783): a longer segment cannot be one. */
export const maxPaperIdLength = 100;

/**
 * Whether a path segment can name a stored paper (ids are short, 2407.21783) or organisation (names at most 200
 * characters): anything longer or holding control characters cannot, and is answered 404 without a query.
 */
export function isPathName(value: string, maxLength: number): boolean {
  return value.length > 0 && value.length <= maxLength && /^[^\p{Cc}]*$/u.test(value);
}
