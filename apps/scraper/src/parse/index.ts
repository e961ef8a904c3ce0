export * from "./collapse-whitespace.ts";
export * from "./format-utc-day.ts";
export * from "./parse-api-response.ts";
export * from "./parse-error.ts";
export type { ListingCard } from "./parse-listing-cards.ts";
export * from "./parse-listing-page.ts";
export * from "./parse-page-props.ts";
